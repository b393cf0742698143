"""Everything lzplan prints or writes about a check, one module per format.

``FORMATS`` is the registry: a format's name, the module that renders it, and what
else choosing it implies. Each module has ``render(result, loaded, options)``, which
yields the report's text in pieces (a large JSON report is never one string in
memory), or, for a binary format (xlsx), its bytes. Modules are imported on demand,
so start-up only pays for the formats asked for. To add a format: its module, one line
here, and its golden file in ``tests/cases/report/``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Protocol

from lzplan.messages import Lang

if TYPE_CHECKING:
    import datetime as dt

    from lzplan.check.result import Result
    from lzplan.check.stream import Lines, Streamed
    from lzplan.plan.load import LoadedPlan


@dataclass(frozen=True)
class Options:
    """How to render: the language; colour and ``show_all`` matter to the terminal only."""

    lang: Lang = "en"
    color: bool = False
    show_all: bool = False
    # what fails the run (--fail-on): JUnit and GitHub call a failure only what fails it
    fail_on: str = "missed"
    # the terminal matrix fitted to this many columns (None: as wide as its content)
    width: int | None = None


@dataclass(frozen=True)
class Format:
    module: str
    step_summary: bool = False  # GitHub Actions: also append markdown to $GITHUB_STEP_SUMMARY
    binary: bool = False  # a file, not text: render yields bytes, and no terminal shows it
    # its module also has ``lines(loaded, lang, as_of)`` (a ``check.stream.Lines``) and
    # ``render_streamed``: a check asking only for such formats streams its units
    # (``check.stream``)
    streams: bool = False


FORMATS = {
    "terminal": Format("terminal", streams=True),
    "markdown": Format("markdown", streams=True),
    "json": Format("json_report", streams=True),
    "junit": Format("junit"),
    "github": Format("github", step_summary=True),
    "parsable": Format("parsable"),
    "html": Format("html"),
    "xlsx": Format("xlsx", binary=True),
}


class Reporter(Protocol):
    """A format's module: renders a check result as that format's text."""

    def render(self, result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]: ...


class BinaryReporter(Protocol):
    """A binary format's module (a workbook): renders a check result as bytes."""

    def render(self, result: Result, loaded: LoadedPlan, options: Options) -> Iterable[bytes]: ...


def get(name: str) -> Reporter:
    """The module of a text format."""
    module: Reporter = import_module(f"{__name__}.{FORMATS[name].module}")
    return module


def chunks(
    name: str, result: Result, loaded: LoadedPlan, options: Options
) -> Iterable[str] | Iterable[bytes]:
    """A report in pieces: text, or bytes for a binary format."""
    module: Reporter | BinaryReporter = import_module(f"{__name__}.{FORMATS[name].module}")
    return module.render(result, loaded, options)


def text(name: str, result: Result, loaded: LoadedPlan, options: Options) -> str:
    """A whole report as one string."""
    return "".join(get(name).render(result, loaded, options))


def streaming(formats: Iterable[str]) -> tuple[str, ...] | None:
    """The formats a check can stream its units through, each once in the order first
    asked for: all the reports', when every one of them streams."""
    names = tuple(dict.fromkeys(formats))
    return names if names and all(FORMATS[name].streams for name in names) else None


class StreamingReporter(Protocol):
    """A streaming format's module: its lines, made where a file is judged, and the
    report written from a streamed check."""

    def lines(self, loaded: LoadedPlan, lang: Lang, as_of: dt.date) -> Lines: ...

    def render_streamed(
        self, streamed: Streamed, loaded: LoadedPlan, options: Options
    ) -> Iterable[str]: ...


def streamer(name: str) -> StreamingReporter:
    """The module of a format that streams."""
    module: StreamingReporter = import_module(f"{__name__}.{FORMATS[name].module}")
    return module
