"""Input a user can type or a file can hold is never a bug (exit 3): it is a located
input error (exit 2) or it works. Each case here once crashed lzplan."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from lzplan.check import jobs
from tests.conftest import ROOT, invoke

REFUSED = [
    (("due", "--as-of", "9999-12-20", "--within", "30"), "outside the dates lzplan reads"),
    (("check", "--as-of", "9999-12-31"), "outside the dates lzplan reads"),
    (("bulletin", "--as-of", "1000-01-01"), "outside the dates lzplan reads"),
    (("due", "--as-of", "2011-06-30", "--within", "99999999999"), "--within"),
    (("extract", "plan/2011.source.txt", "--year", "-5"), "--year"),
]


@pytest.mark.parametrize(("args", "says"), REFUSED, ids=[" ".join(a) for a, _ in REFUSED])
def test_a_value_out_of_range_is_refused(args: tuple[str, ...], says: str) -> None:
    result = invoke(*args)
    assert result.exit_code == 2, result.stderr
    assert says in result.stderr
    assert "Traceback" not in result.stderr
    assert "internal error" not in result.stderr


def test_the_last_day_lzplan_reads_still_works() -> None:
    result = invoke("due", "--as-of", "2199-12-31", "--within", "3660")
    assert result.exit_code in (0, 1), result.stderr


def test_a_notice_to_remedy_numbers_any_count_of_headings(tmp_path: Path) -> None:
    """市政府法制办, its file reporting nothing, owes 26 duties: 二十一、二十二… after 二十、
    (a unit with no file at all is asked, in one paragraph, to 补报)."""
    subs = tmp_path / "submissions"
    shutil.copytree(ROOT / "submissions", subs)
    (subs / "legal-affairs.yaml").write_text(
        "unit: legal-affairs\nplan: luzhou-2011\nreported: 2011-12-20\nrequirements: {}\n",
        encoding="utf-8",
    )
    result = invoke("bulletin", str(subs), "--as-of", "2011-12-31", "--unit", "legal-affairs",
                    "--lang", "zh")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "## 二十一、" in result.stdout
    assert "## 二十六、" in result.stdout


@pytest.mark.parametrize(("field", "value"), [("as_of", "2011-02-30"), ("due", "2011-13-45")])
def test_diff_refuses_a_report_with_an_impossible_date(
    field: str, value: str, tmp_path: Path
) -> None:
    old = json.loads(invoke("check", "--as-of", "2011-06-30", "-f", "json").stdout)
    if field == "as_of":
        old["as_of"] = value
    else:
        old["units"][0]["outcomes"][0]["due"] = value
    (tmp_path / "old.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "new.json").write_text(
        invoke("check", "--as-of", "2011-12-31", "-f", "json").stdout, encoding="utf-8"
    )
    result = invoke("diff", str(tmp_path / "old.json"), str(tmp_path / "new.json"))
    assert result.exit_code == 2
    assert "old.json:" in result.stderr
    assert field in result.stderr


def test_an_infinite_score_is_refused(tmp_path: Path) -> None:
    scores = tmp_path / "scores.yaml"
    scores.write_text(
        "plan: luzhou-2011\npoints:\n  default: 9.9e+999\nrankings: [districts]\n", "utf-8"
    )
    result = invoke("check", "--as-of", "2011-12-31", "--scores", str(scores), "-f", "json")
    assert result.exit_code == 2
    assert "scores.yaml:3:3:" in result.stderr
    assert "finite" in result.stderr


def test_workers_are_bounded_by_files_and_cores() -> None:
    assert jobs.count(64, 49) <= 49
    assert jobs.count(1000, 10_000) <= 4 * (os.cpu_count() or 1)
    assert jobs.count(3, 1) == 1
    assert jobs.count(2, 10) == 2
