"""One mistake each in who owes what, when and on what condition: every probe refused.

Each folder of tests/cases/owners holds a ``case.yaml``: which plan it starts from (the
2011 plan with its 任务分解, the 沱江市 2013 plan of tests/cases/city, or the 云溪县 2016
plan of tests/cases/extract/county-numbered-cover-letter, or the table of
tests/cases/extract/province-table), which file it
changes, and one replacement — an owner dropped, swapped or counted over the wrong
group, a condition or ``condition_for`` that the notice does not write, a date no
wording sets, a reading or a breakdown row that does not hold. ``plan validate`` must
refuse it with exit 2 and exactly the messages in ``expected.txt`` (each naming the
sentence and what it says), while the plan it starts from validates.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from tests.conftest import CASES, ROOT, case_dirs, invoke

PROBES = case_dirs("owners")
BASES = {
    "2011": (ROOT / "plan", "2011.yaml", {"plan": "2011.yaml", "breakdown": "2011.breakdown.yaml"}),
    "2013": (CASES / "city" / "plan", "2013.yaml", {"plan": "2013.yaml"}),
    # a county's 工作要点 issued by a cover letter whose own duty is the plan's first task
    "county": (
        CASES / "extract" / "county-numbered-cover-letter",
        "reviewed.yaml",
        {"plan": "reviewed.yaml"},
    ),
    # a provincial department's 工作要点 laid out as a table
    "table": (CASES / "extract" / "province-table", "reviewed.yaml", {"plan": "reviewed.yaml"}),
}


def test_there_are_enough_probes() -> None:
    assert len(PROBES) >= 40
    bases = [yaml.safe_load((p / "case.yaml").read_text(encoding="utf-8"))["base"] for p in PROBES]
    assert bases.count("2011") >= 15
    assert bases.count("2013") >= 10


@pytest.mark.parametrize("base", sorted(BASES))
def test_the_correct_plans_validate(base: str, tmp_path: Path) -> None:
    folder, plan, _ = BASES[base]
    result = invoke("plan", "validate", plan, cwd=_copy(folder, tmp_path))
    assert result.exit_code == 0, result.stderr


@pytest.mark.parametrize("case", PROBES, ids=[case.name for case in PROBES])
def test_probe_is_refused(case: Path, tmp_path: Path) -> None:
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    folder, plan, files = BASES[spec["base"]]
    work = _copy(folder, tmp_path)
    target = work / files[spec["file"]]
    text = target.read_text(encoding="utf-8")
    assert text.count(spec["replace"]) == 1, "the replaced text must occur once"
    target.write_text(text.replace(spec["replace"], spec["with"]), encoding="utf-8")
    result = invoke("plan", "validate", plan, cwd=work)
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        (case / "expected.txt").write_text(result.stderr, encoding="utf-8")
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    assert result.stderr == (case / "expected.txt").read_text(encoding="utf-8")


def _copy(folder: Path, tmp_path: Path) -> Path:
    work = tmp_path / "plan"
    shutil.copytree(folder, work)
    return work


def test_a_plan_written_before_readings_validates_where_the_notice_allows(tmp_path: Path) -> None:
    """Upgrading: the 2013 plan as written before owners, conditions and dates were traced
    (no readings, no follows; judgements kept in notes) validates unchanged — but for the
    condition the notice does not write (出庭应诉不少于3件), taken out here."""
    work = _copy(CASES / "upgrade" / "2013", tmp_path)
    result = invoke("plan", "validate", "2013.yaml", cwd=work)
    assert result.exit_code == 0, result.stderr
    plan = (work / "2013.yaml").read_text(encoding="utf-8")
    assert "readings:" not in plan
    assert "follows:" not in plan
