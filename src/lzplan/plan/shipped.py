"""The plans that ship with lzplan, and how a command finds its plan.

A unit's repository needs no copy of the plan: lzplan carries the reviewed plans
(``lzplan plan list``), each with its notice and waivers. A plan is found, in order:
the file ``--plan`` (or ``LZPLAN_PLAN``) names; a shipped plan that ``--plan`` names by
its id (``--plan luzhou-2011``); ``plan/2011.yaml`` when the folder has one (the
central repository); else the shipped plan the submissions name (their ``plan:`` id),
or the only one shipped — and the run says which.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from lzplan.errors import InputError, Problem
from lzplan.location import Location
from lzplan.messages import Message, msg

DEFAULT = Path("plan/2011.yaml")
_PLAN_ID = re.compile(r"^plan:\s*['\"]?([A-Za-z0-9][A-Za-z0-9_.-]*)", re.MULTILINE)


# The files a plan's folder holds beside the plan itself: waivers, scores, the
# documents' settings, and the 任务分解 the plan cites.
_BESIDE = ("waivers-", "scores-", "documents-")
_BESIDE_SUFFIX = (".breakdown.yaml",)


def _is_plan(name: str) -> bool:
    return not name.startswith(_BESIDE) and not name.endswith(_BESIDE_SUFFIX)


@dataclass(frozen=True)
class Shipped:
    id: str
    path: Path


def shipped() -> list[Shipped]:
    """The plans in the package, by id (each folder holds one plan, its notice, and
    the files beside it: waivers, scores, documents' settings, 任务分解)."""
    root = Path(str(resources.files("lzplan") / "shipped"))
    found = []
    for folder in sorted(root.iterdir()) if root.is_dir() else []:
        plans = [p for p in sorted(folder.glob("*.yaml")) if _is_plan(p.name)]
        if folder.name != "schemas" and len(plans) == 1:
            found.append(Shipped(folder.name, plans[0]))
    return found


@dataclass(frozen=True)
class Found:
    path: Path
    note: Message | None = None  # said on standard error: which plan was taken, and why


def find(given: Path | None, submissions: Iterable[Path] = ()) -> Found:
    """The plan a command uses (see the module's docstring)."""
    by_id = {plan.id: plan for plan in shipped()}
    if given is not None:
        if given.exists() or given.is_symlink():
            return Found(given)
        if str(given) in by_id:
            return Found(by_id[str(given)].path)
        message = msg("plan.missing", known=sorted(by_id))
        raise InputError([Problem(Location(str(given)), message)])
    if DEFAULT.exists():
        return Found(DEFAULT)
    wanted = _named_by(submissions) or (next(iter(by_id)) if len(by_id) == 1 else None)
    if wanted in by_id:
        return Found(by_id[wanted].path, msg("plan.shipped_used", id=wanted, default=str(DEFAULT)))
    known = sorted(by_id)
    raise InputError([Problem(Location(str(DEFAULT)), msg("plan.none", known=known))])


def _named_by(submissions: Iterable[Path]) -> str | None:
    """The plan id the first submission found names (the head of the file is enough)."""
    for path in submissions:
        files = sorted(path.rglob("*.y*ml")) if path.is_dir() else [path]
        for file in files[:20]:
            try:
                with file.open("rb") as handle:
                    head = handle.read(4096).decode("utf-8", "replace")
            except OSError:
                continue
            if (match := _PLAN_ID.search(head)) is not None:
                return match.group(1)
    return None
