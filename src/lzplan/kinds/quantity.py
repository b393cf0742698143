"""quantity: at least N of a measure (学时, 人次, 名, 场), summed over dated evidence.

The notice: 领导干部年度学法不少于40学时; 培训执法人员不少于200人次. The plan:
``kind: quantity``, ``min: 40`` (or per group), ``measure: 学时``; each evidence item
says how much it counts for with ``amount: 6``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, ClassVar

from pydantic import Field

from lzplan.check.result import Reason
from lzplan.kinds import count
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
    number,
    progress,
    who,
)
from lzplan.kinds.defaults import check as check
from lzplan.location import PathKey
from lzplan.messages import Message, msg
from lzplan.model import NonEmpty

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


class QuantityRequirement(Quota):
    measure: NonEmpty = Field(
        description="quantity: what is counted, in the notice's words (学时, 人次, 名, 场)."
    )


class QuantityEntry(Evidenced):
    measured: ClassVar[bool] = True


# What the registry reads (see lzplan.kinds.Kind); the parts this kind does not
# need are imported from lzplan.kinds.defaults above.
Requirement = QuantityRequirement
Entry = QuantityEntry
references = count.references  # thresholds per group, as a count has them
threshold = count.threshold
can_recur = True  # each occurrence counts the evidence of its own period


def encoded(requirement: QuantityRequirement) -> list[Stated]:
    return [s._replace(measure=requirement.measure) for s in count.encoded(requirement)]


def entry_problems(
    requirement: QuantityRequirement, entry: QuantityEntry, index: PlanIndex, reported: dt.date
) -> Iterator[tuple[PathKey, Message]]:
    message = msg("sub.amount_missing", requirement=requirement.id, measure=requirement.measure)
    for i, item in enumerate(entry.evidence):
        if item.amount is None:
            yield ("evidence", i), message


def required(requirement: QuantityRequirement, need: int | None) -> float:
    return need or 1


def judge(
    requirement: QuantityRequirement, claim: Claim, ctx: Context, need: int | None
) -> Judgment:
    entry: QuantityEntry = claim.entry
    wanted = required(requirement, need)
    items, notices = judge_items(ctx, claim, requirement, entry.evidence)
    amounts = [item.amount or 0 for item in entry.evidence]
    total = sum(a for a, v in zip(amounts, items, strict=True) if v.reason.counts)
    on_time = sum(a for a, v in zip(amounts, items, strict=True) if v.reason is Reason.COUNTED)
    status = ctx.status(on_time >= wanted, total >= wanted)
    detail = progress("kind.quantity.detail", total, wanted, measure=requirement.measure)
    return Judgment(status, number(total), wanted, detail, items, notices)


def quota(requirement: QuantityRequirement, index: PlanIndex) -> Message | None:
    measure = requirement.measure
    if isinstance(requirement.min, dict):
        parts = [
            msg("kind.quantity.quota_for", n=n, who=who(index, key), measure=measure)
            for key, n in requirement.min.items()
        ]
        return msg("kind.count.quota_by", parts=parts)
    return msg("kind.quantity.quota", n=requirement.min, measure=measure)


def needs(requirement: QuantityRequirement, required: float) -> Message:
    return msg("kind.quantity.needs", n=f"{required:g}", measure=requirement.measure)


def template(requirement: QuantityRequirement, need: int | None, say: Say) -> tuple[str, list[str]]:
    example = evidence_example(say)
    example.insert(3, "    #     amount: 0")
    body = [f"  {requirement.id}:", "    evidence: []", *example]
    needs = say("kind.quantity.template", n=need or requirement.min, measure=requirement.measure)
    return needs, body
