"""What every report says, whatever its format: summary counts, shortfalls, findings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from lzplan.check.result import FailOn, Outcome, Result, Status, UnitResult, UnitStatus, fails
from lzplan.location import Location
from lzplan.messages import Lang, msg, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import labels

_WHOLE_UNIT = (Status.NOT_SUBMITTED, Status.INVALID)


_SHORT = (Status.MISSED, Status.PENDING, Status.MET_LATE)


def summary(result: Result, lang: Lang) -> list[str]:
    """Two sentences: units by standing, requirements by status."""
    units = Counter(str(unit.status) for unit in result.units)
    return summary_of(units, Counter(str(o.status) for o in result.outcomes()), lang)


def summary_of(units: Counter[str], outcomes: Counter[str], lang: Lang) -> list[str]:
    """The same, from how many units stand and requirements are at each status."""
    sep = say("report.sep", lang)
    unit_part = sep.join(
        say("report.part", lang, count=units[key], word=labels.unit_status(key, lang))
        for key in UnitStatus
        if key is not UnitStatus.NOTHING_OWED
    )
    req_part = sep.join(
        say("report.part_item", lang, count=outcomes[status], word=labels.word(status, lang))
        for status in Status
        if status is not Status.NOT_APPLICABLE
    )
    return [
        say("report.units", lang, count=units.total(), parts=unit_part),
        say("report.requirements", lang, count=outcomes.total(), parts=req_part),
    ]


def shortfalls(result: Result) -> list[Outcome]:
    """Everything not met, worst first, then by due date, unit order and plan order.

    A unit with no file, or an invalid one, is one row (its earliest due date, and an
    empty requirement), not one row per requirement.
    """
    rows = [(place, rank, outcome) for place, unit in enumerate(result.units)
            for rank, outcome in unit_shortfalls(unit)]  # fmt: skip
    rows.sort(key=lambda row: worst_first(row[2].status, row[2].due, row[0], row[1]))
    return [outcome for _, _, outcome in rows]


def unit_shortfalls(unit: UnitResult) -> list[tuple[int, Outcome]]:
    """A unit's rows of the shortfalls, each with its rank within the unit (0: the
    whole unit's row)."""
    rows: list[tuple[int, Outcome]] = []
    whole = [o for o in unit.outcomes if o.status in _WHOLE_UNIT]
    if whole:
        first = min(whole, key=lambda o: o.due)
        detail = msg("detail.whole_unit", detail=first.detail, count=len(whole))
        rows.append((0, first._replace(requirement="", detail=detail)))
    rows += [(i + 1, o) for i, o in enumerate(unit.outcomes) if o.status in _SHORT]
    return rows


def worst_first(
    status: Status, due: dt.date, place: int, rank: int
) -> tuple[int, dt.date, int, int]:
    """Where a shortfall sorts: worst first, then by due date, unit order (``place``) and
    its rank within the unit."""
    return (-status.severity, due, place, rank)


@dataclass(frozen=True)
class Finding:
    """One line of a linter-style report: an input problem or a requirement not met."""

    level: str  # error | warning | notice
    location: Location
    rule: str
    title: str
    message: str
    rank: int = 0  # what matters first within a level: see RANK


# Within a level, what a reader must see first: a broken file (the reason a run exits
# 2), then what is missed, what was never reported, what was late, what is pending.
RANK = {Status.MISSED: 1, Status.NOT_SUBMITTED: 2, Status.MET_LATE: 3, Status.PENDING: 4}


def findings(
    result: Result,
    loaded: LoadedPlan,
    lang: Lang,
    fail_on: str = "missed",
    *,
    per_unit: bool = False,
) -> list[Finding]:
    """Input problems, requirements not met and notices, in file and line order: an
    error is what fails the run (at ``fail_on``), a warning what does not yet, a notice
    what is worth knowing.

    A requirement that was never submitted points at the plan's requirement, since the
    unit has no file to point at (``per_unit``: one finding for a unit that filed
    nothing, at its entry in the plan); an invalid unit's file has its own problems.
    """
    invalid, notice = say("report.invalid_input", lang), say("report.notice", lang)
    level = FailOn(fail_on)
    found = [
        Finding("error", p.location, "input", invalid, p.message.render(lang))
        for p in result.problems
    ]
    found += [
        Finding("notice", n.location, "notice", notice, n.message.render(lang))
        for n in result.notices
    ]
    places: dict[str, int] = {}
    for unit in result.units:
        if per_unit and unit.status is UnitStatus.NOT_SUBMITTED:
            places = places or {u.id: i for i, u in enumerate(loaded.plan.units)}
            found.append(_unit_finding(unit, result, level, loaded, lang, places[unit.unit]))
            continue
        for outcome in unit.outcomes:
            severity = _level(outcome, result, level)
            if severity is not None:
                found.append(_finding(outcome, severity, loaded, lang))
    return sorted(found, key=lambda f: (f.location, f.rule, f.message))


def _unit_finding(
    unit: UnitResult, result: Result, level: FailOn, loaded: LoadedPlan, lang: Lang, place: int
) -> Finding:
    """A unit that filed nothing: one finding, an error once anything it owes fails;
    ``place``: its entry's index in the plan's units."""
    failing = any(fails(o, result.as_of, level) for o in unit.outcomes)
    info = loaded.index.units[unit.unit]
    where = loaded.positions.find(("units", place))
    word = labels.unit_status(unit.status, lang)
    first = min(unit.outcomes, key=lambda o: o.due)
    message = say("report.unit_finding", lang, unit=unit.unit, name=info.name, word=word,
                  count=len(unit.outcomes), due=first.due)  # fmt: skip
    return Finding("error" if failing else "warning", where, unit.unit, f"{unit.unit} {word}",
                   message, RANK[Status.NOT_SUBMITTED])  # fmt: skip


def _finding(outcome: Outcome, level: str, loaded: LoadedPlan, lang: Lang) -> Finding:
    index = loaded.index
    location = outcome.location or loaded.positions.find(index.paths[outcome.requirement])
    _, req = index.requirements[outcome.requirement]
    word = labels.word(outcome.status, lang)
    message = say(
        "report.finding",
        lang,
        unit=outcome.unit,
        name=index.units[outcome.unit].name,
        title=req.title,
        word=word,
        detail=outcome.detail.render(lang),
        due=outcome.due,
    )
    return Finding(level, location, outcome.requirement, f"{req.id} {word}", message,
                   RANK.get(outcome.status, 5))  # fmt: skip


def _level(outcome: Outcome, result: Result, level: FailOn) -> str | None:
    if fails(outcome, result.as_of, level):
        return "error"
    if outcome.status in (Status.MISSED, Status.NOT_SUBMITTED, Status.PENDING):
        return "warning"
    if outcome.status is Status.MET_LATE:
        return "notice"
    return None


# ---------------------------------------------------------------- mid-year progress

# What counts as done when measuring progress: met (late or not), or nothing to do.
_DONE = (Status.MET, Status.MET_LATE, Status.NIL)
# What is out of the count: waived, or not owed.
UNCOUNTED = (Status.WAIVED, Status.NOT_APPLICABLE)


@dataclass(frozen=True)
class Progress:
    """A unit's share of the year's requirements done, against the share of the year gone
    (时间过半、任务过半)."""

    unit: str
    done: int
    owed: int
    elapsed: float

    @property
    def share(self) -> float:
        return self.done / self.owed if self.owed else 1.0

    @property
    def on_pace(self) -> bool:
        return self.share + 1e-9 >= self.elapsed


def elapsed(result: Result, loaded: LoadedPlan) -> float | None:
    """The share of the plan's period gone by the end of the as-of day, while the period
    runs; None before it starts and from its last day on (then the year is judged)."""
    return elapsed_on(result.as_of, loaded)


def elapsed_on(as_of: dt.date, loaded: LoadedPlan) -> float | None:
    """The same, of a day."""
    period = loaded.plan.plan.period
    if not period.start <= as_of < period.end:
        return None
    days = (period.end - period.start).days + 1
    return ((as_of - period.start).days + 1) / days


def progress(result: Result, loaded: LoadedPlan) -> list[Progress]:
    """Each unit's progress, in matrix order; empty outside the period."""
    gone = elapsed(result, loaded)
    if gone is None:
        return []
    return [Progress(unit.unit, *tally(unit), gone) for unit in result.units]


def tally(unit: UnitResult) -> tuple[int, int]:
    """(done, owed): what is met or has nothing to do, of what is owed and not waived."""
    counted = [o for o in unit.outcomes if o.status not in UNCOUNTED]
    return sum(o.status in _DONE for o in counted), len(counted)


def progress_line(result: Result, loaded: LoadedPlan, lang: Lang) -> str:
    """One sentence: how much of the period is gone, how many units keep pace."""
    rows = progress(result, loaded)
    gone = elapsed(result, loaded) or 0.0
    return pace_line(result.as_of, gone, sum(row.on_pace for row in rows), len(rows), lang)


def pace_line(as_of: dt.date, gone: float, on_pace: int, total: int, lang: Lang) -> str:
    """The same, from its figures."""
    return say("report.progress_line", lang, as_of=labels.date(as_of, lang),
               elapsed=percent(gone), count=on_pace, total=total)  # fmt: skip


def percent(share: float) -> str:
    """0.4958 → 49.6%; halves round up (0.5625 → 56.3%), as an official rounds them."""
    value = Decimal(repr(round(100 * share, 9))).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return f"{value}%"


def pace(row: Progress, lang: Lang) -> str:
    return say("pace.on" if row.on_pace else "pace.behind", lang)


# ---------------------------------------------------------------- scores (考核)


@dataclass(frozen=True)
class ScoreRow:
    """A line of the score table, in words."""

    ranking: str
    rank: int
    unit: str
    name: str
    points: str  # 41.5 / 52
    percent: str


def score_rows(result: Result, loaded: LoadedPlan, lang: Lang) -> list[ScoreRow]:
    """Each ranked unit, ranking by ranking, best first; empty without --scores."""
    scored = result.scored
    if scored is None:
        return []
    index = loaded.index
    groups = {group.id: group for group in loaded.plan.groups}
    return [
        ScoreRow(
            groups[score.group].names[0],
            score.rank,
            score.unit,
            labels.unit_name(index.units[score.unit], lang),
            f"{number(score.points)} / {number(score.most)}",
            percent(score.percent / 100) + (f" {score.grade}" if score.grade else ""),
        )
        for score in scored.units
    ]


def scores_line(result: Result, loaded: LoadedPlan, lang: Lang) -> str:
    """Which weights made the scores: the 考核办法 they follow (else the file), and the
    units left out of the ranking, with why."""
    scored = result.scored
    assert scored is not None
    line = say("report.scores_line", lang, file=scored.file, sha=scored.sha256[:12])
    if scored.method is not None:
        number = scored.method.number or ""
        line = say("report.scores_method", lang, title=scored.method.title, number=number)
    if scored.spot_checks or scored.deductions.nil_unverified:
        line += say("report.scores_checked", lang)
    if scored.ties:
        rules = say("report.tie_sep", lang).join(say(f"report.tie.{k}", lang) for k in scored.ties)
        line += say("report.scores_ties", lang, rules=rules)
    if scored.example:
        line += say("report.scores_example", lang)
    if scored.excluded:
        left = say("report.sep", lang).join(
            say(
                "report.excluded_unit",
                lang,
                reason=unit.reason,
                name=labels.unit_name(loaded.index.units[unit.unit], lang),
            )
            for unit in scored.excluded
        )
        line += say("report.scores_excluded", lang, units=left)
    return line


def number(value: float) -> str:
    """52.0 → 52, 41.25 → 41.25"""
    return f"{value:g}" if float(value).is_integer() else f"{round(value, 2):g}"
