"""Folder-driven checks: tests/cases/check/<case>/ holds submissions/, args.json and
expected.json (exit code, stderr lines and the JSON report). The plan is _plan/.

Regenerate the expectations after a deliberate change with
``LZPLAN_UPDATE_CASES=1 pytest tests/test_check_cases.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import case_dirs, invoke

CASES = case_dirs("check")
PLAN = "../_plan/plan.yaml"


def run_case(case: Path) -> dict[str, Any]:
    args = json.loads((case / "args.json").read_text(encoding="utf-8"))
    result = invoke("check", "submissions", "--plan", PLAN, "--format", "json", *args, cwd=case)
    report = json.loads(result.stdout)
    del report["tool"]  # the version changes with every release, the result does not
    return {
        "exit_code": result.exit_code,
        "stderr": result.stderr.splitlines(),
        "report": report,
    }


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_check_case(case: Path) -> None:
    actual = run_case(case)
    expected_file = case / "expected.json"
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        expected_file.write_text(
            json.dumps(actual, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    assert actual == expected


def statuses(case: str) -> dict[str, dict[str, str]]:
    """unit → requirement → status, read from a case's expectation."""
    report = json.loads((CASES[0].parent / case / "expected.json").read_text(encoding="utf-8"))
    return {
        unit["id"]: {o["requirement"]: o["status"] for o in unit["outcomes"]}
        for unit in report["report"]["units"]
    }


# The golden files above could be regenerated wrongly; these pin the rules themselves.
@pytest.mark.parametrize(
    ("case", "unit", "requirement", "status"),
    [
        ("all-met", "jiangyang", "t1.risk", "met"),
        ("met-late-milestone", "naxi", "t1.report", "met_late"),
        ("pending-before-due", "jiangyang", "t1.risk", "pending"),
        ("missed-after-due", "naxi", "t1.risk", "missed"),
        ("not-submitted-before-due", "finance", "t2.training", "not_submitted"),
        ("not-submitted-after-due", "naxi", "t1.report", "not_submitted"),
        ("waived", "naxi", "t1.risk", "waived"),
        ("waiver-expired", "naxi", "t1.risk", "missed"),
        ("waiver-unused", "jiangyang", "t1.risk", "met"),
        ("evidence-after-as-of", "naxi", "t1.risk", "pending"),
        ("evidence-outside-period", "jiangyang", "t1.risk", "invalid"),
        ("duplicate-doc-no", "jiangyang", "t1.risk", "missed"),
        ("distinct-units-short", "legal-affairs", "t2.audit-units", "missed"),
        ("distinct-units-bad-ids", "legal-affairs", "t2.audit-units", "invalid"),
        ("ratio-short", "legal-affairs", "t2.audit-share", "missed"),
        ("ratio-numerator-exceeds-denominator", "legal-affairs", "t2.audit-share", "invalid"),
        ("unknown-requirement", "jiangyang", "t1.risk", "invalid"),
        ("two-files-one-unit", "jiangyang", "t1.risk", "invalid"),
        ("broken-file-others-still-checked", "naxi", "t1.risk", "invalid"),
        ("broken-file-others-still-checked", "jiangyang", "t1.risk", "met"),
        ("milestone-without-evidence", "jiangyang", "t1.report", "missed"),
        ("unknown-field-unit-invalid", "naxi", "t1.report", "invalid"),
        ("unknown-field-unit-invalid", "finance", "t1.risk", "met"),
    ],
)
def test_rule(case: str, unit: str, requirement: str, status: str) -> None:
    assert statuses(case)[unit][requirement] == status


@pytest.mark.parametrize(
    ("case", "code"),
    [
        ("all-met", 0),
        ("met-late-milestone", 0),
        ("pending-before-due", 0),
        ("strict-fails-on-pending", 1),
        ("missed-after-due", 1),
        ("not-submitted-before-due", 0),
        ("not-submitted-after-due", 1),
        ("waived", 0),
        ("waiver-expired", 1),
        ("only-one-unit", 0),
        ("two-files-one-unit", 2),
        ("unknown-unit", 2),
        ("chinese-date-rejected-with-hint", 2),
    ],
)
def test_exit_code(case: str, code: int) -> None:
    expected = json.loads((CASES[0].parent / case / "expected.json").read_text(encoding="utf-8"))
    assert expected["exit_code"] == code
