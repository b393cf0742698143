"""The terminal report of a check: matrix, summary, shortfalls; and `explain`."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from lzplan.i18n import Lang
from lzplan.plan import LoadedPlan, PlanIndex
from lzplan.reporters import common, labels
from lzplan.reporters import console as consoles
from lzplan.reporters.console import show
from lzplan.result import Outcome, Result, UnitResult


def render(
    result: Result,
    loaded: LoadedPlan,
    *,
    color: bool = False,
    lang: Lang = "en",
    show_all: bool = False,
) -> str:
    buffer = io.StringIO()
    report(consoles.make(buffer, color=color), result, loaded.index, lang, show_all)
    return buffer.getvalue()


# A matrix or shortfall list longer than this shows only what needs attention, and says
# how much it left out: a province's thousands of rows help nobody at a terminal.
MAX_ROWS = 60
_NEEDS_ATTENTION = ("behind", "not_submitted", "invalid")


def report(
    console: Console, result: Result, index: PlanIndex, lang: Lang = "en", show_all: bool = False
) -> None:
    title = index.plan.plan.title
    console.print(labels.ui("title", lang, title=title, plan=result.plan_id, as_of=result.as_of))
    console.print()
    units = list(result.units)
    if not show_all and len(units) > MAX_ROWS:
        units = [unit for unit in units if unit.status in _NEEDS_ATTENTION]
    show(console, matrix(result, index, lang, units))
    if len(units) < len(result.units):
        hidden = len(result.units) - len(units)
        console.print(labels.ui("hidden_units", lang, count=hidden))
    console.print(labels.labelled("legend", labels.legend(lang), lang))
    console.print()
    for line in common.summary(result, lang):
        console.print(line)
    shortfalls = common.shortfalls(result)
    if shortfalls:
        console.print()
        console.print(labels.heading("shortfalls", lang))
        shown = shortfalls if show_all else shortfalls[:MAX_ROWS]
        show(console, _shortfall_table(shown, index, lang))
        if len(shown) < len(shortfalls):
            console.print(labels.ui("hidden_rows", lang, count=len(shortfalls) - len(shown)))
    if result.notices:
        console.print()
        console.print(labels.heading("notices", lang))
        for notice in result.notices:
            console.print(f"  {notice.location}: {notice.message.render(lang)}")


def _table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in headers:
        table.add_column(header, no_wrap=True)
    return table


def matrix(
    result: Result, index: PlanIndex, lang: Lang = "en", units: list[UnitResult] | None = None
) -> Table:
    tasks = (task.removeprefix("t") for task in result.tasks)
    headers = [labels.ui("unit", lang), labels.ui("name", lang)]
    table = _table(*headers, *tasks, labels.ui("status", lang))
    previous_kind = None
    for unit in result.units if units is None else units:
        kind = index.units[unit.unit].kind
        if previous_kind is not None and kind != previous_kind:
            table.add_section()
        previous_kind = kind
        table.add_row(*_row(unit, result.tasks, index, lang))
    return table


def _row(
    unit: UnitResult, tasks: tuple[str, ...], index: PlanIndex, lang: Lang
) -> list[str | Text]:
    cells: list[str | Text] = [unit.unit, index.units[unit.unit].name]
    for task in tasks:
        status = unit.cell(task)
        cells.append(Text(labels.symbol(status, lang), style=labels.STYLE[status]))
    standing = labels.unit_status(unit.status, lang)
    cells.append(Text(standing, style=labels.UNIT_STYLE[unit.status]))
    return cells


def _shortfall_table(outcomes: list[Outcome], index: PlanIndex, lang: Lang) -> Table:
    headers = ("status", "unit", "name", "requirement", "", "detail", "due")
    table = _table(*(labels.ui(h, lang) if h else "" for h in headers))
    for o in outcomes:
        title = index.requirements[o.requirement][1].title if o.requirement else ""
        table.add_row(
            Text(labels.word(o.status, lang), style=labels.STYLE[o.status]),
            o.unit,
            index.units[o.unit].name,
            o.requirement or labels.ui("all", lang),
            title,
            o.detail.render(lang),
            str(o.due),
        )
    return table


def explain(
    console: Console, result: Result, index: PlanIndex, task: str | None, lang: Lang = "en"
) -> None:
    (unit,) = result.units
    info = index.units[unit.unit]
    standing = labels.unit_status(unit.status, lang)
    console.print(labels.ui("unit_line", lang, name=info.name, id=unit.unit, status=standing))
    file = unit.file or labels.ui("no_file", lang)
    console.print(labels.ui("file", lang, file=file, as_of=result.as_of))
    for outcome in unit.outcomes:
        if task is None or outcome.task == task:
            _explain_one(console, outcome, index, lang)


def _explain_one(console: Console, outcome: Outcome, index: PlanIndex, lang: Lang) -> None:
    _, req = index.requirements[outcome.requirement]
    due = f"{req.due.date}" + (f" ({req.due.wording})" if req.due.wording else "")
    console.print()
    status = Text(labels.word(outcome.status, lang), style=labels.STYLE[outcome.status])
    detail = outcome.detail.render(lang)
    head = f"{req.id} {req.title}{labels.colon(lang)}"
    console.print(Text.assemble(head, status, f" - {detail}"))
    needs = _needs(outcome, req.kind, lang)
    kind = labels.kind(req.kind, lang)
    console.print("  " + labels.ui("kind_line", lang, kind=kind, needs=needs, due=due))
    console.print("  " + labels.labelled("source", req.source, lang))
    if outcome.location:
        console.print("  " + labels.ui("reported_at", lang, where=outcome.location))
    for item in outcome.items:
        doc = f" {item.doc_no}" if item.doc_no else ""
        verdict = labels.reason(item.reason, lang)
        line = f"{item.date} {item.title}{doc}{labels.colon(lang)}{verdict} ({item.location})"
        console.print(f"  - {line}")


def _needs(outcome: Outcome, kind: str, lang: Lang) -> str:
    if kind == "ratio":
        return labels.ui("needs.ratio", lang, share=f"{outcome.required:.0%}")
    if kind == "distinct_units":
        return labels.ui("needs.distinct_units", lang, n=f"{outcome.required:g}")
    if kind == "milestone":
        return labels.ui("needs.milestone", lang)
    return labels.ui("needs.count", lang, n=f"{outcome.required:g}")
