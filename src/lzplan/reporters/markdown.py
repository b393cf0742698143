"""The markdown report: for a pull-request comment, a wiki page or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from collections.abc import Iterable

from lzplan.check.result import Result, Status
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common, labels
from lzplan.reporters.looks import LOOK, PACE


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    legend = " · ".join(
        [
            *(f"{LOOK[s].emoji} {labels.word(s, lang)}" for s in Status),
            labels.basis(loaded.plan, lang),
        ]
    )
    lines = [
        "# " + say("md.title", lang, title=loaded.plan.plan.title, as_of=result.as_of),
        "",
        _provenance(loaded, lang),
        "",
        *(f"- {line}" for line in common.summary(result, lang)),
        "",
        f"## {say('md.matrix', lang)}",
        "",
        *_matrix(result, loaded, lang),
        "",
        labels.labelled("report.legend", legend, lang),
    ]
    lines += _progress(result, loaded, lang)
    lines += _scores(result, loaded, lang)
    lines += _shortfalls(result, loaded, lang)
    for title, messages in (
        ("report.notices", result.notices),
        ("report.problems", result.problems),
    ):
        if messages:
            lines += ["", f"## {say(title, lang)}", ""]
            lines += [
                f"- {escape(str(m.location))}: {escape(m.message.render(lang))}" for m in messages
            ]
    return ["\n".join(lines) + "\n"]


def _provenance(loaded: LoadedPlan, lang: Lang) -> str:
    """Which plan, which file and version of it, encoded from which notice."""
    info = loaded.plan.plan
    sha = loaded.sha256[:12]
    return say(
        "md.plan", lang, plan=info.id, file=loaded.display, sha=sha, source=info.source.title
    )


def _matrix(result: Result, loaded: LoadedPlan, lang: Lang) -> list[str]:
    columns = labels.task_columns(loaded.plan, lang)
    tasks = [columns[task] for task in result.tasks]
    ids = labels.show_ids(lang)
    heads = [say(key, lang) for key in ("report.unit", "report.name")][0 if ids else 1 :]
    rows = [
        f"| {' | '.join(heads)} | " + " | ".join(tasks) + f" | {say('report.status', lang)} |",
        "|" + "---|" * (len(heads) + len(tasks) + 1),
    ]
    for unit in result.units:
        cells = [LOOK[unit.cell(task)].emoji for task in result.tasks]
        name = escape(labels.unit_name(loaded.index.units[unit.unit], lang))
        standing = labels.unit_status(unit.status, lang)
        who = f"`{unit.unit}` | {name}" if ids else name
        rows.append(f"| {who} | " + " | ".join(cells) + f" | {standing} |")
    return rows


def _table(keys: tuple[str, ...], lang: Lang) -> list[str]:
    return ["| " + " | ".join(say(key, lang) for key in keys) + " |", "|---" * len(keys) + "|"]


def _progress(result: Result, loaded: LoadedPlan, lang: Lang) -> list[str]:
    rows = common.progress(result, loaded)
    if not rows:
        return []
    keys = ("report.name", "report.done", "report.owed", "report.share", "report.pace")
    lines = ["", f"## {say('report.progress', lang)}", ""]
    lines += [escape(common.progress_line(result, loaded, lang)), "", *_table(keys, lang)]
    for row in rows:
        name = escape(labels.unit_name(loaded.index.units[row.unit], lang))
        pace = f"{PACE[row.on_pace].emoji} {common.pace(row, lang)}"
        lines.append(f"| {name} | {row.done} | {row.owed} | {common.percent(row.share)} | {pace} |")
    return lines


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


def _shortfalls(result: Result, loaded: LoadedPlan, lang: Lang) -> list[str]:
    outcomes = common.shortfalls(result)
    if not outcomes:
        return []
    headers = " | ".join(
        say(f"report.{h}", lang) for h in ("status", "unit", "requirement", "detail", "due")
    )
    lines = [
        "",
        f"## {say('report.shortfalls', lang)}",
        "",
        f"| {headers} |",
        "|---|---|---|---|---|",
    ]
    index = loaded.index
    for o in outcomes:
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
        lines.append(
            f"| {LOOK[o.status].emoji} {labels.word(o.status, lang)} | {who} | "
            f"{requirement} | {escape(o.detail.render(lang))} | {labels.date(o.due, lang)} |"
        )
    return lines


_MARKDOWN = str.maketrans({"\\": "\\\\", "|": "\\|", "`": "\\`", "<": "&lt;", ">": "&gt;",
                           "&": "&amp;", "[": "\\[", "]": "\\]", "*": "\\*", "_": "\\_",
                           "#": "\\#", "\n": " ", "\r": " "})  # fmt: skip


def escape(text: str) -> str:
    """Text from an input, safe inside a markdown table cell, list item or paragraph: no
    markup (<script>, backticks, [links](…), emphasis, a heading), no pipe closing the
    cell, no new line."""
    return text.translate(_MARKDOWN)
