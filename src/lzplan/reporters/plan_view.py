"""Tables of a plan: its tasks and requirements (`plan show`), its units (`units`), and
the one line `plan validate` prints."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from lzplan import kinds
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.plan.model import Requirement
from lzplan.reporters import labels
from lzplan.reporters.console import show


def _table(*headers: str) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for header in headers:
        table.add_column(header, overflow="fold")
    return table


def quota(requirement: Requirement, lang: Lang = "en") -> str:
    """The requirement's threshold in a few characters: ≥3 districts, ≥20%..."""
    shown = kinds.of(requirement).quota(requirement)
    return shown.render(lang) if shown else ""


def validated(loaded: LoadedPlan, lang: Lang) -> str:
    """What `plan validate` says of a valid plan."""
    plan = loaded.plan
    return say(
        "show.valid",
        lang,
        file=loaded.display,
        units=len(plan.units),
        groups=len(plan.groups),
        tasks=len(plan.tasks),
        requirements=sum(len(task.requirements) for task in plan.tasks),
    )


def show_plan(console: Console, loaded: LoadedPlan, lang: Lang = "en") -> None:
    info = loaded.plan.plan
    console.print(f"{info.title}  ({info.id})")
    period = say(
        "show.issued",
        lang,
        issued=info.issued,
        issuer=info.issuer,
        start=info.period.start,
        end=info.period.end,
    )
    console.print(period)
    console.print(labels.labelled("report.source", info.source.title, lang))
    console.print()
    keys = ("show.id", "show.task", "show.kind", "show.owed_by", "show.quota", "report.due")
    table = _table(*(say(key, lang) for key in keys))
    for task in loaded.plan.tasks:
        owners = ", ".join([*task.owners.leads, *task.owners.groups])
        table.add_row(task.id, f"{task.section} {task.title}", "", owners, "", "")
        for req in task.requirements:
            owed = ", ".join([*req.units, *req.groups])
            due = f"{req.due.date} {req.due.wording or ''}".rstrip()
            kind = labels.kind(req.kind, lang)
            table.add_row(f"  {req.id}", f"  {req.title}", kind, owed, quota(req, lang), due)
    show(console, table)
    total = sum(len(task.requirements) for task in loaded.plan.tasks)
    console.print(say("show.totals", lang, tasks=len(loaded.plan.tasks), requirements=total))


def _kind_name(loaded: LoadedPlan, kind: str, lang: Lang) -> str:
    """A declared unit kind by the plan's own name for it (县级市); the default ones by
    the catalogue's words."""
    declared = {k.id: k.name for k in loaded.plan.unit_kinds}
    return declared.get(kind) or say(f"show.{kind}", lang)


def show_units(console: Console, loaded: LoadedPlan, lang: Lang = "en") -> None:
    keys = ("show.id", "report.name", "show.kind", "show.tags", "show.groups", "show.in_notice")
    table = _table(*(say(key, lang) for key in keys))
    groups = loaded.index.members
    for unit in loaded.index.unit_order():
        member_of = [group for group, members in groups.items() if unit.id in members]
        table.add_row(
            unit.id,
            unit.name,
            _kind_name(loaded, unit.kind, lang),
            ", ".join(unit.tags),
            ", ".join(member_of),
            say("show.named" if unit.named_in_notice else "show.assumed", lang),
        )
    show(console, table)
    assumed = sum(not unit.named_in_notice for unit in loaded.plan.units)
    console.print(say("show.units", lang, units=len(loaded.plan.units), assumed=assumed))
