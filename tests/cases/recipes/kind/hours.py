"""hours: at least N hours of something (e.g. 学法不少于40学时), reported as one figure.

A kind written for tests/test_recipes.py: it shows that a new kind is this module,
one line in the registry and its words in each catalogue.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from lzplan.kinds.base import Claim, Context, EntryBase, Judgment, Say, Stated, figure, progress
from lzplan.kinds.defaults import can_recur as can_recur
from lzplan.kinds.defaults import check as check
from lzplan.kinds.defaults import entry_problems as entry_problems
from lzplan.kinds.defaults import references as references
from lzplan.kinds.defaults import threshold as threshold
from lzplan.messages import Message, msg
from lzplan.plan.requirement import RequirementBase


class HoursRequirement(RequirementBase):
    min_hours: Annotated[int, Field(ge=1)] = Field(description="hours: the hours to reach.")


class HoursEntry(EntryBase):
    hours: Annotated[int, Field(ge=0)] | None = Field(None, description="hours: hours done.")


Requirement = HoursRequirement
Entry = HoursEntry


def encoded(requirement: HoursRequirement) -> list[Stated]:
    return [Stated(requirement.min_hours, "学时")]  # 不少于40学时: the number the notice states


def required(requirement: HoursRequirement, need: int | None) -> float:
    return requirement.min_hours


def judge(requirement: HoursRequirement, claim: Claim, ctx: Context, need: int | None) -> Judgment:
    entry: HoursEntry = claim.entry
    done = entry.hours or 0
    detail = progress("kind.hours.detail", done, requirement.min_hours)
    return figure(ctx, claim, done, requirement.min_hours, detail)


def quota(requirement: HoursRequirement, index: object) -> Message | None:
    return msg("kind.hours.quota", n=requirement.min_hours)


def needs(requirement: HoursRequirement, required: float) -> Message:
    return msg("kind.hours.needs", n=f"{required:g}")


def template(requirement: HoursRequirement, need: int | None, say: Say) -> tuple[str, list[str]]:
    return say("kind.hours.template", n=requirement.min_hours), [f"  {requirement.id}: {{}}"]
