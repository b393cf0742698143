"""Everything lzplan prints or writes, one module per format, found by name."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import import_module
from typing import Protocol

from lzplan.i18n import Lang
from lzplan.plan import LoadedPlan
from lzplan.result import Result

# Format name → module; each has ``render(result, loaded, lang)``, and the terminal's
# also takes ``color`` and ``show_all`` (it alone colours and trims a large matrix).
# Modules are imported on demand, so start-up only pays for the formats asked for.
FORMATS = {
    "terminal": "terminal",
    "markdown": "markdown",
    "json": "json_report",
    "junit": "junit",
    "github": "github",
    "parsable": "parsable",
    "html": "html",
}


class Reporter(Protocol):
    """Renders a check result as the text of one format."""

    def __call__(
        self,
        result: Result,
        loaded: LoadedPlan,
        *,
        color: bool = False,
        lang: Lang = "en",
        show_all: bool = False,
    ) -> str: ...


def get(name: str) -> Reporter:
    """The reporter of a format. Only the terminal's takes colour and ``show_all``; the
    other formats' ``render(result, loaded, lang)`` is adapted to the same call."""
    module = import_module(f"lzplan.reporters.{FORMATS[name]}")
    if name == "terminal":
        terminal: Reporter = module.render
        return terminal
    plain: Plain = module.render

    def reporter(
        result: Result,
        loaded: LoadedPlan,
        *,
        color: bool = False,
        lang: Lang = "en",
        show_all: bool = False,
    ) -> str:
        return plain(result, loaded, lang)

    return reporter


class Plain(Protocol):
    def __call__(self, result: Result, loaded: LoadedPlan, lang: Lang = "en") -> str: ...


def stream(name: str) -> Streamer:
    """The format as chunks of text: a streaming reporter's own, or its whole text."""
    module = import_module(f"lzplan.reporters.{FORMATS[name]}")
    if hasattr(module, "chunks"):
        streamer: Streamer = module.chunks
        return streamer
    reporter = get(name)

    def whole(result: Result, loaded: LoadedPlan, lang: Lang = "en") -> Iterator[str]:
        yield reporter(result, loaded, lang=lang)

    return whole


class Streamer(Protocol):
    def __call__(self, result: Result, loaded: LoadedPlan, lang: Lang = "en") -> Iterator[str]: ...
