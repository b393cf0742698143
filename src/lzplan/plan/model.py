"""The plan file: its metadata, units, groups, tasks and requirements.

``Requirement`` is flat, as a plan file writes it: the fields every requirement has
(``lzplan.plan.requirement``) and the fields of every kind (``lzplan.kinds``), those
of kinds other than its own refused by name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, cast

from pydantic import Field, model_validator

from lzplan.kinds import KINDS
from lzplan.model import (
    Date,
    Id,
    Model,
    NonEmpty,
    fields_of,
    flat_model,
    optional_fields,
    own_fields,
    rule,
)
from lzplan.plan.requirement import HEAD_FIELDS, Due, RequirementBase

__all__ = ["Due", "Group", "Owners", "Phrase", "Plan", "PlanInfo", "Requirement", "Task", "Unit"]

# The unit kinds of a plan that declares none (Luzhou 2011): 区县 and 部门.
DEFAULT_UNIT_KINDS = ("district", "department")


class Source(Model):
    """The document the plan was encoded from."""

    file: NonEmpty = Field(description="The notice's text, relative to the plan file.")
    title: NonEmpty
    publisher: NonEmpty
    published: Date
    doc_no: str | None = Field(
        None, description="The notice's 文号 as printed (云府办发〔2016〕12号), when it has one."
    )
    note: str | None = None


class Period(Model):
    start: Date
    end: Date
    closes: bool = Field(
        False,
        description="The period's end closes every duty (a year judged as a year, as the "
        "annual 考核 is): work done after it does not count, though it may be 整改 "
        "(--fix-by). Without it, work finished after the period and by the as-of date is "
        "met late.",
    )

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise rule("plan.period")
        return self


class BreakdownRef(Model):
    """The 任务分解 (责任分工) the office issued after the notice: the document that tells
    each unit which of the notice's general words (有关部门, 行政执法部门…) it falls under."""

    file: NonEmpty = Field(description="The breakdown file, relative to the plan file.")
    number: NonEmpty = Field(description="Its 文号, e.g. 泸府法〔2011〕12号.")
    date: Date = Field(description="Its 成文日期.")


class PlanInfo(Model):
    id: Id
    title: NonEmpty
    issuer: NonEmpty
    issued: Date
    period: Period
    owner: Id = Field(description="The unit that tracks the plan and grants waivers.")
    source: Source
    breakdown: BreakdownRef | None = Field(
        None,
        description="The issued 任务分解 that assigns units to the notice's general words; "
        "without it, units the notice does not name are shown as assumed.",
    )


class UnitKind(Model):
    """A kind of unit the plan distinguishes (区, 县, 县级市, 开发区管委会, 部门, 党委部门…):
    the matrix lists units kind by kind, in the order declared."""

    id: Id
    name: NonEmpty = Field(description="The kind in Chinese, e.g. 县级市.")
    name_en: str | None = None


class Unit(Model):
    id: Id
    name: NonEmpty = Field(description="The unit's Chinese name.")
    name_en: str | None = None
    aliases: list[NonEmpty] = Field(
        [], description="Other names the notice uses for it (简称): 市法制办, 市人社局."
    )
    kind: Id = Field(description="One of the plan's unit_kinds (default: district, department).")
    tags: list[Id] = []
    named_in_notice: bool = Field(
        description="True when the notice names this unit; false when the encoder assumed it."
    )
    functions: list[NonEmpty] = Field(
        [],
        description="Words of the unit's functions (职能, as its 三定 states them: 机构编制, "
        "人民调解). `extract` reads a bracket's unit as owing a duty whose sentence says one; "
        "`check` does not use them.",
    )
    note: str | None = None


class Group(Model):
    """A named selector in the notice's own words, e.g. 各区县人民政府."""

    id: Id
    names: list[NonEmpty] = Field(min_length=1, description="The notice's wording for this group.")
    kind: Id | list[Id] | None = Field(None, description="Select units of this kind (or kinds).")
    tags: list[Id] = Field([], description="Select units carrying any of these tags.")
    units: list[Id] = Field([], description="Select these units explicitly.")
    exclude: list[Id] = []
    note: str | None = None

    @model_validator(mode="after")
    def _selects(self) -> Group:
        if self.kind is None and not self.tags and not self.units:
            raise rule("plan.group_selects")
        return self


# ---------------------------------------------------------------- requirements

_KIND_FIELDS = optional_fields((kind.Requirement for kind in KINDS.values()), RequirementBase)


class _Rules(Model):
    """The rules of a flat requirement: someone owes it, and it has its kind's fields."""

    @model_validator(mode="after")
    def _fits_kind(self) -> _Rules:
        req = cast(RequirementBase, self)  # the merged model has every field
        if not req.units and not req.groups:
            raise rule("plan.requirement_owners")
        kind = KINDS[req.kind]
        wants = kind.Requirement.model_fields
        own = own_fields(kind.Requirement, RequirementBase)
        for name in _KIND_FIELDS:
            given = name in req.model_fields_set and getattr(req, name) is not None
            if given and name not in own:
                raise rule("plan.field_not_for_kind", name=name, kind=req.kind)
            if not given and name in own and wants[name].is_required():
                raise rule("plan.field_for_kind", name=name, kind=req.kind)
        kind.check(req)
        return self


def _requirement_model() -> type[RequirementBase]:
    tail = [name for name in RequirementBase.model_fields if name not in HEAD_FIELDS]
    fields = fields_of(RequirementBase, HEAD_FIELDS)
    fields["kind"] = (Literal[tuple(KINDS)], Field())
    fields |= _KIND_FIELDS | fields_of(RequirementBase, tail)
    return cast(type[RequirementBase], flat_model("Requirement", __name__, fields, base=_Rules))


if TYPE_CHECKING:
    Requirement = RequirementBase  # what code outside the kinds may rely on
else:
    Requirement = _requirement_model()


class Owners(Model):
    """A task's owner statement (责任单位 bracket, 牵头/配合 line, 由X负责), quoted, and who
    it names."""

    source: NonEmpty
    leads: list[Id] = Field([], description="Units that lead or are responsible.")
    groups: list[Id] = Field([], description="Groups that are responsible.")
    supporting: list[Id] = Field([], description="Units or groups that support (配合, 协办).")
    note: str | None = None


class Unreported(Model):
    """A sentence that imposes no reportable duty, and why."""

    source: NonEmpty
    reason: NonEmpty


class Phrase(Model):
    """Text that reads like a quota or a deadline but is not one (a scope: 对2012年底前
    制定的文件), or that the grammar cannot read; quoted, with the reason."""

    source: NonEmpty
    reason: NonEmpty


class Task(Model):
    id: Id
    section: NonEmpty
    title: NonEmpty
    owners: Owners
    groups: list[Group] = Field(
        [],
        description="Groups of this task only (the notice's 有关部门 differ from task to task).",
    )
    requirements: list[Requirement] = Field(min_length=1)
    unreported: list[Unreported] = []
    phrases: list[Phrase] = []


class Plan(Model):
    plan: PlanInfo
    unit_kinds: list[UnitKind] = Field(
        [], description="The kinds of unit, in matrix order; default: district, department."
    )
    units: list[Unit] = Field(min_length=1)
    groups: list[Group] = []
    tasks: list[Task] = Field(min_length=1)

    def kind_ids(self) -> tuple[str, ...]:
        """The unit kinds, in the order the matrix lists them."""
        return tuple(kind.id for kind in self.unit_kinds) or DEFAULT_UNIT_KINDS
