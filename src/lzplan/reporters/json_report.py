"""The JSON report: a versioned document other tools can rely on."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from lzplan import __version__
from lzplan.check.result import ItemVerdict, Outcome, PeriodOutcome, Result, Status, UnitResult
from lzplan.location import Location
from lzplan.messages import Lang, Message
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common

if TYPE_CHECKING:
    from lzplan.check.stream import Streamed
    from lzplan.scores.model import UnitScore

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
    return _written(document(result, loaded, lang, lazy=True))


def render_streamed(streamed: Streamed, loaded: LoadedPlan, options: Options) -> Iterator[str]:
    """The same report of a streamed check: its units' lines as the workers wrote them."""
    lines = JsonLines(loaded, options.lang, streamed.as_of)
    doc = _head(loaded, streamed.plan_id, streamed.as_of, None, streamed.units, streamed.outcomes)
    doc["units"] = (Raw(line) for line in streamed.unit_lines())
    doc["problems"] = [_message(p.location, p.message, options.lang) for p in streamed.problems]
    doc["notices"] = (Raw(line) for line in streamed.notice_lines(lines))
    return _written(doc)


def lines(loaded: LoadedPlan, lang: Lang, as_of: dt.date) -> JsonLines:
    """The lines a streamed check's units are written as (``check.stream``)."""
    return JsonLines(loaded, lang, as_of)


class Raw(str):
    """A value already written as JSON (a unit's line from a worker)."""


def _written(doc: dict[str, Any]) -> Iterator[str]:
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
            text = item if isinstance(item, Raw) else _compact(item)
            yield ("\n    " if first else ",\n    ") + text
            first = False
        yield ("]" if first else "\n  ]") + end
    yield "}\n"


class JsonLines:
    """The report's line for a unit and for a message, made where a file is judged
    (``check.stream.Lines``)."""

    def __init__(self, loaded: LoadedPlan, lang: Lang, as_of: dt.date) -> None:
        self.loaded, self.lang = loaded, lang
        self.share = _share(as_of, loaded)
        self.tag = f"json {SCHEMA_VERSION} {lang}"

    def unit(self, result: UnitResult) -> str:
        return _compact(_unit(result, self.loaded, self.lang, self.share, None))

    def message(self, location: Location, message: Message) -> str:
        return _compact(_message(location, message, self.lang))


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def document(
    result: Result, loaded: LoadedPlan, lang: Lang = "en", *, lazy: bool = False
) -> dict[str, Any]:
    """The report as data; with ``lazy``, units come as an iterator, one at a time."""
    units = Counter(str(unit.status) for unit in result.units)
    outcomes = Counter(str(o.status) for o in result.outcomes())
    share = _share(result.as_of, loaded)
    scored = result.scored
    units_doc = (
        _unit(unit, loaded, lang, share, scored.of(unit.unit) if scored else None)
        for unit in result.units
    )
    doc = _head(loaded, result.plan_id, result.as_of, _scores_file(result), units, outcomes)
    doc["units"] = units_doc if lazy else list(units_doc)
    doc["problems"] = [_message(p.location, p.message, lang) for p in result.problems]
    doc["notices"] = [_message(n.location, n.message, lang) for n in result.notices]
    return doc


def _head(
    loaded: LoadedPlan,
    plan_id: str,
    as_of: dt.date,
    scores: dict[str, Any] | None,
    units: Counter[str],
    outcomes: Counter[str],
) -> dict[str, Any]:
    """The report's fields before its units: what it is of, and its counts (units by
    status name, requirements in the order of ``Status``)."""
    period = loaded.plan.plan.period
    gone = common.elapsed_on(as_of, loaded)
    return {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "lzplan", "version": __version__},
        "plan": {"id": plan_id, "file": loaded.display, "sha256": loaded.sha256},
        "as_of": as_of.isoformat(),
        "period": {
            "start": period.start.isoformat(),
            "end": period.end.isoformat(),
            "elapsed": None if gone is None else round(gone, 6),
        },
        "scores": scores,
        "summary": {
            "units": {key: units[key] for key in sorted(units)},
            "requirements": {str(s): outcomes[str(s)] for s in Status if outcomes[str(s)]},
        },
    }


def _message(location: Location, message: Message, lang: Lang) -> dict[str, Any]:
    return {"location": _where(location), "message": message.render(lang)}


def _share(as_of: dt.date, loaded: LoadedPlan) -> float:
    """The share of the period gone that each unit's progress is set against: all of it
    once the period is over (a unit's progress is reported whether or not it runs)."""
    gone = common.elapsed_on(as_of, loaded)
    return gone if gone is not None else 1.0


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
    unit: UnitResult,
    loaded: LoadedPlan,
    lang: Lang,
    share: float,
    score: UnitScore | None,
) -> dict[str, Any]:
    info = loaded.index.units[unit.unit]
    progress = common.Progress(unit.unit, *common.tally(unit), share)
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
