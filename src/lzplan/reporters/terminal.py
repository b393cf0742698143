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
from lzplan.reporters.looks import LOOK, UNIT_STYLE

# A matrix or shortfall list longer than this shows only what needs attention, and says
# how much it left out: a province's thousands of rows help nobody at a terminal.
MAX_ROWS = 60
_NEEDS_ATTENTION = (UnitStatus.BEHIND, UnitStatus.NOT_SUBMITTED, UnitStatus.INVALID)


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    buffer = io.StringIO()
    console = consoles.make(buffer, color=options.color)
    report(console, result, loaded.index, options.lang, options.show_all)
    return [buffer.getvalue()]


def report(
    console: Console, result: Result, index: PlanIndex, lang: Lang = "en", show_all: bool = False
) -> None:
    title = index.plan.plan.title
    console.print(say("report.title", lang, title=title, plan=result.plan_id, as_of=result.as_of))
    console.print()
    units = list(result.units)
    if not show_all and len(units) > MAX_ROWS:
        units = [unit for unit in units if unit.status in _NEEDS_ATTENTION]
    show(console, matrix(result, index, lang, units))
    if len(units) < len(result.units):
        hidden = len(result.units) - len(units)
        console.print(say("report.hidden_units", lang, count=hidden))
    console.print(labels.labelled("report.legend", labels.legend(lang), lang))
    console.print()
    for line in common.summary(result, lang):
        console.print(line)
    _shortfalls(console, result, index, lang, show_all)
    if result.notices:
        console.print()
        console.print(labels.heading("report.notices", lang))
        for notice in result.notices:
            console.print(f"  {notice.location}: {notice.message.render(lang)}")


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
    tasks = (common.column(task) for task in result.tasks)
    headers = [say("report.unit", lang), say("report.name", lang)]
    matrix = table(*headers, *tasks, say("report.status", lang))
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
    cells: list[str | Text] = [unit.unit, index.units[unit.unit].name]
    for task in tasks:
        status = unit.cell(task)
        cells.append(Text(labels.symbol(status, lang), style=LOOK[status].style))
    standing = labels.unit_status(unit.status, lang)
    cells.append(Text(standing, style=UNIT_STYLE[unit.status]))
    return cells


def _shortfall_table(outcomes: list[Outcome], index: PlanIndex, lang: Lang) -> Table:
    headers = ("status", "unit", "name", "requirement", "", "detail", "due")
    shortfalls = table(*(say(f"report.{h}", lang) if h else "" for h in headers))
    for o in outcomes:
        title = index.requirements[o.requirement][1].title if o.requirement else ""
        shortfalls.add_row(
            Text(labels.word(o.status, lang), style=LOOK[o.status].style),
            o.unit,
            index.units[o.unit].name,
            o.requirement or say("report.all", lang),
            title,
            o.detail.render(lang),
            str(o.due),
        )
    return shortfalls
