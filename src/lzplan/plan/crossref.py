"""What no single field of a plan shows: unknown or duplicate ids, empty groups..."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lzplan import kinds
from lzplan.errors import Problem
from lzplan.location import Location, PathKey, PositionMap
from lzplan.messages import msg
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan, Requirement
from lzplan.plan.recurrence import occurrences


def check(plan: Plan, positions: PositionMap, index: PlanIndex | None = None) -> list[Problem]:
    """Problems that no single field shows: unknown or duplicate ids, empty groups..."""
    return list(_Checker(plan, positions, index or PlanIndex(plan)).run())


class _Checker:
    def __init__(self, plan: Plan, positions: PositionMap, index: PlanIndex) -> None:
        self.plan = plan
        self.index = index
        self.where = positions.find
        self.units = {unit.id for unit in plan.units}
        self.groups = {group.id for group in plan.groups}
        self.tags = {tag for unit in plan.units for tag in unit.tags}

    def run(self) -> Iterator[Problem]:
        yield from self._duplicates()
        if self.plan.plan.owner not in self.units:
            yield self._unknown(("plan", "owner"), "unit", self.plan.plan.owner)
        yield from self._groups()
        for t, task in enumerate(self.plan.tasks):
            base: PathKey = ("tasks", t, "owners")
            yield from self._refs((*base, "leads"), task.owners.leads, self.units, "unit")
            yield from self._refs((*base, "groups"), task.owners.groups, self.groups, "group")
            for r, requirement in enumerate(task.requirements):
                yield from self._requirement(("tasks", t, "requirements", r), requirement)

    def _duplicates(self) -> Iterator[Problem]:
        lists: list[tuple[str, list[tuple[PathKey, str]]]] = [
            ("unit", [(("units", i, "id"), u.id) for i, u in enumerate(self.plan.units)]),
            ("group", [(("groups", i, "id"), g.id) for i, g in enumerate(self.plan.groups)]),
            ("task", [(("tasks", i, "id"), t.id) for i, t in enumerate(self.plan.tasks)]),
            (
                "requirement",
                [
                    (("tasks", i, "requirements", j, "id"), r.id)
                    for i, t in enumerate(self.plan.tasks)
                    for j, r in enumerate(t.requirements)
                ],
            ),
        ]
        for what, entries in lists:
            first: dict[str, Location] = {}
            for path, value in entries:
                if value in first:
                    message = msg(
                        "plan.duplicate_id",
                        what=msg(f"what.{what}"),
                        value=value,
                        first=str(first[value]),
                    )
                    yield Problem(self.where(path), message)
                else:
                    first[value] = self.where(path)

    def _groups(self) -> Iterator[Problem]:
        for g, group in enumerate(self.plan.groups):
            base: PathKey = ("groups", g)
            yield from self._refs((*base, "units"), group.units, self.units, "unit")
            yield from self._refs((*base, "exclude"), group.exclude, self.units, "unit")
            for i, tag in enumerate(group.tags):
                if tag not in self.tags:
                    yield Problem(self.where((*base, "tags", i)), msg("plan.tag_unused", tag=tag))
            if not self.index.members[group.id]:
                yield Problem(self.where(base), msg("plan.group_empty", group=group.id))

    def _requirement(self, path: PathKey, req: Requirement) -> Iterator[Problem]:
        yield from self._refs((*path, "units"), req.units, self.units, "unit")
        yield from self._refs((*path, "groups"), req.groups, self.groups, "group")
        for sub_path, message in kinds.of(req).references(req, self.index):
            yield Problem(self.where((*path, *sub_path)), message)
        if req.recurs is not None:
            yield from self._recurs(path, req)
        yield from self._due(path, req)

    def _recurs(self, path: PathKey, req: Requirement) -> Iterator[Problem]:
        assert req.recurs is not None
        if not kinds.of(req).can_recur:
            message = msg("plan.recurs_kind", kind=req.kind)
            yield Problem(self.where((*path, "recurs")), message)
            return
        period = self.plan.plan.period
        every, after = req.recurs.every, req.recurs.due_after
        last = occurrences(every, after, period.start, period.end)[-1].due
        if req.due.date != last:
            message = msg("plan.recurs_due", due=req.due.date, last=last)
            yield Problem(self.where((*path, "due", "date")), message)

    def _due(self, path: PathKey, req: Requirement) -> Iterator[Problem]:
        period = self.plan.plan.period
        latest = period.end + dt.timedelta(days=366)
        if not period.start <= req.due.date <= latest:
            message = msg("plan.due_range", due=req.due.date, start=period.start, end=latest)
            yield Problem(self.where((*path, "due", "date")), message)

    def _refs(
        self, path: PathKey, values: list[str], known: set[str], what: str
    ) -> Iterator[Problem]:
        for i, value in enumerate(values):
            if value not in known:
                yield self._unknown((*path, i), what, value)

    def _unknown(self, path: PathKey, what: str, value: str) -> Problem:
        message = msg("plan.unknown_id", what=msg(f"what.{what}"), value=value)
        return Problem(self.where(path), message)
