"""activity: a qualitative duty, met by one dated evidence item.

The notice: 继续推行领导干部任前法律知识考试制度。 The plan: ``kind: activity``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lzplan.kinds.base import Claim, Context, Evidenced, Judgment, Say, evidence_example
from lzplan.kinds.count import count_items
from lzplan.location import PathKey
from lzplan.messages import Message, msg
from lzplan.plan.requirement import RequirementBase

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


class ActivityRequirement(RequirementBase):
    pass


class ActivityEntry(Evidenced):
    pass


# What the registry reads (see lzplan.kinds.Kind).
Requirement = ActivityRequirement
Entry = ActivityEntry


def check(requirement: ActivityRequirement) -> None:
    """Nothing beyond the fields' own types."""


def references(
    requirement: ActivityRequirement, index: PlanIndex
) -> Iterator[tuple[PathKey, Message]]:
    return iter(())


def encoded(requirement: ActivityRequirement) -> list[tuple[str, float]]:
    return []


def threshold(requirement: ActivityRequirement, key: str) -> int | None:
    return None


def entry_problems(
    requirement: ActivityRequirement, entry: ActivityEntry, index: PlanIndex
) -> Iterator[tuple[PathKey, Message]]:
    return iter(())


def judge(
    requirement: ActivityRequirement, claim: Claim, ctx: Context, need: int | None
) -> Judgment:
    return count_items(requirement, claim, ctx, need or 1)


def quota(requirement: ActivityRequirement) -> Message | None:
    return None


def needs(required: float) -> Message:
    return msg("kind.activity.needs", n=f"{required:g}")


def template(requirement: ActivityRequirement, need: int | None, say: Say) -> tuple[str, list[str]]:
    body = [f"  {requirement.id}:", "    evidence: []", *evidence_example(say)]
    return say("kind.activity.template"), body
