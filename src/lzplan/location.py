"""Where something is in an input file: every ``file:line:column`` is made here."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

PathKey = tuple[str | int, ...]


@dataclass(frozen=True, order=True, slots=True)
class Location:
    """A 1-based position in a file; ``line``/``column`` are 0 when unknown."""

    file: str
    line: int = 0
    column: int = 0

    def __str__(self) -> str:
        if self.line <= 0:
            return self.file
        return f"{self.file}:{self.line}:{self.column}"


def at_offset(file: str, text: str, index: int) -> Location:
    """The line and column of character ``index`` in ``text``."""
    line = text.count("\n", 0, index) + 1
    return Location(file, line, index - (text.rfind("\n", 0, index) + 1) + 1)


@dataclass
class PositionMap:
    """Maps a path into the loaded data (keys and list indexes) to its Location.

    For a mapping entry the position is the key's, which is where a reader looks;
    for a list item it is the item's start.
    """

    file: str
    positions: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def find(self, path: Sequence[str | int]) -> Location:
        """The position of ``path``, or of its nearest ancestor that has one."""
        key = tuple(path)
        while key:
            found = self.positions.get(key)
            if found is not None:
                return Location(self.file, *found)
            key = key[:-1]
        return Location(self.file, 1, 1)
