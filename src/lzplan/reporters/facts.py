"""What the reports written for people (terminal, markdown) show of each unit, made
where its file is judged and read back as the report is written.

A streamed check (``check.stream``) keeps no outcomes. Its line for a unit here holds
what those reports show of it — its standing, each task's worst status, its progress
tally (done, owed) and its shortfall rows, each detail already in words — as one line
of JSON: ``[id, standing, {task: status}, done, owed, [[rank, status, due,
requirement, detail], …]]`` (rank 0 and no requirement: the whole unit's row). A
notice's line is the report's own line for it, as a JSON string.

The plain path gives a report the same values (``MatrixRow``s, ``Short``s), so each
report is laid out by one piece of code, whichever way the check ran.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, NamedTuple, Protocol

from lzplan.check.result import Outcome, Status, UnitResult, UnitStatus
from lzplan.location import Location
from lzplan.messages import Lang, Message
from lzplan.reporters import common

if TYPE_CHECKING:
    from lzplan.check.stream import Streamed


class MatrixRow(Protocol):
    """A unit's row of a matrix: a ``UnitResult``, or a streamed unit's ``UnitRow``."""

    @property
    def unit(self) -> str: ...

    @property
    def status(self) -> UnitStatus: ...

    def cell(self, task: str) -> Status: ...


@dataclass(frozen=True)
class UnitRow:
    """A streamed unit's row: its standing and each task's worst status."""

    unit: str
    status: UnitStatus
    cells: dict[str, Status]

    def cell(self, task: str) -> Status:
        return self.cells.get(task, Status.NOT_APPLICABLE)


class Short(NamedTuple):
    """A row of the shortfalls, its detail in words."""

    status: Status
    unit: str
    requirement: str  # empty: the whole unit (no file, or an invalid one)
    detail: str
    due: dt.date


def short(outcome: Outcome, lang: Lang) -> Short:
    return Short(outcome.status, outcome.unit, outcome.requirement,
                 outcome.detail.render(lang), outcome.due)  # fmt: skip


def shortfalls(outcomes: list[Outcome], lang: Lang) -> list[Short]:
    return [short(outcome, lang) for outcome in outcomes]


NoticeLine = Callable[[Location, Message, Lang], str]


class FactLines:
    """A unit's facts and a notice's line, made where a file is judged
    (``check.stream.Lines``); ``notice`` writes a notice as its report prints it."""

    def __init__(self, name: str, lang: Lang, notice: NoticeLine) -> None:
        self.lang, self.notice = lang, notice
        self.tag = f"{name} facts 1 {lang}"

    def unit(self, result: UnitResult) -> str:
        tasks = sorted({o.task for o in result.outcomes})
        cells = {task: str(result.cell(task)) for task in tasks}
        shorts = [[rank, str(o.status), o.due.isoformat(), o.requirement,
                   o.detail.render(self.lang)]
                  for rank, o in common.unit_shortfalls(result)]  # fmt: skip
        facts = [result.unit, str(result.status), cells, *common.tally(result), shorts]
        return json.dumps(facts, ensure_ascii=False, separators=(",", ":"))

    def message(self, location: Location, message: Message) -> str:
        return json.dumps(self.notice(location, message, self.lang), ensure_ascii=False)


# A unit's line, read back: id, standing, cells, done, owed, shortfall rows.
Line = tuple[str, str, dict[str, str], int, int, list[list[Any]]]
# Where a shortfall sorts: worst first, then by due date, unit order and rank.
Key = tuple[int, dt.date, int, int]


def units(streamed: Streamed) -> Iterator[tuple[UnitRow, Line]]:
    """Each unit's row and line, in unit order."""
    for line in streamed.unit_lines():
        facts: Line = json.loads(line)
        unit, status, cells = facts[:3]
        yield UnitRow(unit, UnitStatus(status), {t: Status(s) for t, s in cells.items()}), facts


def shorts(streamed: Streamed) -> Iterator[tuple[Key, Short]]:
    """Each shortfall, with where it sorts."""
    for place, (_, facts) in enumerate(units(streamed)):
        for rank, state, due, requirement, detail in facts[5]:
            row = Short(Status(state), facts[0], requirement, detail, dt.date.fromisoformat(due))
            yield common.worst_first(row.status, row.due, place, rank), row


def progress(streamed: Streamed, gone: float) -> Iterator[common.Progress]:
    """Each unit's progress, in unit order, ``gone`` of the period gone."""
    for _, facts in units(streamed):
        yield common.Progress(facts[0], facts[3], facts[4], gone)


def notices(streamed: Streamed, lines: FactLines) -> Iterator[str]:
    """Each notice's line, as the report prints it."""
    return map(json.loads, streamed.notice_lines(lines))
