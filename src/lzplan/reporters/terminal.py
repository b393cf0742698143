"""The terminal report of a check: matrix, summary, shortfalls and notices."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from lzplan.check.result import Outcome, Result, UnitResult, UnitStatus
from lzplan.messages import Lang, say
from lzplan.plan.index import PlanIndex
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common, labels
from lzplan.reporters import console as consoles
from lzplan.reporters.console import show
from lzplan.reporters.looks import LOOK, PACE, UNIT_STYLE

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
    buffer = io.StringIO()
    console = consoles.make(buffer, color=options.color)
    report(console, result, loaded, options.lang, options.show_all, options.width)
    return [buffer.getvalue()]


def _attention(result: Result) -> tuple[list[UnitResult], bool]:
    """Every unit, up to MAX_ROWS; beyond, the units that need attention, and of those,
    when still too many, the worst MAX_ROWS (invalid, then not submitted, behind, late),
    in matrix order — and whether that last cut was made. A terminal is read, not
    searched; and rich lays out ~1 ms a row."""
    units = list(result.units)
    if len(units) <= MAX_ROWS:
        return units, False
    needing = [unit for unit in units if unit.status in _NEEDS_ATTENTION]
    if len(needing) <= MAX_ROWS:
        return needing, False
    order = {status: rank for rank, status in enumerate(_WORST_FIRST)}
    worst = sorted(range(len(needing)), key=lambda i: (order[needing[i].status], i))[:MAX_ROWS]
    return [needing[i] for i in sorted(worst)], True


_WORST_FIRST = (UnitStatus.INVALID, UnitStatus.NOT_SUBMITTED, UnitStatus.BEHIND,
                UnitStatus.COMPLIANT_LATE)  # fmt: skip


def report(
    console: Console,
    result: Result,
    loaded: LoadedPlan,
    lang: Lang = "en",
    show_all: bool = False,
    width: int | None = None,
) -> None:
    index = loaded.index
    title = index.plan.plan.title

    def line(text: str = "") -> None:
        """A line of prose; given a width, wrapped to it."""
        if width is None:
            console.print(text)
            return
        console.width = width
        console.print(text, soft_wrap=False, overflow="fold")

    line(say("report.title", lang, title=title, plan=result.plan_id, as_of=result.as_of))
    line()
    units, cut = (list(result.units), False) if show_all else _attention(result)
    for i, block in enumerate(fitted(result, index, lang, units, width)):
        if i:
            line()
        show(console, block)
    if len(units) < len(result.units):
        hidden = len(result.units) - len(units)
        key = "report.hidden_units_many" if cut else "report.hidden_units"
        line(say(key, lang, count=hidden, shown=len(units)))
    line(labels.labelled("report.legend", labels.legend(lang, loaded.plan), lang))
    line()
    for summary in common.summary(result, lang):
        line(summary)
    _progress(console, result, loaded, lang, show_all)
    _scores(console, result, loaded, lang)
    _shortfalls(console, result, index, lang, show_all, width)
    if result.notices:
        line()
        line(labels.heading("report.notices", lang))
        for notice in result.notices:
            line(f"  {notice.location}: {notice.message.render(lang)}")


def _progress(
    console: Console, result: Result, loaded: LoadedPlan, lang: Lang, show_all: bool
) -> None:
    """While the period runs: each unit's share done against the share of time gone;
    with many units, only those behind pace."""
    rows = common.progress(result, loaded)
    if not rows:
        return
    console.print()
    console.print(labels.heading("report.progress", lang))
    console.print(common.progress_line(result, loaded, lang))
    shown = rows if show_all or len(rows) <= MAX_ROWS else [r for r in rows if not r.on_pace]
    keys = ("report.name", "report.done", "report.owed", "report.share", "report.pace")
    progress = table(*(say(key, lang) for key in keys))
    for row in shown:
        name = labels.unit_name(loaded.index.units[row.unit], lang)
        progress.add_row(name, str(row.done), str(row.owed), common.percent(row.share),
                         Text(common.pace(row, lang), style=PACE[row.on_pace].style))  # fmt: skip
    show(console, progress)
    if len(shown) < len(rows):
        console.print(say("report.hidden_rows", lang, count=len(rows) - len(shown)))


def _scores(console: Console, result: Result, loaded: LoadedPlan, lang: Lang) -> None:
    rows = common.score_rows(result, loaded, lang)
    if not rows:
        return
    console.print()
    console.print(labels.heading("report.scores", lang))
    console.print(common.scores_line(result, loaded, lang))
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
    console: Console,
    result: Result,
    index: PlanIndex,
    lang: Lang,
    show_all: bool,
    width: int | None = None,
) -> None:
    shortfalls = common.shortfalls(result)
    if not shortfalls:
        return
    console.print()
    console.print(labels.heading("report.shortfalls", lang))
    shown = shortfalls if show_all else shortfalls[:MAX_ROWS]
    listed = _shortfall_table(shown, index, lang)
    if width is None or consoles.natural_width(listed) <= width:
        show(console, listed)
    else:  # too narrow for a table: each shortfall as a short paragraph
        console.width = width
        for line in _shortfall_lines(shown, index, lang):
            console.print(line, soft_wrap=False, overflow="fold")
    if len(shown) < len(shortfalls):
        console.print(say("report.hidden_rows", lang, count=len(shortfalls) - len(shown)))


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
    result: Result,
    index: PlanIndex,
    lang: Lang = "en",
    units: list[UnitResult] | None = None,
    shape: Shape | None = None,
) -> Table:
    shape = shape or Shape(result.tasks)
    columns = labels.task_columns(index.plan, lang)
    ids = [say("report.unit", lang)] if labels.show_ids(lang) else []
    headers = [*ids, say("report.name", lang), *(columns[task] for task in shape.tasks)]
    matrix = table(*headers, *([say("report.status", lang)] if shape.standing else []))
    if shape.name_width is not None:
        name = matrix.columns[len(ids)]
        name.no_wrap, name.max_width, name.overflow = False, shape.name_width, "fold"
    previous_kind = None
    for unit in result.units if units is None else units:
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
    result: Result, index: PlanIndex, lang: Lang, units: list[UnitResult], width: int | None
) -> list[Table]:
    """The matrix as wide as its content; given a width (--width, or the terminal's),
    fitted to it: as few blocks of tasks as fit, each repeating the units (the standing
    in the last), and of those the widest names — so the terminal never breaks a row."""
    if width is None:
        return [matrix(result, index, lang, units)]
    columns = _column_widths(result, index, lang, units)
    layouts = [(_pack(columns, width, name), i) for i, name in enumerate(_NAME_WIDTHS)]
    parts, best = min(layouts, key=lambda layout: (len(layout[0]), layout[1]))
    return [
        matrix(result, index, lang, units, Shape(part, i == len(parts) - 1, _NAME_WIDTHS[best]))
        for i, part in enumerate(parts)
    ]


@dataclass(frozen=True)
class _Columns:
    fixed: int  # the id column and its gap (English), else 0
    name: int
    tasks: dict[str, int]
    standing: int


def _column_widths(
    result: Result, index: PlanIndex, lang: Lang, units: list[UnitResult]
) -> _Columns:
    """Each column's natural width in terminal cells (a CJK character is two)."""
    rows = [_row(unit, Shape(result.tasks), index, lang) for unit in units]
    cells = list(zip(*rows, strict=True)) if rows else []
    ids = labels.show_ids(lang)
    headers = [*([say("report.unit", lang)] if ids else []), say("report.name", lang)]
    columns = labels.task_columns(index.plan, lang)
    headers += [columns[task] for task in result.tasks] + [say("report.status", lang)]

    def widest(i: int) -> int:
        return max(cell_len(str(cell)) for cell in (headers[i], *(cells[i] if cells else ())))

    first = 1 if ids else 0
    tasks = {task: widest(first + 1 + i) for i, task in enumerate(result.tasks)}
    fixed = widest(0) + _GAP if ids else 0
    return _Columns(fixed, widest(first), tasks, widest(len(headers) - 1))


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


def _row(unit: UnitResult, shape: Shape, index: PlanIndex, lang: Lang) -> list[str | Text]:
    ids: list[str | Text] = [unit.unit] if labels.show_ids(lang) else []
    cells: list[str | Text] = [*ids, labels.unit_name(index.units[unit.unit], lang)]
    for task in shape.tasks:
        status = unit.cell(task)
        cells.append(Text(labels.symbol(status, lang), style=LOOK[status].style))
    if shape.standing:
        standing = labels.unit_status(unit.status, lang)
        cells.append(Text(standing, style=UNIT_STYLE[unit.status]))
    return cells


def _shortfall_lines(outcomes: list[Outcome], index: PlanIndex, lang: Lang) -> Iterable[Text]:
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
        yield Text(f"    {what}{colon}{o.detail.render(lang)}")


def _shortfall_table(outcomes: list[Outcome], index: PlanIndex, lang: Lang) -> Table:
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
        row += [o.detail.render(lang), labels.date(o.due, lang)]
        shortfalls.add_row(*row)
    return shortfalls
