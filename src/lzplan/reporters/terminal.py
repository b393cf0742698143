"""The terminal report of a check: matrix, summary, shortfalls; and `explain`."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from lzplan.plan import LoadedPlan, PlanIndex
from lzplan.reporters import common, labels
from lzplan.reporters import console as consoles
from lzplan.reporters.console import show
from lzplan.result import Outcome, Result, UnitResult


def render(result: Result, loaded: LoadedPlan, *, color: bool = False) -> str:
    buffer = io.StringIO()
    report(consoles.make(buffer, color=color), result, loaded.index)
    return buffer.getvalue()


def report(console: Console, result: Result, index: PlanIndex) -> None:
    console.print(
        f"{index.plan.plan.title} ({result.plan_id}), as of {result.as_of}", highlight=False
    )
    console.print()
    show(console, matrix(result, index))
    console.print(f"Legend: {labels.legend()}")
    console.print()
    for line in common.summary(result):
        console.print(line)
    shortfalls = common.shortfalls(result)
    if shortfalls:
        console.print()
        console.print("Shortfalls, worst first:")
        show(console, _shortfall_table(shortfalls, index))
    if result.notices:
        console.print()
        console.print("Notices:")
        for notice in result.notices:
            console.print(f"  {notice.location}: {notice.message}")


def _table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in headers:
        table.add_column(header, no_wrap=True)
    return table


def matrix(result: Result, index: PlanIndex) -> Table:
    table = _table("unit", "name", *(_short(task) for task in result.tasks), "status")
    previous_kind = None
    for unit in result.units:
        kind = index.units[unit.unit].kind
        if previous_kind is not None and kind != previous_kind:
            table.add_section()
        previous_kind = kind
        table.add_row(*_row(unit, result.tasks, index))
    return table


def _short(task: str) -> str:
    return task.removeprefix("t")


def _row(unit: UnitResult, tasks: tuple[str, ...], index: PlanIndex) -> list[str | Text]:
    cells: list[str | Text] = [unit.unit, index.units[unit.unit].name]
    for task in tasks:
        status = unit.cell(task)
        cells.append(Text(labels.SYMBOL[status], style=labels.STYLE[status]))
    cells.append(Text(labels.UNIT_STATUS[unit.status], style=labels.UNIT_STYLE[unit.status]))
    return cells


def _shortfall_table(outcomes: list[Outcome], index: PlanIndex) -> Table:
    table = _table("status", "unit", "name", "requirement", "", "detail", "due")
    for o in outcomes:
        title = index.requirements[o.requirement][1].title if o.requirement else ""
        table.add_row(
            Text(labels.WORD[o.status], style=labels.STYLE[o.status]),
            o.unit,
            index.units[o.unit].name,
            o.requirement or "(all)",
            title,
            o.detail,
            str(o.due),
        )
    return table


def explain(console: Console, result: Result, index: PlanIndex, task: str | None) -> None:
    (unit,) = result.units
    info = index.units[unit.unit]
    console.print(f"{info.name} ({unit.unit}): {labels.UNIT_STATUS[unit.status]}")
    console.print(f"file: {unit.file or 'none'}; as of {result.as_of}")
    for outcome in unit.outcomes:
        if task is None or outcome.task == task:
            _explain_one(console, outcome, index)


def _explain_one(console: Console, outcome: Outcome, index: PlanIndex) -> None:
    _, req = index.requirements[outcome.requirement]
    due = f"{req.due.date}" + (f" ({req.due.wording})" if req.due.wording else "")
    console.print()
    status = Text(labels.WORD[outcome.status], style=labels.STYLE[outcome.status])
    console.print(Text.assemble(f"{req.id} {req.title}: ", status, f" - {outcome.detail}"))
    console.print(f"  kind {req.kind}; needs {_needs(outcome, req.kind)}; due {due}")
    console.print(f"  source: {req.source}")
    if outcome.location:
        console.print(f"  reported at {outcome.location}")
    for item in outcome.items:
        doc = f" {item.doc_no}" if item.doc_no else ""
        console.print(
            f"  - {item.date} {item.title}{doc}: {labels.REASON[item.reason]} ({item.location})"
        )


def _needs(outcome: Outcome, kind: str) -> str:
    if kind == "ratio":
        return f"a share of at least {outcome.required:.0%}"
    if kind == "distinct_units":
        return f"at least {outcome.required:g} distinct units"
    if kind == "milestone":
        return "a completion date backed by evidence"
    return f"at least {outcome.required:g} dated evidence item(s)"
