"""JSON Schemas of lzplan's file formats, generated from the models, for editors.

Every field a clerk types carries a title, a description in Chinese and English, and
examples, so an editor's hover and completion explain it. ``requirements`` is closed:
a key that is no requirement id is an error. Given a plan, the submission schema is
that plan's own: its unit ids, its plan id, and each requirement by its id with the
fields of its kind, its title, the notice's words and its due date.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from lzplan import kinds
from lzplan.bulletin.settings import DocumentSettings
from lzplan.check.submission import Submission, WaiverFile
from lzplan.messages import say
from lzplan.plan.breakdown import Breakdown
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan
from lzplan.reporters.json_report import Report
from lzplan.scores.model import ScoresFile

MODELS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "submission": Submission,
    "waivers": WaiverFile,
    "report": Report,
    "scores": ScoresFile,
    "breakdown": Breakdown,
    "documents": DocumentSettings,
}
TITLES = {
    "plan": "lzplan plan file",
    "submission": "lzplan submission (one unit's report)",
    "waivers": "lzplan waiver file",
    "report": "lzplan JSON report (--format json)",
    "scores": "lzplan 考核 weights file (--scores)",
    "breakdown": "lzplan 任务分解 file (cited by a plan's plan.breakdown)",
    "documents": "lzplan documents' settings (documents-<plan>.yaml: issuer, 主送, 抄送, 印发机关)",
}
# Examples an editor offers for each field a clerk types; their words are in the
# catalogues (schema.label.*, schema.field.*).
EXAMPLES: dict[str, list[Any]] = {
    "unit": ["gulin"],
    "plan": ["luzhou-2011"],
    "reported": ["2011-12-20"],
    "requirements": [{"t2-1.study-plan": {"evidence": [
        {"title": "关于印发《古蔺县2011年度领导干部学法计划》的通知", "date": "2011-03-26",
         "doc_no": "古府办发〔2011〕34号"},
    ]}}],
    "evidence": [[{"title": "古蔺县2011年新提任领导干部任前法律知识考试", "date": "2011-10-31"}]],
    "title": ["关于印发《古蔺县重大事项社会稳定风险评估实施细则（试行）》的通知"],
    "date": ["2011-05-13"],
    "doc_no": ["古府发〔2011〕55号"],
    "period": ["2013-Q3"],
    "amount": [6],
    "file": ["report.pdf"],
    "sha256": ["34666256d65e357da0131ea2fe084b5fe8967f827a70d241adda6f46c15e7e97"],
    "note": ["两个部门共持有案卷120卷"],
    "nil_return": ["本年度未发生重大民事纠纷"],
    "completed": ["2011-11-20"],
    "covered": [["public-security", "land-resources"]],
    "numerator": [318],
    "denominator": [1452],
    "parts": [{"public-security": {"numerator": 32, "denominator": 149}}],
}  # fmt: skip
_ID = r"^[a-z0-9][a-z0-9_.-]*$"


def build(name: str, index: PlanIndex | None = None, unit: str | None = None) -> dict[str, Any]:
    """The schema of a format; of a submission to ``index``'s plan when given, and of
    ``unit``'s submission (its id, and only what it owes) when given too."""
    schema = MODELS[name].model_json_schema()
    if name == "submission":
        _close_requirements(schema)
    _describe(schema)
    if name == "submission" and index is not None:
        _for_plan(schema, index, unit)
    title = TITLES[name] if index is None else f"{TITLES[name]}: {index.plan.plan.title}"
    if index is not None and unit is not None:
        title += f" — {index.units[unit].name}"
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://lzplan.invalid/schemas/{unit or name}.schema.json",
        **schema,
        "title": title,
    }


def _close_requirements(schema: dict[str, Any]) -> None:
    requirements = schema["properties"]["requirements"]
    requirements["additionalProperties"] = False
    requirements.setdefault("propertyNames", {})["pattern"] = _ID


def _for_plan(schema: dict[str, Any], index: PlanIndex, unit: str | None = None) -> None:
    """The plan's ids: its units, and each requirement (of ``unit``'s, only those it
    owes, so that an editor offers those and flags any other)."""
    plan = index.plan
    props = schema["properties"]
    props["plan"] = {**props["plan"], "const": plan.plan.id, "examples": [plan.plan.id]}
    listed = [index.units[unit]] if unit is not None else index.unit_order()
    names = "\n".join(f"- `{u.id}` {u.name}" for u in listed)
    props["unit"] = {
        **props["unit"],
        "enum": [u.id for u in listed],
        "markdownDescription": f"{props['unit']['markdownDescription']}\n\n{names}",
    }
    owes = {o.requirement.id for o in index.owed_by(unit)} if unit is not None else None
    owed: dict[str, Any] = {}
    for task in plan.tasks:
        for req in task.requirements:
            if owes is not None and req.id not in owes:
                continue
            entry = kinds.of(req).Entry
            name = f"Entry_{req.kind}"
            if name not in schema["$defs"]:
                sub = entry.model_json_schema(ref_template="#/$defs/{model}")
                schema["$defs"].update(sub.pop("$defs", {}))
                schema["$defs"][name] = sub
            due = req.due.date.isoformat() + (f"（{req.due.wording}）" if req.due.wording else "")
            text = f"{req.title}\n\n《通知》：{req.source}\n\n期限 due: {due}"
            owed[req.id] = {"$ref": f"#/$defs/{name}", "title": req.title,
                            "description": text, "markdownDescription": text}  # fmt: skip
    props["requirements"] = {
        "type": "object",
        **_words("requirements"),
        "properties": owed,
        "additionalProperties": False,
        "default": {},
    }
    _describe(schema["$defs"])


def _words(field: str) -> dict[str, str]:
    """A field's title and description, in Chinese and English."""
    zh, en = say(f"schema.field.{field}", "zh"), say(f"schema.field.{field}", "en")
    title = f"{say(f'schema.label.{field}', 'zh')} {field}"
    return {"title": title, "description": f"{zh}\n{en}",
            "markdownDescription": f"**{title}**\n\n{zh}\n\n{en}"}  # fmt: skip


def _describe(node: Any) -> None:
    """Give each known field its title, bilingual description and examples."""
    if isinstance(node, dict):
        for key, value in node.get("properties", {}).items():
            if key in EXAMPLES and isinstance(value, dict):
                value.update(_words(key))
                value["examples"] = EXAMPLES[key]
        for value in node.values():
            _describe(value)
    elif isinstance(node, list):
        for value in node:
            _describe(value)
