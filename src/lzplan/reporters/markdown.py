"""The markdown report: for a pull-request comment, a wiki page or $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from lzplan.plan import LoadedPlan
from lzplan.reporters import common, labels
from lzplan.result import Result, Status

EMOJI = {
    Status.MET: "✅",
    Status.MET_LATE: "🕒",
    Status.PENDING: "⏳",
    Status.MISSED: "❌",
    Status.NOT_SUBMITTED: "📭",
    Status.WAIVED: "🆗",
    Status.NOT_APPLICABLE: "·",
    Status.INVALID: "⚠️",
}


def render(result: Result, loaded: LoadedPlan, *, color: bool = False) -> str:
    del color  # markdown has no terminal colours
    info = loaded.plan.plan
    lines = [
        f"# {info.title}: compliance as of {result.as_of}",
        "",
        f"Plan `{info.id}` (`{loaded.display}`, sha256 `{loaded.sha256[:12]}`), "
        f"encoded from {info.source.title}.",
        "",
        *(f"- {line}" for line in common.summary(result)),
        "",
        "## Matrix",
        "",
        *_matrix(result, loaded),
        "",
        "Legend: " + " · ".join(f"{EMOJI[s]} {labels.WORD[s]}" for s in Status),
    ]
    lines += _shortfalls(result, loaded)
    if result.notices:
        lines += ["", "## Notices", ""]
        lines += [f"- `{n.location}`: {_cell(n.message)}" for n in result.notices]
    if result.problems:
        lines += ["", "## Input problems", ""]
        lines += [f"- `{p.location}`: {_cell(p.message)}" for p in result.problems]
    return "\n".join(lines) + "\n"


def _matrix(result: Result, loaded: LoadedPlan) -> list[str]:
    tasks = [task.removeprefix("t") for task in result.tasks]
    rows = [
        "| unit | name | " + " | ".join(tasks) + " | status |",
        "|---|---|" + "---|" * len(tasks) + "---|",
    ]
    for unit in result.units:
        cells = [EMOJI[unit.cell(task)] for task in result.tasks]
        name = loaded.index.units[unit.unit].name
        standing = labels.UNIT_STATUS[unit.status]
        rows.append(f"| `{unit.unit}` | {name} | " + " | ".join(cells) + f" | {standing} |")
    return rows


def _shortfalls(result: Result, loaded: LoadedPlan) -> list[str]:
    outcomes = common.shortfalls(result)
    if not outcomes:
        return []
    lines = [
        "",
        "## Shortfalls, worst first",
        "",
        "| status | unit | requirement | detail | due |",
        "|---|---|---|---|---|",
    ]
    for o in outcomes:
        name = loaded.index.units[o.unit].name
        if o.requirement:
            title = loaded.index.requirements[o.requirement][1].title
            requirement = f"`{o.requirement}` {title}"
        else:
            requirement = "(all)"
        lines.append(
            f"| {EMOJI[o.status]} {labels.WORD[o.status]} | `{o.unit}` {name} | "
            f"{_cell(requirement)} | {_cell(o.detail)} | {o.due} |"
        )
    return lines


def _cell(text: str) -> str:
    """Text safe inside a markdown table cell."""
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")
