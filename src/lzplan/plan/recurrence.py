"""Recurring duties (每月, 每季度, 每半年, 每年): each occurrence's period and due date.

Occurrences follow the calendar (quarters start in January, April, July and October),
clipped to the plan period; each falls due ``due_after`` days after its period ends
(每季度末: 0; 每季度结束后10日内: 10), or on its own day of each year (每年12月10日前).
python-dateutil's ``rrule`` lists them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from dateutil.rrule import MONTHLY, rrule

from lzplan.messages import Message, msg

if TYPE_CHECKING:  # the model's type only: its module is not needed to list occurrences
    from lzplan.plan.requirement import Recurrence

MONTHS = {"month": 1, "quarter": 3, "half-year": 6, "year": 12}
LABEL = r"^\d{4}(-(Q[1-4]|H[12]|0[1-9]|1[0-2]))?$"  # 2013, 2013-Q1, 2013-H2, 2013-03


@dataclass(frozen=True, slots=True)
class Occurrence:
    label: str  # 2013-Q1
    start: dt.date
    end: dt.date
    due: dt.date


@cache
def occurrences(
    every: str, due_after: int, start: dt.date, end: dt.date, on: str | None = None
) -> tuple[Occurrence, ...]:
    """The occurrences of a duty recurring ``every`` month, quarter… within start–end;
    ``on`` (MM-DD, yearly duties: 每年12月10日前) is the day each year's falls due."""
    step = MONTHS[every]
    first = dt.datetime(start.year, (start.month - 1) // step * step + 1, 1)
    starts = [day.date() for day in rrule(MONTHLY, interval=step, dtstart=first, until=end)]
    found = []
    for i, begins in enumerate(starts):
        ends = starts[i + 1] - dt.timedelta(days=1) if i + 1 < len(starts) else end
        ends = min(ends, end)
        due = ends + dt.timedelta(days=due_after)
        if on is not None:
            due = dt.date(begins.year, int(on[:2]), int(on[3:]))
        found.append(Occurrence(label(every, begins), max(begins, start), ends, due))
    return tuple(found)


def of(recurs: Recurrence, start: dt.date, end: dt.date) -> tuple[Occurrence, ...]:
    """The occurrences of a requirement's ``recurs`` within start–end."""
    return occurrences(recurs.every, recurs.due_after, start, end, recurs.on)


def label(every: str, begins: dt.date) -> str:
    if every == "year":
        return f"{begins.year}"
    if every == "month":
        return f"{begins.year}-{begins.month:02d}"
    if every == "quarter":
        return f"{begins.year}-Q{(begins.month - 1) // 3 + 1}"
    return f"{begins.year}-H{(begins.month - 1) // 6 + 1}"


def shown(text: str) -> Message:
    """An occurrence's label as the output language writes it: 2013-Q1, 2013年第一季度."""
    year, _, part = text.partition("-")
    if not part:
        return msg("period.year", year=int(year))
    if part.startswith("Q"):
        return msg("period.quarter", year=int(year), q=msg(f"numeral.{part[1]}"))
    if part.startswith("H"):
        return msg(f"period.half.{part[1]}", year=int(year))
    return msg("period.month", year=int(year), month=int(part))
