"""ratio: a share to reach, reported by one unit as a numerator and a denominator.

The notice: 评查案卷率达20%以上。 The plan: ``kind: ratio``, ``min_share: 0.20``; the
lead reports ``numerator: 130`` (files audited) and ``denominator: 600`` (files held).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated

from pydantic import Field

from lzplan.kinds.base import Claim, Context, Evidenced, Judgment, Say, figure
from lzplan.kinds.defaults import check as check
from lzplan.kinds.defaults import references as references
from lzplan.kinds.defaults import threshold as threshold
from lzplan.location import PathKey
from lzplan.messages import Message, msg
from lzplan.plan.requirement import RequirementBase

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


class RatioRequirement(RequirementBase):
    min_share: Annotated[float, Field(gt=0, le=1)] = Field(
        description="ratio: the share to reach, greater than 0 and at most 1."
    )


class RatioEntry(Evidenced):
    numerator: Annotated[int, Field(ge=0)] | None = Field(None, description="ratio: e.g. audited.")
    denominator: Annotated[int, Field(ge=1)] | None = Field(None, description="ratio: e.g. held.")


# What the registry reads (see lzplan.kinds.Kind); the parts this kind does not
# need are imported from lzplan.kinds.defaults above.
Requirement = RatioRequirement
Entry = RatioEntry


def encoded(requirement: RatioRequirement) -> list[tuple[str, float]]:
    return [("share", round(requirement.min_share * 100, 6))]


def entry_problems(
    requirement: RatioRequirement, entry: RatioEntry, index: PlanIndex, reported: dt.date
) -> Iterator[tuple[PathKey, Message]]:
    if (entry.numerator is None) != (entry.denominator is None):
        yield (), msg("sub.ratio_pair", requirement=requirement.id)
    elif entry.numerator is not None and entry.numerator > (entry.denominator or 0):
        message = msg("sub.ratio_exceeds", numerator=entry.numerator, denominator=entry.denominator)
        yield ("numerator",), message


def required(requirement: RatioRequirement, need: int | None) -> float:
    return requirement.min_share


def judge(requirement: RatioRequirement, claim: Claim, ctx: Context, need: int | None) -> Judgment:
    entry: RatioEntry = claim.entry
    share = requirement.min_share
    wanted = f"{share:.0%}"
    due = requirement.due.date
    if entry.numerator is None or entry.denominator is None:
        return figure(ctx, claim, due, 0.0, share, msg("kind.ratio.no_figures", need=wanted))
    numerator, denominator = entry.numerator, entry.denominator
    actual = numerator / denominator
    figures = {"numerator": numerator, "denominator": denominator, "share": f"{actual:.1%}"}
    if actual >= share:
        detail = msg("kind.ratio.detail", need=wanted, **figures)
    else:
        more = math.ceil(share * denominator - 1e-9) - numerator
        detail = msg("kind.ratio.detail_short", need=wanted, more=more, **figures)
    return figure(ctx, claim, due, actual, share, detail)


def quota(requirement: RatioRequirement) -> Message | None:
    return msg("kind.ratio.quota", share=f"{requirement.min_share:.0%}")


def needs(required: float) -> Message:
    return msg("kind.ratio.needs", share=f"{required:.0%}")


def template(requirement: RatioRequirement, need: int | None, say: Say) -> tuple[str, list[str]]:
    body = [f"  {requirement.id}: {{}}", "    # numerator: 0", "    # denominator: 0"]
    return say("kind.ratio.template", share=f"{requirement.min_share:.0%}"), body
