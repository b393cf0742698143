"""Reading a JSON report written by ``lzplan check -f json`` (schema 2 or 3): only the
parts a comparison needs, every problem located as file:line:column."""

from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, BinaryIO, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationError

from lzplan.errors import InputError, Problem
from lzplan.followup import stream
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


class HeadView(_View):
    schema_version: Literal[2, 3]
    plan: PlanView
    as_of: IsoDay


class ReportView(HeadView):
    units: list[UnitView]


@dataclass(frozen=True)
class Compared:
    """A report as a comparison reads it: its units one at a time, once."""

    plan: PlanView
    as_of: str
    units: Iterable[UnitView]


# A report of a province's units runs to hundreds of MiB; lzplan reads what it wrote.
MAX_REPORT_BYTES = 4 * 1024 * 1024 * 1024


def read(path: Path) -> Compared:
    """A JSON report, keeping only the view a comparison needs. One the size of a unit's
    file is read whole, and if it is not sound, again by the YAML loader (JSON is YAML),
    which locates each problem as file:line:column; a larger one (a province's runs to
    hundreds of MiB) is read a unit at a time, located where JSON says."""
    shown = str(path)
    file = loader.open_bytes(path, shown, MAX_REPORT_BYTES)  # opened once, read as it is
    try:
        if os.fstat(file.fileno()).st_size <= loader.MAX_FILE_BYTES:
            with file:
                return _whole(loader.decode(file.read(loader.MAX_FILE_BYTES + 1), shown), shown)
        head, units = stream.walk(file, shown, HeadView, UnitView)
    except BaseException:
        file.close()
        raise
    return Compared(head.plan, head.as_of, _closing(file, units))


def _closing(file: BinaryIO, units: Iterator[UnitView]) -> Iterator[UnitView]:
    with file:
        yield from units


def _whole(text: str, shown: str) -> Compared:
    try:
        report = ReportView.model_validate(json.loads(text))
        if _twice(report) is None:
            return Compared(report.plan, report.as_of, report.units)
    except (ValueError, ValidationError):
        pass
    document = loader.parse(text, shown)
    report = to_model(document, ReportView)  # raises, located, what json refused
    twice = _twice(report)
    if twice is not None:
        where = document.positions.find(("units", twice, "id"))
        raise InputError([Problem(where, msg("diff.unit_twice", unit=report.units[twice].id))])
    return Compared(report.plan, report.as_of, report.units)  # written as YAML: read alike


def _twice(report: ReportView) -> int | None:
    """The index of the first unit listed a second time, if any."""
    seen: set[str] = set()
    for i, unit in enumerate(report.units):
        if unit.id in seen:
            return i
        seen.add(unit.id)
    return None
