"""Behaviour that matters at scale: a trimmed matrix, and parallel judging."""

from __future__ import annotations

import pytest

from lzplan.reporters import terminal
from tests.conftest import invoke

YEAR_END = ("--as-of", "2011-12-31")


def test_a_large_matrix_shows_what_needs_attention(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terminal, "MAX_ROWS", 6)  # 6 of the 53 units need attention
    out = invoke("check", *YEAR_END).stdout
    starts = ("gulin ", "tourism ", "naxi ")
    rows = [line.split()[0] for line in out.splitlines() if line.startswith(starts)]
    assert rows == ["naxi", "gulin", "tourism"]  # those needing attention, and late ones
    assert "jiangyang " not in out
    assert "47 units compliant on time or on track are not shown; --all shows every row." in out
    assert "3 more rows not shown; --all shows every row." in out  # 9 shortfalls, 6 shown
    full = invoke("check", *YEAR_END, "--all").stdout
    assert "jiangyang " in full
    assert "not shown" not in full


def test_the_trimmed_matrix_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(terminal, "MAX_ROWS", 6)
    out = invoke("check", *YEAR_END, "--lang", "zh").stdout
    assert "另有47个单位按期全部完成或正在推进，未列出；加 --all 显示全部。" in out


def test_too_many_needing_attention_shows_the_worst(monkeypatch: pytest.MonkeyPatch) -> None:
    """Of 6 needing attention, 5 rows: of the two only late (纳溪区, 合江县), the first
    in matrix order stays."""
    monkeypatch.setattr(terminal, "MAX_ROWS", 5)
    out = invoke("check", *YEAR_END, "--lang", "zh", "--color", "never").stdout
    matrix = out.split("另有")[0].splitlines()[4:]
    rows = [line.split()[0] for line in matrix if line.strip()]
    assert rows == [
        "纳溪区人民政府",
        "古蔺县人民政府",
        "市环境保护局＊",
        "市旅游局＊",
        "市粮食局＊",
    ]
    assert "另有48个单位未列出，以上5个单位最需关注" in out


@pytest.mark.parametrize("fmt", ["json", "terminal"])
def test_parallel_judging_gives_the_same_bytes(fmt: str) -> None:
    serial = invoke("check", *YEAR_END, "--format", fmt, "--jobs", "1", "--all")
    parallel = invoke("check", *YEAR_END, "--format", fmt, "--jobs", "2", "--all")
    assert serial.exit_code == parallel.exit_code == 1
    assert serial.stdout == parallel.stdout


def test_parallel_judging_reports_bad_files_the_same_way() -> None:
    from tests.conftest import CASES

    case = CASES / "check" / "broken-file-others-still-checked"
    args = ("check", "submissions", "--plan", "../_plan/plan.yaml", *YEAR_END, "-f", "json")
    serial = invoke(*args, "--jobs", "1", cwd=case)
    parallel = invoke(*args, "--jobs", "2", cwd=case)
    assert (serial.stdout, serial.stderr) == (parallel.stdout, parallel.stderr)
    assert serial.exit_code == parallel.exit_code == 2


def test_a_verdict_survives_the_trip_from_a_worker() -> None:
    import datetime as dt

    from lzplan.check import collect, engine, wire
    from lzplan.plan import load as plans
    from tests.conftest import ROOT

    loaded = plans.load(ROOT / "plan" / "2011.yaml")
    judge = engine.Judge(loaded.index, dt.date(2011, 12, 31))
    files, _ = collect.find_files([ROOT / "submissions"])
    for file in files:
        item = collect.load_one(*file)
        assert isinstance(item, engine.Filed)
        verdict = judge.file(item)
        assert wire.unpack(wire.pack(verdict)) == verdict
    rejected = ([], engine.Rejected("x.yaml", "naxi"))
    assert wire.unpack(wire.pack(rejected)) == rejected
