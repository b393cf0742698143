"""What no single field of a plan shows: unknown or duplicate ids, empty groups..."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from lzplan import kinds
from lzplan.errors import Problem
from lzplan.grammar import actors
from lzplan.location import Location, PathKey, PositionMap
from lzplan.messages import msg
from lzplan.plan import recurrence
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Group, Plan, Requirement


def _sort(name: str) -> str:
    return "government" if actors.governments(name) else "other"


def check(plan: Plan, positions: PositionMap, index: PlanIndex | None = None) -> list[Problem]:
    """Problems that no single field shows: unknown or duplicate ids, empty groups..."""
    return list(_Checker(plan, positions, index or PlanIndex(plan)).run())


class _Checker:
    def __init__(self, plan: Plan, positions: PositionMap, index: PlanIndex) -> None:
        self.plan = plan
        self.index = index
        self.where = positions.find
        self.units = {unit.id for unit in plan.units}
        self.plan_groups = {group.id for group in plan.groups}
        self.groups = self.plan_groups
        self.tags = {tag for unit in plan.units for tag in unit.tags}
        self.kinds = set(plan.kind_ids())

    def run(self) -> Iterator[Problem]:
        yield from self._duplicates()
        yield from self._names()
        if self.plan.plan.owner not in self.units:
            yield self._unknown(("plan", "owner"), "unit", self.plan.plan.owner)
        for u, unit in enumerate(self.plan.units):
            if unit.kind not in self.kinds:
                yield self._unknown(("units", u, "kind"), "unit_kind", unit.kind)
        yield from self._groups(("groups",), self.plan.groups)
        for t, task in enumerate(self.plan.tasks):
            # a task's requirements and owners may use its own groups too
            self.groups = self.plan_groups | {group.id for group in task.groups}
            yield from self._groups(("tasks", t, "groups"), task.groups)
            base: PathKey = ("tasks", t, "owners")
            yield from self._refs((*base, "leads"), task.owners.leads, self.units, "unit")
            yield from self._refs((*base, "groups"), task.owners.groups, self.groups, "group")
            either = self.units | self.groups
            yield from self._refs((*base, "supporting"), task.owners.supporting, either, "unit")
            for r, requirement in enumerate(task.requirements):
                yield from self._requirement(("tasks", t, "requirements", r), requirement)
        self.groups = self.plan_groups

    def _duplicates(self) -> Iterator[Problem]:
        lists: list[tuple[str, list[tuple[PathKey, str]]]] = [
            ("unit", [(("units", i, "id"), u.id) for i, u in enumerate(self.plan.units)]),
            (
                "group",
                [(("groups", i, "id"), g.id) for i, g in enumerate(self.plan.groups)]
                + [
                    (("tasks", t, "groups", i, "id"), g.id)
                    for t, task in enumerate(self.plan.tasks)
                    for i, g in enumerate(task.groups)
                ],
            ),
            (
                "unit_kind",
                [(("unit_kinds", i, "id"), k.id) for i, k in enumerate(self.plan.unit_kinds)],
            ),
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

    def _names(self) -> Iterator[Problem]:
        """A name (or alias) names one unit or group, so a notice's words are not ambiguous."""
        seen: dict[str, tuple[str, Location]] = {}
        named: list[tuple[PathKey, str, str]] = []
        for u, unit in enumerate(self.plan.units):
            named.append((("units", u, "name"), unit.name, unit.id))
            named += [(("units", u, "aliases", a), alias, unit.id)
                      for a, alias in enumerate(unit.aliases)]  # fmt: skip
        for path, name, owner in named:
            if name in seen and seen[name][0] != owner:
                message = msg("plan.name_twice", name=name, first=str(seen[name][1]))
                yield Problem(self.where(path), message)
            seen.setdefault(name, (owner, self.where(path)))

    def _groups(self, base_path: PathKey, groups: list[Group]) -> Iterator[Problem]:
        for g, group in enumerate(groups):
            base: PathKey = (*base_path, g)
            kinds = [group.kind] if isinstance(group.kind, str) else group.kind or []
            for i, kind in enumerate(kinds):
                if kind not in self.kinds:
                    where = (*base, "kind", i) if isinstance(group.kind, list) else (*base, "kind")
                    yield self._unknown(where, "unit_kind", kind)
            yield from self._refs((*base, "units"), group.units, self.units, "unit")
            yield from self._refs((*base, "exclude"), group.exclude, self.units, "unit")
            for i, tag in enumerate(group.tags):
                if tag not in self.tags:
                    yield Problem(self.where((*base, "tags", i)), msg("plan.tag_unused", tag=tag))
            if not self.index.members[group.id]:
                yield Problem(self.where(base), msg("plan.group_empty", group=group.id))
            yield from self._sorts(base, group)

    def _sorts(self, base: PathKey, group: Group) -> Iterator[Problem]:
        """A group the notice names as governments (各区县人民政府) selects only units named
        as governments: a 管委会 or a 局 given a county's kind would owe every county duty."""
        if group.tags or group.units or not any(_sort(n) == "government" for n in group.names):
            return
        members = set(self.index.members[group.id])  # a tuple: each look-up was O(units)
        for u, unit in enumerate(self.plan.units):
            names = (unit.name, *unit.aliases)
            if unit.id in members and _sort(unit.name) != "government":
                message = msg("plan.kind_sort", unit=unit.id, name=names[0], kind=unit.kind,
                              group=group.names[0])  # fmt: skip
                yield Problem(self.where(("units", u, "kind")), message)

    def _requirement(self, path: PathKey, req: Requirement) -> Iterator[Problem]:
        yield from self._refs((*path, "units"), req.units, self.units, "unit")
        for i, key in enumerate(req.condition_for):
            if req.condition is None:
                yield Problem(self.where((*path, "condition_for")), msg("plan.condition_for_alone"))
                break
            if key not in (*req.units, *req.groups):
                message = msg("plan.condition_for_not_owner", id=key, requirement=req.id)
                yield Problem(self.where((*path, "condition_for", i)), message)
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
        if req.recurs.on is not None and (req.recurs.every != "year" or req.recurs.due_after):
            yield Problem(self.where((*path, "recurs", "on")), msg("plan.recurs_on"))
            return
        last = recurrence.of(req.recurs, period.start, period.end)[-1].due
        if req.due.date != last:
            message = msg("plan.recurs_due", due=req.due.date, last=last)
            yield Problem(self.where((*path, "due", "date")), message)

    def _due(self, path: PathKey, req: Requirement) -> Iterator[Problem]:
        period = self.plan.plan.period
        latest = period.end + dt.timedelta(days=366)
        if not period.start <= req.due.date <= latest:
            message = msg("plan.due_range", due=req.due.date, start=period.start, end=latest)
            yield Problem(self.where((*path, "due", "date")), message)
        if req.due.ongoing and (req.recurs is not None or req.due.date != period.end):
            # ongoing work stands for the whole period; a recurring duty has its own periods
            message = msg("plan.due_ongoing", end=period.end)
            yield Problem(self.where((*path, "due", "ongoing")), message)

    def _refs(
        self, path: PathKey, values: list[str], known: set[str], what: str
    ) -> Iterator[Problem]:
        for i, value in enumerate(values):
            if value not in known:
                yield self._unknown((*path, i), what, value)

    def _unknown(self, path: PathKey, what: str, value: str) -> Problem:
        message = msg("plan.unknown_id", what=msg(f"what.{what}"), value=value)
        return Problem(self.where(path), message)
