"""What every requirement has, whatever its kind; each kind adds its own fields.

The kinds (``lzplan.kinds``) subclass ``RequirementBase``; ``lzplan.plan.model``
merges them into the one flat ``Requirement`` a plan file is read with.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from lzplan.model import Date, Id, Model, NonEmpty


class Due(Model):
    date: Date
    wording: str | None = Field(
        None, description="The notice's deadline phrase; absent when the notice sets none."
    )
    follows: str | None = Field(
        None,
        description="Where a date with no wording of its own comes from: 'period' (the plan "
        "period's end) or the id of a requirement of the same task whose wording sets it "
        "(the plan then says why in a note). Absent with no wording: the period's end.",
    )
    ongoing: bool = Field(
        False,
        description="A standing duty (长期坚持, 持续推进) judged as ongoing work of the period: "
        "work dated in the period meets it, and none is late — work after the period does "
        "not count. Without it a standing duty is judged at the period's end like any other "
        "(work finished after it and by the as-of date is met late). Due the period's end.",
    )
    note: str | None = None


class Reading(Model):
    """A judgement where the notice's words do not settle who owes a duty: the words (of
    the duty's own sentence or its task's owner statement), who they are read to mean,
    and why. ``plan validate`` derives owners from the notice and applies these."""

    words: NonEmpty = Field(description="The notice's words being read, quoted.")
    means: list[Id] = Field(
        description="The units and groups the words are read to mean ([]: none of them owes "
        "this duty)."
    )
    field: Literal["owners", "condition_for", "of_group"] = Field(
        "owners",
        description="What the reading settles: the owners (default), who the "
        "condition is for, or the group a unit count counts over.",
    )
    reason: NonEmpty


class Recurrence(Model):
    """A duty that recurs (每季度, 每半年…): each occurrence is judged on its own."""

    every: Literal["month", "quarter", "half-year", "year"]
    due_after: int = Field(
        0,
        ge=0,
        le=366,
        description="Days after each period's end that it falls due (每季度末: 0; "
        "每季度结束后10日内: 10).",
    )
    on: str | None = Field(
        None,
        pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$",
        description="每年12月10日前: the day (MM-DD) each year's occurrence falls due; a "
        "yearly duty only, with no due_after.",
    )
    held: bool = Field(
        False,
        description="Each occurrence must take place within its own period (每季度至少开展1次"
        "…活动): an item counts for the period its date falls in, whatever period it is "
        "labelled for. Without it, an item labelled for a period may be filed late for it "
        "(a quarterly report).",
    )


class RequirementBase(Model):
    """The fields of every requirement. ``kind`` names the module of ``lzplan.kinds``
    that judges it; the fields between ``groups`` and ``due`` are the kinds' own."""

    id: Id
    kind: str
    title: NonEmpty
    source: NonEmpty = Field(description="The sentence (or clause) of the notice that imposes it.")
    units: list[Id] = Field([], description="Units that must report it.")
    groups: list[Id] = Field([], description="Groups whose members must report it.")
    condition: str | None = Field(
        None,
        description="When the duty applies, in the notice's words (对…纠纷, 依申请公开): a "
        "unit to which it did not apply this year files a nil return.",
    )
    condition_for: list[Id] = Field(
        [],
        description="The groups or units the condition is for (市级有关部门 with 重大事项): "
        "only they may file a nil return; the other owners owe the duty whatever happens. "
        "Empty: every owner.",
    )
    recurs: Recurrence | None = Field(
        None, description="Set when the duty recurs: every month, quarter, half-year or year."
    )
    due: Due
    note: str | None = None
    readings: list[Reading] = Field(
        [],
        description="Where owners, condition_for or of_group do not follow from the notice's "
        "words alone: each reading, with its reason (`lzplan plan show` lists them).",
    )


# Where the kinds' own fields go in the merged model: after these, before the rest.
HEAD_FIELDS = ("id", "kind", "title", "source", "units", "groups")
