"""A rich Console whose output does not depend on the terminal it runs in.

Width comes from the content, never from the terminal, so the same input gives the
same bytes whether the output is a wide terminal, a narrow one or a pipe; a report
asked to fit a width (``check --width``) lays itself out for it.
"""

from __future__ import annotations

from typing import TextIO

from rich.console import Console, RenderableType

MIN_WIDTH = 80
_UNBOUNDED = 100_000


def make(file: TextIO, *, color: bool) -> Console:
    return Console(
        file=file,
        width=MIN_WIDTH,
        color_system="standard" if color else None,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        emoji=False,
        markup=False,
        legacy_windows=False,
        soft_wrap=True,
        _environ={},
    )


def natural_width(renderable: RenderableType) -> int:
    """The columns ``renderable`` takes when nothing constrains it."""
    return Console(width=_UNBOUNDED, _environ={}).measure(renderable).maximum


def show(console: Console, renderable: RenderableType) -> None:
    """Print at the renderable's natural width, so nothing wraps: laid out on a console
    wider than any of it (a table that does not expand takes its natural width; one
    layout instead of measuring first, which costs as much as printing).

    Trailing blanks that rich pads cells with are dropped, so output diffs cleanly.
    """
    console.width = _UNBOUNDED
    with console.capture() as captured:
        console.print(renderable)
    lines = captured.get().splitlines()
    console.file.write("".join(line.rstrip() + "\n" for line in lines))
