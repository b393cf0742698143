"""Requirement kinds: one module each, and the registry that maps ids to modules.

A kind module owns everything about its kind: its plan fields (``Requirement``) and
their rules (``check``), the shape of a unit's entry (``Entry``) and its problems, how
an entry is judged, and the words for its quota, its needs and its ``init`` template.
Every other module asks the registry. To add a kind, write its module and add one
line to ``KINDS``; ``Kind`` says what the module must provide (mypy checks each module
against it, and a test checks every registered kind, its messages included).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from lzplan.kinds import activity, count, distinct_units, milestone, quantity, ratio
from lzplan.kinds.base import Claim, Context, EntryBase, Judgment, Say, Stated
from lzplan.location import PathKey
from lzplan.messages import Message
from lzplan.plan.requirement import RequirementBase

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


@runtime_checkable
class Kind(Protocol):
    """What a kind module provides. ``Any`` stands for the kind's own classes."""

    @property
    def Requirement(self) -> type[RequirementBase]:
        """Its plan fields: a subclass of ``RequirementBase``."""

    @property
    def Entry(self) -> type[EntryBase]:
        """The fields of a unit's entry: a subclass of ``EntryBase``."""

    @property
    def can_recur(self) -> bool:
        """Whether a requirement of this kind may recur (each occurrence judged on the
        evidence of its own period)."""

    def check(self, requirement: Any) -> None:
        """Rules of the plan fields beyond their types; raise ``lzplan.model.rule``."""

    def references(self, requirement: Any, index: PlanIndex) -> Iterator[tuple[PathKey, Message]]:
        """Its fields' references to the plan's units and groups that do not hold."""

    def encoded(self, requirement: Any) -> list[Stated]:
        """The numbers it encodes, as the notice states them (for tracing)."""

    def threshold(self, requirement: Any, key: str) -> int | None:
        """What each member of ``key`` (a unit or group the requirement names) owes."""

    def entry_problems(
        self, requirement: Any, entry: Any, index: PlanIndex, reported: dt.date
    ) -> Iterator[tuple[PathKey, Message]]:
        """What is wrong with a unit's entry (``reported``: its file's date), at paths
        relative to the entry."""

    def required(self, requirement: Any, need: int | None) -> float:
        """The number meeting it takes, for a unit whose threshold is ``need``."""

    def judge(self, requirement: Any, claim: Claim, ctx: Context, need: int | None) -> Judgment:
        """One unit's entry against the requirement; ``need`` is the unit's threshold."""

    def quota(self, requirement: Any, index: PlanIndex) -> Message | None:
        """The number to reach, shortly (``plan show``); None when there is none."""

    def needs(self, requirement: Any, required: float) -> Message:
        """What meeting it takes (``explain``)."""

    def template(self, requirement: Any, need: int | None, say: Say) -> tuple[str, list[str]]:
        """What it takes, in words, and the entry's lines in an ``init`` template."""


KINDS: dict[str, Kind] = {
    "count": count,
    "activity": activity,
    "milestone": milestone,
    "distinct_units": distinct_units,
    "ratio": ratio,
    "quantity": quantity,
}


def of(requirement: RequirementBase) -> Kind:
    """The module of a requirement's kind."""
    return KINDS[requirement.kind]
