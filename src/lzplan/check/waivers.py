"""Waivers the plan's owner granted, bound to the plan: which apply, which do not.

Pure: the waiver file is read by ``lzplan.check.collect``; here its waivers are
matched against what each unit owes and the as-of date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field

from lzplan.check.result import Notice, UnitResult
from lzplan.check.submission import Waiver
from lzplan.errors import Problem
from lzplan.kinds.base import ref
from lzplan.location import Location
from lzplan.messages import msg
from lzplan.plan.index import PlanIndex


@dataclass(frozen=True)
class Granted:
    """A waiver and where it was written."""

    waiver: Waiver
    location: Location


@dataclass(frozen=True)
class Bound:
    """The waivers that apply, keyed by (unit, requirement); and what was wrong with the rest."""

    granted: dict[tuple[str, str], Granted] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
    notices: tuple[Notice, ...] = ()


def bind(index: PlanIndex, waivers: Sequence[Granted], as_of: dt.date) -> Bound:
    """Each waiver for a unit that owes its requirement and not yet expired applies."""
    granted: dict[tuple[str, str], Granted] = {}
    problems, notices = [], []
    for item in waivers:
        waiver = item.waiver
        owed = {o.requirement.id for o in index.owed_by(waiver.unit)}
        if waiver.unit not in index.units:
            message = msg("plan.unknown_id", what=msg("what.unit"), value=waiver.unit)
            problems.append(Problem(item.location, message))
        elif waiver.requirement not in owed:
            message = msg("sub.not_owed", unit=waiver.unit, requirement=waiver.requirement)
            problems.append(Problem(item.location, message))
        elif waiver.expires < as_of:
            message = msg("waiver.expired", expires=waiver.expires)
            notices.append(Notice(item.location, message, waiver.unit))
        else:
            granted[(waiver.unit, waiver.requirement)] = item
    return Bound(granted, tuple(problems), tuple(notices))


def unused(bound: Bound, units: Iterable[UnitResult], index: PlanIndex) -> list[Notice]:
    """A notice for each waiver of a unit shown whose requirement did not need it."""
    shown = list(units)
    used = {(o.unit, o.requirement) for u in shown for o in u.outcomes if o.waiver}
    return unused_of(bound, used, {u.unit for u in shown}, index)


def unused_of(
    bound: Bound, used: Collection[tuple[str, str]], shown: Collection[str], index: PlanIndex
) -> list[Notice]:
    """The same, from the (unit, requirement) pairs a waiver changed and the units shown."""
    notices = []
    for (unit, requirement), item in bound.granted.items():
        if unit in shown and (unit, requirement) not in used:
            who = msg("ref.unit", id=unit, name=index.units[unit].name)
            what = ref(index.requirements[requirement][1])
            message = msg("waiver.unused", unit=who, requirement=what)
            notices.append(Notice(item.location, message, unit))
    return notices
