"""整改 as a fact of its own: January-2012 evidence for three of 2011's gaps (古蔺县's
third risk assessment, 市环境保护局's risk assessment, 市粮食局's training) makes them
已整改 — in the JSON report, the 台账, diff and the next 通报 — while their 2011 verdicts
and every unit's score stay as the year left them."""

from __future__ import annotations

import json
import runpy
import shutil
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import CASES, ROOT, invoke
from tests.office import xlsx_text

SCORES = ("--scores", "plan/scores-2011.yaml")
LATER = ("--as-of", "2012-01-20", "--fix-by", "2012-01-31", *SCORES)
REMEDIED = {
    ("gulin", "t1-1.risk-assessment"): "2012-01-10",
    ("environment", "t1-1.risk-assessment"): "2012-01-12",
    ("grain", "t2-1.enforcement-training"): "2012-01-09",
}


@pytest.fixture(scope="module")
def year(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any], dict[str, Any]]:
    root = tmp_path_factory.mktemp("remedy")
    shutil.copytree(ROOT / "plan", root / "plan")
    shutil.copytree(ROOT / "submissions", root / "submissions")
    end = invoke("check", "--as-of", "2011-12-31", *SCORES, "-o", f"json:{root}/2011.json",
                 cwd=root)  # fmt: skip
    assert end.exit_code == 1, end.stderr
    saved = sys.argv
    try:
        sys.argv = ["remedy.py", str(root)]
        runpy.run_path(str(CASES / "year" / "_remedy" / "remedy.py"), run_name="__main__")
    finally:
        sys.argv = saved
    later = invoke("check", *LATER, "-o", f"json:{root}/2012.json", cwd=root)
    assert later.exit_code == 1, later.stderr
    reports = [json.loads((root / f"{name}.json").read_text(encoding="utf-8"))
               for name in ("2011", "2012")]  # fmt: skip
    return root, reports[0], reports[1]


def _outcomes(report: dict[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(u["id"], o["requirement"]): o for u in report["units"] for o in u["outcomes"]}


def test_the_years_verdicts_and_scores_stay_and_the_remedy_is_a_fact(
    year: tuple[Path, dict[str, Any], dict[str, Any]],
) -> None:
    _, before, after = year
    old, new = _outcomes(before), _outcomes(after)
    for key, day in REMEDIED.items():
        assert old[key]["status"] == new[key]["status"] == "missed"
        assert new[key]["remedied"] == day
    assert [k for k, o in new.items() if o["remedied"]] == list(REMEDIED)
    scores = [{u["id"]: u["score"] for u in report["units"]} for report in (before, after)]
    assert scores[0] == scores[1]


def test_the_ledger_and_diff_show_it(year: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    root = year[0]
    book = invoke("check", *LATER, "--lang", "zh", "-f", "xlsx", cwd=root).raw
    ledger = xlsx_text(book).split("台账\n")[1]
    gulin = [row for row in ledger.splitlines() if row.startswith("gulin\t")]
    assert any("社会稳定风险评估" in r and r.endswith("已整改（2012年1月10日）") for r in gulin)
    changed = invoke("diff", "2011.json", "2012.json", "-f", "json", cwd=root)
    assert [(c["unit"], c["requirement"]) for c in json.loads(changed.stdout)["remedied"]] == list(
        REMEDIED
    )
    shown = invoke("diff", "2011.json", "2012.json", "--lang", "zh", cwd=root).stdout
    assert "已整改（3项）" in shown


def test_the_next_bulletin_says_so(year: tuple[Path, dict[str, Any], dict[str, Any]]) -> None:
    out = invoke("bulletin", *LATER, "--lang", "zh", cwd=year[0]).stdout
    assert (
        "“社会稳定风险评估”2件（要求不少于3件），还差1件，期限2011年12月31日（已于2012年1月10日整改）"
        in out
    )
    assert "（已于2012年1月9日整改）" in out
