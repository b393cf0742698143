"""Which unit a file may speak for, decided by where it sits — never by what it says.

A file that says ``unit: tourism`` speaks for 市旅游局 only if its place binds it to
tourism: by default it sits in a folder named after the unit (``units/tourism/…``,
the unit's repository in a central layout: the outermost such folder binds every file
under it, whatever the file's name), or, in no unit's folder, it is named after the
unit (``tourism.yaml``), counted from the folder being checked. A central repository
whose layout differs gives patterns (``--bind 'repos/{unit}/submissions/*.yaml'``),
which are then the only places a file may speak from; a unit's own repository checks
with ``--unit X``, which binds every file to X. A file its place binds to no unit, or
to another unit than the one it claims, is an input error and speaks for no one.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from lzplan.errors import UsageError
from lzplan.messages import msg

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(frozen=True)
class Binding:
    """How files are bound to units: the patterns a central repository gives, or the one
    unit a unit's own repository checks."""

    patterns: tuple[re.Pattern[str], ...] = ()
    only: str | None = None

    def unit_for(self, place: str, units: Collection[str]) -> str | None:
        """The unit a file at ``place`` (a POSIX path relative to the folder being
        checked, or as given) may speak for; None when its place names none."""
        if self.only is not None:
            return self.only
        for pattern in self.patterns:
            match = pattern.fullmatch(place)
            if match is not None and match.group("unit") in units:
                return match.group("unit")
        if self.patterns:  # the patterns say where files are; a file elsewhere is no one's
            return None
        *folders, name = place.split("/")
        # a folder named after a unit is that unit's (its repository): everything under
        # it speaks for that unit alone, whatever the file's own name says
        owner = next((folder for folder in folders if folder in units), None)
        if owner is not None:
            return owner
        stem = name
        for suffix in YAML_SUFFIXES:
            stem = stem.removesuffix(suffix)
        return stem if stem in units else None


def compile_patterns(patterns: Sequence[str]) -> tuple[re.Pattern[str], ...]:
    """'repos/{unit}/**' → a regular expression; ``{unit}`` is one path segment, ``*``
    any text within a segment, ``**`` any number of segments."""
    compiled = []
    for pattern in patterns:
        if pattern.count("{unit}") != 1:
            raise UsageError(msg("usage.bind_pattern", pattern=pattern))
        # its leading folders may be the folder being checked: 'repos/{unit}/…' binds
        # repos/naxi/… checked from above, and naxi/… when 'repos' itself is checked
        segments = pattern.split("/")
        plain = next(i for i, s in enumerate(segments) if re.search(r"\{unit\}|\*|\?", s))
        head, rest = "/".join(segments[:plain]), "/".join(segments[plain:])
        parts = re.split(r"(\{unit\}|\*\*/?|\*|\?)", rest)
        regex = "".join(_piece(part) for part in parts)
        compiled.append(re.compile(f"(?:{re.escape(head)}/)?{regex}" if head else regex))
    return tuple(compiled)


def _piece(part: str) -> str:
    if part == "{unit}":
        return r"(?P<unit>[^/]+)"
    if part in ("**", "**/"):
        return r"(?:.*/)?" if part.endswith("/") else r".*"
    if part == "*":
        return r"[^/]*"
    if part == "?":
        return r"[^/]"
    return re.escape(part)
