"""distinct_units: at least N different units of a group covered, reported by one unit.

The notice: 评查部门不少于15个。 The plan: ``kind: distinct_units``, ``min: 15``,
``of_group: enforcement``; the lead reports ``covered: [finance, public-security, …]``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import Field

from lzplan.kinds.base import (
    Claim,
    Context,
    Figure,
    Judgment,
    Quota,
    Say,
    Stated,
    figure,
    progress,
    who,
)
from lzplan.kinds.defaults import can_recur as can_recur
from lzplan.kinds.defaults import threshold as threshold  # of units covered, not owed each
from lzplan.location import PathKey
from lzplan.messages import Message, msg
from lzplan.model import Id, rule

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


class DistinctUnitsRequirement(Quota):
    of_group: Id = Field(description="distinct_units: the group covered.")


class DistinctUnitsEntry(Figure):
    covered: list[Id] | None = Field(None, description="distinct_units: the unit ids covered.")


# What the registry reads (see lzplan.kinds.Kind); the parts this kind does not
# need are imported from lzplan.kinds.defaults above.
Requirement = DistinctUnitsRequirement
Entry = DistinctUnitsEntry


def check(requirement: DistinctUnitsRequirement) -> None:
    if not isinstance(requirement.min, int):
        raise rule("plan.distinct_min")


def references(
    requirement: DistinctUnitsRequirement, index: PlanIndex
) -> Iterator[tuple[PathKey, Message]]:
    members = index.members.get(requirement.of_group)
    if members is None:
        message = msg("plan.unknown_id", what=msg("what.group"), value=requirement.of_group)
        yield ("of_group",), message
    elif isinstance(requirement.min, int) and requirement.min > len(members):
        message = msg(
            "plan.quota_above_group",
            min=requirement.min,
            group=requirement.of_group,
            members=len(members),
        )
        yield ("min",), message


def encoded(requirement: DistinctUnitsRequirement) -> list[Stated]:
    return [Stated(requirement.min)] if isinstance(requirement.min, int) else []


def entry_problems(
    requirement: DistinctUnitsRequirement,
    entry: DistinctUnitsEntry,
    index: PlanIndex,
    reported: dt.date,
) -> Iterator[tuple[PathKey, Message]]:
    if entry.date is not None and entry.date > reported:
        yield ("date",), msg("sub.figure_after_reported", date=entry.date, reported=reported)
    members = index.members.get(requirement.of_group, ())
    for i, unit in enumerate(entry.covered or []):
        if unit not in index.units:
            yield ("covered", i), msg("plan.unknown_id", what=msg("what.unit"), value=unit)
        elif unit not in members:
            yield ("covered", i), msg("sub.not_in_group", unit=unit, group=requirement.of_group)


def required(requirement: DistinctUnitsRequirement, need: int | None) -> float:
    return requirement.min if isinstance(requirement.min, int) else 0


# The notice's own verb for the units a count covers: 评查 in 评查部门不少于15个, 检查 in
# 检查单位不少于10个; none found, the detail says 覆盖.
_VERB = re.compile(r"([\u4e00-\u9fff]{2})(?:部门|单位)(?:数)?(?:不少于|不得少于|不低于|至少|达到?)")


def verb_of(source: str) -> str | None:
    """The two characters before 部门/单位 in the count's own phrase, if any."""
    found = _VERB.search(source)
    return found.group(1) if found else None


def judge(
    requirement: DistinctUnitsRequirement, claim: Claim, ctx: Context, need: int | None
) -> Judgment:
    entry: DistinctUnitsEntry = claim.entry
    covered = len(set(entry.covered or []))
    wanted = requirement.min if isinstance(requirement.min, int) else 0
    group = ctx.unit_ref(requirement.of_group)
    verb = verb_of(requirement.source) or msg("kind.distinct_units.verb")
    detail = progress("kind.distinct_units.detail", covered, wanted, group=group, verb=verb)
    listed = [ctx.unit_ref(unit) for unit in ctx.in_order(set(entry.covered or []))]
    facts = (msg("kind.distinct_units.covered", units=listed),) if listed else ()
    return figure(ctx, claim, covered, wanted, detail, facts=facts)


def quota(requirement: DistinctUnitsRequirement, index: PlanIndex) -> Message | None:
    return msg(
        "kind.distinct_units.quota", n=requirement.min, group=who(index, requirement.of_group)
    )


def needs(requirement: DistinctUnitsRequirement, required: float) -> Message:
    return msg("kind.distinct_units.needs", n=f"{required:g}")


def template(
    requirement: DistinctUnitsRequirement, need: int | None, say: Say
) -> tuple[str, list[str]]:
    body = [f"  {requirement.id}:", "    covered: []"]
    return say("kind.distinct_units.template", n=need or requirement.min), body
