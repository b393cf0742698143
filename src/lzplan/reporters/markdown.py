"""The markdown report: for a pull-request comment, a wiki page or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from collections.abc import Iterable

from lzplan.check.result import Result, Status
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common, labels
from lzplan.reporters.looks import LOOK


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    legend = " · ".join(f"{LOOK[s].emoji} {labels.word(s, lang)}" for s in Status)
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
    lines += _shortfalls(result, loaded, lang)
    for title, messages in (
        ("report.notices", result.notices),
        ("report.problems", result.problems),
    ):
        if messages:
            lines += ["", f"## {say(title, lang)}", ""]
            lines += [f"- `{m.location}`: {_cell(m.message.render(lang))}" for m in messages]
    return ["\n".join(lines) + "\n"]


def _provenance(loaded: LoadedPlan, lang: Lang) -> str:
    """Which plan, which file and version of it, encoded from which notice."""
    info = loaded.plan.plan
    sha = loaded.sha256[:12]
    return say(
        "md.plan", lang, plan=info.id, file=loaded.display, sha=sha, source=info.source.title
    )


def _matrix(result: Result, loaded: LoadedPlan, lang: Lang) -> list[str]:
    tasks = [common.column(task) for task in result.tasks]
    heads = [say(key, lang) for key in ("report.unit", "report.name")]
    rows = [
        f"| {' | '.join(heads)} | " + " | ".join(tasks) + f" | {say('report.status', lang)} |",
        "|---|---|" + "---|" * len(tasks) + "---|",
    ]
    for unit in result.units:
        cells = [LOOK[unit.cell(task)].emoji for task in result.tasks]
        name = loaded.index.units[unit.unit].name
        standing = labels.unit_status(unit.status, lang)
        rows.append(f"| `{unit.unit}` | {name} | " + " | ".join(cells) + f" | {standing} |")
    return rows


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
    for o in outcomes:
        name = loaded.index.units[o.unit].name
        if o.requirement:
            title = loaded.index.requirements[o.requirement][1].title
            requirement = f"`{o.requirement}` {title}"
        else:
            requirement = say("report.all", lang)
        lines.append(
            f"| {LOOK[o.status].emoji} {labels.word(o.status, lang)} | `{o.unit}` {name} | "
            f"{_cell(requirement)} | {_cell(o.detail.render(lang))} | {o.due} |"
        )
    return lines


def _cell(text: str) -> str:
    """Text safe inside a markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
