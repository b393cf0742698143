"""Names of the plan's units and groups, as a notice writes them, matched to their ids.

A unit is found by its name or one of its aliases (简称: 市法制办 for 市政府法制办公室);
a group by any of its names (各区县人民政府, 各区、县（市）人民政府). Full- and
half-width brackets, colons and commas compare equal, and white space is ignored.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from lzplan.plan.model import Group, Plan, Unit

_WIDTH = str.maketrans("（）〔〕【】：，；", "()()[]:,;")
# What may stand between names in an owner statement: separators and joining words.
_GLUE = re.compile(r"^[\s,，、;；:：和及与以及等]*$")


def key(name: str) -> str:
    """A name compared whatever its width of punctuation or its spacing."""
    return "".join(name.translate(_WIDTH).split())


@dataclass(frozen=True)
class Named:
    """A stretch of text naming a unit or a group."""

    start: int
    end: int
    text: str
    what: str  # unit | group
    id: str


class NameIndex:
    """Every name of some units and groups: a plan's (and ``extra`` groups, a task's own),
    or a registry's."""

    def __init__(self, units: Iterable[Unit], groups: Iterable[Group]) -> None:
        self.names: dict[str, tuple[str, str]] = {}
        for unit in units:
            for name in (unit.name, *unit.aliases):
                self.names.setdefault(key(name), ("unit", unit.id))
        for group in groups:
            for name in group.names:
                self.names.setdefault(key(name), ("group", group.id))
        ordered = sorted(self.names, key=len, reverse=True)
        self._pattern = re.compile("|".join(re.escape(name) for name in ordered) or "(?!)")

    @classmethod
    def of(cls, plan: Plan, extra: Iterable[Group] = ()) -> NameIndex:
        return cls(plan.units, [*plan.groups, *extra])

    def scan(self, text: str) -> tuple[list[Named], list[str]]:
        """The names in ``text`` (longest first), and the stretches between them that
        name nothing the plan knows."""
        normal, spans = _normalised(text)
        found: list[Named] = []
        unknown: list[str] = []
        previous = 0
        for match in self._pattern.finditer(normal):
            start, end = spans[match.start()], spans[match.end() - 1] + 1
            found.append(Named(start, end, text[start:end], *self.names[match.group(0)]))
            unknown += _residue(text[previous:start])
            previous = end
        unknown += _residue(text[previous:])
        return found, unknown


def _normalised(text: str) -> tuple[str, list[int]]:
    """``text`` as ``key`` writes it, with the index in ``text`` of each character."""
    chars, spans = [], []
    for i, char in enumerate(text.translate(_WIDTH)):
        if not char.isspace():
            chars.append(char)
            spans.append(i)
    return "".join(chars), spans


def _residue(text: str) -> Iterator[str]:
    for part in re.split(r"[,，、;；]", text):
        part = part.strip().removesuffix("等").strip()
        if part and not _GLUE.match(part):
            yield part
