"""What every report says, whatever its format: summary counts, shortfalls, findings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from lzplan.check.result import FailOn, Outcome, Result, Status, UnitResult, UnitStatus, fails
from lzplan.location import Location
from lzplan.messages import Lang, msg, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import labels

_WHOLE_UNIT = (Status.NOT_SUBMITTED, Status.INVALID)


_SHORT = (Status.MISSED, Status.PENDING, Status.MET_LATE)


def summary(result: Result, lang: Lang) -> list[str]:
    """Two sentences: units by standing, requirements by status."""
    sep = say("report.sep", lang)
    units = Counter(unit.status for unit in result.units)
    unit_part = sep.join(
        say("report.part", lang, count=units[key], word=labels.unit_status(key, lang))
        for key in UnitStatus
        if key is not UnitStatus.NOTHING_OWED
    )
    outcomes = Counter(outcome.status for outcome in result.outcomes())
    req_part = sep.join(
        say("report.part_item", lang, count=outcomes[status], word=labels.word(status, lang))
        for status in Status
        if status is not Status.NOT_APPLICABLE
    )
    return [
        say("report.units", lang, count=len(result.units), parts=unit_part),
        say("report.requirements", lang, count=len(result.outcomes()), parts=req_part),
    ]


def shortfalls(result: Result) -> list[Outcome]:
    """Everything not met, worst first, then by due date, unit order and plan order.

    A unit with no file, or an invalid one, is one row (its earliest due date, and an
    empty requirement), not one row per requirement.
    """
    order = {unit.unit: i for i, unit in enumerate(result.units)}
    rows: list[tuple[int, Outcome]] = []
    for unit in result.units:
        whole = [o for o in unit.outcomes if o.status in _WHOLE_UNIT]
        if whole:
            first = min(whole, key=lambda o: o.due)
            detail = msg("detail.whole_unit", detail=first.detail, count=len(whole))
            rows.append((0, first._replace(requirement="", detail=detail)))
        rows += [(i + 1, o) for i, o in enumerate(unit.outcomes) if o.status in _SHORT]
    rows.sort(key=lambda row: (-row[1].status.severity, row[1].due, order[row[1].unit], row[0]))
    return [outcome for _, outcome in rows]


@dataclass(frozen=True)
class Finding:
    """One line of a linter-style report: an input problem or a requirement not met."""

    level: str  # error | warning | notice
    location: Location
    rule: str
    title: str
    message: str


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
    for unit in result.units:
        if per_unit and unit.status is UnitStatus.NOT_SUBMITTED:
            found.append(_unit_finding(unit, result, level, loaded, lang))
            continue
        for outcome in unit.outcomes:
            severity = _level(outcome, result, level)
            if severity is not None:
                found.append(_finding(outcome, severity, loaded, lang))
    return sorted(found, key=lambda f: (f.location, f.rule, f.message))


def _unit_finding(
    unit: UnitResult, result: Result, level: FailOn, loaded: LoadedPlan, lang: Lang
) -> Finding:
    """A unit that filed nothing: one finding, an error once anything it owes fails."""
    failing = any(fails(o, result.as_of, level) for o in unit.outcomes)
    info = loaded.index.units[unit.unit]
    where = loaded.positions.find(("units", loaded.plan.units.index(info)))
    word = labels.unit_status(unit.status, lang)
    first = min(unit.outcomes, key=lambda o: o.due)
    message = say("report.unit_finding", lang, unit=unit.unit, name=info.name, word=word,
                  count=len(unit.outcomes), due=first.due)  # fmt: skip
    return Finding("error" if failing else "warning", where, unit.unit, f"{unit.unit} {word}",
                   message)  # fmt: skip


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
    return Finding(level, location, outcome.requirement, f"{req.id} {word}", message)


def _level(outcome: Outcome, result: Result, level: FailOn) -> str | None:
    if fails(outcome, result.as_of, level):
        return "error"
    if outcome.status in (Status.MISSED, Status.NOT_SUBMITTED, Status.PENDING):
        return "warning"
    if outcome.status is Status.MET_LATE:
        return "notice"
    return None
