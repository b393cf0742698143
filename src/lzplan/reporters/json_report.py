"""The JSON report: a versioned document other tools can rely on."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lzplan import __version__
from lzplan.check.result import ItemVerdict, Outcome, PeriodOutcome, Result, Status, UnitResult
from lzplan.location import Location
from lzplan.messages import Lang, Message
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common

SCHEMA_VERSION = 3  # 3: period, scores; each unit's progress and score; titles
StatusName = Literal[
    "met", "met_late", "pending", "missed", "not_submitted", "waived", "nil", "n/a", "invalid"
]


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    """The report a line at a time, so a large run is never one string in memory.

    Keys and status names are fixed; messages and details follow the language. Top-level
    fields and each unit, problem and notice sit on a line of their own: the document
    diffs unit by unit, and is written by json's C encoder (an indented dump goes
    through the pure-Python one, several times slower on a large run).
    """
    return chunks(result, loaded, options.lang)


def chunks(result: Result, loaded: LoadedPlan, lang: Lang = "en") -> Iterator[str]:
    doc = document(result, loaded, lang, lazy=True)
    last = len(doc) - 1
    yield "{\n"
    for i, (key, value) in enumerate(doc.items()):
        end = ",\n" if i < last else "\n"
        if not isinstance(value, list | Iterator):
            yield f'  "{key}": {_compact(value)}{end}'
            continue
        yield f'  "{key}": ['
        first = True
        for item in value:
            yield ("\n    " if first else ",\n    ") + _compact(item)
            first = False
        yield ("]" if first else "\n  ]") + end
    yield "}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def document(
    result: Result, loaded: LoadedPlan, lang: Lang = "en", *, lazy: bool = False
) -> dict[str, Any]:
    """The report as data; with ``lazy``, units come as an iterator, one at a time."""
    units = Counter(unit.status for unit in result.units)
    outcomes = Counter(str(o.status) for o in result.outcomes())
    gone = common.elapsed(result, loaded)
    progress = {row.unit: row for row in _progress(result, gone)}
    units_doc = (_unit(unit, loaded, lang, progress[unit.unit], result) for unit in result.units)
    period = loaded.plan.plan.period
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "lzplan", "version": __version__},
        "plan": {"id": result.plan_id, "file": loaded.display, "sha256": loaded.sha256},
        "as_of": result.as_of.isoformat(),
        "period": {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "elapsed": None if gone is None else round(gone, 6),
        },
        "scores": _scores_file(result),
        "summary": {
            "units": {key: units[key] for key in sorted(units)},
            "requirements": {str(s): outcomes[str(s)] for s in Status if outcomes[str(s)]},
        },
        "units": units_doc if lazy else list(units_doc),
        "problems": [_message(p.location, p.message, lang) for p in result.problems],
        "notices": [_message(n.location, n.message, lang) for n in result.notices],
    }


def _message(location: Location, message: Message, lang: Lang) -> dict[str, Any]:
    return {"location": _where(location), "message": message.render(lang)}


def _progress(result: Result, gone: float | None) -> list[common.Progress]:
    """Every unit's share done, whether or not the period still runs."""
    share = gone if gone is not None else 1.0
    return [common.Progress(unit.unit, *common.tally(unit), share) for unit in result.units]


def _scores_file(result: Result) -> dict[str, Any] | None:
    scored = result.scored
    if scored is None:
        return None
    method = scored.method.model_dump() if scored.method else None
    return {"file": scored.file, "sha256": scored.sha256, "rankings": list(scored.rankings),
            "method": method, "example": scored.example,
            "excluded": [left.model_dump() for left in scored.excluded],
            "spot_checks": [checked.model_dump() for checked in scored.spot_checks]}  # fmt: skip


def _unit(
    unit: UnitResult, loaded: LoadedPlan, lang: Lang, progress: common.Progress, result: Result
) -> dict[str, Any]:
    info = loaded.index.units[unit.unit]
    score = result.scored.of(unit.unit) if result.scored else None
    return {
        "id": unit.unit,
        "name": info.name,
        "kind": info.kind,
        "named_in_notice": info.named_in_notice,
        "status": unit.status,
        "file": unit.file,
        "cells": {task.id: str(unit.cell(task.id)) for task in loaded.plan.tasks},
        "progress": {
            "done": progress.done,
            "owed": progress.owed,
            "share": round(progress.share, 6),
        },
        "score": None
        if score is None
        else {
            "ranking": score.group,
            "rank": score.rank,
            "points": _number(score.points),
            "most": _number(score.most),
            "percent": round(score.percent, 2),
            "grade": score.grade,
        },
        "outcomes": [_outcome(o, loaded, lang) for o in unit.outcomes],
    }


def _outcome(outcome: Outcome, loaded: LoadedPlan, lang: Lang) -> dict[str, Any]:
    source = loaded.positions.find(loaded.index.paths[outcome.requirement])
    return {
        "task": outcome.task,
        "requirement": outcome.requirement,
        "title": loaded.index.requirements[outcome.requirement][1].title,
        "status": str(outcome.status),
        "actual": _number(outcome.actual),
        "required": _number(outcome.required),
        "shortfall": _number(outcome.shortfall),
        "detail": outcome.detail.render(lang),
        "due": outcome.due.isoformat(),
        "location": _where(outcome.location) if outcome.location else None,
        "source": _where(source),
        "waiver": outcome.waiver.render(lang) if outcome.waiver else None,
        "remedied": outcome.remedied.isoformat() if outcome.remedied else None,
        "items": [_item(item) for item in outcome.items],
        "periods": [_period(period, lang) for period in outcome.periods],
    }


def _period(period: PeriodOutcome, lang: Lang) -> dict[str, Any]:
    return {
        "period": period.period,
        "due": period.due.isoformat(),
        "status": str(period.status),
        "actual": _number(period.actual),
        "required": _number(period.required),
        "detail": period.detail.render(lang),
        "items": [_item(item) for item in period.items],
    }


def _item(item: ItemVerdict) -> dict[str, Any]:
    return {
        "title": item.title,
        "date": item.date.isoformat(),
        "doc_no": item.doc_no,
        "reason": str(item.reason),
        "counted": item.reason.counts,
        "location": _where(item.location),
    }


def _where(location: Location) -> dict[str, Any]:
    return {"file": location.file, "line": location.line, "column": location.column}


def _number(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 6)


# ---------------------------------------------------------------- the document's schema
# `lzplan schema report` is generated from these models; a test validates real reports
# against it, so the two cannot drift apart.


class _Doc(BaseModel):
    # built only when the schema is asked for: a check writes its report without them
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Position(_Doc):
    file: str
    line: int = Field(description="1-based; 0 when the whole file is meant.")
    column: int


class ItemDoc(_Doc):
    title: str
    date: str = Field(description="YYYY-MM-DD")
    doc_no: str | None
    reason: Literal["counted", "late", "after_as_of", "outside_period", "duplicate_doc_no"]
    counted: bool
    location: Position


class PeriodDoc(_Doc):
    period: str = Field(description="2013-Q1, 2013-H2, 2013-03 or 2013.")
    due: str
    status: StatusName
    actual: float
    required: float
    detail: str
    items: list[ItemDoc]


class OutcomeDoc(_Doc):
    task: str
    requirement: str
    title: str = Field(description="The requirement's title in the plan.")
    status: StatusName
    actual: float
    required: float
    shortfall: float
    detail: str
    due: str
    location: Position | None = Field(description="Where the unit reported it, if it did.")
    source: Position = Field(description="The requirement in the plan file.")
    waiver: str | None
    remedied: str | None = Field(
        None,
        description="整改: missed for the year, then done after it and by --fix-by: the day "
        "(YYYY-MM-DD). The year's status stays; null otherwise.",
    )
    items: list[ItemDoc]
    periods: list[PeriodDoc] = Field(
        description="A recurring duty's occurrences, each judged on its own; empty otherwise."
    )


class UnitDoc(_Doc):
    id: str
    name: str
    kind: str = Field(description="One of the plan's unit kinds (district, department…).")
    named_in_notice: bool = Field(
        description="False when the notice does not name the unit: the plan assumes it."
    )
    status: Literal[
        "compliant", "compliant_late", "on_track", "behind", "not_submitted", "invalid", "n/a"
    ]
    file: str | None
    cells: dict[str, StatusName] = Field(description="Task id → worst status of its requirements.")
    progress: ProgressDoc
    score: ScoreDoc | None = Field(description="With --scores, when the unit is ranked.")
    outcomes: list[OutcomeDoc]


class ProgressDoc(_Doc):
    done: int = Field(description="Requirements met (on time or late) or with nothing to do.")
    owed: int = Field(description="Requirements owed, leaving out what is waived.")
    share: float = Field(description="done / owed (1 when nothing is owed).")


class ScoreDoc(_Doc):
    ranking: str = Field(description="The group the unit is ranked in (scores file).")
    rank: int = Field(description="1 is first; equal scores share a rank.")
    points: float
    most: float = Field(description="The points of everything the unit owes, unwaived.")
    percent: float
    grade: str | None = Field(None, description="Its 等次, when the scores file sets grades.")


class MessageDoc(_Doc):
    location: Position
    message: str


class PlanRef(_Doc):
    id: str
    file: str
    sha256: str


class Tool(_Doc):
    name: Literal["lzplan"]
    version: str


class PlanPeriod(_Doc):
    start: str
    end: str
    elapsed: float | None = Field(
        description="Share of the period gone by the as-of day, while it runs; else null."
    )


class ScoresRef(_Doc):
    file: str
    sha256: str
    rankings: list[str]
    method: dict[str, str | None] | None = Field(
        None, description="The 考核办法 the weights follow: title and 文号."
    )
    example: bool = Field(False, description="The weights are an example.")
    excluded: list[dict[str, str]] = Field(
        [], description="Units not ranked, each with the reason: unit, reason."
    )
    spot_checks: list[dict[str, str | None]] = Field(
        [],
        description="The office's 抽查: unit, requirement, found (confirmed or "
        "not_confirmed), note.",
    )


class Summary(_Doc):
    units: dict[str, int]
    requirements: dict[str, int]


class Report(_Doc):
    """lzplan's JSON report of one check."""

    schema_version: Literal[3]
    tool: Tool
    plan: PlanRef
    as_of: str
    period: PlanPeriod
    scores: ScoresRef | None = Field(description="The weights of the scores, with --scores.")
    summary: Summary
    units: list[UnitDoc]
    problems: list[MessageDoc]
    notices: list[MessageDoc]
