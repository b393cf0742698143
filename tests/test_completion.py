"""Shell completion of unit, task and plan ids, as bash asks for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from lzplan.cli import app
from tests.conftest import ROOT


def completed(words: str, cwd: Path = ROOT) -> list[str]:
    """What bash's completion offers for the last of ``words`` (a trailing blank: a new
    word)."""
    parts = words.split(" ")
    env = {"_LZPLAN_COMPLETE": "complete_bash", "COMP_WORDS": words,
           "COMP_CWORD": str(len(parts) - 1)}  # fmt: skip
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        result = CliRunner().invoke(app, [], env=env, prog_name="lzplan")
    return result.stdout.split()


def test_unit_ids_come_from_the_plan_in_use() -> None:
    assert completed("lzplan explain gu") == ["gulin"]
    assert set(completed("lzplan explain ")) >= {"gulin", "legal-affairs", "public-security"}
    assert completed("lzplan check --unit leg") == ["legal-affairs"]
    assert completed("lzplan schema submission --unit nax") == ["naxi"]
    city = str(ROOT / "tests" / "cases" / "city" / "plan" / "2013.yaml")
    other = completed(f"lzplan explain --plan {city} ")
    assert other
    assert "gulin" not in other  # that plan's own units


def test_task_ids_after_the_unit() -> None:
    tasks = completed("lzplan explain gulin t2-3")
    assert tasks == ["t2-3a", "t2-3b", "t2-3c"]


def test_plan_ids_and_files(tmp_path: Path) -> None:
    (tmp_path / "plan").mkdir()
    (tmp_path / "plan" / "2012.yaml").write_text("plan: {}\n", encoding="utf-8")
    assert completed("lzplan check --plan luzhou", tmp_path) == ["luzhou-2011"]
    assert completed("lzplan check --plan pl", tmp_path) == ["plan/"]
    assert completed("lzplan check --plan plan/", tmp_path) == ["plan/2012.yaml"]


def test_an_unreadable_plan_completes_nothing(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("plan: [\n", encoding="utf-8")
    assert completed(f"lzplan explain --plan {broken} g", tmp_path) == []
