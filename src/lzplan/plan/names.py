"""Names of the plan's units and groups, as a notice writes them, matched to their ids.

A unit is found by its name or one of its aliases (简称: 市法制办 for 市政府法制办公室);
a group by any of its names (各区县人民政府, 各区、县（市）人民政府). Full- and
half-width brackets, colons and commas compare equal, and white space is ignored.
"""

from __future__ import annotations

import copy
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
        # by first character, longest first: where two names start at one place, the
        # longer is meant; where none starts with the character, nothing is tried
        self._lengths: dict[str, list[int]] = {}
        for unit in units:
            for name in (unit.name, *unit.aliases):
                self._add(name, "unit", unit.id)
        self._add_groups(groups)

    @classmethod
    def of(cls, plan: Plan, extra: Iterable[Group] = ()) -> NameIndex:
        """A plan's names, and ``extra`` groups'. The plan's own are gathered once per
        plan (a trace asks for them once per task; a plan of 10,000 units has 20,000)."""
        cached = _PLAN_NAMES.get(id(plan))
        if cached is None or cached[0] is not plan:
            _PLAN_NAMES.clear()  # one plan at a time: a process rarely holds more
            cached = _PLAN_NAMES[id(plan)] = (plan, cls(plan.units, plan.groups))
        return cached[1].extended(extra)

    def extended(self, groups: Iterable[Group]) -> NameIndex:
        """These names and ``groups``', without going over every name again: a trace
        asks once per task."""
        grown = copy.copy(self)
        grown.names = dict(self.names)
        grown._lengths = dict(self._lengths)  # _add replaces a list, never changes it
        grown._add_groups(groups)
        return grown

    def _add_groups(self, groups: Iterable[Group]) -> None:
        for group in groups:
            for name in group.names:
                self._add(name, "group", group.id)

    def _add(self, name: str, what: str, id_: str) -> None:
        """One name; a name already known keeps its first meaning."""
        normal = key(name)
        if normal in self.names:
            return
        self.names[normal] = (what, id_)
        known = self._lengths.get(normal[:1], [])
        if normal and len(normal) not in known:
            self._lengths[normal[0]] = sorted([*known, len(normal)], reverse=True)

    def scan(self, text: str) -> tuple[list[Named], list[str]]:
        """The names in ``text`` (the leftmost, then the longest), and the stretches
        between them that name nothing the plan knows."""
        normal, spans = _normalised(text)
        found: list[Named] = []
        unknown: list[str] = []
        previous = i = 0
        while i < len(normal):
            tried = self._lengths.get(normal[i], ())
            name = next((normal[i : i + n] for n in tried if normal[i : i + n] in self.names),
                        None)  # fmt: skip
            if name is None:
                i += 1
                continue
            start, end = spans[i], spans[i + len(name) - 1] + 1
            found.append(Named(start, end, text[start:end], *self.names[name]))
            unknown += _residue(text[previous:start])
            previous, i = end, i + len(name)
        unknown += _residue(text[previous:])
        return found, unknown


_PLAN_NAMES: dict[int, tuple[Plan, NameIndex]] = {}


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
