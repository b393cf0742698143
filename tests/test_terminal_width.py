"""The terminal report fitted to a width: `check --width`, or the terminal's own.

Every line fits, every unit and every task still shows, and without a width (a pipe, a
file) the bytes are those of the content's own width whatever COLUMNS says."""

from __future__ import annotations

import io
import re

import pytest
from rich.cells import cell_len

from lzplan import cli
from lzplan.messages import say
from lzplan.plan.load import load
from lzplan.reporters import labels
from tests.conftest import ROOT, invoke

ARGS = ("check", "--as-of", "2011-12-31", "--plan", str(ROOT / "plan" / "2011.yaml"))


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("width", [80, 120, 200])
def test_every_line_fits_and_nothing_is_lost(width: int, lang: str) -> None:
    result = invoke(*ARGS, "--width", str(width), "--lang", lang, cwd=ROOT)
    assert result.exit_code == 1, result.stderr  # 2011's shortfalls
    lines = result.stdout.splitlines()
    assert max(cell_len(line) for line in lines) <= width
    plan = load(ROOT / "plan" / "2011.yaml").plan
    column = say("report.name", lang)

    headers = [line for line in lines if line.lstrip().startswith(column) or f" {column} " in line]
    shown = " ".join(headers)
    columns = labels.task_columns(plan, lang)
    assert all(re.search(rf"(^|\s){re.escape(columns[t.id])}(\s|$)", shown) for t in plan.tasks)
    # a name wraps at 16 cells or more: its first eight characters stay on its row
    assert all(labels.unit_name(unit, lang)[:8] in result.stdout for unit in plan.units)
    if lang == "en":
        assert all(re.search(rf"^{re.escape(u.id)}\s", result.stdout, re.M) for u in plan.units)


def test_wide_enough_is_the_plain_report() -> None:
    plain = invoke(*ARGS, cwd=ROOT).stdout
    assert invoke(*ARGS, "--width", "1000", cwd=ROOT).stdout == plain


def test_a_pipe_gets_the_same_bytes_whatever_columns_says(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = invoke(*ARGS, cwd=ROOT).stdout
    for columns in ("40", "80", "300"):
        monkeypatch.setenv("COLUMNS", columns)
        assert invoke(*ARGS, cwd=ROOT).stdout == plain


def test_narrow_splits_the_tasks_into_blocks_each_listing_the_units() -> None:
    out = invoke(*ARGS, "--width", "80", cwd=ROOT).stdout
    blocks = [line for line in out.splitlines() if re.match(r"^unit\s+name\s", line)]
    assert len(blocks) >= 2
    assert out.count("\ngulin ") == len(blocks)  # each block lists the units again
    assert "Shortfalls, worst first:\nmissed  gulin 古蔺县人民政府  due: 2011-11-30\n" in out


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_its_width_is_the_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "97")
    monkeypatch.setattr("sys.stdout", _Terminal())
    assert cli.fit_width(None) == 97
    assert cli.fit_width(150) == 150
    monkeypatch.setattr("sys.stdout", io.StringIO())
    assert cli.fit_width(None) is None
