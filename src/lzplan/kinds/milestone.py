"""milestone: done by the due date, as a completion date backed by evidence.

The notice: 行政复议规范化建设于2011年11月底基本完成。 The plan: ``kind: milestone``;
the unit reports ``completed: 2011-11-20`` and at least one evidence item.

A milestone may recur (每年12月10日前报送年度报告: ``recurs: {every: year, on: 12-10}``):
each occurrence is done on the date of the first evidence item it takes, so the entry
has no one ``completed`` date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from lzplan.check.result import ItemVerdict, Notice
from lzplan.kinds.base import Claim, Context, Evidenced, Judgment, Say, evidence_example
from lzplan.kinds.base import judge_items as judge_evidence
from lzplan.kinds.defaults import check as check
from lzplan.kinds.defaults import encoded as encoded
from lzplan.kinds.defaults import quota as quota
from lzplan.kinds.defaults import references as references
from lzplan.kinds.defaults import threshold as threshold
from lzplan.location import PathKey
from lzplan.messages import Message, msg
from lzplan.model import Date
from lzplan.plan.requirement import RequirementBase

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


class MilestoneRequirement(RequirementBase):
    pass


class MilestoneEntry(Evidenced):
    completed: Date | None = Field(None, description="milestone: the date it was done.")


# What the registry reads (see lzplan.kinds.Kind); the parts this kind does not
# need are imported from lzplan.kinds.defaults above.
Requirement = MilestoneRequirement
Entry = MilestoneEntry
can_recur = True  # 每年12月10日前报送: each year's occurrence done on its own date


def entry_problems(
    requirement: MilestoneRequirement, entry: MilestoneEntry, index: PlanIndex, reported: dt.date
) -> Iterator[tuple[PathKey, Message]]:
    """A completion the file reports cannot come after the file itself, and a recurring
    milestone has no one completion: each occurrence is completed by its evidence."""
    if entry.completed is not None and requirement.recurs is not None:
        yield (("completed",), msg("sub.completed_recurring", every=requirement.recurs.every))
    elif entry.completed is not None and entry.completed > reported:
        yield (
            ("completed",),
            msg("sub.completed_after_reported", completed=entry.completed, reported=reported),
        )


def required(requirement: MilestoneRequirement, need: int | None) -> float:
    return 1


def judge(
    requirement: MilestoneRequirement, claim: Claim, ctx: Context, need: int | None
) -> Judgment:
    entry: MilestoneEntry = claim.entry
    items, notices = judge_evidence(ctx, claim, requirement, entry.evidence)
    backed = any(item.reason.counts for item in items)
    completed = entry.completed
    if claim.items is not None:  # one occurrence of a recurring milestone: its evidence
        completed = min((i.date for i in items if i.reason.counts), default=None)
    done, backdated = _completed(completed, items)
    if backdated is not None:
        notices = (*notices, Notice(claim.where("completed"), backdated))
    reached = done is not None and done <= ctx.as_of and backed
    on_time = reached and done is not None and done <= ctx.due
    status = ctx.status(on_time, reached)
    if done is None:
        detail = msg("kind.milestone.not_completed")
    elif reached:
        detail = msg("kind.milestone.completed", date=done)
    elif done > ctx.as_of:
        detail = msg("kind.milestone.completed_later", date=done)
    else:
        detail = msg("kind.milestone.completed_unbacked", date=done)
    return Judgment(status, int(reached), 1, detail, items, notices)


def _completed(
    completed: dt.date | None, items: tuple[ItemVerdict, ...]
) -> tuple[dt.date | None, Message | None]:
    """The completion date the evidence shows: a milestone is done no earlier than the
    earliest evidence that counts for it. A ``completed`` before it is back-dated: it is
    judged at the evidence's date, and a notice says so."""
    dates = [item.date for item in items if item.reason.counts]
    if completed is None or not dates or completed >= min(dates):
        return completed, None
    earliest = min(dates)
    return earliest, msg("notice.completed_before_evidence", completed=completed, date=earliest)


def needs(requirement: MilestoneRequirement, required: float) -> Message:
    return msg("kind.milestone.needs")


def template(
    requirement: MilestoneRequirement, need: int | None, say: Say
) -> tuple[str, list[str]]:
    completed = [] if requirement.recurs is not None else ["    # completed: YYYY-MM-DD"]
    body = [f"  {requirement.id}:", *completed, "    evidence: []", *evidence_example(say)]
    return say("kind.milestone.template"), body
