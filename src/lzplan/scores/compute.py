"""Each unit's score: the points of what it owes, less the deductions its results earn,
as a share of the most it could have; and its rank among the units of its group."""

from __future__ import annotations

from collections.abc import Sequence

from lzplan.check.result import Outcome, Result, Status, UnitResult
from lzplan.plan.index import PlanIndex
from lzplan.scores.model import ScoresFile, UnitScore

# What keeps all its points whatever the deductions say: done, or nothing to do.
_KEPT = (Status.MET, Status.NIL)
# What leaves the assessment (核减): waived by the plan's owner, or not owed.
_LEFT_OUT = (Status.WAIVED, Status.NOT_APPLICABLE)

Row = tuple[str, float, float]  # unit, points, most


Found = dict[tuple[str, str], str]  # (unit, requirement) → what its 抽查 found


def score(result: Result, index: PlanIndex, scores: ScoresFile) -> tuple[UnitScore, ...]:
    """Every ranked unit's score, group by group in the file's order, best first."""
    lost = scores.deductions.model_dump()
    found: Found = {(c.unit, c.requirement): c.found for c in scores.spot_checks}
    left = {excluded.unit for excluded in scores.excluded}
    made: list[UnitScore] = []
    for group in scores.rankings:
        members = [u for u in result.units
                   if _group(u.unit, index, scores) == group and u.unit not in left]  # fmt: skip
        rows = [_row(u, index, scores, (lost, found), result) for u in members]
        ties = {u.unit: _tie_keys(u, scores.ties) for u in members}
        made += _ranked(group, rows, ties, scores)
    return tuple(made)


def _tie_keys(unit: UnitResult, ties: Sequence[str]) -> tuple[int, ...]:
    """What orders equal shares, smaller first: late items, nil returns, and evidence
    counted (negated: more is better)."""
    keys = {
        "late": sum(o.status is Status.MET_LATE for o in unit.outcomes),
        "nil": sum(o.status is Status.NIL for o in unit.outcomes),
        "evidence": -sum(i.reason.counts for o in unit.outcomes for i in o.items),
    }
    return tuple(keys[name] for name in ties)


def _row(unit: UnitResult, index: PlanIndex, scores: ScoresFile,
         rules: tuple[dict[str, float], Found], result: Result) -> Row:  # fmt: skip
    weights = points(unit, index, scores)
    total = most = 0.0
    for outcome in unit.outcomes:
        if outcome.status in _LEFT_OUT:
            continue
        weight = weights[outcome.requirement]
        most += weight
        total += weight * (1.0 - _deduction(outcome, rules, result))
    return unit.unit, round(total, 6), round(most, 6)  # no float noise (9.999…) in reports


def _deduction(outcome: Outcome, rules: tuple[dict[str, float], Found], result: Result) -> float:
    """The share of a requirement's points a result loses. Nothing filed for what is not
    yet due is only pending: a mid-year score does not punish the second half. What a
    抽查 did not confirm is done on paper only; a nil return no 抽查 confirmed is taken
    on the unit's word, at the discount the file sets."""
    lost, found = rules
    checked = found.get((outcome.unit, outcome.requirement))
    if checked == "not_confirmed" and outcome.status in (*_KEPT, Status.MET_LATE):
        return max(lost["not_confirmed"], _deduction(outcome, (lost, {}), result))
    if outcome.status is Status.NIL and checked != "confirmed":
        return lost["nil_unverified"]
    if outcome.status in _KEPT:
        return 0.0
    if outcome.status is Status.NOT_SUBMITTED and outcome.due > result.as_of:
        return lost["pending"]
    return lost[str(outcome.status)]


def points(unit: UnitResult, index: PlanIndex, scores: ScoresFile) -> dict[str, float]:
    """The points of each requirement the unit owes: its own if the file gives them;
    else its task's, shared equally among the requirements of that task the unit owes
    that have none of their own (a unit owing one of three still plays for the whole
    task); else the default."""
    given = scores.points
    owed = {o.requirement for o in unit.outcomes if o.status is not Status.NOT_APPLICABLE}
    found = {}
    for task in index.plan.tasks:
        sharing = [r.id for r in task.requirements if r.id in owed and r.id not in given]
        for req in task.requirements:
            if req.id in given:
                found[req.id] = given[req.id]
            elif task.id in given:
                found[req.id] = given[task.id] / len(sharing) if req.id in sharing else 0.0
            else:
                found[req.id] = given.get("default", 0.0)
    return found


def _group(unit: str, index: PlanIndex, scores: ScoresFile) -> str | None:
    """The first ranking the unit belongs to; a unit in none is not scored."""
    return next((g for g in scores.rankings if unit in index.members.get(g, ())), None)


def _share(row: Row) -> float:
    return row[1] / row[2] if row[2] else 1.0


def _ranked(
    group: str, rows: Sequence[Row], ties: dict[str, tuple[int, ...]], scores: ScoresFile
) -> list[UnitScore]:
    """Best share first, equal shares ordered by the file's tie rule; units equal on both
    share a rank (1, 2, 2, 4), in plan order; each with its 等次."""

    def key(row: Row) -> tuple[float, tuple[int, ...]]:
        return (-round(_share(row), 9), ties[row[0]])

    ordered = sorted(rows, key=key)
    made: list[UnitScore] = []
    for i, row in enumerate(ordered):
        same = i > 0 and key(row) == key(ordered[i - 1])
        rank = made[-1].rank if same else i + 1
        made.append(UnitScore(row[0], group, row[1], row[2], rank, _grade(row, scores)))
    return made


def _grade(row: Row, scores: ScoresFile) -> str | None:
    """The first 等次 whose least share the unit's share reaches."""
    share = _share(row)
    return next((g.name for g in scores.grades if share + 1e-9 >= g.at_least), None)
