"""Reading a JSON report written by ``lzplan check -f json`` (schema 2 or 3): only the
parts a comparison needs, every problem located as file:line:column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict

from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
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


def read(path: Path) -> ReportView:
    """A JSON report (JSON is YAML: the same loader locates every problem)."""
    document = loader.load_file(path)
    report = to_model(document, ReportView)
    seen: set[str] = set()
    for i, unit in enumerate(report.units):
        if unit.id in seen:
            where = document.positions.find(("units", i, "id"))
            raise InputError([Problem(where, msg("diff.unit_twice", unit=unit.id))])
        seen.add(unit.id)
    return report
