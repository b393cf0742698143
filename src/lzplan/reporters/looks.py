"""How each status looks in every format: one line a status, so a new status (or a
changed colour) is one place. Its words are in the message catalogues
(``status.<name>`` and ``status.<name>.cell``)."""

from __future__ import annotations

from typing import NamedTuple

from lzplan.check.result import Status, UnitStatus


class Look(NamedTuple):
    style: str  # rich style, at a terminal
    emoji: str  # markdown
    colour: str  # HTML background of a cell
    ink: str = "#ffffff"  # HTML text on it: at least 4.5:1 against the background (WCAG AA)


LOOK = {
    Status.MET: Look("green", "✅", "#2e7d32"),
    Status.MET_LATE: Look("yellow", "🕒", "#f9a825", "#212121"),
    Status.PENDING: Look("cyan", "⏳", "#0277bd"),
    Status.MISSED: Look("bold red", "❌", "#c62828"),
    Status.NOT_SUBMITTED: Look("red", "📭", "#6a1b9a"),
    Status.WAIVED: Look("blue", "🆗", "#546e7a"),
    Status.NIL: Look("blue", "⭕", "#00796b"),
    Status.NOT_APPLICABLE: Look("dim", "·", "#eeeeee", "#616161"),
    Status.INVALID: Look("bold magenta", "⚠️", "#000000"),
}
UNIT_STYLE = {
    UnitStatus.COMPLIANT: "green",
    UnitStatus.COMPLIANT_LATE: "yellow",
    UnitStatus.ON_TRACK: "cyan",
    UnitStatus.BEHIND: "bold red",
    UnitStatus.NOT_SUBMITTED: "red",
    UnitStatus.INVALID: "bold magenta",
    UnitStatus.NOTHING_OWED: "dim",
}
# A unit's progress against time: keeping pace, or behind it (terminal style, HTML ink).
PACE = {True: Look("green", "🟢", "#2e7d32"), False: Look("red", "🔴", "#c62828")}
