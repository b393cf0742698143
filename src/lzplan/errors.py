"""The exceptions lzplan raises; only ``cli.py`` turns them into exit codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lzplan.location import Location

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with an input, and where."""

    location: Location
    message: str

    def __str__(self) -> str:
        return f"{self.location}: error: {self.message}"


class LzplanError(Exception):
    """Base of every error lzplan reports to the user."""

    exit_code = EXIT_INPUT


class InputError(LzplanError):
    """One or more inputs are invalid; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class UsageError(LzplanError):
    """The command line asks for something that cannot be done."""
