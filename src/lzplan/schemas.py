"""JSON Schemas of lzplan's file formats, generated from the models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from lzplan.check.submission import Submission, WaiverFile
from lzplan.plan.model import Plan
from lzplan.reporters.json_report import Report

MODELS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "submission": Submission,
    "waivers": WaiverFile,
    "report": Report,
}
TITLES = {
    "plan": "lzplan plan file",
    "submission": "lzplan submission (one unit's report)",
    "waivers": "lzplan waiver file",
    "report": "lzplan JSON report (--format json)",
}


def build(name: str) -> dict[str, Any]:
    schema = MODELS[name].model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://lzplan.invalid/schemas/{name}.schema.json",
        **schema,
        "title": TITLES[name],
    }
