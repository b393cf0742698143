"""Reading a scores file: its schema, then every id it names against the plan; and the
scores of a check made with it."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from lzplan.check.result import Result
from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.location import Location, PathKey
from lzplan.messages import msg
from lzplan.plan.index import PlanIndex
from lzplan.scores.compute import score
from lzplan.scores.model import Scored, ScoresFile


def scored(path: Path, result: Result, index: PlanIndex) -> Scored:
    """The scores of ``result`` with the weights in ``path``."""
    text = loader.read_text(path, str(path))
    scores = check(loader.parse(text, str(path)), index)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Scored(str(path), digest, tuple(scores.rankings), score(result, index, scores),
                  scores.method, tuple(scores.excluded), scores.example,
                  tuple(scores.spot_checks), scores.deductions, tuple(scores.ties))  # fmt: skip


def check(document: loader.Document, index: PlanIndex) -> ScoresFile:
    """A scores file validated against its schema and the plan, every problem located."""
    scores = to_model(document, ScoresFile)
    where = document.positions.find
    problems = []
    if scores.plan != index.plan.plan.id:
        message = msg("sub.wrong_plan", got=scores.plan, plan=index.plan.plan.id)
        problems.append(Problem(where(("plan",)), message))
    tasks = {task.id for task in index.plan.tasks}
    for key in scores.points:
        if key != "default" and key not in tasks and key not in index.requirements:
            problems.append(Problem(where(("points", key)), msg("scores.unknown_key", key=key)))
    seen: set[str] = set()
    for i, group in enumerate(scores.rankings):
        if group not in index.members:
            message = msg("plan.unknown_id", what=msg("what.group"), value=group)
            problems.append(Problem(where(("rankings", i)), message))
        elif group in seen:
            problems.append(
                Problem(where(("rankings", i)), msg("scores.ranked_twice", group=group))
            )
        seen.add(group)
    for i, left in enumerate(scores.excluded):
        if left.unit not in index.units:
            message = msg("plan.unknown_id", what=msg("what.unit"), value=left.unit)
            problems.append(Problem(where(("excluded", i, "unit")), message))
    problems += _spot_check_problems(scores, index, where)
    shares = [grade.at_least for grade in scores.grades]
    if shares and (shares != sorted(shares, reverse=True) or shares[-1] != 0):
        problems.append(Problem(where(("grades",)), msg("scores.grades_order")))
    if problems:
        raise InputError(problems)
    return scores


def _spot_check_problems(
    scores: ScoresFile, index: PlanIndex, where: Callable[[PathKey], Location]
) -> list[Problem]:
    """Each 抽查 names a unit, a requirement it owes, and that pair once."""
    problems = []
    seen: set[tuple[str, str]] = set()
    for i, checked in enumerate(scores.spot_checks):
        at = ("spot_checks", i)
        if checked.unit not in index.units:
            message = msg("plan.unknown_id", what=msg("what.unit"), value=checked.unit)
            problems.append(Problem(where((*at, "unit")), message))
        elif checked.requirement not in {o.requirement.id for o in index.owed_by(checked.unit)}:
            message = msg("sub.not_owed", unit=checked.unit, requirement=checked.requirement)
            problems.append(Problem(where((*at, "requirement")), message))
        elif checked.found == "not_confirmed" and checked.note is None:
            problems.append(Problem(where(at), msg("scores.refuted_without_note")))
        elif (checked.unit, checked.requirement) in seen:
            message = msg(
                "scores.checked_twice", unit=checked.unit, requirement=checked.requirement
            )
            problems.append(Problem(where(at), message))
        seen.add((checked.unit, checked.requirement))
    return problems
