"""The 任务分解 as the 法制办 issues it: a 通知 that 印发 the breakdown, and its 附件.

After a 工作安排, the office says task by task which units the notice's general words
mean (``lzplan.plan.breakdown``) and issues the result under a 文号. The document here
is that issue: a 通知 after GB/T 9704 (title, 文号, 主送, a short body, the 附件 line,
署名 and 成文日期), then the 附件 itself, a table of one row per requirement:

    序号 | 工作任务 | 具体要求 | 责任单位 | 牵头或配合 | 完成时限 | 报送材料

责任单位 names every unit that owes the requirement (each group expanded to its units,
as the plan's index resolves them); 牵头 are the task's leads, 配合 its supporting
units, the rest 责任. The workbook (``breakdown_xlsx``) has a row per unit × duty, and
says for each whether the unit owes it by the notice's own words or by a row of the
breakdown (its 文号). The .docx is the bulletin's layout (``bulletin.docx``), its 附件
laid across landscape pages with columns as wide as their words (``fit_attachment``).

Pure: built from a loaded plan that cites a breakdown; no file, clock or terminal.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from lzplan import kinds
from lzplan.bulletin import build
from lzplan.bulletin import output as documents
from lzplan.bulletin.document import Block, Draft, Role, block, table
from lzplan.errors import UsageError
from lzplan.messages import Lang, msg, say
from lzplan.plan.breakdown import BreakdownInfo
from lzplan.plan.index import PlanIndex
from lzplan.plan.load import LoadedPlan
from lzplan.plan.model import Group, Requirement, Task, Unit
from lzplan.reporters import labels
from lzplan.reporters.office import fixed_zip
from lzplan.reporters.write import Output

# Where the document goes: the 通知 as .docx or .md, the duties as .xlsx.
SUFFIXES = {**documents.SUFFIXES, ".xlsx": "xlsx"}

_FULL_WIDTH = str.maketrans("()", "（）")


class Capacity(StrEnum):
    """A unit's part in a task: it leads (牵头), supports (配合), or is responsible (责任)."""

    LEAD = "lead"
    SUPPORT = "support"
    OWNER = "owner"


@dataclass(frozen=True)
class Duty:
    """One requirement one unit owes, and why: ``number`` is the breakdown's 文号 when a
    row of the breakdown puts the unit there, None when the notice's own words do."""

    task: Task
    requirement: Requirement
    unit: Unit
    part: Capacity
    number: str | None


def parse(spec: str) -> Output:
    """``分解.docx``, ``分解.xlsx``, ``分解.md`` (the format read from the suffix) or
    ``xlsx:PATH``; anything else is a usage error."""
    return documents.target(spec, SUFFIXES, "usage.breakdown_output")


def cited(loaded: LoadedPlan) -> BreakdownInfo:
    """The breakdown the plan cites; a usage error when it cites none."""
    if loaded.breakdown is None:
        raise UsageError(msg("usage.no_breakdown", plan=loaded.display))
    return loaded.breakdown.breakdown.breakdown


def source(loaded: LoadedPlan) -> Path | None:
    """The breakdown's file (never a place to write a document to)."""
    ref = loaded.plan.plan.breakdown
    return loaded.path.parent / ref.file if ref is not None else None


# ---------------------------------------------------------------- who owes what, and why


def duties(loaded: LoadedPlan) -> Iterator[Duty]:
    """Every unit × requirement, in plan order, each unit in the plan's order of units."""
    info, index = cited(loaded), loaded.index
    assert loaded.breakdown is not None
    for task in loaded.plan.tasks:
        by_rows = {u for units in loaded.breakdown.breakdown.assigned(task.id).values()
                   for u in units}  # fmt: skip
        groups = {g.id: g for g in [*loaded.plan.groups, *task.groups]}
        parts = _parts(task, index)
        for req in task.requirements:
            by_notice = _by_notice(req, index, groups)
            for unit_id in index.thresholds(req):
                number = info.number if unit_id in by_rows and unit_id not in by_notice else None
                part = parts.get(unit_id, Capacity.OWNER)
                yield Duty(task, req, index.units[unit_id], part, number)


def _parts(task: Task, index: PlanIndex) -> dict[str, Capacity]:
    """The task's leads and supporting units (a supporting group, each of its units)."""
    parts = {unit: Capacity.SUPPORT for key in task.owners.supporting
             for unit in index.members.get(key, (key,))}  # fmt: skip
    parts |= dict.fromkeys(task.owners.leads, Capacity.LEAD)
    return parts


def _by_notice(req: Requirement, index: PlanIndex, groups: dict[str, Group]) -> set[str]:
    """The units the notice's own words put on a requirement: the units it names, and
    the members of a whole kind (各区县人民政府); a group chosen by judgement (tags or a
    list: 市级有关部门) is the breakdown's to say."""
    named = {u for u in req.units if u in index.units and index.units[u].named_in_notice}
    for key in req.groups:
        group = groups.get(key)
        if group is not None and not (group.tags or group.units):
            named.update(index.members.get(key, ()))
    return named


# ---------------------------------------------------------------- the words of a row


def task_label(task: Task, lang: Lang) -> str:
    """一（一）全面落实依法科学民主决策机制."""
    return say("breakdown.task", lang, section=task.section.translate(_FULL_WIDTH),
               title=task.title)  # fmt: skip


def due(req: Requirement, lang: Lang) -> str:
    """The notice's deadline words (6月底前), else the date: 2011年12月31日前."""
    if req.due.wording:
        return req.due.wording
    return say("breakdown.due_by", lang, date=labels.date(req.due.date, lang))


def part_word(part: Capacity, lang: Lang) -> str:
    return say(f"breakdown.part.{part}", lang)


def files(req: Requirement, index: PlanIndex, lang: Lang, unit: str | None = None) -> str:
    """What a unit files to show it did the work (报送材料), short and official: 不少于3件
    相关文件、报告. For the whole requirement (``unit`` None) where the units owe
    different numbers, each group's quota: 相关文件、报告（各区县人民政府不少于3件、…）."""
    kind = req.kind
    counted = kind in ("count", "quantity")
    owed = index.thresholds(req)
    numbers = {owed[unit]} if unit is not None else set(owed.values())
    need = numbers.pop() if len(numbers) == 1 else None
    measure = getattr(req, "measure", "")
    if counted and need is not None:
        text = say(f"breakdown.files.{kind}", lang, n=need, measure=measure)
    elif counted or kind in ("distinct_units", "ratio"):
        quota = kinds.of(req).quota(req, index)
        text = say(f"breakdown.files.{kind}_by", lang, quota=quota or "", measure=measure)
    elif kind in ("activity", "milestone"):
        text = say(f"breakdown.files.{kind}", lang)
    else:  # a kind added later: what meeting it takes, in its own words
        of = kinds.of(req)
        text = of.needs(req, of.required(req, need)).render(lang)
    if req.recurs is not None:
        text += say(f"breakdown.files.every.{req.recurs.every}", lang)
    return text + _nil_return(req, index, lang, unit)


def _nil_return(req: Requirement, index: PlanIndex, lang: Lang, unit: str | None) -> str:
    """A conditional duty: who may say it did not arise (零报告), if the unit may."""
    if not req.condition:
        return ""
    if not req.condition_for:
        return say("breakdown.files.nil", lang)
    if unit is None:
        who = say("bulletin.sep", lang).join(index.name_of(key) for key in req.condition_for)
        return say("breakdown.files.nil_for", lang, who=who)
    for_units = {u for key in req.condition_for for u in index.members.get(key, (key,))}
    return say("breakdown.files.nil", lang) if unit in for_units else ""


def names(units: list[Unit], lang: Lang) -> str:
    return say("bulletin.sep", lang).join(unit.name for unit in units)


def parts_cell(rows: list[Duty], lang: Lang) -> str:
    """牵头 alone when every unit leads (配合, 责任 alike); else who leads and who
    supports, by name, and 其余为责任单位 for the rest (the 责任单位 cell names them)."""
    present = [part for part in Capacity if any(d.part is part for d in rows)]
    if len(present) == 1:
        return part_word(present[0], lang)
    named = [
        say(
            "breakdown.part_list",
            lang,
            part=part_word(part, lang),
            names=names([d.unit for d in rows if d.part is part], lang),
        )
        for part in present
        if part is not Capacity.OWNER
    ]
    if Capacity.OWNER in present:
        named.append(say("breakdown.part_rest", lang))
    return say("breakdown.part_sep", lang).join(named)


# ---------------------------------------------------------------- the 通知


def notice(loaded: LoadedPlan, lang: Lang) -> Draft:
    """The 通知 that 印发 the breakdown, and the breakdown itself as its 附件."""
    info = cited(loaded)
    plan = loaded.plan.plan
    title = say("breakdown.title", lang, issuer=info.issuer, title=info.title)
    addressees = info.main_to or build.addressees(loaded, lang)
    owner = loaded.index.units[plan.owner].name
    blocks = [
        # The layout has no 版头: the 发文字号 stands flush left above the title, where
        # GB/T 9704 puts it when there is no 发文机关标志 line to centre it under.
        block(Role.TO, info.number),
        block(Role.TITLE, title),
        block(Role.TO, say("bulletin.to", lang, to=say("bulletin.to_sep", lang).join(addressees))),
        block(
            Role.BODY, say("breakdown.body", lang, plan=plan.title, title=info.title, owner=owner)
        ),
        block(Role.BODY, ""),  # 正文下空一行, then the 附件说明
        block(Role.BODY, say("breakdown.attachment", lang, title=info.title)),
        block(Role.SIGNATURE, info.issuer),
        block(Role.DATE, labels.date(info.date, lang)),
        *attachment(loaded, lang),
    ]
    return Draft(title, info.date, tuple(blocks))


HEADER = ("breakdown.col.number", "breakdown.col.task", "breakdown.col.requirement",
          "breakdown.col.units", "breakdown.col.part", "breakdown.col.due",
          "breakdown.col.files")  # fmt: skip


def attachment(loaded: LoadedPlan, lang: Lang) -> list[Block]:
    """附件: its label, its title, and the table of one row per requirement."""
    info = cited(loaded)
    by_requirement: dict[str, list[Duty]] = {}
    for duty in duties(loaded):
        by_requirement.setdefault(duty.requirement.id, []).append(duty)
    rows: list[tuple[str, ...]] = []
    for task in loaded.plan.tasks:
        for req in task.requirements:
            owing = by_requirement.get(req.id, [])
            rows.append((str(len(rows) + 1), task_label(task, lang), req.title,
                         names([d.unit for d in owing], lang), parts_cell(owing, lang),
                         due(req, lang), files(req, loaded.index, lang)))  # fmt: skip
    return [
        block(Role.HEADING, say("breakdown.attachment_label", lang)),
        block(Role.TITLE, info.title),
        table(tuple(say(key, lang) for key in HEADER), rows),
    ]


def render(target: str, loaded: LoadedPlan, lang: Lang) -> bytes:
    """The document in a format: the 通知 (.docx, .md) or the duties (.xlsx); the office
    libraries are imported only for their own format."""
    if target == "xlsx":
        from lzplan.bulletin import breakdown_xlsx

        return breakdown_xlsx.workbook_bytes(loaded, lang)
    data = documents.render(target, notice(loaded, lang), cited(loaded).issuer)
    if target == "docx":
        return fit_attachment(data, say("breakdown.attachment_label", lang))
    return data


# The 附件's columns, in shares of the type area's width: the unit names take most.
WEIGHTS = (5, 14, 14, 33, 12, 10, 18)
TABLE_SIZE = 10.5  # points: 五号
# What follows w:snapToGrid in a paragraph's properties (ECMA-376 order: Word holds to it).
_AFTER_SNAP = ("w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
               "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
               "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
               "w:sectPr", "w:pPrChange")  # fmt: skip


def fit_attachment(data: bytes, label: str) -> bytes:
    """The .docx with its 附件 on landscape pages of their own (GB/T 9704 lets a table
    lie across the page: the type area stays 225 × 156 mm), the table's columns as wide
    as their words need (``WEIGHTS``), its text in 五号 and off the 22-line grid.

    The renderer lays a table out for a few short columns (equal widths, 三号 grid
    pitch): a breakdown naming every unit of a 市级有关部门 runs to a hundred pages
    there, and to a sixth of that here. The same bytes for the same document."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    out = docx.Document(io.BytesIO(data))
    table = out.tables[-1]
    headings = [p for p in out.paragraphs if p.text == label]
    before = headings[-1]._p.getprevious() if headings else None
    if before is None or before.tag != qn("w:p"):
        return data  # not the layout this was written for: leave the renderer's
    # the notice keeps the portrait section; the 附件 starts a landscape one
    before.get_or_add_pPr()._insert_sectPr(copy.deepcopy(out.element.body.sectPr))
    section = out.sections[-1]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    section.top_margin, section.bottom_margin = Mm(28), Mm(26)
    section.left_margin, section.right_margin = Mm(37), Mm(35)
    widths = [Mm(225 * w / sum(WEIGHTS)) for w in WEIGHTS]
    table.autofit = False
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(int(width.twips)))
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
            for paragraph in cell.paragraphs:
                snap = OxmlElement("w:snapToGrid")
                snap.set(qn("w:val"), "0")
                paragraph._p.get_or_add_pPr().insert_element_before(snap, *_AFTER_SNAP)
                for run in paragraph.runs:
                    run.font.size = Pt(TABLE_SIZE)
    buffer = io.BytesIO()
    out.save(buffer)
    return fixed_zip(buffer.getvalue())
