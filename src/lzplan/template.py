"""`lzplan init`: a submission template listing exactly what one unit owes."""

from __future__ import annotations

import datetime as dt

from lzplan.i18n import Lang
from lzplan.models import Requirement
from lzplan.plan import LoadedPlan, Owed
from lzplan.reporters import labels
from lzplan.reporters.plan_view import quota

_NEEDS = {
    "count": ("at least {n} dated evidence items", "不少于 {n} 件注明日期的证明材料"),
    "activity": ("at least one dated evidence item", "至少 1 件注明日期的证明材料"),
    "milestone": ("a completion date and evidence", "完成日期和证明材料"),
    "distinct_units": ("the ids of at least {n} units covered", "覆盖不少于 {n} 个单位的标识"),
    "ratio": ("numerator and denominator reaching {share}", "分子和分母，比例达到 {share}"),
}
_TEXT = {
    "fill": (
        "# Fill in the evidence for each requirement; `lzplan check` counts it.",
        "# 请逐项填写证明材料；`lzplan check` 会据此计数。",
    ),
    "dates": (
        "# Dates are written YYYY-MM-DD; 文号 (doc_no) is optional.",
        "# 日期写作 YYYY-MM-DD；文号（doc_no）可不填。",
    ),
    "due": ("due", "期限"),
}


def render(
    loaded: LoadedPlan, unit_id: str, reported: dt.date, schema: str, lang: Lang = "en"
) -> str:
    """A valid submission with nothing reported yet, and comments saying what is owed."""
    unit = loaded.index.units[unit_id]
    info = loaded.plan.plan
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# {unit.name} ({unit.id}): {info.title}",
        labels.pick(_TEXT["fill"], lang),
        labels.pick(_TEXT["dates"], lang),
        f"unit: {unit.id}",
        f"plan: {info.id}",
        f"reported: {reported.isoformat()}",
        "requirements:",
    ]
    for owed in loaded.index.owed_by(unit_id):
        lines += ["", *_entry(owed, lang)]
    return "\n".join(lines) + "\n"


def _entry(owed: Owed, lang: Lang) -> list[str]:
    req = owed.requirement
    due = f"{req.due.date}" + (f" ({req.due.wording})" if req.due.wording else "")
    share = quota(req).removeprefix("≥")
    needs = labels.pick(_NEEDS[req.kind], lang).format(n=owed.threshold or req.min, share=share)
    kind, due_word = labels.kind(req.kind, lang), labels.pick(_TEXT["due"], lang)
    sep = "；" if lang == "zh" else "; "
    head = [
        f"  # {req.id} {req.title} [{owed.task.section}]",
        f"  # {kind}{labels.colon(lang)}{needs}{sep}{due_word} {due}",
        f"  # 《通知》{labels.colon(lang)}{req.source}",
    ]
    return head + _body(req, lang)


def _body(req: Requirement, lang: Lang) -> list[str]:
    example = [
        f"    # {'例如' if lang == 'zh' else 'e.g.'} evidence:",
        "    #   - title: 文件或活动名称",
        "    #     date: YYYY-MM-DD",
        "    #     doc_no: 文号",
    ]
    if req.kind == "distinct_units":
        return [f"  {req.id}:", "    covered: []"]
    if req.kind == "ratio":
        return [f"  {req.id}: {{}}", "    # numerator: 0", "    # denominator: 0"]
    if req.kind == "milestone":
        return [f"  {req.id}:", "    # completed: YYYY-MM-DD", "    evidence: []", *example]
    return [f"  {req.id}:", "    evidence: []", *example]
