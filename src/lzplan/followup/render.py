"""``diff`` and ``due`` in the three formats they come in: terminal, markdown, json.

Text that came from a file (a unit's name in a report, a detail) is shown as text:
the console reads no markup, markdown is escaped, JSON is JSON.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable, Iterable
from typing import Any

from rich.text import Text

from lzplan.check.result import Result, Status
from lzplan.followup.diff import Change, Diff
from lzplan.followup.due import Reminder
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import console as consoles
from lzplan.reporters import labels
from lzplan.reporters.console import show
from lzplan.reporters.looks import LOOK
from lzplan.reporters.markdown import escape
from lzplan.reporters.terminal import table

FORMATS = ("terminal", "markdown", "json")
SECTIONS = ("newly_met", "remedied", "newly_missed", "no_longer_met", "shortfalls")


# ---------------------------------------------------------------- diff


def diff(changes: Diff, fmt: str, lang: Lang, color: bool = False) -> str:
    return {"terminal": _diff_terminal, "markdown": _diff_markdown, "json": _diff_json}[fmt](
        changes, lang, color
    )


def _status(name: str | None, lang: Lang) -> str:
    return labels.word(Status(name), lang) if name else say("diff.not_owed", lang)


def _diff_rows(change: Change, lang: Lang) -> list[str]:
    moved = say("diff.moved", lang, before=_status(change.before, lang),
                after=_status(change.after, lang))  # fmt: skip
    detail = change.detail_after
    if change.before is not None and change.detail_before != change.detail_after:
        detail = say("diff.moved", lang, before=change.detail_before, after=change.detail_after)
    return [change.name, change.title, moved, detail, labels.date(_day(change.due), lang)]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def _diff_head(changes: Diff, lang: Lang) -> list[str]:
    lines = [say("diff.title", lang, old=changes.old_as_of, new=changes.new_as_of)]
    if changes.plan_changed:
        lines.append(say("diff.plan_changed", lang))
    if changes.empty:
        lines.append(say("diff.nothing", lang))
    return lines


_HEADERS = ("report.name", "report.requirement", "report.status", "report.detail", "report.due")


def _diff_terminal(changes: Diff, lang: Lang, color: bool) -> str:
    buffer = io.StringIO()
    console = consoles.make(buffer, color=color)
    for line in _diff_head(changes, lang):
        console.print(line)
    for section in SECTIONS:
        rows: list[Change] = getattr(changes, section)
        if rows:
            console.print()
            console.print(say(f"diff.{section}", lang, count=len(rows)))
            grid = table(*(say(key, lang) for key in _HEADERS))
            for change in rows:
                cells = _diff_rows(change, lang)
                look = LOOK[Status(change.after)].style
                grid.add_row(*cells[:2], Text(cells[2], style=look), *cells[3:])
            show(console, grid)
    if changes.newly_submitted:
        console.print()
        console.print(say("diff.newly_submitted", lang, count=len(changes.newly_submitted)))
        for _, name, file in changes.newly_submitted:
            console.print(f"  {name}{labels.colon(lang)}{file}")
    return buffer.getvalue()


def _diff_markdown(changes: Diff, lang: Lang, color: bool = False) -> str:
    title, *said = _diff_head(changes, lang)
    lines = [f"# {escape(title)}", ""]
    for line in said:
        lines += [escape(line), ""]
    for section in SECTIONS:
        rows: list[Change] = getattr(changes, section)
        if rows:
            lines += [f"## {say(f'diff.{section}', lang, count=len(rows))}", ""]
            lines += _md_table([say(key, lang) for key in _HEADERS],
                               [_diff_rows(change, lang) for change in rows])  # fmt: skip
            lines.append("")
    if changes.newly_submitted:
        count = len(changes.newly_submitted)
        lines += [f"## {say('diff.newly_submitted', lang, count=count)}", ""]
        lines += [f"- {escape(name)}{labels.colon(lang)}{escape(file)}"
                  for _, name, file in changes.newly_submitted]  # fmt: skip
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _md_table(header: list[str], rows: Iterable[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(escape(cell) for cell in row) + " |" for row in rows]
    return lines


def _diff_json(changes: Diff, lang: Lang, color: bool = False) -> str:
    def one(change: Change) -> dict[str, Any]:
        return {
            "unit": change.unit,
            "name": change.name,
            "requirement": change.requirement,
            "title": change.title,
            "before": change.before,
            "after": change.after,
            "detail_before": change.detail_before,
            "detail_after": change.detail_after,
            "due": change.due,
        }

    doc: dict[str, Any] = {
        "schema_version": 1,
        "from": changes.old_as_of,
        "to": changes.new_as_of,
        "plan_changed": changes.plan_changed,
    }
    doc |= {section: [one(c) for c in getattr(changes, section)] for section in SECTIONS}
    doc["newly_submitted"] = [
        {"unit": unit, "name": name, "file": file} for unit, name, file in changes.newly_submitted
    ]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


# ---------------------------------------------------------------- due


def due(rows: list[Reminder], result: Result, loaded: LoadedPlan, within: int, fmt: str, lang: Lang,
        color: bool = False) -> str:  # fmt: skip
    render: Callable[..., str] = {"terminal": _due_terminal, "markdown": _due_markdown,
                                  "json": _due_json}[fmt]  # fmt: skip
    return render(rows, result, loaded, within, lang, color)


def _due_head(rows: list[Reminder], result: Result, within: int, lang: Lang) -> str:
    until = result.as_of + dt.timedelta(days=within)
    key = "due.title" if rows else "due.nothing"
    return say(key, lang, count=len(rows), units=len({r.unit for r in rows}),
               within=within, as_of=labels.date(result.as_of, lang),
               until=labels.date(until, lang))  # fmt: skip


_DUE_HEADERS = ("report.due", "due.days", "report.requirement", "report.status", "report.detail")


def _by_unit(rows: list[Reminder]) -> dict[str, list[Reminder]]:
    grouped: dict[str, list[Reminder]] = {}
    for row in rows:
        grouped.setdefault(row.unit, []).append(row)
    return grouped


def _due_cells(row: Reminder, loaded: LoadedPlan, lang: Lang) -> list[str]:
    req = loaded.index.requirements[row.outcome.requirement][1]
    return [labels.date(row.outcome.due, lang), str(row.days_left), req.title,
            labels.word(row.outcome.status, lang), row.outcome.detail.render(lang)]  # fmt: skip


def _due_terminal(rows: list[Reminder], result: Result, loaded: LoadedPlan, within: int, lang: Lang,
                  color: bool) -> str:  # fmt: skip
    buffer = io.StringIO()
    console = consoles.make(buffer, color=color)
    console.print(_due_head(rows, result, within, lang))
    for unit, mine in _by_unit(rows).items():
        console.print()
        console.print(labels.unit_label(loaded.index.units[unit], lang))
        grid = table(*(say(key, lang) for key in _DUE_HEADERS))
        for row in mine:
            cells = _due_cells(row, loaded, lang)
            style = LOOK[row.outcome.status].style
            grid.add_row(*cells[:3], Text(cells[3], style=style), cells[4])
        show(console, grid)
    return buffer.getvalue()


def _due_markdown(rows: list[Reminder], result: Result, loaded: LoadedPlan, within: int, lang: Lang,
                  color: bool = False) -> str:  # fmt: skip
    lines = [f"# {escape(_due_head(rows, result, within, lang))}", ""]
    for unit, mine in _by_unit(rows).items():
        lines += [f"## {escape(labels.unit_label(loaded.index.units[unit], lang))}", ""]
        lines += _md_table([say(key, lang) for key in _DUE_HEADERS],
                           [_due_cells(row, loaded, lang) for row in mine])  # fmt: skip
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _due_json(rows: list[Reminder], result: Result, loaded: LoadedPlan, within: int, lang: Lang,
              color: bool = False) -> str:  # fmt: skip
    units = [
        {
            "id": unit,
            "name": loaded.index.units[unit].name,
            "items": [
                {
                    "requirement": row.outcome.requirement,
                    "title": loaded.index.requirements[row.outcome.requirement][1].title,
                    "due": row.outcome.due.isoformat(),
                    "days_left": row.days_left,
                    "status": str(row.outcome.status),
                    "detail": row.outcome.detail.render(lang),
                }
                for row in mine
            ],
        }
        for unit, mine in _by_unit(rows).items()
    ]
    doc = {
        "schema_version": 1,
        "plan": result.plan_id,
        "as_of": result.as_of.isoformat(),
        "until": (result.as_of + dt.timedelta(days=within)).isoformat(),
        "units": units,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
