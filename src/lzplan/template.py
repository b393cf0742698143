"""`lzplan init`: a submission template listing exactly what one unit owes."""

from __future__ import annotations

import datetime as dt

from lzplan.models import Requirement
from lzplan.plan import LoadedPlan, Owed
from lzplan.reporters.plan_view import quota

_NEEDS = {
    "count": "at least {n} dated evidence items",
    "activity": "at least one dated evidence item",
    "milestone": "a completion date and evidence",
    "distinct_units": "the ids of at least {n} units covered",
    "ratio": "numerator and denominator reaching {share}",
}


def render(loaded: LoadedPlan, unit_id: str, reported: dt.date, schema: str) -> str:
    """A valid submission with nothing reported yet, and comments saying what is owed."""
    unit = loaded.index.units[unit_id]
    info = loaded.plan.plan
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# {unit.name} ({unit.id}): {info.title}",
        "# Fill in the evidence for each requirement; `lzplan check` counts it.",
        "# Dates are written YYYY-MM-DD; 文号 (doc_no) is optional.",
        f"unit: {unit.id}",
        f"plan: {info.id}",
        f"reported: {reported.isoformat()}",
        "requirements:",
    ]
    for owed in loaded.index.owed_by(unit_id):
        lines += ["", *_entry(owed)]
    return "\n".join(lines) + "\n"


def _entry(owed: Owed) -> list[str]:
    req = owed.requirement
    due = f"{req.due.date}" + (f" ({req.due.wording})" if req.due.wording else "")
    needs = _NEEDS[req.kind].format(n=owed.threshold or req.min, share=quota(req).removeprefix("≥"))
    head = [
        f"  # {req.id} {req.title} [{owed.task.section}]",
        f"  # {req.kind}: {needs}; due {due}",
        f"  # 《通知》: {req.source}",
    ]
    return head + _body(req)


def _body(req: Requirement) -> list[str]:
    example = [
        "    # e.g. evidence:",
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
