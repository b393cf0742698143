"""The check itself, pure: plan + submissions + waivers + as-of date → Result.

No file, clock or terminal here: everything the engine needs is passed in, so the
same inputs always give the same result.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, replace

from lzplan.errors import Problem, sorted_problems
from lzplan.i18n import Text, msg
from lzplan.location import Location, PathKey, PositionMap
from lzplan.models import ENTRY_FIELDS, Entry, Evidence, Requirement, Submission, Waiver
from lzplan.plan import PlanIndex
from lzplan.result import (
    ItemVerdict,
    Notice,
    Outcome,
    Reason,
    Result,
    Status,
    UnitResult,
)

_EMPTY = Entry()


@dataclass(frozen=True)
class Filed:
    """A submission that passed the schema, and where it came from."""

    file: str
    submission: Submission
    positions: PositionMap


@dataclass(frozen=True)
class Rejected:
    """A file that failed the schema; ``unit`` is the unit it claims, if readable."""

    file: str
    unit: str | None


@dataclass(frozen=True)
class Granted:
    """A waiver and where it was written."""

    waiver: Waiver
    location: Location


def check(
    index: PlanIndex,
    filed: Sequence[Filed],
    as_of: dt.date,
    *,
    rejected: Sequence[Rejected] = (),
    waivers: Sequence[Granted] = (),
    only_units: Collection[str] | None = None,
) -> Result:
    """Judge every unit of the plan, or only ``only_units``.

    Each file is judged on its own (``Judge.file``, which the parallel path runs in
    worker processes), then the verdicts are merged (``Judge.merge``): the same two
    steps whichever path runs them, so both give the same result.
    """
    judge = Judge(index, as_of, waivers)
    verdicts = [judge.file(item) for item in filed]
    return judge.merge(verdicts, rejected, only_units)


@dataclass(frozen=True)
class FileVerdict:
    """What one file says, judged on its own: its unit (if known), problems and result."""

    file: str
    unit: str | None
    where: Location
    problems: tuple[Problem, ...]
    notices: tuple[Notice, ...]
    result: UnitResult | None


class Judge:
    """Judges files one at a time against a plan, then merges the verdicts."""

    def __init__(self, index: PlanIndex, as_of: dt.date, waivers: Sequence[Granted] = ()):
        self.index = index
        self.as_of = as_of
        self.problems: list[Problem] = []
        self.notices: list[Notice] = []
        self.granted = self._waivers(waivers)

    def file(self, item: Filed) -> FileVerdict:
        """Bind one file to its unit and, if it is sound, judge that unit."""
        notices_before = len(self.notices)
        problems = tuple(self._bind_one(item))
        unit = item.submission.unit if item.submission.unit in self.index.units else None
        result = None
        if unit is not None and not problems:
            result = self._unit(unit, item, False)
        notices = tuple(self.notices[notices_before:])
        del self.notices[notices_before:]
        where = item.positions.find(("unit",))
        return FileVerdict(item.file, unit, where, problems, notices, result)

    def merge(
        self,
        verdicts: Sequence[FileVerdict],
        rejected: Sequence[Rejected] = (),
        only_units: Collection[str] | None = None,
    ) -> Result:
        """One result from every file's verdict: duplicates, absences and waivers settled."""
        problems, notices = list(self.problems), list(self.notices)
        by_unit: dict[str, FileVerdict] = {}
        invalid = {r.unit for r in rejected if r.unit in self.index.units}
        for verdict in sorted(verdicts, key=lambda v: v.file):
            problems += verdict.problems
            notices += verdict.notices
            if verdict.unit is None:
                continue
            if verdict.result is None:
                invalid.add(verdict.unit)
            if verdict.unit in by_unit:
                first = str(by_unit[verdict.unit].where)
                message = msg("sub.unit_claimed", unit=verdict.unit, first=first)
                problems.append(Problem(verdict.where, message))
                invalid.add(verdict.unit)
            else:
                by_unit[verdict.unit] = verdict
        units = []
        for unit in self.index.unit_order():
            if only_units is not None and unit.id not in only_units:
                continue
            found = by_unit.get(unit.id)
            if found is not None and found.result is not None and unit.id not in invalid:
                units.append(found.result)
            else:
                judged = self._unit(unit.id, None, unit.id in invalid)
                units.append(replace(judged, file=found.file if found else None))
        notices += self._unused_waivers(units)
        return Result(
            plan_id=self.index.plan.plan.id,
            as_of=self.as_of,
            tasks=tuple(task.id for task in self.index.plan.tasks),
            units=tuple(units),
            problems=tuple(sorted_problems(problems)),
            notices=tuple(sorted(set(notices), key=lambda n: (n.location, str(n.message)))),
        )

    # ------------------------------------------------------------ binding

    def _bind_one(self, item: Filed) -> Iterator[Problem]:
        sub, where = item.submission, item.positions.find
        if sub.plan != self.index.plan.plan.id:
            message = msg("sub.wrong_plan", got=sub.plan, plan=self.index.plan.plan.id)
            yield Problem(where(("plan",)), message)
        if sub.unit not in self.index.units:
            yield Problem(where(("unit",)), _unknown("unit", sub.unit))
            return
        owed = {o.requirement.id for o in self.index.owed_by(sub.unit)}
        for req_id, entry in sub.requirements.items():
            path: PathKey = ("requirements", req_id)
            if req_id not in self.index.requirements:
                yield Problem(where(path), _unknown("requirement", req_id))
            elif req_id not in owed:
                yield Problem(where(path), msg("sub.not_owed", unit=sub.unit, requirement=req_id))
            else:
                yield from self._entry_shape(item, path, self.index.requirements[req_id][1], entry)

    def _entry_shape(
        self, item: Filed, path: PathKey, req: Requirement, entry: Entry
    ) -> Iterator[Problem]:
        where = item.positions.find
        allowed = ENTRY_FIELDS[req.kind]
        for name in sorted(entry.model_fields_set - allowed - {"note"}):
            message = msg("sub.field_not_for_kind", name=name, requirement=req.id, kind=req.kind)
            yield Problem(where((*path, name)), message)
        if req.kind == "ratio":
            if (entry.numerator is None) != (entry.denominator is None):
                message = msg("sub.ratio_pair", requirement=req.id)
                yield Problem(where(path), message)
            elif entry.numerator is not None and entry.numerator > (entry.denominator or 0):
                message = msg(
                    "sub.ratio_exceeds", numerator=entry.numerator, denominator=entry.denominator
                )
                yield Problem(where((*path, "numerator")), message)
        if req.kind == "distinct_units":
            members = self.index.members.get(req.of_group or "", ())
            for i, unit in enumerate(entry.covered or []):
                if unit not in self.index.units:
                    yield Problem(where((*path, "covered", i)), _unknown("unit", unit))
                elif unit not in members:
                    message = msg("sub.not_in_group", unit=unit, group=req.of_group)
                    yield Problem(where((*path, "covered", i)), message)

    # ------------------------------------------------------------ waivers

    def _waivers(self, waivers: Sequence[Granted]) -> dict[tuple[str, str], Granted]:
        granted: dict[tuple[str, str], Granted] = {}
        for item in waivers:
            waiver = item.waiver
            owed = {o.requirement.id for o in self.index.owed_by(waiver.unit)}
            if waiver.unit not in self.index.units:
                self.problems.append(Problem(item.location, _unknown("unit", waiver.unit)))
            elif waiver.requirement not in owed:
                message = msg("sub.not_owed", unit=waiver.unit, requirement=waiver.requirement)
                self.problems.append(Problem(item.location, message))
            elif waiver.expires < self.as_of:
                message = msg("waiver.expired", expires=waiver.expires)
                self.notices.append(Notice(item.location, message))
            else:
                granted[(waiver.unit, waiver.requirement)] = item
        return granted

    def _unused_waivers(self, units: list[UnitResult]) -> list[Notice]:
        used = {(o.unit, o.requirement) for u in units for o in u.outcomes if o.waiver}
        shown = {u.unit for u in units}
        return [
            Notice(item.location, msg("waiver.unused", unit=unit, requirement=requirement))
            for (unit, requirement), item in self.granted.items()
            if unit in shown and (unit, requirement) not in used
        ]

    # ------------------------------------------------------------ judging

    def _unit(self, unit: str, filed: Filed | None, invalid: bool) -> UnitResult:
        outcomes = []
        for owed in self.index.owed_by(unit):
            req = owed.requirement
            if invalid:
                detail = msg("detail.file_invalid")
                outcome = _outcome(owed.task.id, unit, req, Status.INVALID, 0, 1, detail)
            elif filed is None:
                detail = msg("detail.no_file")
                outcome = _outcome(owed.task.id, unit, req, Status.NOT_SUBMITTED, 0, 1, detail)
            else:
                outcome = self._judge(filed, owed.task.id, req, owed.threshold)
            outcome = self._apply_waiver(outcome, self.granted.get((unit, req.id)))
            outcomes.append(outcome)
        file = filed.file if filed else None
        return UnitResult(unit, _unit_status(outcomes, invalid, filed), file, tuple(outcomes))

    def _apply_waiver(self, outcome: Outcome, granted: Granted | None) -> Outcome:
        if granted is None or outcome.status in (Status.MET, Status.INVALID):
            return outcome
        waiver = granted.waiver
        detail = msg(
            "detail.waived",
            approved_by=waiver.approved_by,
            expires=waiver.expires,
            reason=waiver.reason,
        )
        return outcome._replace(status=Status.WAIVED, detail=detail, waiver=detail)

    def _judge(self, filed: Filed, task: str, req: Requirement, threshold: int | None) -> Outcome:
        entry = filed.submission.requirements.get(req.id)
        path: PathKey = ("requirements", req.id)
        location = filed.positions.find(path) if entry else filed.positions.find(("unit",))
        entry = entry or _EMPTY
        if req.kind in ("count", "activity"):
            outcome = self._count(filed, path, task, req, entry, threshold or 1)
        elif req.kind == "milestone":
            outcome = self._milestone(filed, path, task, req, entry)
        elif req.kind == "distinct_units":
            outcome = self._aggregate(filed, task, req, *_distinct(entry, req))
        else:
            outcome = self._aggregate(filed, task, req, *_ratio(entry, req))
        return outcome._replace(location=location)

    def _items(
        self, filed: Filed, path: PathKey, req: Requirement, entry: Entry
    ) -> list[ItemVerdict]:
        start, end = self._window(req)
        seen: dict[str, int] = {}
        reasons: dict[int, Reason] = {}
        # The earliest of items sharing a 文号 is the one that counts, whatever the order
        # they were written in.
        evidence = entry.evidence
        for i in sorted(range(len(evidence)), key=lambda i: _item_key(evidence[i])):
            item = evidence[i]
            reasons[i] = _reason(item, start, end, req.due.date, self.as_of, seen)
            if reasons[i] is Reason.DUPLICATE_DOC_NO:
                message = msg("notice.duplicate_doc_no", doc_no=item.doc_no, requirement=req.id)
                self.notices.append(Notice(filed.positions.find((*path, "evidence", i)), message))
        return [
            ItemVerdict(
                item.title,
                item.date,
                item.doc_no,
                reasons[i],
                filed.positions.find((*path, "evidence", i)),
            )
            for i, item in enumerate(evidence)
        ]

    def _count(
        self, filed: Filed, path: PathKey, task: str, req: Requirement, entry: Entry, need: int
    ) -> Outcome:
        items = self._items(filed, path, req, entry)
        on_time = sum(v.reason is Reason.COUNTED for v in items)
        total = sum(v.reason.counts for v in items)
        status = self._status(on_time >= need, total >= need, req.due.date)
        detail = _progress("detail.count", total, need)
        return _outcome(task, filed.submission.unit, req, status, total, need, detail, items)

    def _milestone(
        self, filed: Filed, path: PathKey, task: str, req: Requirement, entry: Entry
    ) -> Outcome:
        items = self._items(filed, path, req, entry)
        done = entry.completed
        backed = any(v.reason.counts for v in items)
        reached = done is not None and done <= self.as_of and backed
        on_time = reached and done is not None and done <= req.due.date
        status = self._status(on_time, reached, req.due.date)
        if done is None:
            detail = msg("detail.not_completed")
        elif reached:
            detail = msg("detail.completed", date=done)
        elif done > self.as_of:
            detail = msg("detail.completed_later", date=done)
        else:
            detail = msg("detail.completed_unbacked", date=done)
        return _outcome(task, filed.submission.unit, req, status, int(reached), 1, detail, items)

    def _aggregate(
        self, filed: Filed, task: str, req: Requirement, actual: float, need: float, detail: Text
    ) -> Outcome:
        reported = filed.submission.reported
        known = reported <= self.as_of
        reached = known and actual >= need
        status = self._status(reached and reported <= req.due.date, reached, req.due.date)
        if not known:
            detail = msg("detail.after_as_of", detail=detail, reported=reported)
        return _outcome(
            task, filed.submission.unit, req, status, actual if known else 0, need, detail
        )

    def _window(self, req: Requirement) -> tuple[dt.date, dt.date]:
        """Evidence counts from the period's start to its end, or to a later due date."""
        period = self.index.plan.plan.period
        return period.start, max(period.end, req.due.date)

    def _status(self, on_time: bool, reached: bool, due: dt.date) -> Status:
        if on_time:
            return Status.MET
        if reached:
            return Status.MET_LATE
        return Status.PENDING if self.as_of <= due else Status.MISSED


def _item_key(item: Evidence) -> tuple[dt.date, str, str]:
    return (item.date, item.title, item.doc_no or "")


def _reason(
    item: Evidence,
    start: dt.date,
    end: dt.date,
    due: dt.date,
    as_of: dt.date,
    seen: dict[str, int],
) -> Reason:
    if item.date > as_of:
        return Reason.AFTER_AS_OF
    if not start <= item.date <= end:
        return Reason.OUTSIDE_PERIOD
    if item.doc_no:
        key = item.doc_no.strip()
        seen[key] = seen.get(key, 0) + 1
        if seen[key] > 1:
            return Reason.DUPLICATE_DOC_NO
    return Reason.LATE if item.date > due else Reason.COUNTED


def _progress(key: str, actual: int, need: int) -> Text:
    """'2/3' when reached, '2/3, needs 1' when short."""
    if actual >= need:
        return msg(key, actual=actual, need=need)
    return msg(f"{key}_short", actual=actual, need=need, more=need - actual)


def _distinct(entry: Entry, req: Requirement) -> tuple[float, float, Text]:
    covered = len(set(entry.covered or []))
    need = req.min if isinstance(req.min, int) else 0
    return covered, need, _progress("detail.units", covered, need)


def _ratio(entry: Entry, req: Requirement) -> tuple[float, float, Text]:
    share = req.min_share or 0.0
    need = f"{share:.0%}"
    if entry.numerator is None or entry.denominator is None:
        return 0.0, share, msg("detail.ratio_none", need=need)
    numerator, denominator = entry.numerator, entry.denominator
    actual = numerator / denominator
    figures = {"numerator": numerator, "denominator": denominator, "share": f"{actual:.1%}"}
    if actual >= share:
        return actual, share, msg("detail.ratio", need=need, **figures)
    more = math.ceil(share * denominator - 1e-9) - numerator
    return actual, share, msg("detail.ratio_short", need=need, more=more, **figures)


def _outcome(
    task: str,
    unit: str,
    req: Requirement,
    status: Status,
    actual: float,
    required: float,
    detail: Text,
    items: Sequence[ItemVerdict] = (),
) -> Outcome:
    return Outcome(unit, task, req.id, status, actual, required, req.due.date, detail, tuple(items))


def _unit_status(outcomes: list[Outcome], invalid: bool, filed: Filed | None) -> str:
    if not outcomes:
        return "n/a"
    if invalid:
        return "invalid"
    if filed is None:
        return "not_submitted"
    statuses = {o.status for o in outcomes}
    if Status.MISSED in statuses:
        return "behind"
    if Status.PENDING in statuses:
        return "on_track"
    return "compliant"


def _unknown(what: str, value: str) -> Text:
    zh = {"unit": "单位", "requirement": "事项"}[what]
    return msg("plan.unknown_id", what=what, what_zh=zh, value=value)
