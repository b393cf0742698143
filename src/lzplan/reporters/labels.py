"""The fixed words of every report, from the message catalogue of the output language."""

from __future__ import annotations

import datetime as dt
import re

from lzplan import kinds, messages
from lzplan.check.result import Reason, Status, UnitStatus
from lzplan.messages import Lang, say
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan, Requirement, Unit


def symbol(status: Status, lang: Lang) -> str:
    """A matrix cell: short, distinct without colour."""
    return say(f"{status.key}.cell", lang)


def word(status: Status, lang: Lang) -> str:
    return say(status.key, lang)


def unit_status(status: UnitStatus, lang: Lang) -> str:
    return say(status.key, lang)


def reason(value: Reason, lang: Lang) -> str:
    return say(f"reason.{value}", lang)


def kind(name: str, lang: Lang) -> str:
    return say(f"kind.{name}", lang)


def colon(lang: Lang) -> str:
    return say("report.colon", lang)


def heading(key: str, lang: Lang) -> str:
    """A label followed by a colon: 'Notices:' / '提示：'."""
    return say(key, lang) + colon(lang).rstrip()


def labelled(key: str, value: object, lang: Lang) -> str:
    """'Legend: …' / '图例：…'"""
    return f"{say(key, lang)}{colon(lang)}{value}"


def basis(plan: Plan, lang: Lang) -> str:
    """What the mark on a unit the notice does not name means: owed by the 任务分解 the
    plan cites, or (with none) assumed by the encoder."""
    mark = say("mark.assumed", lang)
    ref = plan.plan.breakdown
    if ref is None:
        return say("report.assumed_legend", lang, mark=mark)
    return say("report.breakdown_legend", lang, mark=mark, number=ref.number)


def legend(lang: Lang, plan: Plan) -> str:
    """Each symbol and its word (once, where they are the same), and the assumed mark."""
    parts = [
        symbol(s, lang)
        if symbol(s, lang) == word(s, lang)
        else f"{symbol(s, lang)} {word(s, lang)}"
        for s in Status
    ]
    return "  ".join([*parts, basis(plan, lang)])


def show_ids(lang: Lang) -> bool:
    """Whether human reports in this language show ids. Unit and requirement ids are
    ASCII: a Chinese report names things and leaves the ids to JSON, JUnit, parsable."""
    return say("report.ids", lang) == "shown"


def date(value: dt.date, lang: Lang) -> str:
    """2011-12-31, 2011年12月31日."""
    return messages.date(value, lang)


def unit_name(unit: Unit, lang: Lang) -> str:
    """The unit's name, marked when the notice does not name it (the encoder's reading)."""
    return unit.name if unit.named_in_notice else unit.name + say("mark.assumed", lang)


def kind_name(plan: Plan, kind: str, lang: Lang) -> str:
    """A declared unit kind by the plan's own name for it (县级市); the default ones by
    the catalogue's words."""
    declared = {k.id: k.name for k in plan.unit_kinds}
    return declared.get(kind) or say(f"show.{kind}", lang)


def unit_label(unit: Unit, lang: Lang) -> str:
    """The unit as a heading names it: 古蔺县人民政府 (gulin) in English; no id in Chinese."""
    return say("report.unit_label", lang, name=unit_name(unit, lang), id=unit.id)


def requirement_label(req: Requirement, lang: Lang) -> str:
    """t1-1.risk-assessment 社会稳定风险评估 in English; the title alone in Chinese."""
    return say("report.requirement_label", lang, id=req.id, title=req.title)


def task_columns(plan: Plan, lang: Lang) -> dict[str, str]:
    """Each task's matrix heading: 1-1 in English; its section in Chinese, 一（一）, with
    之一, 之二… where several tasks share a section."""
    columns = {}
    for task in plan.tasks:
        same = [t for t in plan.tasks if t.section == task.section]
        part = same.index(task) + 1 if len(same) > 1 else None
        section = task.section.translate(_FULL_WIDTH)
        nth = say("report.nth", lang, n=messages.numeral(part)) if part else ""
        columns[task.id] = say("report.column", lang, id=column(task.id),
                               section=section, nth=nth)  # fmt: skip
    return columns


def outcome_word(status: Status, req: Requirement, index: PlanIndex, lang: Lang) -> str:
    """A status in words; met reads 达标 for a quota and 已完成 for a duty done."""
    if status is Status.MET and kinds.of(req).quota(req, index) is not None:
        return say("status.met.quota", lang)
    return word(status, lang)


def column(task: str) -> str:
    """``t1-1`` → ``1-1``; an id not of that form as it is."""
    return _NUMBERED.sub("", task, count=1) if _NUMBERED.match(task) else task


_NUMBERED = re.compile(r"t(?=\d)")
_FULL_WIDTH = str.maketrans("()", "（）")
