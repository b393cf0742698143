"""The data model: plans, units, groups, tasks, requirements and submissions.

Every model forbids unknown fields and is strict about types: a quoted number is not
a number, and a date is written ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from lzplan.i18n import CATALOG

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CHINESE_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*$")


def rule(key: str, **params: object) -> PydanticCustomError:
    """A validation error whose type is an i18n key, so it can be shown in any language."""
    return PydanticCustomError(key, CATALOG[key][0], params)


def _to_date(value: Any) -> Any:
    """Accept a YAML date or an ISO ``YYYY-MM-DD`` string; explain anything else."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            return dt.date.fromisoformat(value)
        chinese = _CHINESE_DATE.match(value)
        if chinese:
            year, month, day = (int(part) for part in chinese.groups())
            raise rule("date.chinese", value=value, iso=f"{year:04d}-{month:02d}-{day:02d}")
    raise rule("date.format", value=repr(value))


Date = Annotated[dt.date, BeforeValidator(_to_date)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=64)]
Text = Annotated[str, Field(min_length=1)]
Positive = Annotated[int, Field(ge=1)]
UnitKind = Literal["district", "department"]
Kind = Literal["count", "activity", "milestone", "distinct_units", "ratio"]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# ---------------------------------------------------------------- plan


class Source(Model):
    """The document the plan was encoded from."""

    file: Text = Field(description="The notice's text, relative to the plan file.")
    title: Text
    publisher: Text
    published: Date
    note: str | None = None


class Period(Model):
    start: Date
    end: Date

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise rule("plan.period")
        return self


class PlanInfo(Model):
    id: Id
    title: Text
    issuer: Text
    issued: Date
    period: Period
    owner: Id = Field(description="The unit that tracks the plan and grants waivers.")
    source: Source


class Unit(Model):
    id: Id
    name: Text = Field(description="The unit's Chinese name.")
    name_en: str | None = None
    kind: UnitKind
    tags: list[Id] = []
    named_in_notice: bool = Field(
        description="True when the notice names this unit; false when the encoder assumed it."
    )
    note: str | None = None


class Group(Model):
    """A named selector in the notice's own words, e.g. 各区县人民政府."""

    id: Id
    names: list[Text] = Field(min_length=1, description="The notice's wording for this group.")
    kind: UnitKind | None = None
    tags: list[Id] = Field([], description="Select units carrying any of these tags.")
    units: list[Id] = Field([], description="Select these units explicitly.")
    exclude: list[Id] = []
    note: str | None = None

    @model_validator(mode="after")
    def _selects(self) -> Group:
        if self.kind is None and not self.tags and not self.units:
            raise rule("plan.group_selects")
        return self


class Due(Model):
    date: Date
    wording: str | None = Field(
        None, description="The notice's deadline phrase; absent when the notice sets none."
    )
    note: str | None = None


class Requirement(Model):
    id: Id
    kind: Kind
    title: Text
    source: Text = Field(description="The sentence (or clause) of the notice that imposes it.")
    units: list[Id] = Field([], description="Units that must report it.")
    groups: list[Id] = Field([], description="Groups whose members must report it.")
    min: Positive | dict[Id, Positive] | None = Field(
        None, description="count: items per unit (or per group); distinct_units: units."
    )
    of_group: Id | None = Field(None, description="distinct_units: the group covered.")
    min_share: Annotated[float, Field(gt=0, le=1)] | None = Field(
        None, description="ratio: the share to reach, greater than 0 and at most 1."
    )
    due: Due
    note: str | None = None

    @model_validator(mode="after")
    def _fits_kind(self) -> Requirement:
        if not self.units and not self.groups:
            raise rule("plan.requirement_owners")
        wants = _KIND_FIELDS[self.kind]
        for name in ("min", "of_group", "min_share"):
            given = getattr(self, name) is not None
            if given and name not in wants:
                raise rule("plan.field_not_for_kind", name=name, kind=self.kind)
            if not given and name in wants:
                raise rule("plan.field_for_kind", name=name, kind=self.kind)
        self._check_numbers()
        return self

    def _check_numbers(self) -> None:
        if self.kind == "distinct_units" and not isinstance(self.min, int):
            raise rule("plan.distinct_min")


_KIND_FIELDS: dict[str, set[str]] = {
    "count": {"min"},
    "activity": set(),
    "milestone": set(),
    "distinct_units": {"min", "of_group"},
    "ratio": {"min_share"},
}


class Owners(Model):
    """A task's 责任单位 bracket, quoted, and who it names."""

    source: Text
    leads: list[Id] = []
    groups: list[Id] = []
    note: str | None = None


class Unreported(Model):
    """A sentence that imposes no reportable duty, and why."""

    source: Text
    reason: Text


class Task(Model):
    id: Id
    section: Text
    title: Text
    owners: Owners
    requirements: list[Requirement] = Field(min_length=1)
    unreported: list[Unreported] = []


class Plan(Model):
    plan: PlanInfo
    units: list[Unit] = Field(min_length=1)
    groups: list[Group] = []
    tasks: list[Task] = Field(min_length=1)


# ---------------------------------------------------------------- submissions


class Evidence(Model):
    """One dated piece of evidence: a document, a meeting, a report."""

    title: Text
    date: Date
    doc_no: str | None = Field(None, description="文号, e.g. 江府发〔2011〕12号.")
    note: str | None = None


class Entry(Model):
    """What a unit reports for one requirement; which fields apply depends on its kind."""

    evidence: list[Evidence] = Field([], description="count, activity, milestone.")
    completed: Date | None = Field(None, description="milestone: the date it was done.")
    covered: list[Id] | None = Field(None, description="distinct_units: the unit ids covered.")
    numerator: Annotated[int, Field(ge=0)] | None = Field(None, description="ratio: e.g. audited.")
    denominator: Annotated[int, Field(ge=1)] | None = Field(None, description="ratio: e.g. held.")
    note: str | None = None


ENTRY_FIELDS: dict[str, set[str]] = {
    "count": {"evidence"},
    "activity": {"evidence"},
    "milestone": {"evidence", "completed"},
    "distinct_units": {"covered", "evidence"},
    "ratio": {"numerator", "denominator", "evidence"},
}


class Submission(Model):
    """One unit's report on the plan: one file per unit, the file name is free."""

    unit: Id
    plan: Id
    reported: Date = Field(description="The date the unit reported.")
    requirements: dict[Id, Entry] = {}


# ---------------------------------------------------------------- waivers


class Waiver(Model):
    unit: Id
    requirement: Id
    reason: Text
    approved_by: Text = Field(description="The approving document, e.g. its 文号.")
    expires: Date


class WaiverFile(Model):
    plan: Id
    granted_by: Id = Field(description="Must be the plan's owner.")
    waivers: list[Waiver] = []
