"""The I/O around `extract` and `draft`: read the notice and registry, score a draft."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from lzplan.errors import InputError, Problem
from lzplan.extract import draft
from lzplan.extract.notice import Registry, bracket_key
from lzplan.extract.score import compare
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.location import Location
from lzplan.messages import Lang, Message, msg, say
from lzplan.plan.load import load
from lzplan.plan.model import Group, Plan, Unit


def registry(path: Path) -> tuple[Registry, str]:
    """Units and groups from a registry file (or any plan), and their YAML for the draft."""
    document = loader.load_file(path)
    data = document.data if isinstance(document.data, dict) else {}
    try:
        units = TypeAdapter(list[Unit]).validate_python(data.get("units", []))
        groups = TypeAdapter(list[Group]).validate_python(data.get("groups", []))
        own = _task_groups(data.get("tasks"))
    except ValueError:
        message = msg("extract.registry")
        raise InputError([Problem(Location(str(path), 1, 1), message)]) from None
    if not units:
        raise InputError([Problem(Location(str(path), 1, 1), msg("extract.registry"))])
    section = {"units": data["units"], "groups": data.get("groups", [])}
    return Registry(units, groups, own), _dump(section)


def _task_groups(tasks: Any) -> dict[str, list[Group]]:
    """A reviewed plan's task groups by their task's bracket (a registry file has none)."""
    found: dict[str, list[Group]] = {}
    for task in tasks if isinstance(tasks, list) else []:
        if isinstance(task, dict) and task.get("groups"):
            source = str((task.get("owners") or {}).get("source", ""))
            groups = TypeAdapter(list[Group]).validate_python(task["groups"])
            found[bracket_key(source)] = groups
    return found


def _dump(data: Any) -> str:
    class Plain(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return yaml.dump(data, Dumper=Plain, allow_unicode=True, sort_keys=False, width=120)


def run(
    notice: Path, registry_path: Path, year: int | None, output: Path | None, lang: Lang
) -> str:
    """The draft plan's YAML."""
    text = loader.read_text(notice, str(notice))
    found = year or draft.guess_year(text)
    notes: list[Message] = []
    if found is None:
        found = 2000
        notes.append(msg("extract.review.no_year_given"))
    units, units_yaml = registry(registry_path)
    base = output.parent if output is not None else Path.cwd()
    source = os.path.relpath(notice.resolve(), base.resolve())
    info = draft.meta(text, found, units, source)
    tasks = draft.draft(text, units, found, year_known=not notes)
    return draft.to_yaml(info, units_yaml, tasks, notes, lang)


def scores(draft_text: str, name: str, reviewed_path: Path, lang: Lang) -> str:
    """A table of precision and recall per field."""
    drafted = to_model(loader.parse(draft_text, name), Plan)
    reviewed = load(reviewed_path).plan
    lines = [say("extract.scores", lang)]
    for score in compare(drafted, reviewed):
        field = say(f"extract.field.{score.field}", lang)
        lines.append(
            f"{field:<10} {score.precision:>9.2f}  {score.recall:>6.2f}  "
            f"{score.draft:>5}  {score.reviewed:>8}  {score.matched:>7}"
        )
    return "\n".join(lines) + "\n"
