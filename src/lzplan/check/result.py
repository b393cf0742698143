"""What a check finds: value objects shared by the engine, the kinds and every reporter."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from itertools import groupby
from typing import TYPE_CHECKING, NamedTuple

from lzplan.errors import Problem
from lzplan.location import Location
from lzplan.messages import Message

if TYPE_CHECKING:  # the 考核's model loads only for a run with --scores
    from lzplan.scores.model import Scored


class Status(StrEnum):
    """One unit against one requirement."""

    MET = "met"
    MET_LATE = "met_late"
    PENDING = "pending"
    MISSED = "missed"
    NOT_SUBMITTED = "not_submitted"
    WAIVED = "waived"
    NIL = "nil"  # a conditional duty whose event did not happen: 本年度无此类事项
    NOT_APPLICABLE = "n/a"
    INVALID = "invalid"

    @property
    def severity(self) -> int:
        """Higher is worse; a task's cell shows its worst requirement."""
        return _SEVERITY[self]

    @property
    def key(self) -> str:
        """Its message key: ``status.met``; ``status.met.cell`` is its matrix symbol."""
        return f"status.{self.name.lower()}"


_SEVERITY = {
    Status.NOT_APPLICABLE: 0,
    Status.MET: 1,
    Status.NIL: 2,
    Status.WAIVED: 3,
    Status.MET_LATE: 4,
    Status.PENDING: 5,
    Status.NOT_SUBMITTED: 6,
    Status.MISSED: 7,
    Status.INVALID: 8,
}


class UnitStatus(StrEnum):
    """One unit's standing: the worst of its requirements, or why none was judged."""

    COMPLIANT = "compliant"
    COMPLIANT_LATE = "compliant_late"  # everything met, some of it late
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_SUBMITTED = "not_submitted"
    INVALID = "invalid"
    NOTHING_OWED = "n/a"

    @property
    def key(self) -> str:
        return f"unit_status.{self.name.lower()}"


class Reason(StrEnum):
    """Why an evidence item was not counted, or counted with a flag."""

    COUNTED = "counted"
    LATE = "late"
    AFTER_AS_OF = "after_as_of"
    OUTSIDE_PERIOD = "outside_period"
    DUPLICATE_DOC_NO = "duplicate_doc_no"
    DUPLICATE_ITEM = "duplicate_item"  # no 文号 to tell it apart: same title and date

    @property
    def counts(self) -> bool:
        return self in (Reason.COUNTED, Reason.LATE)


class ItemVerdict(NamedTuple):
    """One evidence item and what the engine made of it."""

    title: str
    date: dt.date
    doc_no: str | None
    reason: Reason
    location: Location
    sha256: str | None = None  # of the document itself, when the item names its file


class PeriodOutcome(NamedTuple):
    """One occurrence of a recurring duty (2013-Q1) and how it stands."""

    period: str
    due: dt.date
    status: Status
    actual: float
    required: float
    detail: Message
    items: tuple[ItemVerdict, ...] = ()


class Outcome(NamedTuple):
    """One unit against one requirement (a named tuple: there are many of them)."""

    unit: str
    task: str
    requirement: str
    status: Status
    actual: float
    required: float
    due: dt.date
    detail: Message
    items: tuple[ItemVerdict, ...] = ()
    location: Location | None = None
    waiver: Message | None = None
    at_most: bool = False  # ``required`` is a ceiling (错案率不高于5%), not a floor
    periods: tuple[PeriodOutcome, ...] = ()  # a recurring duty's occurrences
    facts: tuple[Message, ...] = ()  # what a figure rests on, for explain
    # 整改: missed for the year, then done after it, by the --fix-by date: the day it was
    # done. The year's status stays (考核 judges the year); this is a fact of its own.
    remedied: dt.date | None = None

    @property
    def shortfall(self) -> float:
        """How far from meeting it: below a floor, or above a ceiling."""
        gap = self.actual - self.required if self.at_most else self.required - self.actual
        return max(0.0, gap)


@dataclass(frozen=True)
class UnitResult:
    unit: str
    status: UnitStatus
    file: str | None
    outcomes: tuple[Outcome, ...]

    def cell(self, task: str) -> Status:
        """The worst status among this unit's requirements of ``task``."""
        return self._cells.get(task, Status.NOT_APPLICABLE)

    @cached_property
    def _cells(self) -> dict[str, Status]:
        cells: dict[str, Status] = {}
        for outcome in self.outcomes:
            current = cells.get(outcome.task)
            if current is None or outcome.status.severity > current.severity:
                cells[outcome.task] = outcome.status
        return cells


@dataclass(frozen=True)
class Notice:
    """Something worth knowing that is not an error: an unused waiver, a duplicate 文号;
    ``unit``: the unit it is about, so a check of some units shows only theirs."""

    location: Location
    message: Message
    unit: str | None = None


def sorted_notices(notices: list[Notice]) -> tuple[Notice, ...]:
    """Each notice once, in file, line and column order, then by what it says."""
    placed = sorted(set(notices), key=lambda n: n.location)
    found: list[Notice] = []
    for _, same in groupby(placed, key=lambda n: n.location):
        here = list(same)
        # rendered only where two share a place: a check can hold 100,000 notices
        found += here if len(here) == 1 else sorted(here, key=lambda n: str(n.message))
    return tuple(found)


@dataclass(frozen=True)
class Result:
    plan_id: str
    as_of: dt.date
    tasks: tuple[str, ...]
    units: tuple[UnitResult, ...]
    problems: tuple[Problem, ...]
    notices: tuple[Notice, ...]
    scored: Scored | None = None  # with --scores: each unit's points and rank (考核)

    def outcomes(self) -> list[Outcome]:
        return [outcome for unit in self.units for outcome in unit.outcomes]

    def fails_at(self, level: FailOn) -> bool:
        """Whether anything fails the run (exit 1) at this level."""
        return any_fails(self.outcomes(), self.as_of, level)


class FailOn(StrEnum):
    """What fails a run: input problems only (exit 2; a pre-commit hook), also what is
    missed (exit 1; the default), or also what is still pending (exit 1; --strict)."""

    INVALID = "invalid"
    MISSED = "missed"
    PENDING = "pending"


def fails(outcome: Outcome, as_of: dt.date, level: FailOn) -> bool:
    """Whether an outcome fails the run at this level (reports call it a failure then)."""
    if level is FailOn.INVALID:
        return False
    if outcome.status is Status.MISSED:
        return True
    if outcome.status is Status.NOT_SUBMITTED:
        return level is FailOn.PENDING or outcome.due <= as_of
    return level is FailOn.PENDING and outcome.status is Status.PENDING


def any_fails(outcomes: Iterable[Outcome], as_of: dt.date, level: FailOn) -> bool:
    return any(fails(o, as_of, level) for o in outcomes)
