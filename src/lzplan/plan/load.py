"""Reading a plan file: the schema, the cross-references, then the notice it quotes."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.location import PositionMap
from lzplan.messages import msg
from lzplan.plan import crossref, trace
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


def load(path: Path, display: str | None = None) -> LoadedPlan:
    """Load and fully validate a plan file; raise InputError listing every problem."""
    name = display or str(path)
    text = loader.read_text(path, name)
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
    problems = trace.check(plan, document.positions, notice, str(notice_path))
    if problems:
        raise InputError(problems)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedPlan(path, name, digest, plan, index, document.positions, notice)
