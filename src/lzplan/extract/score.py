"""`lzplan extract --compare`: precision and recall of a draft against a reviewed plan."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lzplan import kinds
from lzplan.plan.model import Plan, Task

_WIDTH = str.maketrans("（）〔〕：，；、。", "()():,;,.")


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


def bracket_key(source: str) -> str:
    """Brackets compare equal whatever their width of punctuation or spacing."""
    return "".join(source.translate(_WIDTH).split())


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
    return {
        (_key(task), owner)
        for task in plan.tasks
        for owner in (*task.owners.leads, *task.owners.groups)
    }


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
