"""The exceptions lzplan raises, and the exit codes; only ``cli.py`` turns one into the other."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from lzplan.location import Location
from lzplan.messages import Lang, Message, msg

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_INPUT = 2
EXIT_INTERNAL = 3


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, and where."""

    location: Location
    message: Message

    def render(self, lang: Lang = "en") -> str:
        return msg("problem.line", location=str(self.location), message=self.message).render(lang)

    def __str__(self) -> str:
        return self.render("en")

    def sort_key(self) -> tuple[Location, str]:
        return (self.location, str(self.message))


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Each problem once, in file, line and column order."""
    return sorted(set(problems), key=Problem.sort_key)


class LzplanError(Exception):
    """Base of every error lzplan reports to the user."""

    exit_code = EXIT_INPUT

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(str(message))

    def lines(self, lang: Lang) -> list[str]:
        return [msg("error.line", message=self.message).render(lang)]


class InputError(LzplanError):
    """One or more inputs are invalid; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = sorted_problems(problems)
        Exception.__init__(self, "\n".join(str(p) for p in self.problems))

    def lines(self, lang: Lang) -> list[str]:
        return [p.render(lang) for p in self.problems]


class UsageError(LzplanError):
    """The command line asks for something that cannot be done."""


class OutputError(LzplanError):
    """A report could not be written (a full disk, no permission, a folder in the way):
    the user's environment, not a bug."""
