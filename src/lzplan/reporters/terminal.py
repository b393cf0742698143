"""The terminal report of a check: matrix, summary, shortfalls and notices."""

from __future__ import annotations

import datetime as dt
import heapq
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, TypeVar

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from lzplan.check.result import Result, UnitStatus
from lzplan.location import Location
from lzplan.messages import Lang, Message, say
from lzplan.plan.index import PlanIndex
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common, facts, labels
from lzplan.reporters import console as consoles
from lzplan.reporters.console import show
from lzplan.reporters.facts import FactLines, MatrixRow, Short, UnitRow
from lzplan.reporters.looks import LOOK, PACE, UNIT_STYLE

if TYPE_CHECKING:
    from lzplan.check.stream import Streamed

T = TypeVar("T")

# A matrix or shortfall list longer than this shows only what needs attention, and says
# how much it left out: a province's thousands of rows help nobody at a terminal.
MAX_ROWS = 60
# A unit done but late stays in view: a 通报 names late work, it is not "all on time".
_NEEDS_ATTENTION = (
    UnitStatus.BEHIND,
    UnitStatus.NOT_SUBMITTED,
    UnitStatus.INVALID,
    UnitStatus.COMPLIANT_LATE,
)


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    return _rendered(_shown(result, loaded, options.lang, options.show_all), loaded, options)


def render_streamed(streamed: Streamed, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    """The same report of a streamed check, from its units' lines (``facts``)."""
    return _rendered(_streamed_shown(streamed, loaded, options), loaded, options)


def _rendered(shown: Shown, loaded: LoadedPlan, options: Options) -> Iterator[str]:
    buffer = io.StringIO()
    console = consoles.make(buffer, color=options.color)
    for _ in write(console, shown, loaded, options.lang, options.width):
        yield _drained(buffer)
    yield _drained(buffer)


def _drained(buffer: io.StringIO) -> str:
    text = buffer.getvalue()
    buffer.seek(0)
    buffer.truncate()
    return text


@dataclass(frozen=True)
class Pace:
    """The progress section: its sentence, the rows shown, and how many there were."""

    line: str
    rows: list[common.Progress]
    total: int


@dataclass(frozen=True)
class Shown:
    """What the terminal report says, however the check was run: the rows it shows,
    and how many it left out."""

    plan_id: str
    as_of: dt.date
    tasks: tuple[str, ...]
    units: int  # in the check
    rows: list[MatrixRow]  # shown in the matrix
    cut: bool  # whether only the worst of the units needing attention are shown
    summary: list[str]
    pace: Pace | None  # while the period runs
    scores: tuple[str, list[common.ScoreRow]] | None  # with --scores
    shortfalls: list[Short]  # shown
    short_total: int
    notices: Iterable[str]  # read once, as it is written
    any_notices: bool


def _shown(result: Result, loaded: LoadedPlan, lang: Lang, show_all: bool) -> Shown:
    units = len(result.units)
    rows, cut = (list(result.units), False) if show_all else _attention(result.units, units)
    shortfalls = facts.shortfalls(common.shortfalls(result), lang)
    return Shown(
        plan_id=result.plan_id,
        as_of=result.as_of,
        tasks=result.tasks,
        units=units,
        rows=list(rows),
        cut=cut,
        summary=common.summary(result, lang),
        pace=_pace(result, loaded, lang, show_all),
        scores=_scored(result, loaded, lang),
        shortfalls=shortfalls if show_all else shortfalls[:MAX_ROWS],
        short_total=len(shortfalls),
        notices=[_notice(n.location, n.message, lang) for n in result.notices],
        any_notices=bool(result.notices),
    )


def _notice(location: Location, message: Message, lang: Lang) -> str:
    return f"  {location}: {message.render(lang)}"


def _pace(result: Result, loaded: LoadedPlan, lang: Lang, show_all: bool) -> Pace | None:
    gone = common.elapsed(result, loaded)
    rows = common.progress(result, loaded)
    return _paced(rows, len(rows), result.as_of, gone, lang, show_all)


def _paced(rows: Iterable[common.Progress], total: int, as_of: dt.date, gone: float | None,
           lang: Lang, show_all: bool) -> Pace | None:  # fmt: skip
    """The progress section while the period runs: with many units, only the rows
    behind pace are kept as ``rows`` are read."""
    if gone is None or not total:
        return None
    shown: list[common.Progress] = []
    on_pace = 0
    for row in rows:
        on_pace += row.on_pace
        if show_all or total <= MAX_ROWS or not row.on_pace:
            shown.append(row)
    return Pace(common.pace_line(as_of, gone, on_pace, total, lang), shown, total)


def _scored(
    result: Result, loaded: LoadedPlan, lang: Lang
) -> tuple[str, list[common.ScoreRow]] | None:
    rows = common.score_rows(result, loaded, lang)
    return (common.scores_line(result, loaded, lang), rows) if rows else None


R = TypeVar("R", bound=MatrixRow)


def _attention(units: Iterable[R], total: int) -> tuple[list[R], bool]:
    """Every unit, up to MAX_ROWS; beyond, the units that need attention, and of those,
    when still too many, the worst MAX_ROWS (invalid, then not submitted, behind, late),
    in matrix order — and whether that last cut was made. A terminal is read, not
    searched; and rich lays out ~1 ms a row. ``total``: how many units there are;
    ``units`` is read as it comes, and only the rows shown are kept."""
    if total <= MAX_ROWS:
        return list(units), False
    order = {status: rank for rank, status in enumerate(_WORST_FIRST)}
    needing = ((i, unit) for i, unit in enumerate(units) if unit.status in _NEEDS_ATTENTION)
    counted = _Counted(needing)
    worst = heapq.nsmallest(MAX_ROWS, counted, key=lambda row: (order[row[1].status], row[0]))
    return [unit for _, unit in sorted(worst, key=lambda row: row[0])], counted.count > MAX_ROWS


_WORST_FIRST = (UnitStatus.INVALID, UnitStatus.NOT_SUBMITTED, UnitStatus.BEHIND,
                UnitStatus.COMPLIANT_LATE)  # fmt: skip


class _Counted(Generic[T]):
    """An iterable that counts what was read of it."""

    def __init__(self, items: Iterable[T]) -> None:
        self.items, self.count = items, 0

    def __iter__(self) -> Iterator[T]:
        for item in self.items:
            self.count += 1
            yield item


# ---------------------------------------------------------------- streamed


def lines(loaded: LoadedPlan, lang: Lang, as_of: dt.date) -> FactLines:
    """The lines a streamed check's units are written as (``check.stream``)."""
    return FactLines("terminal", lang, _notice)


def _streamed_shown(streamed: Streamed, loaded: LoadedPlan, options: Options) -> Shown:
    """The report's facts, reading the units' lines as they come: the matrix rows,
    progress rows and shortfalls shown are kept, the others only counted (all of them
    with ``show_all``)."""
    lang, show_all = options.lang, options.show_all
    total = len(streamed.order)
    if show_all:
        rows: list[UnitRow] = [row for row, _ in facts.units(streamed)]
        cut = False
    else:
        rows, cut = _attention((row for row, _ in facts.units(streamed)), total)
    shorts = _Counted(facts.shorts(streamed))
    shown = sorted(shorts) if show_all else heapq.nsmallest(MAX_ROWS, shorts)
    return Shown(
        plan_id=streamed.plan_id,
        as_of=streamed.as_of,
        tasks=tuple(task.id for task in loaded.plan.tasks),
        units=total,
        rows=list(rows),
        cut=cut,
        summary=common.summary_of(streamed.units, streamed.outcomes, lang),
        pace=_streamed_pace(streamed, loaded, lang, show_all),
        scores=None,  # a check with --scores is not streamed
        shortfalls=[short for _, short in shown],
        short_total=shorts.count,
        notices=facts.notices(streamed, lines(loaded, lang, streamed.as_of)),
        any_notices=bool(streamed.groups or streamed.strays),
    )


def _streamed_pace(
    streamed: Streamed, loaded: LoadedPlan, lang: Lang, show_all: bool
) -> Pace | None:
    gone = common.elapsed_on(streamed.as_of, loaded)
    rows = facts.progress(streamed, gone) if gone is not None else iter(())
    return _paced(rows, len(streamed.order), streamed.as_of, gone, lang, show_all)


# ---------------------------------------------------------------- written


# Notices printed between two writes: a check can hold 100,000 of them, and the report
# is never one string in memory.
_BATCH = 2000


def write(console: Console, shown: Shown, loaded: LoadedPlan, lang: Lang = "en",
          width: int | None = None) -> Iterator[None]:  # fmt: skip
    """The report: title, matrix, legend, summary, progress, scores, shortfalls, notices;
    it yields whenever what it printed so far may be written out."""
    index = loaded.index
    title = index.plan.plan.title

    def line(text: str = "") -> None:
        """A line of prose; given a width, wrapped to it."""
        if width is None and text.isprintable():
            # what rich prints of plain text, unstyled: ~0.1 ms a line less, which is
            # most of a report of 100,000 notices
            console.file.write(text + "\n")
            return
        if width is None:
            console.print(text)
            return
        console.width = width
        console.print(text, soft_wrap=False, overflow="fold")

    line(say("report.title", lang, title=title, plan=shown.plan_id, as_of=shown.as_of))
    line()
    for i, block in enumerate(fitted(shown.tasks, index, lang, shown.rows, width)):
        if i:
            line()
        show(console, block)
    if len(shown.rows) < shown.units:
        hidden = shown.units - len(shown.rows)
        key = "report.hidden_units_many" if shown.cut else "report.hidden_units"
        line(say(key, lang, count=hidden, shown=len(shown.rows)))
    line(labels.labelled("report.legend", labels.legend(lang, loaded.plan), lang))
    line()
    for summary in shown.summary:
        line(summary)
    _progress(console, shown.pace, loaded, lang)
    _scores(console, shown.scores, lang)
    _shortfalls(console, shown, index, lang, width)
    if shown.any_notices:
        line()
        line(labels.heading("report.notices", lang))
        for i, notice in enumerate(shown.notices, 1):
            line(notice)
            if i % _BATCH == 0:
                yield


def _progress(console: Console, pace: Pace | None, loaded: LoadedPlan, lang: Lang) -> None:
    """While the period runs: each unit's share done against the share of time gone;
    with many units, only those behind pace."""
    if pace is None:
        return
    console.print()
    console.print(labels.heading("report.progress", lang))
    console.print(pace.line)
    keys = ("report.name", "report.done", "report.owed", "report.share", "report.pace")
    progress = table(*(say(key, lang) for key in keys))
    for row in pace.rows:
        name = labels.unit_name(loaded.index.units[row.unit], lang)
        progress.add_row(name, str(row.done), str(row.owed), common.percent(row.share),
                         Text(common.pace(row, lang), style=PACE[row.on_pace].style))  # fmt: skip
    show(console, progress)
    if len(pace.rows) < pace.total:
        console.print(say("report.hidden_rows", lang, count=pace.total - len(pace.rows)))


def _scores(console: Console, scored: tuple[str, list[common.ScoreRow]] | None, lang: Lang) -> None:
    if scored is None:
        return
    line, rows = scored
    console.print()
    console.print(labels.heading("report.scores", lang))
    console.print(line)
    keys = ("report.ranking", "report.rank", "report.name", "report.points", "report.percent")
    scores = table(*(say(key, lang) for key in keys))
    previous = None
    for row in rows:
        if previous is not None and row.ranking != previous:
            scores.add_section()
        previous = row.ranking
        scores.add_row(row.ranking, str(row.rank), row.name, row.points, row.percent)
    show(console, scores)


def _shortfalls(
    console: Console, shown: Shown, index: PlanIndex, lang: Lang, width: int | None = None
) -> None:
    rows, total = shown.shortfalls, shown.short_total
    if not total:
        return
    console.print()
    console.print(labels.heading("report.shortfalls", lang))
    listed = _shortfall_table(rows, index, lang)
    if width is None or consoles.natural_width(listed) <= width:
        show(console, listed)
    else:  # too narrow for a table: each shortfall as a short paragraph
        console.width = width
        for line in _shortfall_lines(rows, index, lang):
            console.print(line, soft_wrap=False, overflow="fold")
    if len(rows) < total:
        console.print(say("report.hidden_rows", lang, count=total - len(rows)))


def table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in headers:
        table.add_column(header, no_wrap=True)
    return table


@dataclass(frozen=True)
class Shape:
    """How a matrix is laid out to fit a width: the tasks it shows, whether it ends with
    the unit's standing, and the width a unit's name wraps at (None: never)."""

    tasks: tuple[str, ...]
    standing: bool = True
    name_width: int | None = None


def matrix(
    tasks: tuple[str, ...],
    index: PlanIndex,
    lang: Lang,
    rows: list[MatrixRow],
    shape: Shape | None = None,
) -> Table:
    shape = shape or Shape(tasks)
    columns = labels.task_columns(index.plan, lang)
    ids = [say("report.unit", lang)] if labels.show_ids(lang) else []
    headers = [*ids, say("report.name", lang), *(columns[task] for task in shape.tasks)]
    matrix = table(*headers, *([say("report.status", lang)] if shape.standing else []))
    if shape.name_width is not None:
        name = matrix.columns[len(ids)]
        name.no_wrap, name.max_width, name.overflow = False, shape.name_width, "fold"
    previous_kind = None
    for unit in rows:
        kind = index.units[unit.unit].kind
        if previous_kind is not None and kind != previous_kind:
            matrix.add_section()
        previous_kind = kind
        matrix.add_row(*_row(unit, shape, index, lang))
    return matrix


# The widths a unit's name may wrap at, widest first (None: not wrapped); 16 cells keep
# eight Chinese characters, which most names are.
_NAME_WIDTHS = (None, 24, 16)
_GAP = 3  # between two columns: a blank, the (blank) rule, a blank


def fitted(
    tasks: tuple[str, ...], index: PlanIndex, lang: Lang, rows: list[MatrixRow], width: int | None
) -> list[Table]:
    """The matrix as wide as its content; given a width (--width, or the terminal's),
    fitted to it: as few blocks of tasks as fit, each repeating the units (the standing
    in the last), and of those the widest names — so the terminal never breaks a row."""
    if width is None:
        return [matrix(tasks, index, lang, rows)]
    columns = _column_widths(tasks, index, lang, rows)
    layouts = [(_pack(columns, width, name), i) for i, name in enumerate(_NAME_WIDTHS)]
    parts, best = min(layouts, key=lambda layout: (len(layout[0]), layout[1]))
    return [
        matrix(tasks, index, lang, rows, Shape(part, i == len(parts) - 1, _NAME_WIDTHS[best]))
        for i, part in enumerate(parts)
    ]


@dataclass(frozen=True)
class _Columns:
    fixed: int  # the id column and its gap (English), else 0
    name: int
    tasks: dict[str, int]
    standing: int


def _column_widths(
    tasks: tuple[str, ...], index: PlanIndex, lang: Lang, rows: list[MatrixRow]
) -> _Columns:
    """Each column's natural width in terminal cells (a CJK character is two)."""
    laid = [_row(unit, Shape(tasks), index, lang) for unit in rows]
    cells = list(zip(*laid, strict=True)) if laid else []
    ids = labels.show_ids(lang)
    headers = [*([say("report.unit", lang)] if ids else []), say("report.name", lang)]
    columns = labels.task_columns(index.plan, lang)
    headers += [columns[task] for task in tasks] + [say("report.status", lang)]

    def widest(i: int) -> int:
        return max(cell_len(str(cell)) for cell in (headers[i], *(cells[i] if cells else ())))

    first = 1 if ids else 0
    widths = {task: widest(first + 1 + i) for i, task in enumerate(tasks)}
    fixed = widest(0) + _GAP if ids else 0
    return _Columns(fixed, widest(first), widths, widest(len(headers) - 1))


def _pack(columns: _Columns, width: int, name_width: int | None) -> list[tuple[str, ...]]:
    """The tasks in blocks, each as many as fit beside the units' names (the last also
    holding the standing); a task too wide for any block still gets one of its own."""
    name = columns.name if name_width is None else min(columns.name, name_width)
    room = width - columns.fixed - name
    blocks: list[list[str]] = [[]]
    used = 0
    for task, cells in columns.tasks.items():
        if blocks[-1] and used + _GAP + cells > room:
            blocks.append([])
            used = 0
        blocks[-1].append(task)
        used += _GAP + cells
    if used + _GAP + columns.standing > room and len(blocks[-1]) > 1:
        blocks.append([blocks[-1].pop()])  # the standing needs room beside the last tasks
    return [tuple(block) for block in blocks]


def _row(unit: MatrixRow, shape: Shape, index: PlanIndex, lang: Lang) -> list[str | Text]:
    ids: list[str | Text] = [unit.unit] if labels.show_ids(lang) else []
    cells: list[str | Text] = [*ids, labels.unit_name(index.units[unit.unit], lang)]
    for task in shape.tasks:
        status = unit.cell(task)
        cells.append(Text(labels.symbol(status, lang), style=LOOK[status].style))
    if shape.standing:
        standing = labels.unit_status(unit.status, lang)
        cells.append(Text(standing, style=UNIT_STYLE[unit.status]))
    return cells


def _shortfall_lines(outcomes: list[Short], index: PlanIndex, lang: Lang) -> Iterable[Text]:
    """A shortfall a paragraph: its status, unit and due date, then what is short."""
    ids = labels.show_ids(lang)
    everything = say("report.all", lang)
    colon = labels.colon(lang)
    for o in outcomes:
        unit = labels.unit_name(index.units[o.unit], lang)
        head = Text(labels.word(o.status, lang), style=LOOK[o.status].style)
        head.append(f"  {o.unit} {unit}" if ids else f"  {unit}")
        head.append(f"  {say('report.due', lang)}{colon}{labels.date(o.due, lang)}")
        title = index.requirements[o.requirement][1].title if o.requirement else ""
        what = f"{o.requirement} {title}" if ids and o.requirement else (title or everything)
        yield head
        yield Text(f"    {what}{colon}{o.detail}")


def _shortfall_table(outcomes: list[Short], index: PlanIndex, lang: Lang) -> Table:
    ids = labels.show_ids(lang)
    headers: tuple[str, ...] = ("status", "unit", "name", "requirement", "", "detail", "due")
    if not ids:  # the requirement's title stands in its column, and no id column
        headers = ("status", "name", "requirement", "detail", "due")
    shortfalls = table(*(say(f"report.{h}", lang) if h else "" for h in headers))
    everything = say("report.all", lang)
    for o in outcomes:
        title = index.requirements[o.requirement][1].title if o.requirement else ""
        row: list[str | Text] = [Text(labels.word(o.status, lang), style=LOOK[o.status].style)]
        row += [o.unit] if ids else []
        row.append(labels.unit_name(index.units[o.unit], lang))
        row += [o.requirement or everything, title] if ids else [title or everything]
        row += [o.detail, labels.date(o.due, lang)]
        shortfalls.add_row(*row)
    return shortfalls
