"""The fixed words of every report, from the message catalogue of the output language."""

from __future__ import annotations

from lzplan.check.result import Reason, Status, UnitStatus
from lzplan.messages import Lang, say


def symbol(status: Status, lang: Lang) -> str:
    """A matrix cell: short, distinct without colour."""
    return say(f"{status.key}.cell", lang)


def word(status: Status, lang: Lang) -> str:
    return say(status.key, lang)


def unit_status(status: UnitStatus, lang: Lang) -> str:
    return say(status.key, lang)


def reason(value: Reason, lang: Lang) -> str:
    return say(f"reason.{value}", lang)


def kind(name: str, lang: Lang) -> str:
    return say(f"kind.{name}", lang)


def colon(lang: Lang) -> str:
    return say("report.colon", lang)


def heading(key: str, lang: Lang) -> str:
    """A label followed by a colon: 'Notices:' / '提示：'."""
    return say(key, lang) + colon(lang).rstrip()


def labelled(key: str, value: object, lang: Lang) -> str:
    """'Legend: …' / '图例：…'"""
    return f"{say(key, lang)}{colon(lang)}{value}"


def legend(lang: Lang) -> str:
    return "  ".join(f"{symbol(s, lang)} {word(s, lang)}" for s in Status)
