"""`lzplan extract --compare`: precision and recall of a draft against a reviewed plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lzplan import kinds
from lzplan.extract.notice import bracket_key
from lzplan.plan.model import Plan, Task


@dataclass(frozen=True)
class Score:
    field: str
    draft: int
    reviewed: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.draft if self.draft else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.reviewed if self.reviewed else 1.0


def compare(draft: Plan, reviewed: Plan) -> list[Score]:
    """Tasks match by their 责任单位 bracket; owners, quotas and due dates within them."""
    return [
        _score("tasks", _tasks(draft), _tasks(reviewed)),
        _score("owners", _owners(draft), _owners(reviewed)),
        _score("quotas", _quotas(draft), _quotas(reviewed)),
        _score("due_dates", _due_dates(draft), _due_dates(reviewed)),
    ]


def _score(name: str, draft: set[tuple[object, ...]], reviewed: set[tuple[object, ...]]) -> Score:
    return Score(name, len(draft), len(reviewed), len(draft & reviewed))


def _key(task: Task) -> str:
    return bracket_key(task.owners.source)


def _tasks(plan: Plan) -> set[tuple[object, ...]]:
    return {(_key(task),) for task in plan.tasks}


def _owners(plan: Plan) -> set[tuple[object, ...]]:
    """Who each bracket names, lead or supporting; owners a reviewer added beyond the
    bracket's words (the rest of a 等 list) are no extraction's to find."""
    names: dict[str, list[str]] = {u.id: [u.name, *u.aliases] for u in plan.units}
    names |= {g.id: g.names for g in plan.groups}
    found: set[tuple[object, ...]] = set()
    for task in plan.tasks:
        known = names | {g.id: g.names for g in task.groups}
        bracket = bracket_key(task.owners.source)
        for owner in (*task.owners.leads, *task.owners.groups, *task.owners.supporting):
            if any(bracket_key(name) in bracket for name in known.get(owner, [owner])):
                found.add((_key(task), owner))
    return found


def _quotas(plan: Plan) -> set[tuple[object, ...]]:
    found: set[tuple[object, ...]] = set()
    for task in plan.tasks:
        for req in task.requirements:
            for stated in kinds.of(req).encoded(req):
                shown = f"{stated.value:g}%" if stated.measure == "%" else stated.value
                found.add((_key(task), shown))
    return found


def _due_dates(plan: Plan) -> set[tuple[object, ...]]:
    """Due dates the notice states (the requirement keeps its wording)."""
    found: set[tuple[object, ...]] = set()
    for task in plan.tasks:
        for req in task.requirements:
            if req.due.wording:
                date: dt.date = req.due.date
                found.add((_key(task), date))
    return found
