"""What falls due within the next days, unit by unit: the reminders to send."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from lzplan.check.result import Outcome, Result, Status

# Not yet done: what a reminder is about.
OPEN = (Status.PENDING, Status.NOT_SUBMITTED)


@dataclass(frozen=True)
class Reminder:
    unit: str
    outcome: Outcome
    days_left: int


def upcoming(result: Result, within: int) -> list[Reminder]:
    """Requirements not yet done and due after the as-of day and within ``within`` days,
    unit by unit in matrix order, soonest first."""
    until = result.as_of + dt.timedelta(days=within)
    found = []
    for unit in result.units:
        mine = [o for o in unit.outcomes if o.status in OPEN and result.as_of < o.due <= until]
        mine.sort(key=lambda o: o.due)  # stable: plan order among the same day
        found += [Reminder(unit.unit, o, (o.due - result.as_of).days) for o in mine]
    return found
