"""Everything lzplan prints or writes, one module per format, found by name."""

from __future__ import annotations

from typing import Protocol

from lzplan.plan import LoadedPlan
from lzplan.result import Result


class Reporter(Protocol):
    """Renders a check result as the text of one format."""

    def __call__(self, result: Result, loaded: LoadedPlan, *, color: bool = False) -> str: ...


def registry() -> dict[str, Reporter]:
    """Format name → reporter. Imported on demand, so start-up stays light."""
    from lzplan.reporters import json_report, terminal

    return {"terminal": terminal.render, "json": json_report.render}


FORMATS = ("terminal", "json")
