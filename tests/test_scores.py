"""Scores (考核): tests/cases/scores/<case>/scores.yaml is the weights file the 法制办
writes; a check with it (as of case.json's "as_of", else year end) either refuses the
file with located errors (expected.txt: standard error) or scores the units
(expected.txt: each ranked unit's rank, points and percent, from the JSON report).

Regenerate after a deliberate change: ``LZPLAN_UPDATE_CASES=1 pytest tests/test_scores.py``.
"""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from tests.conftest import ROOT, case_dirs, invoke

CASES = case_dirs("scores")


def _as_of(case: Path) -> str:
    spec = case / "case.json"
    if spec.exists():
        return str(json.loads(spec.read_text(encoding="utf-8"))["as_of"])
    return "2011-12-31"


def _scores(report: str) -> str:
    lines = []
    for unit in json.loads(report)["units"]:
        score = unit["score"]
        if score is not None:
            lines.append(f"{score['ranking']} {score['rank']:>2} {unit['id']}: "
                         f"{score['points']}/{score['most']} {score['percent']}%")  # fmt: skip
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_scores_case(case: Path) -> None:
    scores = (case / "scores.yaml").relative_to(ROOT)  # as the user names it: located errors
    result = invoke("check", "--as-of", _as_of(case), "--scores", str(scores), "-f", "json")
    assert "Traceback" not in result.stderr
    if result.exit_code == 2:
        (shown,) = [result.stderr]
        assert result.stdout == ""
    else:
        shown = _scores(result.stdout)
    golden = case / "expected.txt"
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")


def test_ties_share_a_rank_and_the_next_rank_skips() -> None:
    """Equal shares are ordered by the file's tie rule (fewer late items, fewer nil
    returns, more evidence counted); units equal on all share a rank, the next skips."""
    result = invoke("check", "--as-of", "2011-12-31", "--scores", "plan/scores-2011.yaml",
                    "-f", "json")  # fmt: skip
    report = json.loads(result.stdout)
    scores = [u["score"] for u in report["units"] if u["score"]]
    for ranking in {s["ranking"] for s in scores}:
        ranked = sorted((s for s in scores if s["ranking"] == ranking), key=lambda s: s["rank"])
        for i, (before, after) in enumerate(itertools.pairwise(ranked), start=2):
            assert before["percent"] >= after["percent"]
            assert after["rank"] in (before["rank"], i)  # shared, or skipping past the tie
            if before["percent"] > after["percent"]:
                assert after["rank"] == i
        top = [s for s in ranked if s["rank"] == 1]
        assert len(top) <= 5  # the tie rule separates the units at the top


def test_grades_exclusions_and_the_method_are_stated() -> None:
    report = json.loads(invoke("check", "--as-of", "2011-12-31", "--scores",
                               "plan/scores-2011.yaml", "-f", "json").stdout)  # fmt: skip
    grades = {u["id"]: u["score"]["grade"] for u in report["units"] if u["score"]}
    assert grades["jiangyang"] == "优秀"
    assert grades["gulin"] == "合格"  # 83.0%
    assert "legal-affairs" not in grades  # organises the work: not ranked
    scores = report["scores"]
    assert scores["method"]["title"] == "泸州市2011年度依法行政工作考核计分规则（示例）"
    assert scores["example"] is True
    assert [x["unit"] for x in scores["excluded"]] == [
        "legal-affairs",
        "staffing-office",
        "gov-office",
    ]


def test_the_scores_file_is_never_written_over(tmp_path: Path) -> None:
    result = invoke("check", "--as-of", "2011-12-31", "--scores", "plan/scores-2011.yaml",
                    "-o", "markdown:plan/scores-2011.yaml")  # fmt: skip
    assert result.exit_code == 2
    assert "plan/scores-2011.yaml" in result.stderr


def test_a_missing_scores_file_is_named() -> None:
    result = invoke("check", "--as-of", "2011-12-31", "--scores", "plan/scores-2099.yaml")
    assert result.exit_code == 2
    assert "scores-2099.yaml" in result.stderr


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_every_human_format_shows_the_scores(fmt: str) -> None:
    result = invoke("check", "--as-of", "2011-12-31", "--scores", "plan/scores-2011.yaml",
                    "--lang", "zh", "-f", fmt, "--color", "never")  # fmt: skip
    assert "考核得分" in result.stdout
    assert "78 / 94" in result.stdout


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ("grades:\n  - {name: 合格, at_least: 0.6}\n  - {name: 优秀, at_least: 0.95}\n",
         "grades must run from the highest share down, the last at 0"),
        ("excluded:\n  - {unit: nobody, reason: 无}\n", "unknown unit id 'nobody'"),
    ],
)  # fmt: skip
def test_grades_and_exclusions_are_checked(tmp_path: Path, change: str, said: str) -> None:
    base = (ROOT / "plan" / "scores-2011.yaml").read_text(encoding="utf-8")
    kept = base.split("grades:")[0] + "ties: [late]\n"
    (tmp_path / "s.yaml").write_text(kept + change, encoding="utf-8")
    result = invoke("check", "--as-of", "2011-12-31", "--scores", str(tmp_path / "s.yaml"))
    assert result.exit_code == 2
    assert said in result.stderr
    assert "s.yaml:" in result.stderr
