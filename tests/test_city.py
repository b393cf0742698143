"""Another city and year: tests/cases/city/ holds 沱江市's 2013 notice, its plan (every
construct of the plan language, validating with no workaround), submissions, and the
verdicts at four as-of dates worked out by hand (expected.yaml)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml

from tests.conftest import CASES, invoke

CITY = CASES / "city"
EXPECTED = yaml.safe_load((CITY / "expected.yaml").read_text(encoding="utf-8"))
BY_DATE = {str(date): expected for date, expected in EXPECTED["dates"].items()}


def check(as_of: str) -> tuple[int, list[str], dict[str, Any]]:
    result = invoke("check", "submissions", "--plan", "plan/2013.yaml", "--as-of", as_of,
                    "--format", "json", cwd=CITY)  # fmt: skip
    return result.exit_code, result.stderr.splitlines(), json.loads(result.stdout)


def test_the_plan_validates_as_written() -> None:
    result = invoke("plan", "validate", "plan/2013.yaml", cwd=CITY)
    assert result.exit_code == 0, result.stderr
    assert "29 units, 4 groups, 11 tasks, 28 requirements" in result.stdout


@pytest.mark.parametrize("as_of", sorted(BY_DATE))
def test_the_verdicts_worked_out_by_hand(as_of: str) -> None:
    expected = BY_DATE[as_of]
    code, stderr, report = check(as_of)
    assert code == 2  # justice.yaml is invalid, on purpose
    assert stderr == [*EXPECTED["problems"], "1 problem found"]
    units = {unit["id"]: unit for unit in report["units"]}
    for unit, status in expected["units"].items():
        assert (unit, units[unit]["status"]) == (unit, status)
    for unit, verdicts in expected["verdicts"].items():
        got = {o["requirement"]: o["status"] for o in units[unit]["outcomes"]}
        for requirement, status in verdicts.items():
            assert (unit, requirement, got[requirement]) == (unit, requirement, status)
    listed = set(expected["units"])
    assert {u for u, unit in units.items() if u not in listed} == {
        u for u, unit in units.items() if unit["status"] == "not_submitted"
    }


def test_the_words_of_some_verdicts() -> None:
    _, _, report = check("2013-12-31")
    units = {unit["id"]: unit for unit in report["units"]}
    for unit, details in EXPECTED["details"].items():
        got = {o["requirement"]: o["detail"] for o in units[unit]["outcomes"]}
        for requirement, detail in details.items():
            assert got[requirement] == detail


def test_the_matrix_lists_units_kind_by_kind() -> None:
    out = invoke("check", "submissions", "--plan", "plan/2013.yaml", "--as-of", "2013-12-31",
                 cwd=CITY).stdout  # fmt: skip
    rows = [line.split()[0] for line in out.splitlines() if line[:1].isalpha() and "  " in line]
    order = ["tuojiang", "dongan", "qingshan", "baisha", "hekou", "hitech", "gov-office", "fzb"]
    assert [row for row in rows if row in order] == order
    assert rows.index("publicity") > rows.index("work-safety")  # 党委部门 after 部门


def test_explain_lists_each_occurrence_of_a_recurring_duty() -> None:
    out = invoke("explain", "hekou", "t2-2", "-s", "submissions", "--plan", "plan/2013.yaml",
                 "--as-of", "2013-12-31", cwd=CITY).stdout  # fmt: skip
    assert "  2013-Q2 (due 2013-06-30): missed - 0/1, needs 1" in out
    assert "  2013-Q3 (due 2013-09-30): met late - 1/1" in out
    assert "    - 2013-10-12 2013年第三季度规范性文件备案情况（补报）: counted, late" in out
    zh = invoke("explain", "hekou", "t2-2", "-s", "submissions", "--plan", "plan/2013.yaml",
                "--as-of", "2013-12-31", "--lang", "zh", cwd=CITY).stdout  # fmt: skip
    assert "  2013年第二季度（期限2013年6月30日）：未完成，佐证材料0件，还差1件" in zh


def test_quantities_in_plan_show_init_and_explain() -> None:
    shown = invoke("plan", "show", "plan/2013.yaml", cwd=CITY).stdout
    assert "≥200 人次" in shown
    template = invoke("init", "urban", "--plan", "plan/2013.yaml", "--reported", "2013-12-01",
                      cwd=CITY).stdout  # fmt: skip
    assert "evidence items with their amounts, at least 200 人次 in all" in template
    assert "    #     amount: 0" in template
    out = invoke("explain", "urban", "t3-2", "-s", "submissions", "--plan", "plan/2013.yaml",
                 "--as-of", "2013-12-31", cwd=CITY).stdout  # fmt: skip
    assert "needs at least 200 人次, summed over dated evidence items" in out


def test_workers_give_the_same_bytes_with_recurring_duties() -> None:
    args = ("check", "submissions", "--plan", "plan/2013.yaml", "--as-of", "2013-12-31",
            "--format", "json")  # fmt: skip
    serial = invoke(*args, "--jobs", "1", cwd=CITY).stdout
    assert invoke(*args, "--jobs", "2", cwd=CITY).stdout == serial
    assert '"periods": [{"period": "2013-Q1"' in serial
