"""activity: a qualitative duty, met by one dated evidence item.

The notice: 继续推行领导干部任前法律知识考试制度。 The plan: ``kind: activity``.
"""

from __future__ import annotations

from lzplan.kinds.base import Claim, Context, Evidenced, Judgment, Say, Stated, evidence_example
from lzplan.kinds.count import count_items
from lzplan.kinds.defaults import check as check
from lzplan.kinds.defaults import entry_problems as entry_problems
from lzplan.kinds.defaults import quota as quota
from lzplan.kinds.defaults import references as references
from lzplan.kinds.defaults import threshold as threshold
from lzplan.messages import Message, msg
from lzplan.plan.requirement import RequirementBase


class ActivityRequirement(RequirementBase):
    pass


class ActivityEntry(Evidenced):
    pass


# What the registry reads (see lzplan.kinds.Kind); the parts this kind does not
# need are imported from lzplan.kinds.defaults above.
Requirement = ActivityRequirement
Entry = ActivityEntry
can_recur = True  # each occurrence counts the evidence of its own period


def encoded(requirement: ActivityRequirement) -> list[Stated]:
    return [Stated(1)]  # one item: 至少1次, 每季度至少1次


def required(requirement: ActivityRequirement, need: int | None) -> float:
    return need or 1


def judge(
    requirement: ActivityRequirement, claim: Claim, ctx: Context, need: int | None
) -> Judgment:
    need = int(required(requirement, need))
    return count_items(requirement, claim, ctx, need, "kind.activity.detail")


def needs(requirement: ActivityRequirement, required: float) -> Message:
    return msg("kind.activity.needs", n=f"{required:g}")


def template(requirement: ActivityRequirement, need: int | None, say: Say) -> tuple[str, list[str]]:
    body = [f"  {requirement.id}:", "    evidence: []", *evidence_example(say)]
    return say("kind.activity.template"), body
