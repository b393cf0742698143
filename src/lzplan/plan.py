"""Load a plan file, check its cross-references, and index it for the engine."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lzplan import loader
from lzplan.errors import InputError, Problem
from lzplan.i18n import msg
from lzplan.location import Location, PathKey, PositionMap
from lzplan.models import Group, Plan, Requirement, Task, Unit
from lzplan.validation import to_model

KIND_ORDER = {"district": 0, "department": 1}
_WHAT_ZH = {"unit": "单位", "group": "分组", "task": "任务", "requirement": "事项"}


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
    _thresholds: dict[str, dict[str, int | None]] = field(default_factory=dict)
    _owed: dict[str, tuple[Owed, ...]] | None = None

    def __post_init__(self) -> None:
        self._order = sorted(self.plan.units, key=lambda unit: KIND_ORDER[unit.kind])
        self.units = {unit.id: unit for unit in self.plan.units}
        self.members = {group.id: self._select(group) for group in self.plan.groups}
        for t, task in enumerate(self.plan.tasks):
            for r, requirement in enumerate(task.requirements):
                self.requirements[requirement.id] = (task, requirement)
                self.paths[requirement.id] = ("tasks", t, "requirements", r)

    def _select(self, group: Group) -> tuple[str, ...]:
        chosen = [
            unit.id
            for unit in self.plan.units
            if unit.id in group.units
            or ((group.kind is None or unit.kind == group.kind) and _tag_match(group, unit))
        ]
        return tuple(unit for unit in chosen if unit not in group.exclude)

    def unit_order(self) -> list[Unit]:
        """Districts/counties first, then departments, each in registry order."""
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
        for key in (*requirement.units, *requirement.groups):
            limit = requirement.min.get(key) if isinstance(requirement.min, dict) else None
            if requirement.kind == "count" and isinstance(requirement.min, int):
                limit = requirement.min
            for unit in self.members.get(key, (key,)):
                previous = owed.get(unit)
                owed[unit] = limit if previous is None else max(previous, limit or 0)
        return {unit.id: owed[unit.id] for unit in self._order if unit.id in owed}

    def owed_by(self, unit_id: str) -> tuple[Owed, ...]:
        """What one unit owes, in plan order (the whole table is built on first use)."""
        if self._owed is None:
            self._owed = self._compute_owed()
        return self._owed.get(unit_id, ())

    def _compute_owed(self) -> dict[str, tuple[Owed, ...]]:
        owed: dict[str, list[Owed]] = {}
        for task in self.plan.tasks:
            for requirement in task.requirements:
                for unit_id, threshold in self.thresholds(requirement).items():
                    entry = Owed(requirement, task, self.units[unit_id], threshold)
                    owed.setdefault(unit_id, []).append(entry)
        return {unit_id: tuple(entries) for unit_id, entries in owed.items()}


def _tag_match(group: Group, unit: Unit) -> bool:
    if group.tags:
        return any(tag in unit.tags for tag in group.tags)
    return group.kind is not None


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
    from lzplan import trace  # trace needs the notice; keep it off the engine's path

    name = display or str(path)
    text = loader.read_text(path, name)
    document = loader.parse(text, name)
    plan = to_model(document, Plan)
    index = PlanIndex(plan)
    problems = cross_check(plan, document.positions, index)
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


def cross_check(
    plan: Plan, positions: PositionMap, index: PlanIndex | None = None
) -> list[Problem]:
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
                        what=what,
                        what_zh=_WHAT_ZH[what],
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
        if req.of_group is not None and req.of_group not in self.groups:
            yield self._unknown((*path, "of_group"), "group", req.of_group)
        unknown = [key for key in req.units if key not in self.units]
        unknown += [key for key in req.groups if key not in self.groups]
        if isinstance(req.min, dict) and not unknown:
            covered = set(req.units) | set(req.groups)
            for key in req.min:
                if key not in covered:
                    message = msg("plan.threshold_uncovered", key=key)
                    yield Problem(self.where((*path, "min", key)), message)
            for key in sorted(covered - set(req.min)):
                yield Problem(self.where((*path, "min")), msg("plan.threshold_missing", key=key))
        yield from self._due(path, req)

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
        message = msg("plan.unknown_id", what=what, what_zh=_WHAT_ZH[what], value=value)
        return Problem(self.where(path), message)
