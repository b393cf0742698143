"""Every word lzplan prints, in every language: one catalogue module per language.

A message is kept as a key and its parameters (a ``Message``) until it is printed, so
one result can be shown in any language; the plan's own text is never translated.
A catalogue is a module of this package named after its language (``en.py``,
``zh.py``) holding ``MESSAGES``, a flat dict of key → template; adding a language is
adding one such file. English is the reference: every key exists there, and a key
missing from another catalogue is an error, never a silent fallback.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, lru_cache

REFERENCE = "en"
Lang = str  # a language code: the name of a catalogue module of this package


@dataclass(frozen=True, slots=True)
class Message:
    """A translatable message: a catalogue key and its parameters.

    A parameter may itself be a Message (rendered in the same language), or a list
    or tuple (joined the language's way).
    """

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: Lang = REFERENCE) -> str:
        template = catalogue(lang)[self.key]
        return template.format(**{name: _value(value, lang) for name, value in self.params})

    def __str__(self) -> str:
        return self.render(REFERENCE)


def numeral(n: int) -> Message:
    """A number as a heading or an ordinal writes it, in any language: 一…二十 from the
    catalogue, 二十一…九十九 composed from them, and digits beyond (no count of headings
    is too many)."""
    if 1 <= n <= 20:
        return msg(f"numeral.{n}")
    if 21 <= n <= 99:
        tens, ones = divmod(n, 10)
        return msg("numeral.tens", n=n, tens=msg(f"numeral.{tens}"),
                   ones=msg(f"numeral.{ones}") if ones else "")  # fmt: skip
    return msg("numeral.digits", n=n)


def msg(key: str, /, **params: object) -> Message:
    """A message; a key the reference catalogue lacks is a bug, raised where it is made."""
    if key not in catalogue(REFERENCE):
        raise KeyError(key)
    frozen = {name: tuple(v) if isinstance(v, list) else v for name, v in params.items()}
    return Message(key, tuple(sorted(frozen.items())))


def say(key: str, lang: Lang, /, **params: object) -> str:
    """Render a catalogue message at once (for fixed labels of a report)."""
    return msg(key, **params).render(lang)


def plural(key: str, count: int) -> str:
    """``key.one`` for one, ``key.other`` otherwise (a catalogue may word both alike)."""
    return f"{key}.one" if count == 1 else f"{key}.other"


def either(choices: list[str]) -> object:
    """'a', 'b' or 'c', worded the language's way."""
    if len(choices) == 1:
        return choices[0]
    return msg("list.or", rest=choices[:-1], last=choices[-1])


def _value(value: object, lang: Lang) -> object:
    if isinstance(value, Message):
        try:
            return _inner(value, lang)
        except TypeError:  # a parameter that cannot be hashed (a dict): rendered each time
            return value.render(lang)
    if isinstance(value, dt.date):  # 2011-12-31, 2011年12月31日
        return date(value, lang)
    if isinstance(value, list | tuple):
        separator = catalogue(lang)["list.sep"]
        return separator.join(str(_value(item, lang)) for item in value)
    if isinstance(value, str):
        return printable(value)
    return value


@lru_cache(maxsize=8192)
def _inner(message: Message, lang: Lang) -> str:
    """A message inside another, rendered once: the same unit is named by thousands of
    notices (文号 also claimed by 'g00028'…)."""
    return message.render(lang)


def printable(text: str) -> str:
    """Text from an input, made safe to print: a control character (a line break, ESC,
    DEL…) shown as its escape, so no input can start a line of its own or steer a
    terminal."""
    if text.isprintable() and not _HIDDEN.search(text):
        return text
    return "".join(
        ch
        if (ch.isprintable() and not _HIDDEN.match(ch)) or ch == " "
        else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


# Printable characters that show nothing — letters that render blank and variation
# selectors — shown as escapes too, so a 文号 padded with them is seen for what it is.
_HIDDEN = re.compile("[\u3164\u115f\u1160\uffa0\u2800\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def date(value: dt.date, lang: Lang) -> str:
    """A date as the language writes it."""
    template = catalogue(lang)["format.date"]
    return template.format(year=value.year, month=value.month, day=value.day, iso=value)


@cache
def catalogue(lang: Lang) -> Mapping[str, str]:
    """The messages of ``lang``; an unknown language is a LookupError."""
    if lang not in languages():
        raise LookupError(lang)
    module = importlib.import_module(f"{__name__}.{lang}")
    messages: Mapping[str, str] = module.MESSAGES
    return messages


def languages() -> tuple[Lang, ...]:
    """The languages there is a catalogue for, English first."""
    return _languages(tuple(__path__))


@cache
def _languages(path: tuple[str, ...]) -> tuple[Lang, ...]:
    # listed once per package path: a re-check asks for every kept verdict's messages
    found = sorted(m.name for m in pkgutil.iter_modules(path) if not m.name.startswith("_"))
    return (REFERENCE, *(name for name in found if name != REFERENCE))
