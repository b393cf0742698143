"""What changed between two reports of one plan: requirements newly met, newly missed
or no longer met, units newly reported, shortfalls that moved."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from lzplan.followup.reports import Compared, OutcomeView, UnitView

DONE = ("met", "met_late", "nil")


@dataclass(frozen=True)
class Change:
    unit: str
    name: str
    requirement: str
    title: str
    before: str | None  # the old status (None: not owed before)
    after: str
    detail_before: str
    detail_after: str
    due: str


@dataclass(frozen=True)
class Diff:
    old_as_of: str
    new_as_of: str
    plan_changed: bool
    newly_met: list[Change] = field(default_factory=list)
    newly_missed: list[Change] = field(default_factory=list)
    no_longer_met: list[Change] = field(default_factory=list)
    shortfalls: list[Change] = field(default_factory=list)
    remedied: list[Change] = field(default_factory=list)  # 整改: done after the year
    newly_submitted: list[tuple[str, str, str]] = field(default_factory=list)  # id, name, file

    @property
    def regressed(self) -> bool:
        """Something became missed, or is no longer met: what fails a diff (exit 1)."""
        return bool(self.newly_missed or self.no_longer_met)

    @property
    def empty(self) -> bool:
        return not (self.newly_met or self.newly_missed or self.no_longer_met
                    or self.shortfalls or self.remedied or self.newly_submitted)  # fmt: skip


class Kept(NamedTuple):
    """What a comparison keeps of an earlier outcome: a few words, not the model."""

    status: str
    detail: str
    due: str
    shortfall: float
    remedied: str | None


def compare(old: Compared, new: Compared) -> Diff:
    """Each report read once, a unit at a time: of the earlier one only each
    requirement's outcome is kept, and which units had filed."""
    diff = Diff(old.as_of, new.as_of, old.plan.sha256 != new.plan.sha256)
    before: dict[tuple[str, str], Kept] = {}
    filed: set[str] = set()
    for unit in old.units:
        before.update(((unit.id, o.requirement), _kept(o)) for o in unit.outcomes)
        if unit.file is not None:
            filed.add(unit.id)
    for unit in new.units:
        if unit.file is not None and unit.id not in filed:
            diff.newly_submitted.append((unit.id, unit.name, unit.file))
        for outcome in unit.outcomes:
            _classify(diff, unit, before.get((unit.id, outcome.requirement)), outcome, new)
    return diff


def _kept(outcome: OutcomeView) -> Kept:
    return Kept(outcome.status, outcome.detail, outcome.due, outcome.shortfall, outcome.remedied)


def _missed(outcome: OutcomeView | Kept, as_of: str) -> bool:
    """Missed, or nothing reported by its due date: what fails a check."""
    if outcome.status == "missed":
        return True
    return outcome.status == "not_submitted" and _day(outcome.due) <= _day(as_of)


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _classify(
    diff: Diff, unit: UnitView, old: Kept | None, new: OutcomeView, report: Compared
) -> None:
    change = Change(unit.id, unit.name, new.requirement, new.title or new.requirement,
                    old.status if old else None,
                    new.status, old.detail if old else "", new.detail, new.due)  # fmt: skip
    was_done = old is not None and old.status in DONE
    if new.remedied and not (old is not None and old.remedied):
        diff.remedied.append(replace(change, detail_before=new.remedied, detail_after=new.remedied))
    if new.status in DONE and not was_done:
        diff.newly_met.append(change)
    elif was_done and new.status not in DONE and new.status not in ("waived", "n/a"):
        diff.no_longer_met.append(change)
    elif _missed(new, report.as_of) and not (old is not None and _missed(old, diff.old_as_of)):
        diff.newly_missed.append(change)
    elif old is not None and new.status not in DONE and old.shortfall != new.shortfall:
        diff.shortfalls.append(change)
