"""Tables of a plan: its tasks and requirements, and its unit registry."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from lzplan.i18n import Lang
from lzplan.models import Requirement
from lzplan.plan import LoadedPlan
from lzplan.reporters import labels
from lzplan.reporters.console import show


def _table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def quota(requirement: Requirement) -> str:
    """The requirement's threshold in a few characters: ≥3 districts, ≥20%..."""
    if requirement.kind == "ratio" and requirement.min_share is not None:
        return f"≥{requirement.min_share:.0%}"
    if isinstance(requirement.min, dict):
        return ", ".join(f"≥{value} {key}" for key, value in requirement.min.items())
    if requirement.kind == "distinct_units":
        return f"≥{requirement.min} of {requirement.of_group}"
    if requirement.min is not None:
        return f"≥{requirement.min}"
    return ""


def show_plan(console: Console, loaded: LoadedPlan, lang: Lang = "en") -> None:
    info = loaded.plan.plan
    console.print(f"{info.title}  ({info.id})")
    period = labels.ui(
        "pv.issued",
        lang,
        issued=info.issued,
        issuer=info.issuer,
        start=info.period.start,
        end=info.period.end,
    )
    console.print(period)
    console.print(labels.labelled("source", info.source.title, lang))
    console.print()
    keys = ("pv.id", "pv.task", "pv.kind", "pv.owed_by", "pv.quota", "due")
    table = _table(*(labels.ui(key, lang) for key in keys))
    for task in loaded.plan.tasks:
        owners = ", ".join([*task.owners.leads, *task.owners.groups])
        table.add_row(task.id, f"{task.section} {task.title}", "", owners, "", "")
        for req in task.requirements:
            owed = ", ".join([*req.units, *req.groups])
            due = f"{req.due.date} {req.due.wording or ''}".rstrip()
            kind = labels.kind(req.kind, lang)
            table.add_row(f"  {req.id}", f"  {req.title}", kind, owed, quota(req), due)
    show(console, table)
    total = sum(len(task.requirements) for task in loaded.plan.tasks)
    console.print(labels.ui("pv.totals", lang, tasks=len(loaded.plan.tasks), requirements=total))


def show_units(console: Console, loaded: LoadedPlan, lang: Lang = "en") -> None:
    keys = ("pv.id", "name", "pv.kind", "pv.tags", "pv.groups", "pv.in_notice")
    table = _table(*(labels.ui(key, lang) for key in keys))
    groups = loaded.index.members
    for unit in loaded.index.unit_order():
        member_of = [group for group, members in groups.items() if unit.id in members]
        table.add_row(
            unit.id,
            unit.name,
            labels.ui(f"pv.{unit.kind}", lang),
            ", ".join(unit.tags),
            ", ".join(member_of),
            labels.ui("pv.named" if unit.named_in_notice else "pv.assumed", lang),
        )
    show(console, table)
    assumed = sum(not unit.named_in_notice for unit in loaded.plan.units)
    console.print(labels.ui("pv.units", lang, units=len(loaded.plan.units), assumed=assumed))
