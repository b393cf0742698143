"""A rich Console whose output does not depend on the terminal it runs in.

Width comes from the content, never from the terminal, so the same input gives the
same bytes whether the output is a wide terminal, a narrow one or a pipe; a report
asked to fit a width (``check --width``) lays itself out for it.
"""

from __future__ import annotations

import re
from typing import TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, RenderableType
from rich.table import Column, Table
from rich.text import Text

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
    lines = _plain_table(renderable) if console.color_system is None else None
    if lines is not None:
        console.file.write("".join(line + "\n" for line in lines))
        return
    console.width = _UNBOUNDED
    with console.capture() as captured:
        console.print(renderable)
    lines = captured.get().splitlines()
    console.file.write("".join(line.rstrip() + "\n" for line in lines))


def _plain_table(table: RenderableType) -> list[str] | None:
    """The lines rich prints for a simple table without colour, laid out here; None for
    any table this does not know to lay out as rich does (rich lays that one out).

    Rich measures and renders every cell as a renderable, which made the matrix of the
    shipped samples cost a quarter of the check. The tables lzplan prints without colour
    are columns of one-line text: each cell padded to its column's width in terminal
    cells, three blanks between columns, a rule under the header, and a blank line
    between sections. ``tests/test_console.py`` holds the two layouts to each other.
    """
    if not _simple(table):
        return None
    assert isinstance(table, Table)
    columns: list[list[str]] = []  # each column's header, then its cells
    for column in table.columns:
        texts = [_plain(cell) for cell in (column.header, *column.cells)]
        if None in texts:
            return None
        columns.append([text for text in texts if text is not None])
    widths = [max(map(cell_len, column)) for column in columns]

    def line(cells: tuple[str, ...]) -> str:
        pairs = zip(cells, widths, strict=True)
        return "   ".join(cell + " " * (width - cell_len(cell)) for cell, width in pairs).rstrip()

    header, *rows = zip(*columns, strict=True)
    lines = [line(header), "─" * (sum(widths) + 3 * (len(widths) - 1))]
    for i, (cells, row) in enumerate(zip(rows, table.rows, strict=True)):
        lines.append(line(cells))
        if row.end_section and i < len(rows) - 1:
            lines.append("")
    return lines


def _simple(table: RenderableType) -> bool:
    """A table of the one shape ``_plain_table`` lays out."""
    return (
        isinstance(table, Table)
        and bool(table.columns)
        and table.box is box.SIMPLE_HEAD
        and (table.show_header, table.show_edge, table.pad_edge) == (True, False, False)
        and not (table.show_footer or table.show_lines or table.leading or table.expand)
        and table.padding == (0, 1, 0, 1)
        and not (table.title or table.caption or table.width or table.min_width)
        and not table.collapse_padding
        and all(_simple_column(column) for column in table.columns)
    )


def _simple_column(column: Column) -> bool:
    return (
        column.no_wrap
        and column.justify == "left"
        and column.max_width is None
        and column.min_width is None
        and column.width is None
        and column.ratio is None
    )


def _plain(cell: RenderableType) -> str | None:
    """A cell's text when it is one line of plain text (str or Text), else None."""
    if isinstance(cell, Text):
        if cell.justify not in (None, "left") or cell.end != "\n":
            return None
        cell = cell.plain
    if not isinstance(cell, str) or _UNSIMPLE.search(cell):
        return None
    return cell


# Characters rich would not print as they are: line breaks, tabs, controls.
_UNSIMPLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
