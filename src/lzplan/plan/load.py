"""Reading a plan file: the schema, the cross-references, then the notice it quotes."""

from __future__ import annotations

import hashlib
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from lzplan.code import digest, fingerprint
from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.location import PositionMap
from lzplan.messages import msg
from lzplan.plan import breakdown, crossref, trace
from lzplan.plan.breakdown import LoadedBreakdown
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan


@dataclass(frozen=True)
class LoadedPlan:
    path: Path
    display: str
    sha256: str
    plan: Plan
    index: PlanIndex
    positions: PositionMap
    notice: str
    breakdown: LoadedBreakdown | None = None


def load(path: Path, display: str | None = None, cache: Path | None = None) -> LoadedPlan:
    """Load and fully validate a plan file; raise InputError listing every problem.

    With a cache folder, tracing the plan against its notice (the dearest check, and a
    pure function of the two texts) is skipped when the same texts passed it before."""
    name = display or str(path)
    text = loader.read_text(path, name, loader.MAX_PLAN_BYTES)
    document = loader.parse(text, name)
    plan = to_model(document, Plan)
    index = PlanIndex(plan)
    problems = crossref.check(plan, document.positions, index)
    if problems:
        raise InputError(problems)
    notice_path = path.parent / plan.plan.source.file
    try:
        notice = loader.read_text(notice_path, str(Path(name).parent / plan.plan.source.file))
    except InputError as exc:
        where = document.positions.find(("plan", "source", "file"))
        raise InputError(
            [Problem(where, msg("plan.notice", problem=exc.problems[0].message))]
        ) from None
    broken_down = _breakdown(path, name, plan, document.positions)
    extra = [broken_down.text] if broken_down else []
    passed = _traced_marker(cache, text, notice, *extra, name, str(notice_path))
    if passed is None or not passed.is_file():
        problems = trace.check(plan, document.positions, notice, str(notice_path), broken_down)
        if problems:
            raise InputError(problems)
        _mark(passed)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedPlan(path, name, digest, plan, index, document.positions, notice, broken_down)


def _breakdown(
    path: Path, display: str, plan: Plan, positions: PositionMap
) -> LoadedBreakdown | None:
    """The 任务分解 the plan cites, validated against the plan; None when it cites none."""
    ref = plan.plan.breakdown
    if ref is None:
        return None
    name = str(Path(display).parent / ref.file)
    try:
        text = loader.read_text(path.parent / ref.file, name)
    except InputError as exc:
        where = positions.find(("plan", "breakdown", "file"))
        raise InputError(
            [Problem(where, msg("plan.breakdown", problem=exc.problems[0].message))]
        ) from None
    document = loader.parse(text, name)
    parsed = to_model(document, breakdown.Breakdown)
    loaded = LoadedBreakdown(name, parsed, document.positions, text)
    problems = list(breakdown.check(loaded, plan))
    if problems:
        raise InputError(problems)
    return loaded


def _traced_marker(cache: Path | None, *texts: str) -> Path | None:
    """Where a pass of the trace over these texts is noted: named by their sha256 (and
    lzplan's code), so another plan, notice or lzplan never finds it."""
    if cache is None:
        return None
    return cache / "traced" / digest(fingerprint(), *texts).hex()


def _mark(marker: Path | None) -> None:
    if marker is not None:
        with suppress(OSError):  # a cache that cannot be written only costs the saving
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
