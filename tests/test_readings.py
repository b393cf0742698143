"""Each reading of the 2011 notice the plan adopts, checked on the plan and the samples.

The readings live in tests/cases/readings/2011.yaml, one entry per question the
法制办 would ask of plan/2011.yaml; each names the notice's words (which must be
there), who owes and who does not, which duties allow a 零报告, and what the
samples show at the year end.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from lzplan.plan import load as plans
from tests.conftest import CASES, ROOT, invoke

READINGS: list[dict[str, Any]] = yaml.safe_load(
    (CASES / "readings" / "2011.yaml").read_text(encoding="utf-8")
)
PLAN = plans.load(ROOT / "plan" / "2011.yaml")
NOTICE = (ROOT / "plan" / "2011.source.txt").read_text(encoding="utf-8")


@cache
def year_end() -> tuple[dict[tuple[str, str], str], str]:
    """Each (unit, requirement)'s status at the year end, and the terminal report."""
    report = json.loads(invoke("check", "--as-of", "2011-12-31", "--format", "json").stdout)
    statuses = {
        (unit["id"], outcome["requirement"]): outcome["status"]
        for unit in report["units"]
        for outcome in unit["outcomes"]
    }
    return statuses, invoke("check", "--as-of", "2011-12-31", "--lang", "zh").stdout


def owed(unit: str) -> set[str]:
    return {o.requirement.id for o in PLAN.index.owed_by(unit)}


@pytest.mark.parametrize("reading", READINGS, ids=[r["name"] for r in READINGS])
def test_reading(reading: dict[str, Any]) -> None:
    for part in reading["words"].split("……"):
        assert part in NOTICE, part
    for requirement, units in reading.get("owes", {}).items():
        assert requirement in PLAN.index.requirements
        assert [u for u in units if requirement not in owed(u)] == [], requirement
    for requirement, units in reading.get("owes_not", {}).items():
        assert [u for u in units if requirement in owed(u)] == [], requirement
    for requirement in reading.get("conditional", []):
        assert PLAN.index.requirements[requirement][1].condition, requirement
    for group, units in reading.get("members", {}).items():
        assert set(units) <= set(PLAN.index.members[group])
    statuses, zh = year_end()
    for requirement, expected in reading.get("year_end", {}).items():
        shown = {unit: statuses.get((unit, requirement)) for unit in expected}
        assert shown == expected, requirement
    for said in reading.get("says", []):
        assert said in zh


def test_every_note_and_reason_in_the_plan_is_chinese() -> None:
    """Encoders' notes are read by the 法制办: written in Chinese, printed by plan show."""
    text = (ROOT / "plan" / "2011.yaml").read_text(encoding="utf-8")
    notes = [
        value
        for line in text.splitlines()
        for key, _, value in [line.strip().removeprefix("- ").partition(": ")]
        if key in ("note", "reason") and value
    ]
    assert len(notes) >= 20
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in note) for note in notes)
    shown = invoke("plan", "show", "--lang", "zh").stdout
    assert "市委编办属党委机构" in shown


def test_only_the_departments_may_file_a_nil_return_on_risk_assessment(tmp_path: Path) -> None:
    """区县 owe 3 assessments whatever happens; a 有关部门 with no 重大事项 files a nil return."""
    folder = tmp_path / "subs"
    folder.mkdir()
    for unit in ("gulin", "agriculture"):
        text = (ROOT / "submissions" / f"{unit}.yaml").read_text(encoding="utf-8")
        if unit == "gulin":
            start = text.index("  t1-1.risk-assessment:\n")
            end = text.index("  t1-1.decision-follow-up:")
            text = (
                text[:start]
                + "  t1-1.risk-assessment: {nil_return: 本年度无重大事项}\n"
                + text[end:]
            )
        (folder / f"{unit}.yaml").write_text(text, encoding="utf-8")
    result = invoke("check", str(folder), "--filed-only", "--as-of", "2011-12-31")
    assert result.exit_code == 2
    assert "only for decision-departments; 'gulin' owes it whatever happens" in result.stderr
    assert "agriculture" not in result.stderr
