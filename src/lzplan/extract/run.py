"""The I/O around `extract`: read the notice and the registry, draft, score a draft."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter

from lzplan.errors import InputError, Problem
from lzplan.extract import draft, layout, output
from lzplan.extract.draft import DraftPeriod
from lzplan.extract.registry import Registry, statement_key
from lzplan.extract.score import compare, misses
from lzplan.grammar import owners
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
        raise InputError([Problem(Location(str(path), 1, 1), msg("extract.registry"))]) from None
    if not units:
        raise InputError([Problem(Location(str(path), 1, 1), msg("extract.registry"))])
    # the unit kinds come along: a unit of a declared kind (县级市, 垂直管理部门) needs them
    kinds = {"unit_kinds": data["unit_kinds"]} if data.get("unit_kinds") else {}
    section = {**kinds, "units": data["units"], "groups": data.get("groups", [])}
    return Registry(units, groups, own), _dump(section)


def _task_groups(tasks: Any) -> dict[str, list[Group]]:
    """A reviewed plan's task groups by their task's owner statement (a registry file has
    none)."""
    found: dict[str, list[Group]] = {}
    for task in tasks if isinstance(tasks, list) else []:
        if isinstance(task, dict) and task.get("groups"):
            source = str((task.get("owners") or {}).get("source", ""))
            found[statement_key(source)] = TypeAdapter(list[Group]).validate_python(task["groups"])
    return found


def _dump(data: Any) -> str:
    class Plain(yaml.SafeDumper):
        def ignore_aliases(self, data: Any) -> bool:
            return True

    return yaml.dump(data, Dumper=Plain, allow_unicode=True, sort_keys=False, width=120)


def run(
    notice: Path,
    registry_path: Path,
    year: int | None,
    output_path: Path | None,
    lang: Lang,
    *,
    registry_given: bool = True,
) -> str:
    """The draft plan's YAML; an input error when the notice yields nothing to review."""
    text = loader.read_text(notice, str(notice))
    notes: list[Message] = []
    period = _period(text, year, notes)
    units, units_yaml = registry(registry_path)
    if not registry_given and not units.named_in(text):
        message = msg("extract.no_registry_unit", registry=str(registry_path))
        raise InputError([Problem(Location(str(notice), 1, 1), message)])
    base = output_path.parent if output_path is not None else Path.cwd()
    source = os.path.relpath(notice.resolve(), base.resolve())
    tasks = draft.draft(text, units, period)
    structured = layout.headings(text) or owners.find(text)
    if not structured or not any(task.requirements for task in tasks):
        raise InputError([Problem(Location(str(notice), 1, 1), msg("extract.nothing"))])
    info = output.meta(text, period, units, source)
    return output.to_yaml(info, period, units_yaml, tasks, notes, lang)


def _period(text: str, year: int | None, notes: list[Message]) -> DraftPeriod:
    if year is not None:
        return DraftPeriod(dt.date(year, 1, 1), dt.date(year, 12, 31))
    found = output.guess_period(text)
    if found is not None:
        return found
    notes.append(msg("extract.review.no_year_given"))
    return DraftPeriod(dt.date(2000, 1, 1), dt.date(2000, 12, 31), year_known=False)


def scores(draft_text: str, name: str, reviewed_path: Path, lang: Lang) -> str:
    """A table of precision and recall per field, then what each side missed."""
    document = loader.parse(draft_text, name)
    unowned = _unowned(document.data)
    drafted = to_model(document, Plan)
    reviewed = load(reviewed_path).plan
    found = compare(drafted, reviewed, unowned)
    lines = [say("extract.scores", lang)]
    for score in found:
        field = say(f"extract.field.{score.field}", lang)
        lines.append(
            f"{field:<13} {score.precision:>9.2f}  {score.recall:>6.2f}  "
            f"{score.draft:>5}  {score.reviewed:>8}  {score.matched:>7}"
        )
    listed = misses(drafted, reviewed, unowned)
    if listed:
        lines += ["", say("extract.misses", lang)]
        lines += [f"  {line.render(lang)}" for line in listed]
    return "\n".join(lines) + "\n"


# Stands in, for scoring only, for the owner a draft left for review: it owes nothing.
_NO_ONE = "no-owner-for-review"


def _unowned(data: Any) -> frozenset[str]:
    """The draft's requirements whose owner is left for review (``units: []``): scored
    as owed by no one, so the draft still compares (as does one with a task in which no
    duty was found: it is left out)."""
    found: set[str] = set()
    tasks = data.get("tasks") if isinstance(data, dict) else None
    if isinstance(tasks, list):  # a task with no duty drafted scores as nothing drafted
        tasks[:] = [t for t in tasks if not isinstance(t, dict) or t.get("requirements")]
    for task in tasks if isinstance(tasks, list) else []:
        reqs = task.get("requirements") if isinstance(task, dict) else None
        for req in reqs if isinstance(reqs, list) else []:
            if isinstance(req, dict) and not req.get("units") and not req.get("groups"):
                req["units"] = [_NO_ONE]
                found.add(str(req.get("id")))
    return frozenset(found)
