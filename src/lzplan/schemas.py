"""JSON Schemas of lzplan's file formats, generated from the models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from lzplan.models import Plan, Submission, WaiverFile

MODELS: dict[str, type[BaseModel]] = {
    "plan": Plan,
    "submission": Submission,
    "waivers": WaiverFile,
}
TITLES = {
    "plan": "lzplan plan file",
    "submission": "lzplan submission (one unit's report)",
    "waivers": "lzplan waiver file",
}


def build(name: str) -> dict[str, Any]:
    schema = MODELS[name].model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://lzplan.invalid/schemas/{name}.schema.json",
        **schema,
        "title": TITLES[name],
    }
