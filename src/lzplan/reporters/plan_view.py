"""Tables of a plan: its tasks and requirements (`plan show`), its units (`units`), and
the one line `plan validate` prints."""

from __future__ import annotations

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table

from lzplan import kinds
from lzplan.messages import Lang, say
from lzplan.plan.index import PlanIndex
from lzplan.plan.load import LoadedPlan
from lzplan.plan.model import Requirement
from lzplan.plan.provenance import judged
from lzplan.plan.requirement import Reading
from lzplan.reporters import labels
from lzplan.reporters.console import show

# Long titles and notes fold within these widths (terminal cells), so the table keeps a
# width people can read whatever the plan says.
_WIDTHS = {"show.task": 60, "show.owed_by": 30}


def _table(*headers: tuple[str, str]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for key, header in headers:
        table.add_column(header, overflow="fold", max_width=_WIDTHS.get(key))
    return table


def quota(requirement: Requirement, index: PlanIndex, lang: Lang = "en") -> str:
    """The requirement's threshold in a few characters: ≥3 districts, ≥20%..."""
    shown = kinds.of(requirement).quota(requirement, index)
    return shown.render(lang) if shown else ""


def validated(loaded: LoadedPlan, lang: Lang) -> str:
    """What `plan validate` says of a valid plan."""
    plan = loaded.plan
    return say(
        "show.valid",
        lang,
        file=loaded.display,
        units=len(plan.units),
        groups=len(plan.groups) + sum(len(task.groups) for task in plan.tasks),
        tasks=len(plan.tasks),
        requirements=sum(len(task.requirements) for task in plan.tasks),
    )


def show_plan(console: Console, loaded: LoadedPlan, lang: Lang = "en") -> None:
    info = loaded.plan.plan
    console.print(say("show.title", lang, title=info.title, id=info.id))
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
    ids = labels.show_ids(lang)
    keys = ("show.id", "show.task", "show.kind", "show.owed_by", "show.quota", "report.due")
    table = _table(*((key, say(key, lang)) for key in keys[0 if ids else 1 :]))
    columns = labels.task_columns(loaded.plan, lang)
    for task in loaded.plan.tasks:
        owners = _owners(loaded, [*task.owners.leads, *task.owners.groups], lang)
        section = say("show.section", lang, section=task.section, column=columns[task.id])
        _row(table, ids, task.id, f"{section} {task.title}", "", owners)
        _note(table, ids, task.owners.note, lang)
        for req in task.requirements:
            owed = _owners(loaded, [*req.units, *req.groups], lang)
            due = labels.date(req.due.date, lang)
            if req.due.wording:
                due = say("report.due_wording", lang, date=req.due.date, wording=req.due.wording)
            elif req.due.follows and req.due.follows in loaded.index.requirements:
                followed = loaded.index.requirements[req.due.follows][1]
                shown = labels.requirement_label(followed, lang)
                due = say("show.due_follows", lang, date=due, requirement=shown)
            kind = labels.kind(req.kind, lang)
            _row(
                table,
                ids,
                f"  {req.id}",
                f"  {req.title}",
                kind,
                owed,
                quota(req, loaded.index, lang),
                due,
            )
            _note(table, ids, req.note, lang)
            for reading in req.readings:
                _indented(table, ids, _reading(loaded, reading, lang))
        excused = [(item.source, item.reason) for item in task.unreported]
        excused += [(item.source, item.reason) for item in task.phrases]
        for source, why in excused:
            reason = say("show.not_reported", lang, source=source, reason=why)
            table.add_row(*([""] if ids else []), Padding(reason, (0, 0, 0, 2)), "", "", "", "")
    show(console, table)
    total = sum(len(task.requirements) for task in loaded.plan.tasks)
    console.print(say("show.totals", lang, tasks=len(loaded.plan.tasks), requirements=total))
    _show_groups(console, loaded, lang)


def _reading(loaded: LoadedPlan, reading: Reading, lang: Lang) -> str:
    """一项解读: the notice's words, what the plan reads them to mean, and why."""
    if not reading.means:
        return say("show.reading.none", lang, words=reading.words, reason=reading.reason)
    means = _owners(loaded, reading.means, lang)
    return say(f"show.reading.{reading.field}", lang, words=reading.words, means=means,
               reason=reading.reason)  # fmt: skip


def _show_groups(console: Console, loaded: LoadedPlan, lang: Lang) -> None:
    """Who each group holds, and what the encoder decided about groups and units: the
    readings the notice leaves open, which the 法制办 must be able to check."""
    index = loaded.index
    console.print()
    console.print(say("show.groups_heading", lang))
    groups = [(group, group.names[0]) for group in loaded.plan.groups]
    sections = labels.task_columns(loaded.plan, lang)
    for task in loaded.plan.tasks:
        section = sections[task.id]
        groups += [
            (g, say("show.task_group", lang, name=g.names[0], task=task.id, section=section))
            for g in task.groups
        ]
    for group, name in groups:
        members = index.members[group.id]
        assumed = sum(not index.units[unit].named_in_notice for unit in members)
        by = _by(loaded) if judged(group) else "_universal" if _by(loaded) else ""
        key = "show.group_line" + by if assumed else "show.group_line_named"
        line = say(key, lang, id=group.id, name=name, units=len(members), assumed=assumed,
                   number=_number(loaded))  # fmt: skip
        console.print("  " + _with_note(line, group.note, lang), soft_wrap=True)
    for unit in index.unit_order():
        if unit.note:
            line = say("show.unit_note", lang, name=labels.unit_name(unit, lang), note=unit.note)
            console.print("  " + line, soft_wrap=True)


def _with_note(line: str, note: str | None, lang: Lang) -> str:
    return say("show.with_note", lang, line=line, note=note) if note else line


def _row(table: Table, ids: bool, id_: str, *cells: str) -> None:
    table.add_row(*([id_] if ids else []), *cells, *[""] * (5 - len(cells)))


def _indented(table: Table, ids: bool, text: str) -> None:
    cells: list[RenderableType] = [Padding(text, (0, 0, 0, 4)), "", "", "", ""]
    table.add_row(*([""] if ids else []), *cells)


def _note(table: Table, ids: bool, note: str | None, lang: Lang) -> None:
    """A note under its row, indented on every line it folds to."""
    if note:
        text = Padding(labels.labelled("report.note", note, lang), (0, 0, 0, 4))
        cells: list[RenderableType] = [text, "", "", "", ""]
        table.add_row(*([""] if ids else []), *cells)


def _owners(loaded: LoadedPlan, ids: list[str], lang: Lang) -> str:
    """Unit and group ids in English; their names in Chinese (a group by its first name)."""
    index = loaded.index
    groups = {
        g.id: g for g in [*loaded.plan.groups, *(g for t in loaded.plan.tasks for g in t.groups)]
    }
    names = [
        labels.unit_name(index.units[i], lang) if i in index.units else groups[i].names[0]
        for i in ids
    ]
    return say("show.owners", lang, ids=", ".join(ids), names=names)


def show_units(console: Console, loaded: LoadedPlan, lang: Lang = "en") -> None:
    keys = ("show.id", "report.name", "show.kind", "show.tags", "show.groups", "show.in_notice")
    table = _table(*((key, say(key, lang)) for key in keys))
    groups = loaded.index.members
    for unit in loaded.index.unit_order():
        member_of = [group for group, members in groups.items() if unit.id in members]
        table.add_row(
            unit.id,
            unit.name,
            labels.kind_name(loaded.plan, unit.kind, lang),
            ", ".join(unit.tags),
            ", ".join(member_of),
            say("show.named" if unit.named_in_notice else "show.assumed" + _by(loaded), lang),
        )
    show(console, table)
    assumed = sum(not unit.named_in_notice for unit in loaded.plan.units)
    console.print(say("show.units" + _by(loaded), lang, units=len(loaded.plan.units),
                      assumed=assumed, number=_number(loaded)))  # fmt: skip


def _by(loaded: LoadedPlan) -> str:
    """The key suffix for units the notice does not name: by the 任务分解 the plan cites,
    or (with none) assumed by the encoder."""
    return "_breakdown" if loaded.plan.plan.breakdown else ""


def _number(loaded: LoadedPlan) -> str:
    ref = loaded.plan.plan.breakdown
    return ref.number if ref else ""
