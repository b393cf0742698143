"""Broken plans: each gives exit 2 and exactly the expected `file:line:column` messages."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import case_dirs, invoke

CASES = case_dirs("plan")


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 10


def test_the_base_of_the_cases_is_valid() -> None:
    base = CASES[0].parent / "_base"
    result = invoke("plan", "validate", "plan.yaml", cwd=base)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("plan.yaml: valid: 3 units")


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_broken_plan(case: Path) -> None:
    result = invoke("plan", "validate", "plan.yaml", cwd=case)
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        (case / "expected.txt").write_text(result.stderr, encoding="utf-8")
    expected = (case / "expected.txt").read_text(encoding="utf-8")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == expected
    assert "Traceback" not in result.stderr
