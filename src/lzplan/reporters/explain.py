"""`lzplan explain`: one unit's standing, requirement by requirement, item by item."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from lzplan import kinds
from lzplan.check.result import ItemVerdict, Outcome, Result
from lzplan.messages import Lang, say
from lzplan.plan.index import PlanIndex
from lzplan.plan.recurrence import shown
from lzplan.reporters import labels
from lzplan.reporters.looks import LOOK


def explain(
    console: Console, result: Result, index: PlanIndex, task: str | None, lang: Lang = "en"
) -> None:
    (unit,) = result.units
    info = index.units[unit.unit]
    standing = labels.unit_status(unit.status, lang)
    console.print(
        say("report.unit_line", lang, unit=labels.unit_label(info, lang), status=standing)
    )
    if not info.named_in_notice:
        console.print(labels.basis(index.plan, lang))
    if info.note:
        console.print(labels.labelled("report.note", info.note, lang))
    file = unit.file or say("report.no_file", lang)
    console.print(say("report.file", lang, file=file, as_of=result.as_of))
    for outcome in unit.outcomes:
        if task is None or outcome.task == task:
            _explain_one(console, outcome, index, lang)


def _explain_one(console: Console, outcome: Outcome, index: PlanIndex, lang: Lang) -> None:
    _, req = index.requirements[outcome.requirement]
    due = say("report.due_wording", lang, date=req.due.date, wording=req.due.wording or "")
    due = due if req.due.wording else labels.date(req.due.date, lang)
    console.print()
    word = labels.outcome_word(outcome.status, req, index, lang)
    status = Text(word, style=LOOK[outcome.status].style)
    detail = outcome.detail.render(lang)
    head = f"{labels.requirement_label(req, lang)}{labels.colon(lang)}"
    console.print(Text.assemble(head, status, f" - {detail}"))
    needs = kinds.of(req).needs(req, outcome.required).render(lang)
    kind = labels.kind(req.kind, lang)
    console.print("  " + say("report.kind_line", lang, kind=kind, needs=needs, due=due))
    console.print("  " + labels.labelled("report.source", req.source, lang))
    if req.note:
        console.print("  " + labels.labelled("report.note", req.note, lang))
    if outcome.location:
        console.print("  " + say("report.reported_at", lang, where=outcome.location))
    for fact in outcome.facts:
        console.print("  - " + fact.render(lang))
    for period in outcome.periods:
        word = labels.word(period.status, lang)
        line = say("report.occurrence", lang, period=shown(period.period), due=period.due,
                   word=word, detail=period.detail)  # fmt: skip
        console.print(Text.assemble("  ", (line, LOOK[period.status].style)))
        _items(console, period.items, lang, "    ")
    _items(console, outcome.items, lang, "  ")


def _items(console: Console, items: tuple[ItemVerdict, ...], lang: Lang, indent: str) -> None:
    for item in items:
        doc = f" {item.doc_no}" if item.doc_no else ""
        verdict = labels.reason(item.reason, lang)
        when = labels.date(item.date, lang)
        at = say("report.item_at", lang, where=item.location)
        line = f"{when} {item.title}{doc}{labels.colon(lang)}{verdict}{at}"
        console.print(f"{indent}- {line}")
