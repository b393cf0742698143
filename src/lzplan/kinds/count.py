"""count: at least N dated evidence items, N per unit or per group.

The notice: 各区县评估不少于3件，市级有关部门评估不少于1件。 The plan:
``kind: count``, ``min: {districts: 3, relevant-departments: 1}`` (or one number).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from lzplan.check.result import Reason, Status
from lzplan.kinds.base import (
    Claim,
    Context,
    Evidenced,
    Judgment,
    Quota,
    Say,
    Stated,
    evidence_example,
    judge_items,
    progress,
    who,
)
from lzplan.kinds.defaults import check as check
from lzplan.kinds.defaults import entry_problems as entry_problems
from lzplan.location import PathKey
from lzplan.messages import Message, msg
from lzplan.plan.requirement import RequirementBase

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


class CountRequirement(Quota):
    pass


class CountEntry(Evidenced):
    pass


# What the registry reads (see lzplan.kinds.Kind); the parts this kind does not
# need are imported from lzplan.kinds.defaults above.
Requirement = CountRequirement
Entry = CountEntry
can_recur = True  # each occurrence counts the evidence of its own period


def references(requirement: Quota, index: PlanIndex) -> Iterator[tuple[PathKey, Message]]:
    """Thresholds per group or unit: one for each the requirement names, and no other."""
    named = [*requirement.units, *requirement.groups]
    unknown = [key for key in requirement.units if key not in index.units]
    unknown += [key for key in requirement.groups if key not in index.members]
    if not isinstance(requirement.min, dict) or unknown:
        return
    for key in requirement.min:
        if key not in named:
            yield ("min", key), msg("plan.threshold_uncovered", key=key)
    for key in sorted(set(named) - set(requirement.min)):
        yield ("min",), msg("plan.threshold_missing", key=key)


def encoded(requirement: Quota) -> list[Stated]:
    if isinstance(requirement.min, dict):
        return [Stated(n, subject=key) for key, n in requirement.min.items()]
    return [Stated(requirement.min)]


def threshold(requirement: Quota, key: str) -> int | None:
    """Items owed by the members of ``key`` (a unit or a group the requirement names)."""
    if isinstance(requirement.min, dict):
        return requirement.min.get(key)
    return requirement.min


def required(requirement: CountRequirement, need: int | None) -> float:
    return need or 1


def judge(requirement: CountRequirement, claim: Claim, ctx: Context, need: int | None) -> Judgment:
    return count_items(requirement, claim, ctx, int(required(requirement, need)))


def count_items(
    requirement: RequirementBase,
    claim: Claim,
    ctx: Context,
    need: int,
    key: str = "kind.count.detail",
) -> Judgment:
    """Met when ``need`` items count; on time when enough of them came by the due date."""
    entry: CountEntry = claim.entry
    items, notices = judge_items(ctx, claim, requirement, entry.evidence)
    on_time = sum(item.reason is Reason.COUNTED for item in items)
    total = sum(item.reason.counts for item in items)
    status: Status = ctx.status(on_time >= need, total >= need)
    detail = progress(key, total, need)
    return Judgment(status, total, need, detail, items, notices)


def quota(requirement: CountRequirement, index: PlanIndex) -> Message | None:
    if isinstance(requirement.min, dict):
        parts = [
            msg("kind.count.quota_for", n=n, who=who(index, key))
            for key, n in requirement.min.items()
        ]
        return msg("kind.count.quota_by", parts=parts)
    return msg("kind.count.quota", n=requirement.min)


def needs(requirement: CountRequirement, required: float) -> Message:
    return msg("kind.count.needs", n=f"{required:g}")


def template(requirement: CountRequirement, need: int | None, say: Say) -> tuple[str, list[str]]:
    body = [f"  {requirement.id}:", "    evidence: []", *evidence_example(say)]
    return say("kind.count.template", n=need or requirement.min), body
