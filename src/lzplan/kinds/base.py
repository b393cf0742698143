"""What the kinds share: the evidence a unit files, and the pieces of a judgment.

Pure: no file, clock or terminal. A kind judges one unit's entry for one requirement
from a ``Claim`` (what the unit filed, and where) and a ``Context`` (the as-of date and
the plan period), and returns a ``Judgment``; the engine adds who and which task.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any, ClassVar, NamedTuple

from pydantic import Field

from lzplan.check.result import ItemVerdict, Notice, Reason, Status
from lzplan.grammar.docno import canonical, title
from lzplan.location import Location, PathKey, PositionMap
from lzplan.messages import Message, msg
from lzplan.model import Date, Id, Model, NonEmpty, Positive
from lzplan.plan.recurrence import LABEL
from lzplan.plan.requirement import RequirementBase


class Evidence(Model):
    """One dated piece of evidence: a document, a meeting, a report."""

    title: NonEmpty
    date: Date
    doc_no: str | None = Field(None, description="文号, e.g. 江府发〔2011〕12号.")
    period: Annotated[str, Field(pattern=LABEL)] | None = Field(
        None,
        description="recurring requirements: the period the item is for (2013-Q1, 2013-H2, "
        "2013-03, 2013), when its date alone does not say (a late quarterly report).",
    )
    amount: Annotated[float, Field(gt=0)] | None = Field(
        None,
        description="quantity requirements only: how much this item counts for, in the "
        "requirement's measure (学时, 人次, 名…).",
    )
    file: NonEmpty | None = Field(
        None,
        description="The document itself, beside the submission (a path inside its folder); "
        "checked with its sha256 by `lzplan check --verify-evidence`.",
    )
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")] | None = Field(
        None, description="The SHA-256 of `file`, 64 lower-case hex digits."
    )
    note: str | None = None


class EntryBase(Model):
    """What every entry of a submission may have; each kind adds its own fields."""

    # Whether the evidence items of this kind carry an ``amount`` (quantity kinds).
    measured: ClassVar[bool] = False

    note: str | None = None
    nil_return: NonEmpty | None = Field(
        None,
        description="本年度无此类事项: why a conditional duty did not apply this year "
        "(only for requirements with a condition).",
    )


class Evidenced(EntryBase):
    """An entry backed by dated evidence items (the fields a kind shares are declared once)."""

    evidence: list[Evidence] = Field([], description="count, activity, milestone.")


class Figure(Evidenced):
    """An entry that reports a figure (units covered, a rate) true on a date of its own,
    with evidence items behind it if the unit wishes."""

    date: Date | None = Field(
        None, description="When the figure was true; default: the file's reported date."
    )


class Quota(RequirementBase):
    """A requirement with a number to reach (shared by count and distinct_units)."""

    min: Positive | dict[Id, Positive] = Field(
        description="count: items per unit (or per group); distinct_units: units."
    )


@dataclass(frozen=True, slots=True)
class Context:
    """When a judgment is made and what it covers: the as-of date, the window in which
    evidence counts (``start`` to ``end``) and the due date. The engine sets them: for
    a requirement, the plan period (to a later due date); for one occurrence of a
    recurring duty, that occurrence's window."""

    as_of: dt.date
    start: dt.date
    end: dt.date
    due: dt.date
    names: Mapping[str, str] = field(default_factory=dict)

    def in_order(self, units: Iterable[str]) -> list[str]:
        """Units in the plan's order (the order of its unit list), unknown ones last."""
        order = {unit: n for n, unit in enumerate(self.names)}
        return sorted(units, key=lambda unit: (order.get(unit, len(order)), unit))

    def unit_ref(self, unit: str) -> Message:
        """A unit named in a message: its id in English, its name in Chinese."""
        return msg("ref.unit", id=unit, name=self.names.get(unit, unit))

    def status(self, on_time: bool, reached: bool) -> Status:
        """Met, met late, or not met: pending while the due date is still ahead, missed
        from the due date on (as of a date means at the end of that day, so a duty due
        on the as-of date and not met is missed)."""
        if on_time:
            return Status.MET
        if reached:
            return Status.MET_LATE
        return Status.PENDING if self.as_of < self.due else Status.MISSED


@dataclass(frozen=True, slots=True)
class Claim:
    """What one unit filed for one requirement, and where in its file.

    ``items`` maps the entry's evidence items to their places in the file, when the
    engine has picked some of them (one occurrence of a recurring duty)."""

    entry: Any  # the merged entry model; each kind reads it as its own ``Entry``
    reported: dt.date
    positions: PositionMap
    path: PathKey
    items: tuple[int, ...] | None = None

    def where(self, *sub: str | int) -> Location:
        return self.positions.find((*self.path, *sub))

    def item(self, i: int) -> Location:
        """Where evidence item ``i`` of the entry is."""
        return self.where("evidence", self.items[i] if self.items is not None else i)


class Stated(NamedTuple):
    """A number a requirement encodes, as the notice states it (for tracing the plan to
    its notice): 3 items for group ``districts``, a share of 20 (%), 40 学时."""

    value: float
    measure: str = ""  # "" for counted items (件, 个, 次…), "%" for a share, else 学时, 人次…
    subject: str | None = None  # the group or unit the number is for, when per group
    at_most: bool = False


class Judgment(NamedTuple):
    """A kind's verdict on one claim; notices are things worth saying on the way."""

    status: Status
    actual: float
    required: float
    detail: Message
    items: tuple[ItemVerdict, ...] = ()
    notices: tuple[Notice, ...] = ()
    at_most: bool = False  # ``required`` is a ceiling
    facts: tuple[Message, ...] = ()  # what a figure rests on (the units covered, each part)


Say = Callable[..., str]  # say(key, **params): a catalogue message in the output language


def progress(key: str, actual: float, need: float, **params: object) -> Message:
    """'2/3' when reached, '2/3, needs 1' (``key`` + ``_short``) when short."""
    shown = {"actual": number(actual), "need": number(need), **params}
    if actual >= need:
        return msg(key, **shown)
    return msg(f"{key}_short", more=number(need - actual), **shown)


def number(value: float) -> float | int:
    """A figure as people write it: 3, not 3.0; 1.5 as it is."""
    return int(value) if float(value).is_integer() else round(value, 6)


def judge_items(
    ctx: Context, claim: Claim, requirement: RequirementBase, evidence: Sequence[Evidence]
) -> tuple[tuple[ItemVerdict, ...], tuple[Notice, ...]]:
    """Each evidence item's verdict, and a notice for each repeated 文号.

    The earliest of items sharing a 文号 is the one that counts, whatever the order
    they were written in.
    """
    start, end, due = ctx.start, ctx.end, ctx.due
    seen: dict[str, str] = {}  # canonical 文号 → its spelling where it first counted
    titled: dict[tuple[str, dt.date], bool] = {}  # (title, date) counted → had a 文号
    reasons: dict[int, Reason] = {}
    notices = []
    for i in sorted(range(len(evidence)), key=lambda i: _item_key(evidence[i])):
        item = evidence[i]
        reasons[i] = _reason(item, start, end, due, ctx.as_of, seen)
        if reasons[i] is Reason.DUPLICATE_DOC_NO and item.doc_no is not None:
            first = seen[canonical(item.doc_no)]
            key = "notice.duplicate_doc_no" if first == item.doc_no else "notice.doc_no_respelled"
            message = msg(key, doc_no=item.doc_no, first=first, requirement=ref(requirement))
            notices.append(Notice(claim.item(i), message))
        elif reasons[i].counts and _listed_again(item, titled):
            reasons[i] = Reason.DUPLICATE_ITEM
            message = msg("notice.duplicate_item", title=item.title, date=item.date,
                          requirement=ref(requirement))  # fmt: skip
            notices.append(Notice(claim.item(i), message))
    items = tuple(
        ItemVerdict(item.title, item.date, item.doc_no, reasons[i], claim.item(i), item.sha256)
        for i, item in enumerate(evidence)
    )
    return items, tuple(notices)


def ref(requirement: RequirementBase) -> Message:
    """A requirement named in a message: its id in English, its title in Chinese."""
    return msg("ref.requirement", id=requirement.id, title=requirement.title)


def who(index: Any, key: str) -> Message:
    """A unit or group a quota is for: its id in English, its name in Chinese."""
    return msg("ref.who", id=key, name=index.name_of(key))


def _listed_again(item: Evidence, titled: dict[tuple[str, dt.date], bool]) -> bool:
    """The item repeats one counted before it: the same title and date, and one of the two
    has no 文号 to tell them apart (two documents may share a title, not a 文号)."""
    key = (title(item.title), item.date)
    had = titled.get(key)
    titled[key] = bool(had) or bool(item.doc_no)
    return had is not None and not (had and item.doc_no)


def _item_key(item: Evidence) -> tuple[dt.date, str, str]:
    return (item.date, item.title, item.doc_no or "")


def _reason(
    item: Evidence,
    start: dt.date,
    end: dt.date,
    due: dt.date,
    as_of: dt.date,
    seen: dict[str, str],
) -> Reason:
    if item.date > as_of:
        return Reason.AFTER_AS_OF
    if not start <= item.date <= end:
        return Reason.OUTSIDE_PERIOD
    if item.doc_no:
        key = canonical(item.doc_no)
        if key in seen:
            return Reason.DUPLICATE_DOC_NO
        seen[key] = item.doc_no
    return Reason.LATE if item.date > due else Reason.COUNTED


def figure(
    ctx: Context,
    claim: Claim,
    actual: float,
    need: float,
    detail: Message,
    *,
    reached: bool | None = None,
    facts: tuple[Message, ...] = (),
) -> Judgment:
    """A figure the unit reports (units covered, a share), judged by its own date (the
    entry's ``date``, else the file's): not known before it, late after the due date.
    ``reached`` overrides ``actual >= need`` (a ceiling, a policy for no cases)."""
    on = getattr(claim.entry, "date", None) or claim.reported
    known = on <= ctx.as_of
    meets = known and (actual >= need if reached is None else reached)
    status = ctx.status(meets and on <= ctx.due, meets)
    if not known:
        detail = msg("detail.after_as_of", detail=detail, reported=on)
    return Judgment(status, actual if known else 0, need, detail, facts=facts)


def evidence_example(say: Say) -> list[str]:
    """The commented example of an evidence item in an ``init`` template."""
    return [
        f"    # {say('template.example')} evidence:",
        f"    #   - title: {say('template.example_title')}",
        "    #     date: YYYY-MM-DD",
        f"    #     doc_no: {say('template.example_doc_no')}",
    ]
