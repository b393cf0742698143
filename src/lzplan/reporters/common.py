"""What every report says, whatever its format: summary counts, shortfalls, findings."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from lzplan.location import Location
from lzplan.plan import LoadedPlan
from lzplan.reporters import labels
from lzplan.result import Outcome, Result, Status

_WHOLE_UNIT = (Status.NOT_SUBMITTED, Status.INVALID)
_SHORT = (Status.MISSED, Status.PENDING, Status.MET_LATE)


def summary(result: Result) -> list[str]:
    """Two sentences: units by standing, requirements by status."""
    units = Counter(unit.status for unit in result.units)
    unit_part = ", ".join(
        f"{units[key]} {word}" for key, word in labels.UNIT_STATUS.items() if key != "n/a"
    )
    outcomes = Counter(outcome.status for outcome in result.outcomes())
    req_part = ", ".join(
        f"{outcomes[status]} {labels.WORD[status]}"
        for status in Status
        if status is not Status.NOT_APPLICABLE
    )
    return [
        f"Units ({len(result.units)}): {unit_part}.",
        f"Requirements owed ({len(result.outcomes())}): {req_part}.",
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
            detail = f"{first.detail}: {len(whole)} requirements owed"
            rows.append((0, replace(first, requirement="", detail=detail)))
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


def findings(result: Result, loaded: LoadedPlan) -> list[Finding]:
    """Input problems, requirements not met and notices, in file and line order.

    A requirement that was never submitted points at the plan's requirement, since the
    unit has no file to point at; an invalid unit's file has its own input problems.
    """
    found = [
        Finding("error", p.location, "input", "invalid input", p.message) for p in result.problems
    ]
    found += [Finding("warning", n.location, "notice", "notice", n.message) for n in result.notices]
    for outcome in result.outcomes():
        level = _level(outcome, result)
        if level is None:
            continue
        location = outcome.location or loaded.positions.find(
            loaded.index.paths[outcome.requirement]
        )
        _, req = loaded.index.requirements[outcome.requirement]
        name = loaded.index.units[outcome.unit].name
        message = (
            f"{outcome.unit} {name}: {req.title}: {labels.WORD[outcome.status]} "
            f"({outcome.detail}), due {outcome.due}"
        )
        title = f"{req.id} {labels.WORD[outcome.status]}"
        found.append(Finding(level, location, outcome.requirement, title, message))
    return sorted(found, key=lambda f: (f.location, f.rule, f.message))


def _level(outcome: Outcome, result: Result) -> str | None:
    if outcome.status is Status.MISSED:
        return "error"
    if outcome.status is Status.NOT_SUBMITTED:
        return "error" if outcome.due < result.as_of else "warning"
    if outcome.status is Status.PENDING:
        return "warning"
    if outcome.status is Status.MET_LATE:
        return "notice"
    return None
