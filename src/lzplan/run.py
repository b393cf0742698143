"""One check from files on disk to a Result: the I/O around the pure engine."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path

from lzplan import collect, engine
from lzplan import plan as plans
from lzplan.errors import InputError, UsageError, sorted_problems
from lzplan.i18n import msg
from lzplan.result import Result


@dataclass(frozen=True)
class Request:
    paths: tuple[Path, ...]
    plan: Path
    as_of: dt.date
    waivers: Path | None = None
    unit: str | None = None
    filed_only: bool = False


@dataclass(frozen=True)
class Outcome:
    plan: plans.LoadedPlan
    result: Result


def default_waivers(plan_path: Path) -> Path:
    """plan/2011.yaml → plan/waivers-2011.yaml"""
    return plan_path.with_name(f"waivers-{plan_path.stem}.yaml")


def check(request: Request) -> Outcome:
    loaded = plans.load(request.plan)
    if request.unit is not None and request.unit not in loaded.index.units:
        known = sorted(loaded.index.units)
        raise UsageError(msg("usage.unknown_unit", unit=request.unit, known=known))
    collected = collect.submissions(request.paths)
    problems = list(collected.problems)
    granted: list[engine.Granted] = []
    waiver_path = request.waivers or default_waivers(request.plan)
    if request.waivers is not None or waiver_path.exists():
        info = loaded.plan.plan
        try:
            granted = collect.waivers(waiver_path, info.id, info.owner)
        except InputError as error:
            problems += error.problems
    result = engine.check(
        loaded.index,
        collected.filed,
        request.as_of,
        rejected=collected.rejected,
        waivers=granted,
        only_units=_only_units(request, collected),
    )
    problems += result.problems
    return Outcome(loaded, replace(result, problems=tuple(sorted_problems(problems))))


def _only_units(request: Request, collected: collect.Collected) -> set[str] | None:
    """--unit: that unit; --filed-only: the units whose files were given; else all."""
    if request.unit is not None:
        return {request.unit}
    if request.filed_only:
        filed = {f.submission.unit for f in collected.filed}
        return filed | {r.unit for r in collected.rejected if r.unit is not None}
    return None
