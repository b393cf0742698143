"""The plan, indexed for the engine and the commands: units, groups' members, who owes what.

Pure: built from a validated ``Plan``; no file, clock or terminal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from lzplan import kinds
from lzplan.location import PathKey
from lzplan.plan.model import Group, Plan, Requirement, Task, Unit


@dataclass(frozen=True)
class Owed:
    """One requirement one unit owes, with its threshold (None: the kind decides)."""

    requirement: Requirement
    task: Task
    unit: Unit
    threshold: int | None


@dataclass
class PlanIndex:
    """Look-ups the engine and the commands need, built once from a valid plan."""

    plan: Plan
    units: dict[str, Unit] = field(default_factory=dict)
    members: dict[str, tuple[str, ...]] = field(default_factory=dict)
    requirements: dict[str, tuple[Task, Requirement]] = field(default_factory=dict)
    paths: dict[str, PathKey] = field(default_factory=dict)
    _order: list[Unit] = field(default_factory=list)
    _groups: dict[str, Group] = field(default_factory=dict)
    _thresholds: dict[str, dict[str, int | None]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        order = {kind: i for i, kind in enumerate(self.plan.kind_ids())}
        self._order = sorted(self.plan.units, key=lambda unit: order.get(unit.kind, len(order)))
        self.units = {unit.id: unit for unit in self.plan.units}
        groups = [*self.plan.groups, *(group for task in self.plan.tasks for group in task.groups)]
        self._groups = {group.id: group for group in groups}
        self.members = {group.id: self._select(group) for group in groups}
        for t, task in enumerate(self.plan.tasks):
            for r, requirement in enumerate(task.requirements):
                self.requirements[requirement.id] = (task, requirement)
                self.paths[requirement.id] = ("tasks", t, "requirements", r)

    @cached_property
    def last_day(self) -> dt.date:
        """The plan's last date: its period's end, or a later due date (2012年上半年)."""
        dues = (req.due.date for _, req in self.requirements.values())
        return max(self.plan.plan.period.end, *dues)

    def _select(self, group: Group) -> tuple[str, ...]:
        return select(group, self.plan.units)

    def name_of(self, key: str) -> str:
        """A unit's name, or a group's first name (the notice's wording)."""
        if key in self.units:
            return self.units[key].name
        return self._groups[key].names[0]

    def unit_order(self) -> list[Unit]:
        """Units kind by kind, in the plan's order of kinds (districts and counties, then
        departments, by default), each kind in registry order."""
        return self._order

    def thresholds(self, requirement: Requirement) -> dict[str, int | None]:
        """Every unit that owes ``requirement``, with its threshold.

        A unit in two groups with different thresholds owes the larger one.
        """
        table = self._thresholds.get(requirement.id)
        if table is None:
            table = self._thresholds[requirement.id] = self._compute_thresholds(requirement)
        return table

    def _compute_thresholds(self, requirement: Requirement) -> dict[str, int | None]:
        owed: dict[str, int | None] = {}
        kind = kinds.of(requirement)
        for key in (*requirement.units, *requirement.groups):
            limit = kind.threshold(requirement, key)
            for unit in self.members.get(key, (key,)):
                previous = owed.get(unit)
                owed[unit] = limit if previous is None else max(previous, limit or 0)
        return {unit.id: owed[unit.id] for unit in self._order if unit.id in owed}

    def owed_by(self, unit_id: str) -> tuple[Owed, ...]:
        """What one unit owes, in plan order. Made on each call, not kept: a table of
        every unit's would be the largest thing a check of many units holds (33 MiB for
        10,000), and each unit is judged once."""
        unit = self.units.get(unit_id)
        if unit is None:
            return ()
        owed = []
        for task, requirement in self.requirements.values():
            table = self.thresholds(requirement)
            if unit_id in table:
                owed.append(Owed(requirement, task, unit, table[unit_id]))
        return tuple(owed)


def select(group: Group, units: Iterable[Unit]) -> tuple[str, ...]:
    """The units a group means: those it lists, and those of its kinds and tags, less
    those it excludes."""
    kinds = [group.kind] if isinstance(group.kind, str) else group.kind
    chosen = [
        unit.id
        for unit in units
        if unit.id in group.units
        or ((kinds is None or unit.kind in kinds) and _tag_match(group, unit))
    ]
    return tuple(unit for unit in chosen if unit not in group.exclude)


def _tag_match(group: Group, unit: Unit) -> bool:
    if group.tags:
        return any(tag in unit.tags for tag in group.tags)
    return group.kind is not None
