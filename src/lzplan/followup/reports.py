"""Reading a JSON report written by ``lzplan check -f json`` (schema 2 or 3): only the
parts a comparison needs, every problem located as file:line:column."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.validation import describe, to_model
from lzplan.location import Location
from lzplan.messages import msg
from lzplan.reporters.json_report import StatusName


def _iso_day(text: str) -> str:
    """A day written YYYY-MM-DD that is a real day (a report edited by hand may say
    2011-02-30): the comparison reads it as a date."""
    dt.date.fromisoformat(text)  # ValueError: pydantic's located "value error"
    return text


IsoDay = Annotated[str, AfterValidator(_iso_day)]


class _View(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class OutcomeView(_View):
    task: str
    requirement: str
    title: str | None = None  # schema 3; a report of schema 2 shows the id
    status: StatusName
    detail: str
    due: IsoDay
    shortfall: float
    remedied: IsoDay | None = None  # 整改 (--fix-by): the day, in a report that says


class UnitView(_View):
    id: str
    name: str
    status: str
    file: str | None
    outcomes: list[OutcomeView]


class PlanView(_View):
    id: str
    sha256: str


class ReportView(_View):
    schema_version: Literal[2, 3]
    plan: PlanView
    as_of: IsoDay
    units: list[UnitView]


# A report of a province's units runs to hundreds of MiB; lzplan reads what it wrote.
MAX_REPORT_BYTES = 4 * 1024 * 1024 * 1024


def read(path: Path) -> ReportView:
    """A JSON report. Read as JSON, at any size lzplan writes (1,000 units: 15 MiB, three
    times the limit of a file a unit writes), keeping only the view a comparison needs;
    one that is not sound is read again by the YAML loader (JSON is YAML), which locates
    each problem as file:line:column — when it is small enough to hold its positions."""
    shown = str(path)
    raw = loader.read_bytes(path, shown, MAX_REPORT_BYTES)
    try:
        report = ReportView.model_validate(json.loads(loader.decode(raw, shown)))
        twice = _twice(report)
        if twice is None:
            return report
    except (ValueError, ValidationError) as error:
        if len(raw) > loader.MAX_FILE_BYTES:
            raise InputError([_unlocated(shown, error)]) from None
    else:
        if len(raw) > loader.MAX_FILE_BYTES:
            message = msg("diff.unit_twice", unit=report.units[twice].id)
            raise InputError([Problem(Location(shown), message)])
    document = loader.parse(loader.decode(raw, shown), shown)
    report = to_model(document, ReportView)  # raises, located, what json refused
    twice = _twice(report)
    if twice is not None:
        where = document.positions.find(("units", twice, "id"))
        raise InputError([Problem(where, msg("diff.unit_twice", unit=report.units[twice].id))])
    return report  # a report written as YAML (JSON is YAML): read alike


def _twice(report: ReportView) -> int | None:
    """The index of the first unit listed a second time, if any."""
    seen: set[str] = set()
    for i, unit in enumerate(report.units):
        if unit.id in seen:
            return i
        seen.add(unit.id)
    return None


def _unlocated(shown: str, error: Exception) -> Problem:
    """A large report's first problem, at the line json gives, else the whole file."""
    if isinstance(error, json.JSONDecodeError):
        return Problem(
            Location(shown, error.lineno, error.colno), msg("yaml.invalid", what=error.msg)
        )
    if isinstance(error, ValidationError):
        first = error.errors(include_url=False)[0]
        path = tuple(part for part in first["loc"] if isinstance(part, (str, int)))
        return Problem(Location(shown), describe(first, path))
    return Problem(Location(shown), msg("yaml.invalid", what=str(error)))
