"""ratio: a share to reach (or not to exceed), reported by one unit as two figures.

The notice: 评查案卷率达20%以上 (``min_share: 0.20``), 错案率不高于5%
(``max_share: 0.05``), 达到100% (``min_share: 1``). The unit reports ``numerator``
(files audited) and ``denominator`` (files held), dated by ``date`` or its file. A unit
with no cases at all (0/0) is judged as the plan says in ``if_no_cases``: not
applicable (a nil return, the default), met, or missed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from lzplan.check.result import Notice, Status
from lzplan.kinds.base import Claim, Context, Figure, Judgment, Say, Stated, figure, ref
from lzplan.kinds.defaults import can_recur as can_recur
from lzplan.kinds.defaults import references as references
from lzplan.kinds.defaults import threshold as threshold
from lzplan.location import PathKey
from lzplan.messages import Message, msg
from lzplan.model import Id, Model, rule
from lzplan.plan.requirement import RequirementBase

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


class RatioRequirement(RequirementBase):
    min_share: Annotated[float, Field(gt=0, le=1)] | None = Field(
        None, description="ratio: the share to reach, greater than 0 and at most 1."
    )
    max_share: Annotated[float, Field(ge=0, lt=1)] | None = Field(
        None, description="ratio: the share not to exceed (不高于), at least 0 and below 1."
    )
    if_no_cases: Literal["not_applicable", "met", "missed"] = Field(
        "not_applicable",
        description="ratio: what a unit with no cases (0/0) is: not applicable (a nil "
        "return), met, or missed.",
    )


class Part(Model):
    """One unit's share of a reported rate (评查案卷率 of one audited department)."""

    numerator: Annotated[int, Field(ge=0)]
    denominator: Annotated[int, Field(ge=0)]


class RatioEntry(Figure):
    numerator: Annotated[int, Field(ge=0)] | None = Field(None, description="ratio: e.g. audited.")
    denominator: Annotated[int, Field(ge=0)] | None = Field(
        None, description="ratio: e.g. held; 0 when the unit had no cases."
    )
    parts: dict[Id, Part] | None = Field(
        None,
        description="ratio: the figures unit by unit (each audited department), adding up "
        "to numerator and denominator; a part below the share is shown.",
    )


# What the registry reads (see lzplan.kinds.Kind); the parts this kind does not
# need are imported from lzplan.kinds.defaults above.
Requirement = RatioRequirement
Entry = RatioEntry


def check(requirement: RatioRequirement) -> None:
    if (requirement.min_share is None) == (requirement.max_share is None):
        raise rule("plan.ratio_bound")


def encoded(requirement: RatioRequirement) -> list[Stated]:
    at_most = requirement.max_share is not None
    return [Stated(round(_limit(requirement) * 100, 6), "%", at_most=at_most)]


def entry_problems(
    requirement: RatioRequirement, entry: RatioEntry, index: PlanIndex, reported: dt.date
) -> Iterator[tuple[PathKey, Message]]:
    if (entry.numerator is None) != (entry.denominator is None):
        yield (), msg("sub.ratio_pair", requirement=requirement.id)
    elif entry.numerator is not None and entry.numerator > (entry.denominator or 0):
        message = msg("sub.ratio_exceeds", numerator=entry.numerator, denominator=entry.denominator)
        yield ("numerator",), message
    if entry.date is not None and entry.date > reported:
        yield ("date",), msg("sub.figure_after_reported", date=entry.date, reported=reported)
    yield from _part_problems(entry, index)


def _part_problems(entry: RatioEntry, index: PlanIndex) -> Iterator[tuple[PathKey, Message]]:
    """Each part is a unit of the plan, and the parts add up to the figures."""
    if entry.parts is None:
        return
    for unit, part in entry.parts.items():
        if unit not in index.units:
            yield ("parts", unit), msg("plan.unknown_id", what=msg("what.unit"), value=unit)
        elif part.numerator > part.denominator:
            message = msg(
                "sub.ratio_exceeds", numerator=part.numerator, denominator=part.denominator
            )
            yield ("parts", unit), message
    numerators = sum(part.numerator for part in entry.parts.values())
    denominators = sum(part.denominator for part in entry.parts.values())
    if (numerators, denominators) != (entry.numerator, entry.denominator):
        message = msg("sub.parts_sum", numerator=numerators, denominator=denominators)
        yield ("parts",), message


def required(requirement: RatioRequirement, need: int | None) -> float:
    return _limit(requirement)


def judge(requirement: RatioRequirement, claim: Claim, ctx: Context, need: int | None) -> Judgment:
    entry: RatioEntry = claim.entry
    limit, at_most = _limit(requirement), requirement.max_share is not None
    shown = {"need": f"{limit:.0%}"}
    if entry.numerator is None or entry.denominator is None:
        return figure(ctx, claim, 0.0, limit, msg("kind.ratio.no_figures", **shown))
    if entry.denominator == 0:
        return _no_cases(requirement, claim, ctx)
    actual = entry.numerator / entry.denominator
    figures = {"numerator": entry.numerator, "denominator": entry.denominator,
               "share": f"{actual:.1%}", **shown}  # fmt: skip
    reached = actual <= limit if at_most else actual >= limit
    key = "kind.ratio." + ("ceiling" if at_most else "detail")
    if reached:
        detail = msg(key, **figures)
    else:
        more = _more(entry.numerator, entry.denominator, limit, at_most)
        detail = msg(f"{key}_short", more=more, **figures)
    judged = figure(
        ctx, claim, actual, limit, detail, reached=reached, facts=_parts(requirement, claim, ctx)
    )
    return judged._replace(at_most=at_most, notices=_parts_short(requirement, claim, ctx))


def _parts(requirement: RatioRequirement, claim: Claim, ctx: Context) -> tuple[Message, ...]:
    """Each part's figures, in the plan's unit order, for explain: the overall rate must
    not hide one unit's."""
    entry: RatioEntry = claim.entry
    limit, at_most = _limit(requirement), requirement.max_share is not None
    facts = []
    for unit in ctx.in_order(entry.parts or {}):
        part = (entry.parts or {})[unit]
        share = part.numerator / part.denominator if part.denominator else None
        off = share is not None and ((share > limit) if at_most else (share < limit))
        facts.append(
            msg(
                "kind.ratio.part_off" if off else "kind.ratio.part",
                unit=ctx.unit_ref(unit),
                numerator=part.numerator,
                denominator=part.denominator,
                share="—" if share is None else f"{share:.1%}",
                need=f"{limit:.0%}",
            )
        )
    return tuple(facts)


def _parts_short(requirement: RatioRequirement, claim: Claim, ctx: Context) -> tuple[Notice, ...]:
    """A notice for each part that would not meet the rate on its own."""
    entry: RatioEntry = claim.entry
    limit, at_most = _limit(requirement), requirement.max_share is not None
    notices = []
    for unit, part in sorted((entry.parts or {}).items()):
        if part.denominator == 0:
            continue
        share = part.numerator / part.denominator
        if (share > limit) if at_most else (share < limit):
            message = msg(
                "notice.part_short",
                unit=ctx.unit_ref(unit),
                requirement=ref(requirement),
                numerator=part.numerator,
                denominator=part.denominator,
                share=f"{share:.1%}",
                need=f"{limit:.0%}",
            )
            notices.append(Notice(claim.where("parts", unit), message))
    return tuple(notices)


def _limit(requirement: RatioRequirement) -> float:
    bound = requirement.max_share if requirement.max_share is not None else requirement.min_share
    return bound or 0.0


def _more(numerator: int, denominator: int, limit: float, at_most: bool) -> int:
    """Cases more to reach a floor, or fewer to come under a ceiling."""
    if at_most:
        return numerator - math.floor(limit * denominator + 1e-9)
    return math.ceil(limit * denominator - 1e-9) - numerator


def _no_cases(requirement: RatioRequirement, claim: Claim, ctx: Context) -> Judgment:
    """0/0: the plan says what it is. A nil return is known once its file is."""
    policy = requirement.if_no_cases
    detail = msg(f"kind.ratio.no_cases.{policy}")
    on = claim.entry.date or claim.reported
    if policy == "not_applicable" and on <= ctx.as_of:
        return Judgment(Status.NIL, 0, _limit(requirement), detail)
    met = policy == "met"
    return figure(ctx, claim, 0, _limit(requirement), detail, reached=met)


def quota(requirement: RatioRequirement, index: PlanIndex) -> Message | None:
    if requirement.max_share is not None:
        return msg("kind.ratio.quota_at_most", share=f"{requirement.max_share:.0%}")
    return msg("kind.ratio.quota", share=f"{_limit(requirement):.0%}")


def needs(requirement: RatioRequirement, required: float) -> Message:
    key = "kind.ratio.needs_at_most" if requirement.max_share is not None else "kind.ratio.needs"
    return msg(key, share=f"{required:.0%}")


def template(requirement: RatioRequirement, need: int | None, say: Say) -> tuple[str, list[str]]:
    body = [f"  {requirement.id}: {{}}", "    # numerator: 0", "    # denominator: 0"]
    at_most = requirement.max_share is not None
    key = "kind.ratio.template_at_most" if at_most else "kind.ratio.template"
    return say(key, share=f"{_limit(requirement):.0%}"), body
