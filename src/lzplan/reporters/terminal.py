"""The terminal report of a check: matrix, summary, shortfalls and notices."""

from __future__ import annotations

import io
from collections.abc import Iterable

from rich import box
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
    report(console, result, loaded, options.lang, options.show_all)
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
    console: Console, result: Result, loaded: LoadedPlan, lang: Lang = "en", show_all: bool = False
) -> None:
    index = loaded.index
    title = index.plan.plan.title
    console.print(say("report.title", lang, title=title, plan=result.plan_id, as_of=result.as_of))
    console.print()
    units, cut = (list(result.units), False) if show_all else _attention(result)
    show(console, matrix(result, index, lang, units))
    if len(units) < len(result.units):
        hidden = len(result.units) - len(units)
        key = "report.hidden_units_many" if cut else "report.hidden_units"
        console.print(say(key, lang, count=hidden, shown=len(units)))
    console.print(labels.labelled("report.legend", labels.legend(lang, loaded.plan), lang))
    console.print()
    for line in common.summary(result, lang):
        console.print(line)
    _progress(console, result, loaded, lang, show_all)
    _scores(console, result, loaded, lang)
    _shortfalls(console, result, index, lang, show_all)
    if result.notices:
        console.print()
        console.print(labels.heading("report.notices", lang))
        for notice in result.notices:
            console.print(f"  {notice.location}: {notice.message.render(lang)}")


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
    console.print(common.scores_line(result, lang))
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
    console: Console, result: Result, index: PlanIndex, lang: Lang, show_all: bool
) -> None:
    shortfalls = common.shortfalls(result)
    if not shortfalls:
        return
    console.print()
    console.print(labels.heading("report.shortfalls", lang))
    shown = shortfalls if show_all else shortfalls[:MAX_ROWS]
    show(console, _shortfall_table(shown, index, lang))
    if len(shown) < len(shortfalls):
        console.print(say("report.hidden_rows", lang, count=len(shortfalls) - len(shown)))


def table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in headers:
        table.add_column(header, no_wrap=True)
    return table


def matrix(
    result: Result, index: PlanIndex, lang: Lang = "en", units: list[UnitResult] | None = None
) -> Table:
    columns = labels.task_columns(index.plan, lang)
    ids = [say("report.unit", lang)] if labels.show_ids(lang) else []
    headers = [*ids, say("report.name", lang)]
    matrix = table(*headers, *(columns[task] for task in result.tasks), say("report.status", lang))
    previous_kind = None
    for unit in result.units if units is None else units:
        kind = index.units[unit.unit].kind
        if previous_kind is not None and kind != previous_kind:
            matrix.add_section()
        previous_kind = kind
        matrix.add_row(*_row(unit, result.tasks, index, lang))
    return matrix


def _row(
    unit: UnitResult, tasks: tuple[str, ...], index: PlanIndex, lang: Lang
) -> list[str | Text]:
    ids: list[str | Text] = [unit.unit] if labels.show_ids(lang) else []
    cells: list[str | Text] = [*ids, labels.unit_name(index.units[unit.unit], lang)]
    for task in tasks:
        status = unit.cell(task)
        cells.append(Text(labels.symbol(status, lang), style=LOOK[status].style))
    standing = labels.unit_status(unit.status, lang)
    cells.append(Text(standing, style=UNIT_STYLE[unit.status]))
    return cells


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
