"""What a kind does not need: the parts of ``lzplan.kinds.Kind`` that do nothing.

A kind module takes them by name, re-exported (``from lzplan.kinds.defaults import
quota as quota``), so it spells out only what is its own.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

from lzplan.kinds.base import Stated
from lzplan.location import PathKey
from lzplan.messages import Message

can_recur = False  # a figure or a milestone is one, not one per period


def check(requirement: Any) -> None:
    """Nothing beyond the fields' own types."""


def references(requirement: Any, index: Any) -> Iterator[tuple[PathKey, Message]]:
    """No field refers to the plan's units or groups."""
    return iter(())


def encoded(requirement: Any) -> list[Stated]:
    """No number of the notice is encoded."""
    return []


def threshold(requirement: Any, key: str) -> int | None:
    """Nothing is owed per unit: the kind decides what meeting it takes."""
    return None


def entry_problems(
    requirement: Any, entry: Any, index: Any, reported: dt.date
) -> Iterator[tuple[PathKey, Message]]:
    """Nothing to check beyond the entry's own types."""
    return iter(())


def quota(requirement: Any, index: Any) -> Message | None:
    """No number to reach."""
    return None
