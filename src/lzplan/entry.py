"""The `lzplan` command's first lines: Ctrl-C while Python is still importing lzplan
ends the run quietly (exit 130) instead of printing a traceback; once the command line
is read, the CLI handles it (``lzplan.cli.common.guarded``)."""

from __future__ import annotations

import os
import signal
from types import FrameType


def _early_interrupt(signum: int, frame: FrameType | None) -> None:  # pragma: no cover
    os._exit(130)  # nothing is open, nothing half written: leave at once


def main() -> None:
    signal.signal(signal.SIGINT, _early_interrupt)
    from lzplan.cli import main as run

    run()
