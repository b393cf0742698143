"""The check itself, pure: plan + submissions + waivers + as-of date → Result.

No file, clock or terminal here: everything the engine needs is passed in, so the
same inputs always give the same result. Each file is judged on its own
(``Judge.file``, which the parallel path runs in worker processes), then the verdicts
are merged (``Judge.merge``): the same two steps whichever path runs them, so both
give the same result. How a requirement is judged is its kind's business
(``lzplan.kinds``); the engine binds files to units, applies waivers and merges.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from lzplan import kinds
from lzplan.check import waivers as waiving
from lzplan.check.binding import Binding
from lzplan.check.result import (
    ItemVerdict,
    Notice,
    Outcome,
    PeriodOutcome,
    Reason,
    Result,
    Status,
    UnitResult,
    UnitStatus,
    sorted_notices,
)
from lzplan.check.submission import Entry, Evidence, Submission
from lzplan.errors import Problem, sorted_problems
from lzplan.grammar.docno import canonical
from lzplan.kinds.base import Claim, Context, Judgment, who
from lzplan.location import Location, PathKey, PositionMap
from lzplan.messages import Message, msg
from lzplan.plan import recurrence
from lzplan.plan.index import Owed, PlanIndex
from lzplan.plan.model import Requirement
from lzplan.plan.recurrence import Occurrence
from lzplan.plan.recurrence import shown as shown_period
from lzplan.plan.requirement import Recurrence

# Built without validation: validating here would build the submission schema at
# import, which a check of kept verdicts alone never needs.
_EMPTY = Entry.model_construct()


@dataclass(frozen=True)
class Filed:
    """A submission that passed the schema, and where it came from: its file's name as
    shown, and its place (the path the unit binding reads; None: not bound by place,
    as when a program builds submissions itself)."""

    file: str
    submission: Submission
    positions: PositionMap
    place: str | None = None


@dataclass(frozen=True)
class Rejected:
    """A file that failed the schema; ``unit`` is the unit it claims, if readable."""

    file: str
    unit: str | None


@dataclass(frozen=True)
class FileVerdict:
    """What one file says, judged on its own: its unit (if known), problems and result."""

    file: str
    unit: str | None
    where: Location
    problems: tuple[Problem, ...]
    notices: tuple[Notice, ...]
    result: UnitResult | None


def check(
    index: PlanIndex,
    filed: Sequence[Filed],
    as_of: dt.date,
    *,
    rejected: Sequence[Rejected] = (),
    waivers: Sequence[waiving.Granted] = (),
    only_units: Collection[str] | None = None,
) -> Result:
    """Judge every unit of the plan, or only ``only_units``."""
    judge = Judge(index, as_of, waiving.bind(index, waivers, as_of))
    return judge.merge([judge.file(item) for item in filed], rejected, only_units)


class Judge:
    """Judges files one at a time against a plan, then merges the verdicts."""

    def __init__(
        self,
        index: PlanIndex,
        as_of: dt.date,
        bound: waiving.Bound | None = None,
        binding: Binding | None = None,
    ):
        self.index = index
        self.as_of = as_of
        self.waivers = bound or waiving.Bound()
        self.binding = binding or Binding()
        self.verify_evidence = False  # set by the caller that reads the documents
        self.fix_by: dt.date | None = None  # the 整改 deadline, after the period (--fix-by)
        self.period = index.plan.plan.period
        # units then groups, by name: how messages name them in Chinese (and the order
        # units are listed in)
        groups = [*index.plan.groups, *(g for task in index.plan.tasks for g in task.groups)]
        self.names = {unit.id: unit.name for unit in index.plan.units}
        self.names |= {group.id: group.names[0] for group in groups}

    def file(self, item: Filed, found: Sequence[Problem] = ()) -> FileVerdict:
        """Bind one file to its unit and, if it is sound, judge that unit; ``found``:
        problems the caller found in it (its named documents)."""
        where = item.positions.find(("unit",))
        claimed = item.submission.unit
        if item.place is not None and claimed in self.index.units:
            bound = self.bound(item.place)
            if bound != claimed:
                problem = Problem(where, self._misbound(claimed, bound))
                # the file speaks for no one: an error naming both units, and no unit's
                # standing changes (naxi's repository holding finance's file leaves both
                # as their own files make them)
                return FileVerdict(item.file, None, where, (problem,), (), None)
        problems = (*binding_problems(self.index, item), *found)
        unit = claimed if claimed in self.index.units else None
        result: UnitResult | None = None
        notices: tuple[Notice, ...] = ()
        if unit is not None and not problems:
            result, notices = self._judged(unit, item)
        return FileVerdict(item.file, unit, where, problems, notices, result)

    def bound(self, place: str) -> str | None:
        """The unit a file at ``place`` may speak for."""
        return self.binding.unit_for(place, self.index.units)

    def rejected(self, file: str, place: str) -> Rejected:
        """A file that failed the schema makes invalid only the unit its place binds."""
        return Rejected(file, self.bound(place))

    def _misbound(self, claimed: str, bound: str | None) -> Message:
        if bound is None:
            return msg("bind.unbound", unit=claimed)
        if self.binding.only is not None:
            return msg("bind.only", unit=claimed, only=bound)
        return msg("bind.elsewhere", unit=claimed, bound=bound)

    def merge(
        self,
        verdicts: Sequence[FileVerdict],
        rejected: Sequence[Rejected] = (),
        only_units: Collection[str] | None = None,
    ) -> Result:
        """One result from every file's verdict: duplicates, absences and waivers settled."""
        problems, notices = list(self.waivers.problems), list(self.waivers.notices)
        for verdict in verdicts:
            problems += verdict.problems
            notices += [replace(n, unit=n.unit or verdict.unit) for n in verdict.notices]
        by_unit, invalid, claimed = _by_unit(verdicts, rejected, self.index)
        problems += claimed
        files = _files(verdicts, rejected)
        units = [
            self.standing(unit.id, by_unit.get(unit.id), invalid, files.get(unit.id))
            for unit in self.index.unit_order()
            if only_units is None or unit.id in only_units
        ]
        notices += waiving.unused(self.waivers, units, self.index)
        notices += _shared_documents(units, self.names)
        if only_units is not None:  # a unit's check hears only of the units it checks
            notices = [n for n in notices if n.unit is None or n.unit in only_units]
        return Result(
            plan_id=self.index.plan.plan.id,
            as_of=self.as_of,
            tasks=tuple(task.id for task in self.index.plan.tasks),
            units=tuple(units),
            problems=tuple(sorted_problems(problems)),
            notices=sorted_notices(notices),
        )

    def standing(
        self, unit: str, found: FileVerdict | None, invalid: Collection[str], file: str | None
    ) -> UnitResult:
        """A unit's result: its file's, or every requirement not submitted or invalid (with
        the file that claims the unit, if one does)."""
        if found is not None and found.result is not None and unit not in invalid:
            return found.result
        return replace(self._unjudged(unit, invalid=unit in invalid), file=file)

    def _judged(self, unit: str, filed: Filed) -> tuple[UnitResult, tuple[Notice, ...]]:
        """A unit whose file is sound: each requirement judged by its kind."""
        outcomes: list[Outcome] = []
        notices: list[Notice] = []
        for owed in self.index.owed_by(unit):
            outcome, found = self._judge(filed, owed)
            outcomes.append(self._waive(outcome))
            notices += found
        status = unit_status(outcomes, filed=True, invalid=False)
        return UnitResult(unit, status, filed.file, tuple(outcomes)), tuple(notices)

    def _unjudged(self, unit: str, *, invalid: bool) -> UnitResult:
        """A unit with no file, or an invalid one: every requirement says so."""
        status = Status.INVALID if invalid else Status.NOT_SUBMITTED
        detail = msg("detail.file_invalid" if invalid else "detail.no_file")
        outcomes = [
            self._waive(
                _outcome(
                    unit,
                    owed,
                    status=status,
                    actual=0,
                    detail=detail,
                    required=kinds.of(owed.requirement).required(owed.requirement, owed.threshold),
                )
            )
            for owed in self.index.owed_by(unit)
        ]
        return UnitResult(unit, unit_status(outcomes, filed=False, invalid=invalid), None,
                          tuple(outcomes))  # fmt: skip

    def _judge(self, filed: Filed, owed: Owed) -> tuple[Outcome, tuple[Notice, ...]]:
        req = owed.requirement
        entry = filed.submission.requirements.get(req.id)
        path: PathKey = ("requirements", req.id)
        location = filed.positions.find(path if entry else ("unit",))
        claim = Claim(entry or _EMPTY, filed.submission.reported, filed.positions, path)
        periods: tuple[PeriodOutcome, ...] = ()
        judged = self._nil(req, claim, owed)
        if judged is None and req.recurs is not None:
            judged, periods = self._recurring(req, req.recurs, claim, owed)
        elif judged is None:
            judged = kinds.of(req).judge(req, claim, self._context(req), owed.threshold)
        if claim.entry.nil_return is not None and claim.reported > self.as_of:
            # a nil return filed after the day judged is not known then: say so
            later = msg("detail.after_as_of", detail=judged.detail, reported=claim.reported)
            judged = judged._replace(detail=later)
        remedied = self._remedied(req, claim, owed, judged)
        outcome = _outcome(
            filed.submission.unit,
            owed,
            status=judged.status,
            actual=judged.actual,
            required=judged.required,
            detail=judged.detail,
            items=judged.items,
            location=location,
            at_most=judged.at_most,
            periods=periods,
            facts=judged.facts,
            remedied=remedied,
        )
        return outcome, judged.notices

    def _remedied(
        self, req: Requirement, claim: Claim, owed: Owed, judged: Judgment
    ) -> dt.date | None:
        """整改: a duty missed for the year, done after the period and by the fix-by date
        (and the as-of day): the date of the last item that made it so. Judged as the
        year is, only with the window carried on to the fix-by date."""
        fix_by = self.fix_by
        if fix_by is None or judged.status is not Status.MISSED or req.recurs is not None:
            return None
        if self.as_of <= self.period.end:
            return None
        end = min(fix_by, self.as_of)
        context = Context(self.as_of, self.period.start, end, end, self.names)
        again = kinds.of(req).judge(req, claim, context, owed.threshold)
        if again.status not in (Status.MET, Status.MET_LATE):
            return None
        late = [i.date for i in again.items if i.reason.counts and i.date > self.period.end]
        return max(late) if late else None

    def _recurring(
        self, req: Requirement, recurs: Recurrence, claim: Claim, owed: Owed
    ) -> tuple[Judgment, tuple[PeriodOutcome, ...]]:
        """Each occurrence judged on its own evidence: an item counts for the period it
        names, else for the occurrence whose window (after the previous due date, up to
        its own) holds its date. Items no occurrence takes lie outside the period."""
        found = recurrence.of(recurs, self.period.start, self.period.end)
        evidence = list(getattr(claim.entry, "evidence", None) or [])
        end = max(self.period.end, found[-1].due)
        periods: list[PeriodOutcome] = []
        notices: list[Notice] = []
        taken: set[int] = set()
        for k, occurrence in enumerate(found):
            opens = self.period.start if k == 0 else found[k - 1].due + dt.timedelta(days=1)
            chosen = tuple(
                i for i, item in enumerate(evidence) if _takes(recurs, occurrence, opens, item)
            )
            taken |= set(chosen)
            notices += [
                Notice(claim.item(i), msg("notice.held_in", title=evidence[i].title,
                                          label=shown_period(str(evidence[i].period)),
                                          period=shown_period(occurrence.label)))
                for i in chosen
                if evidence[i].period not in (None, occurrence.label)
            ]  # fmt: skip
            picked = claim.entry.model_copy(update={"evidence": [evidence[i] for i in chosen]})
            context = Context(self.as_of, self.period.start, end, occurrence.due, self.names)
            claimed = replace(claim, entry=picked, items=chosen)
            judged = kinds.of(req).judge(req, claimed, context, owed.threshold)
            periods.append(
                PeriodOutcome(
                    period=occurrence.label,
                    due=occurrence.due,
                    status=judged.status,
                    actual=judged.actual,
                    required=judged.required,
                    detail=judged.detail,
                    items=judged.items,
                )
            )
            notices += judged.notices
        outside = tuple(
            ItemVerdict(item.title, item.date, item.doc_no, Reason.OUTSIDE_PERIOD, claim.item(i))
            for i, item in enumerate(evidence)
            if i not in taken
        )
        return _over_periods(periods, outside, tuple(notices)), tuple(periods)

    def _context(self, req: Requirement) -> Context:
        """Evidence counts from the period's start to its end, or to a later due date —
        or, unless the period closes every duty or the duty is ongoing work of the period
        (长期坚持, ``due.ongoing``), to the as-of date (work finished after the period is
        met late)."""
        due = req.due.date
        end = max(self.period.end, due)
        if not (self.period.closes or req.due.ongoing):
            end = max(end, self.as_of)
        return Context(self.as_of, self.period.start, end, due, self.names)

    def _nil(self, req: Requirement, claim: Claim, owed: Owed) -> Judgment | None:
        """A nil return (本年度无此类事项) for a conditional duty, once its file is known."""
        reason = claim.entry.nil_return
        if reason is None or claim.reported > self.as_of:
            return None
        required = kinds.of(req).required(req, owed.threshold)
        return Judgment(Status.NIL, 0, required, msg("detail.nil", reason=reason))

    def _waive(self, outcome: Outcome) -> Outcome:
        granted = self.waivers.granted.get((outcome.unit, outcome.requirement))
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


def _takes(recurs: Recurrence, occurrence: Occurrence, opens: dt.date, item: Evidence) -> bool:
    """Whether an evidence item counts for this occurrence: held in it (an activity that
    must take place in its period), else labelled for it, else dated in its window."""
    if recurs.held:
        return occurrence.start <= item.date <= occurrence.end
    if item.period is not None:
        return item.period == occurrence.label
    return opens <= item.date <= occurrence.due


def _over_periods(
    periods: list[PeriodOutcome], outside: tuple[ItemVerdict, ...], notices: tuple[Notice, ...]
) -> Judgment:
    """A recurring duty stands as its worst occurrence; the count is of periods met."""
    worst = max(periods, key=lambda p: p.status.severity)
    met = sum(p.status in (Status.MET, Status.MET_LATE, Status.NIL) for p in periods)
    shown = {"met": met, "total": len(periods)}
    if worst.status in (Status.MET, Status.NIL):
        detail = msg("detail.recurring_all", **shown)
    else:
        detail = msg("detail.recurring", period=shown_period(worst.period), detail=worst.detail,
                     **shown)  # fmt: skip
    return Judgment(worst.status, met, len(periods), detail, outside, notices)


def _outcome(unit: str, owed: Owed, **fields: object) -> Outcome:
    return Outcome(
        unit=unit,
        task=owed.task.id,
        requirement=owed.requirement.id,
        due=owed.requirement.due.date,
        **fields,  # type: ignore[arg-type]
    )


def _by_unit(
    verdicts: Sequence[FileVerdict], rejected: Sequence[Rejected], index: PlanIndex
) -> tuple[dict[str, FileVerdict], set[str], list[Problem]]:
    """Each unit's file; the units whose file is invalid; a problem for each second file
    claiming a unit (the first, by file name, keeps it; both make the unit invalid)."""
    by_unit: dict[str, FileVerdict] = {}
    invalid = {r.unit for r in rejected if r.unit in index.units}
    problems = []
    for verdict in sorted(verdicts, key=lambda v: v.file):
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
    return by_unit, invalid, problems


# A claim on a document: where, by which unit, what (a 文号 or a file's sha256), the
# thing claimed in canonical form, and as the unit wrote it.
DocumentClaim = tuple[Location, str, str, str, str]


def document_claims(unit: UnitResult) -> list[DocumentClaim]:
    """Every document a unit's evidence names, by its 文号 or its file's sha256, sorted."""
    items = [
        item
        for outcome in unit.outcomes
        for item in (*outcome.items, *(i for p in outcome.periods for i in p.items))
    ]
    return sorted(
        [(i.location, unit.unit, "notice.doc_no_elsewhere", canonical(i.doc_no), i.doc_no)
         for i in items if i.doc_no]
        + [(i.location, unit.unit, "notice.file_elsewhere", i.sha256, i.sha256)
           for i in items if i.sha256]
    )  # fmt: skip


def shared_documents(
    claims: Iterable[DocumentClaim],
    first: dict[tuple[str, str], tuple[str, Location]],
    names: Mapping[str, str],
) -> Iterator[Notice]:
    """A notice on each later claim of a document another unit also gives as evidence
    (``first``: the first claim of each, by file order, which keeps it; filled as the
    claims, in that order, go by): a forged or borrowed document, or a joint one to
    confirm."""
    for where, unit, key, same, shown in claims:
        if (key, same) not in first:
            first[(key, same)] = (unit, where)
        elif first[(key, same)][0] != unit:
            other, at = first[(key, same)]
            ref_ = msg("ref.unit", id=other, name=names.get(other, other))
            message = msg(key, doc_no=shown, unit=ref_, where=str(at))
            yield Notice(where, message, unit)


def _shared_documents(units: Sequence[UnitResult], names: Mapping[str, str]) -> list[Notice]:
    claims = sorted(claim for unit in units for claim in document_claims(unit))
    return list(shared_documents(claims, {}, names))


def _files(verdicts: Sequence[FileVerdict], rejected: Sequence[Rejected]) -> dict[str, str]:
    """The file each unit is claimed by, sound or not (the first by name)."""
    claims: list[FileVerdict | Rejected] = [*verdicts, *rejected]
    files: dict[str, str] = {}
    for claim in sorted(claims, key=lambda claim: claim.file):
        if claim.unit is not None:
            files.setdefault(claim.unit, claim.file)
    return files


def unit_status(outcomes: Sequence[Outcome], *, filed: bool, invalid: bool) -> UnitStatus:
    if not outcomes:
        return UnitStatus.NOTHING_OWED
    if invalid:
        return UnitStatus.INVALID
    if not filed:
        return UnitStatus.NOT_SUBMITTED
    statuses = {o.status for o in outcomes}
    if Status.MISSED in statuses:
        return UnitStatus.BEHIND
    if Status.PENDING in statuses:
        return UnitStatus.ON_TRACK
    if Status.MET_LATE in statuses:
        return UnitStatus.COMPLIANT_LATE
    return UnitStatus.COMPLIANT


# ---------------------------------------------------------------- binding


def binding_problems(index: PlanIndex, item: Filed) -> Iterator[Problem]:
    """What ties a file to the plan: its plan id, its unit, and each entry it reports."""
    sub = item.submission
    entries: dict[str, Entry | None] = dict(sub.requirements)
    yield from _claims(index, item.positions.find, sub.plan, sub.unit, sub.reported, entries)


def sound_parts_problems(
    index: PlanIndex, data: object, positions: PositionMap, broken: set[PathKey]
) -> list[Problem]:
    """A file that failed the schema, checked as far as it is sound: its plan id, its
    unit, the ids it reports, and each entry that is itself valid, so that one run
    lists every problem of the file."""
    if not isinstance(data, dict):
        return []

    def sound(path: PathKey) -> bool:  # no problem at, above or inside it
        return not any(spot[: len(path)] == path or path[: len(spot)] == spot for spot in broken)

    plan_id, unit, reported = (
        data.get(key) if sound((key,)) else None for key in ("plan", "unit", "reported")
    )
    requirements = data.get("requirements")
    entries: dict[str, Entry | None] = {}
    for req_id, raw in requirements.items() if isinstance(requirements, dict) else ():
        path = ("requirements", req_id)
        entries[req_id] = Entry.model_validate(raw) if sound(path) else None
    day = reported if isinstance(reported, dt.date) else None
    return list(_claims(index, positions.find, plan_id, unit, day, entries))


def _claims(
    index: PlanIndex,
    where: Callable[[PathKey], Location],
    plan_id: object,
    unit: object,
    reported: dt.date | None,
    entries: dict[str, Entry | None],
) -> Iterator[Problem]:
    """The plan id, the unit, and each entry (None: one the schema refused, so only
    its id is checked; with no date reported, neither are the entries)."""
    if isinstance(plan_id, str) and plan_id != index.plan.plan.id:
        message = msg("sub.wrong_plan", got=plan_id, plan=index.plan.plan.id)
        yield Problem(where(("plan",)), message)
    known = isinstance(unit, str) and unit in index.units
    if isinstance(unit, str) and not known:
        yield Problem(where(("unit",)), _unknown("unit", unit))
        return
    issued = index.plan.plan.issued
    if reported is not None and reported < issued:
        message = msg("sub.reported_before_issue", reported=reported, issued=issued)
        yield Problem(where(("reported",)), message)
    last = index.last_day
    if reported is not None and reported > last + REPORTED_AFTER:
        # evidence may be dated up to the day reported: a far-off day would free every date
        message = msg("sub.reported_beyond", reported=reported, last=last)
        yield Problem(where(("reported",)), message)
    owed = {o.requirement.id for o in index.owed_by(unit)} if isinstance(unit, str) else None
    for req_id, entry in entries.items():
        path: PathKey = ("requirements", req_id)
        if req_id not in index.requirements:
            yield Problem(where(path), _unknown("requirement", req_id))
        elif owed is not None and req_id not in owed:
            yield Problem(where(path), msg("sub.not_owed", unit=unit, requirement=req_id))
        elif entry is not None and reported is not None and isinstance(unit, str):
            for sub_path, message in entry_problems(index, req_id, entry, reported, unit):
                yield Problem(where((*path, *sub_path)), message)


# A file is reported during the year, at its end, or with the 整改 and the 考核 of the
# next year; a later day is a typo or a forgery.
REPORTED_AFTER = dt.timedelta(days=366)


def entry_problems(
    index: PlanIndex, req_id: str, entry: Entry, reported: dt.date, unit: str
) -> Iterator[tuple[PathKey, Message]]:
    """Fields of another kind, then what the requirement's own kind finds wrong."""
    _, req = index.requirements[req_id]
    kind = kinds.of(req)
    allowed = set(kind.Entry.model_fields)
    for name in sorted(entry.model_fields_set - allowed):
        yield (name,), msg("sub.field_not_for_kind", name=name, requirement=req.id, kind=req.kind)
    if not kind.Entry.measured:
        for i, item in enumerate(getattr(entry, "evidence", None) or []):
            if item.amount is not None:
                message = msg(
                    "sub.field_not_for_kind", name="amount", requirement=req.id, kind=req.kind
                )
                yield ("evidence", i, "amount"), message
    yield from _period_problems(index, req, entry)
    yield from _date_problems(index, entry, reported)
    if entry.nil_return is not None:
        yield from _nil_problems(index, req, entry, unit)
    else:
        yield from kind.entry_problems(req, entry, index, reported)


def _date_problems(
    index: PlanIndex, entry: Entry, reported: dt.date
) -> Iterator[tuple[PathKey, Message]]:
    """Dates a file cannot honestly give: before the plan's period began (work of an
    earlier year), or evidence after the day the file was reported."""
    start = index.plan.plan.period.start
    for i, item in enumerate(getattr(entry, "evidence", None) or []):
        if item.date < start:
            yield ("evidence", i, "date"), msg("sub.before_period", date=item.date, start=start)
        elif item.date > reported:
            message = msg("sub.evidence_after_reported", date=item.date, reported=reported)
            yield ("evidence", i, "date"), message
    for field in ("completed", "date"):
        value = getattr(entry, field, None)
        if isinstance(value, dt.date) and value < start:
            yield (field,), msg("sub.before_period", date=value, start=start)


def _period_problems(
    index: PlanIndex, req: Requirement, entry: Entry
) -> Iterator[tuple[PathKey, Message]]:
    """An item naming its period names one of the requirement's occurrences."""
    labelled = [(i, item.period) for i, item in enumerate(getattr(entry, "evidence", None) or [])
                if item.period is not None]  # fmt: skip
    if not labelled:
        return
    if req.recurs is None:
        for i, _ in labelled:
            message = msg("sub.period_not_recurring", requirement=req.id)
            yield ("evidence", i, "period"), message
        return
    period = index.plan.plan.period
    known = [o.label for o in recurrence.of(req.recurs, period.start, period.end)]
    for i, label in labelled:
        if label not in known:
            message = msg("sub.period_unknown", period=label, requirement=req.id, known=known)
            yield ("evidence", i, "period"), message


def _nil_problems(
    index: PlanIndex, req: Requirement, entry: Entry, unit: str
) -> Iterator[tuple[PathKey, Message]]:
    """A nil return is for a conditional duty, by a unit the condition is for, and says
    nothing else."""
    if req.condition is None:
        yield ("nil_return",), msg("sub.nil_not_conditional", requirement=req.id)
    elif req.condition_for and not any(
        unit == key or unit in index.members.get(key, ()) for key in req.condition_for
    ):
        allowed = [who(index, key) for key in req.condition_for]
        message = msg("sub.nil_not_for_unit", requirement=req.id, unit=unit,
                      condition_for=allowed)  # fmt: skip
        yield ("nil_return",), message
    elif entry.model_fields_set - {"nil_return", "note"}:
        yield ("nil_return",), msg("sub.nil_with_content", requirement=req.id)


def _unknown(what: str, value: str) -> Message:
    return msg("plan.unknown_id", what=msg(f"what.{what}"), value=value)
