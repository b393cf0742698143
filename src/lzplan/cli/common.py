"""What every command shares: ``guarded``, the one place lzplan's errors become
messages and exit codes (and Ctrl-C, SIGTERM, SIGHUP and a closed pipe end quietly);
printing, dates, the plan in use, and writing what lzplan makes."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import typer

from lzplan.cli.options import (
    Color,
)
from lzplan.errors import (
    EXIT_FAILED,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    InputError,
    LzplanError,
    UsageError,
)
from lzplan.messages import REFERENCE, Lang, msg, plural, say

if TYPE_CHECKING:
    from lzplan.check.run import Checked, StreamedCheck


def guarded(command: Callable[..., int]) -> Callable[..., None]:
    """Run a command and exit with its code; turn lzplan's errors into messages and exit
    codes, and anything else into exit 3 (a bug) with a hint to report it."""

    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> None:
        lang = str(kwargs.get("lang", REFERENCE))
        try:
            code = command(*args, **kwargs)
            sys.stdout.flush()
        except LzplanError as error:
            fail(error, lang)
        except (KeyboardInterrupt, Stopped) as stopped:  # Ctrl-C: no traceback, no half report
            echo(say("cli.interrupted", lang), err=True)
            raise typer.Exit(interrupted_code(stopped)) from None
        except BrokenPipeError:  # | head: the reader has all it wanted
            silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as error:
            if kwargs.get("debug"):
                raise
            echo(say("cli.bug", lang, error=f"{type(error).__name__}: {error}"), err=True)
            raise typer.Exit(EXIT_INTERNAL) from None
        raise typer.Exit(code)

    return run


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as `yes | head` reports


def silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass


def fail(error: LzplanError, lang: Lang) -> NoReturn:
    for line in error.lines(lang):
        echo(line, err=True)
    if isinstance(error, InputError):
        echo(count_line(len(error.problems), lang), err=True)
    raise typer.Exit(error.exit_code)


def count_line(count: int, lang: Lang) -> str:
    return say(plural("cli.problems_found", count), lang, count=count)


def echo(text: str, *, err: bool = False) -> None:
    """Print a line. None of lzplan's lines to standard error starts with `::`, which
    GitHub's runner would execute as a workflow command (a file named ::add-mask::…)."""
    if err and text.startswith("::"):
        text = "./" + text
    typer.echo(text, err=err)


def use_color(choice: Color) -> bool:
    """--color; in auto, the conventions: NO_COLOR (set and not empty) turns colour off,
    FORCE_COLOR (not empty, not 0) on, TERM=dumb off; else colour on a terminal."""
    if choice is not Color.auto:
        return choice is Color.always
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def fit_width(asked: int | None) -> int | None:
    """--width; else, on a terminal, its width (COLUMNS first, as shells set it); else
    None: a pipe or a file gets the report as wide as its content."""
    if asked is not None or not sys.stdout.isatty():
        return asked
    import shutil

    return max(20, shutil.get_terminal_size().columns)


def parse_date(value: str | None, option: str = "--as-of") -> dt.date:
    if value is None:
        return dt.date.today()  # the only place lzplan reads the clock
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(msg("usage.date", option=option, value=value)) from None
    if not FIRST_DAY <= day <= LAST_DAY:  # what follows a date (due, fix-by) stays a date
        raise UsageError(msg("usage.date_range", option=option, value=value,
                             first=FIRST_DAY, last=LAST_DAY))  # fmt: skip
    return day


# The dates lzplan reads from the command line: a work plan of any year a government
# has issued one, with room for the days counted after it (--within, --fix-by).
FIRST_DAY, LAST_DAY = dt.date(1949, 10, 1), dt.date(2199, 12, 31)


def terminal_console(color: Color):  # type: ignore[no-untyped-def]
    from lzplan.reporters import console

    return console.make(sys.stdout, color=use_color(color))


def finish(checked: Checked | StreamedCheck, lang: Lang, *, fail_on: str = "missed") -> int:
    """Input problems to stderr, then the exit code of a check."""
    if print_problems(checked, lang):
        return EXIT_INPUT
    from lzplan.check.result import FailOn

    return EXIT_FAILED if checked.result.fails_at(FailOn(fail_on)) else EXIT_OK


def print_problems(checked: Checked | StreamedCheck, lang: Lang) -> bool:
    problems = checked.result.problems
    for problem in problems:
        echo(problem.render(lang), err=True)
    if problems:
        echo(count_line(len(problems), lang), err=True)
    return bool(problems)


def write_made(path: Path, text: str, force: bool, lang: Lang, inputs: Iterable[Path] = ()) -> None:
    """Write a file lzplan made (a template, a draft): never over an input, never half."""
    from lzplan.reporters import write

    write.refuse_inputs([path], inputs)
    if path.exists() and not force:
        raise UsageError(msg("usage.exists", path=path))
    write.atomic_write(path, [text])
    echo(say("cli.wrote", lang, path=path), err=True)


def find_plan(given: Path | None, lang: Lang, submissions: Iterable[Path] = ()) -> Path:
    """The plan file a command uses; says so when it is the shipped one."""
    from lzplan.plan import shipped

    found = shipped.find(given, submissions)
    if found.note is not None:
        echo(found.note.render(lang), err=True)
    return found.path


def plan_files(plan: Path, *others: Path | None) -> list[Path]:
    """The plan, its waivers, scores and every file beside it (its notice): never a
    report's place."""
    beside = [p for p in plan.parent.iterdir() if p.is_file()] if plan.parent.is_dir() else []
    return [plan, *(other for other in others if other), *beside]


class Stopped(BaseException):
    """SIGTERM (a cancelled CI job) or SIGHUP (a closed terminal): unwound as Ctrl-C is,
    so no report is left half written and no temporary file stays behind. Not a
    KeyboardInterrupt: typer would turn that into 130 while it reads the command line."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.code = 128 + signum  # as shells report a command the signal ended


def stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


def interrupted_code(stopped: BaseException) -> int:
    return stopped.code if isinstance(stopped, Stopped) else EXIT_INTERRUPTED
