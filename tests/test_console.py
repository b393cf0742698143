"""The plain tables laid out without rich are the bytes rich prints, whatever the cells:
Chinese and Latin, empty, wider headers than cells, sections anywhere, no rows; and a
table of another shape is still left to rich."""

from __future__ import annotations

import io
import random

import pytest
from rich import box
from rich.console import RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from lzplan.reporters import console

WORDS = ["", "ok", "MISS", "-", "江阳区人民政府", "市法制办", "late", "合江县", "1-1",
         "2-3a", "status", "完成情况", "né", "a b", "100%", "市食品药品监督管理局"]  # fmt: skip


def _shown(table: RenderableType, *, plain: bool) -> str:
    out = io.StringIO()
    shown = console.make(out, color=False)
    if plain:
        console.show(shown, table)
    else:  # rich's own layout, as show() printed every table before
        shown.width = 100_000
        with shown.capture() as captured:
            shown.print(table)
        out.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
    return out.getvalue()


def _table(draw: random.Random) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for _ in range(draw.randint(1, 6)):
        table.add_column(draw.choice(WORDS), no_wrap=True)
    for _ in range(draw.randint(0, 8)):
        if draw.random() < 0.2:
            table.add_section()
        cells = [draw.choice(WORDS) for _ in table.columns]
        table.add_row(*(Text(c, style="bold red") if draw.random() < 0.5 else c for c in cells))
    if draw.random() < 0.2:
        table.add_section()
    return table


@pytest.mark.parametrize("seed", range(300))
def test_a_plain_table_is_what_rich_prints(seed: int) -> None:
    table = _table(random.Random(seed))
    assert console._plain_table(table) is not None
    assert _shown(table, plain=True) == _shown(table, plain=False)


def _wrapped() -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("name", max_width=4, overflow="fold")
    table.add_row("市食品药品监督管理局")
    return table


def _padded() -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("reason", no_wrap=True)
    table.add_row(Padding("缺少文号", (0, 0, 0, 2)))
    return table


def _two_lines() -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("note", no_wrap=True)
    table.add_row("第一行\n第二行")
    return table


def _right() -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("points", no_wrap=True, justify="right")
    table.add_row("9.5")
    return table


def _justified() -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    table.add_column("rank", no_wrap=True)
    table.add_row(Text("1", justify="right"))
    table.add_row("10")
    return table


@pytest.mark.parametrize("make", [_wrapped, _padded, _two_lines, _right, _justified])
def test_a_table_of_another_shape_is_left_to_rich(make: object) -> None:
    assert callable(make)
    table = make()
    assert console._plain_table(table) is None
    assert _shown(table, plain=True) == _shown(table, plain=False)
