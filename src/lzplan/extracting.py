"""The I/O around `extract` and `draft`: read the notice and registry, score a draft."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from lzplan import draft, loader
from lzplan import plan as plans
from lzplan.compare import compare
from lzplan.errors import InputError, Problem
from lzplan.extract import Registry
from lzplan.i18n import msg
from lzplan.location import Location
from lzplan.models import Group, Plan, Unit
from lzplan.validation import to_model


def registry(path: Path) -> tuple[Registry, str]:
    """Units and groups from a registry file (or any plan), and their YAML for the draft."""
    document = loader.load_file(path)
    data = document.data if isinstance(document.data, dict) else {}
    try:
        units = TypeAdapter(list[Unit]).validate_python(data.get("units", []))
        groups = TypeAdapter(list[Group]).validate_python(data.get("groups", []))
    except ValueError:
        message = msg("extract.registry")
        raise InputError([Problem(Location(str(path), 1, 1), message)]) from None
    if not units:
        raise InputError([Problem(Location(str(path), 1, 1), msg("extract.registry"))])
    section = {"units": data["units"], "groups": data.get("groups", [])}
    return Registry(units, groups), _dump(section)


def _dump(data: Any) -> str:
    class Plain(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return yaml.dump(data, Dumper=Plain, allow_unicode=True, sort_keys=False, width=120)


def run(notice: Path, registry_path: Path, year: int | None, output: Path | None) -> str:
    """The draft plan's YAML."""
    text = loader.read_text(notice, str(notice))
    found = year or draft.guess_year(text)
    notes = []
    if found is None:
        found = 2000
        notes.append("the text names no year and --year was not given: set the period")
    units, units_yaml = registry(registry_path)
    base = output.parent if output is not None else Path.cwd()
    source = os.path.relpath(notice.resolve(), base.resolve())
    info = draft.meta(text, found, units, source)
    tasks = draft.draft(text, units, found, year_known=not notes)
    return draft.to_yaml(info, units_yaml, tasks, notes)


def scores(draft_text: str, name: str, reviewed_path: Path) -> str:
    """A table of precision and recall per field."""
    drafted = to_model(loader.parse(draft_text, name), Plan)
    reviewed = plans.load(reviewed_path).plan
    lines = ["field      precision  recall  draft  reviewed  matched"]
    for score in compare(drafted, reviewed):
        lines.append(
            f"{score.field:<10} {score.precision:>9.2f}  {score.recall:>6.2f}  "
            f"{score.draft:>5}  {score.reviewed:>8}  {score.matched:>7}"
        )
    return "\n".join(lines) + "\n"
