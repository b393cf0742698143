"""The markdown report: for a pull-request comment, a wiki page or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lzplan.check.result import Result, Status
from lzplan.location import Location
from lzplan.messages import Lang, Message, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common, facts, labels
from lzplan.reporters.facts import FactLines, MatrixRow, Short
from lzplan.reporters.looks import LOOK, PACE

if TYPE_CHECKING:
    from lzplan.check.stream import Streamed


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    rows = common.progress(result, loaded)
    pace = common.progress_line(result, loaded, lang) if rows else None
    report = _Report(
        as_of=result.as_of,
        tasks=result.tasks,
        summary=common.summary(result, lang),
        units=result.units,
        pace=(pace, rows) if pace is not None else None,
        scores=_scores(result, loaded, lang),
        shortfalls=facts.shortfalls(common.shortfalls(result), lang),
        notices=[_notice(n.location, n.message, lang) for n in result.notices],
        problems=[_notice(p.location, p.message, lang) for p in result.problems],
    )
    return _written(report, loaded, lang)


def render_streamed(streamed: Streamed, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    """The same report of a streamed check, from its units' lines (``facts``): the
    shortfalls are the only rows kept, to be sorted worst first."""
    lang = options.lang
    gone = common.elapsed_on(streamed.as_of, loaded)
    pace = None
    if gone is not None and streamed.order:
        done = sum(row.on_pace for row in facts.progress(streamed, gone))
        line = common.pace_line(streamed.as_of, gone, done, len(streamed.order), lang)
        pace = (line, facts.progress(streamed, gone))
    report = _Report(
        as_of=streamed.as_of,
        tasks=tuple(task.id for task in loaded.plan.tasks),
        summary=common.summary_of(streamed.units, streamed.outcomes, lang),
        units=(row for row, _ in facts.units(streamed)),
        pace=pace,
        scores=[],  # a check with --scores is not streamed
        shortfalls=[short for _, short in sorted(facts.shorts(streamed))],
        notices=facts.notices(streamed, lines(loaded, lang, streamed.as_of)),
        problems=[_notice(p.location, p.message, lang) for p in streamed.problems],
    )
    return _written(report, loaded, lang)


def lines(loaded: LoadedPlan, lang: Lang, as_of: dt.date) -> FactLines:
    """The lines a streamed check's units are written as (``check.stream``)."""
    return FactLines("markdown", lang, _notice)


@dataclass(frozen=True)
class _Report:
    """What the report says, however the check ran; the long lists read once."""

    as_of: dt.date
    tasks: tuple[str, ...]
    summary: list[str]
    units: Iterable[MatrixRow]
    pace: tuple[str, Iterable[common.Progress]] | None  # while the period runs
    scores: list[str]
    shortfalls: list[Short]
    notices: Iterable[str]
    problems: list[str]


def _written(report: _Report, loaded: LoadedPlan, lang: Lang) -> Iterator[str]:
    """The report a section at a time: a province's matrix is never one string."""
    legend = " · ".join(
        [
            *(f"{LOOK[s].emoji} {labels.word(s, lang)}" for s in Status),
            labels.basis(loaded.plan, lang),
        ]
    )
    head = [
        "# " + say("md.title", lang, title=loaded.plan.plan.title, as_of=report.as_of),
        "",
        _provenance(loaded, lang),
        "",
        *(f"- {line}" for line in report.summary),
        "",
        f"## {say('md.matrix', lang)}",
        "",
    ]
    yield _joined(head)
    yield from _batched(_matrix(report.tasks, report.units, loaded, lang))
    yield _joined(["", labels.labelled("report.legend", legend, lang)])
    if report.pace is not None:
        yield from _batched(_progress(*report.pace, loaded, lang))
    yield _joined(report.scores)
    yield from _batched(_shortfalls(report.shortfalls, loaded, lang))
    notices = iter(report.notices)
    first = next(notices, None)
    if first is not None:
        yield _joined(["", f"## {say('report.notices', lang)}", "", first])
        yield from _batched(notices)
    if report.problems:
        yield _joined(["", f"## {say('report.problems', lang)}", "", *report.problems])


def _joined(lines: list[str]) -> str:
    return "".join(line + "\n" for line in lines)


def _batched(lines: Iterable[str], size: int = 2000) -> Iterator[str]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) == size:
            yield _joined(batch)
            batch = []
    yield _joined(batch)


def _notice(location: Location, message: Message, lang: Lang) -> str:
    return f"- {escape(str(location))}: {escape(message.render(lang))}"


def _provenance(loaded: LoadedPlan, lang: Lang) -> str:
    """Which plan, which file and version of it, encoded from which notice."""
    info = loaded.plan.plan
    sha = loaded.sha256[:12]
    return say(
        "md.plan", lang, plan=info.id, file=loaded.display, sha=sha, source=info.source.title
    )


def _matrix(
    tasks: tuple[str, ...], units: Iterable[MatrixRow], loaded: LoadedPlan, lang: Lang
) -> Iterator[str]:
    columns = labels.task_columns(loaded.plan, lang)
    heads_of_tasks = [columns[task] for task in tasks]
    ids = labels.show_ids(lang)
    heads = [say(key, lang) for key in ("report.unit", "report.name")][0 if ids else 1 :]
    yield (f"| {' | '.join(heads)} | " + " | ".join(heads_of_tasks)
           + f" | {say('report.status', lang)} |")  # fmt: skip
    yield "|" + "---|" * (len(heads) + len(heads_of_tasks) + 1)
    for unit in units:
        cells = [LOOK[unit.cell(task)].emoji for task in tasks]
        name = escape(labels.unit_name(loaded.index.units[unit.unit], lang))
        standing = labels.unit_status(unit.status, lang)
        who = f"`{unit.unit}` | {name}" if ids else name
        yield f"| {who} | " + " | ".join(cells) + f" | {standing} |"


def _table(keys: tuple[str, ...], lang: Lang) -> list[str]:
    return ["| " + " | ".join(say(key, lang) for key in keys) + " |", "|---" * len(keys) + "|"]


def _progress(
    line: str, rows: Iterable[common.Progress], loaded: LoadedPlan, lang: Lang
) -> Iterator[str]:
    keys = ("report.name", "report.done", "report.owed", "report.share", "report.pace")
    yield from ["", f"## {say('report.progress', lang)}", "", escape(line), ""]
    yield from _table(keys, lang)
    for row in rows:
        name = escape(labels.unit_name(loaded.index.units[row.unit], lang))
        pace = f"{PACE[row.on_pace].emoji} {common.pace(row, lang)}"
        yield f"| {name} | {row.done} | {row.owed} | {common.percent(row.share)} | {pace} |"


def _scores(result: Result, loaded: LoadedPlan, lang: Lang) -> list[str]:
    rows = common.score_rows(result, loaded, lang)
    if not rows:
        return []
    keys = ("report.ranking", "report.rank", "report.name", "report.points", "report.percent")
    lines = ["", f"## {say('report.scores', lang)}", ""]
    lines += [escape(common.scores_line(result, loaded, lang)), "", *_table(keys, lang)]
    lines += [
        f"| {escape(r.ranking)} | {r.rank} | {escape(r.name)} | {r.points} | {r.percent} |"
        for r in rows
    ]
    return lines


def _shortfalls(shorts: list[Short], loaded: LoadedPlan, lang: Lang) -> Iterator[str]:
    if not shorts:
        return
    headers = " | ".join(
        say(f"report.{h}", lang) for h in ("status", "unit", "requirement", "detail", "due")
    )
    yield from ["", f"## {say('report.shortfalls', lang)}", "", f"| {headers} |"]
    yield "|---|---|---|---|---|"
    index = loaded.index
    for o in shorts:
        info = index.units[o.unit]
        name = escape(labels.unit_name(info, lang))
        who = f"`{o.unit}` {name}" if labels.show_ids(lang) else name
        if o.requirement:
            req = index.requirements[o.requirement][1]
            requirement = (
                f"`{req.id}` {escape(req.title)}" if labels.show_ids(lang) else escape(req.title)
            )
        else:
            requirement = say("report.all", lang)
        yield (
            f"| {LOOK[o.status].emoji} {labels.word(o.status, lang)} | {who} | "
            f"{requirement} | {escape(o.detail)} | {labels.date(o.due, lang)} |"
        )


_MARKDOWN = str.maketrans({"\\": "\\\\", "|": "\\|", "`": "\\`", "<": "&lt;", ">": "&gt;",
                           "&": "&amp;", "[": "\\[", "]": "\\]", "*": "\\*", "_": "\\_",
                           "#": "\\#", "\n": " ", "\r": " "})  # fmt: skip


def escape(text: str) -> str:
    """Text from an input, safe inside a markdown table cell, list item or paragraph: no
    markup (<script>, backticks, [links](…), emphasis, a heading), no pipe closing the
    cell, no new line."""
    return text.translate(_MARKDOWN)
