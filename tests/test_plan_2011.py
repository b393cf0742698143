"""plan/2011.yaml against the notice it encodes."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from lzplan.errors import InputError
from lzplan.plan import load as plans
from tests.conftest import ROOT

PLAN = ROOT / "plan" / "2011.yaml"
NOTICE = ROOT / "plan" / "2011.source.txt"
BREAKDOWN = ROOT / "plan" / "2011.breakdown.yaml"
SEED = ROOT.parent / "shared" / "seeds" / "000_b385c0ef35197e9e.txt"


@pytest.fixture(scope="module")
def loaded() -> plans.LoadedPlan:
    return plans.load(PLAN)


def test_the_plan_is_valid_and_complete(loaded: plans.LoadedPlan) -> None:
    tasks = loaded.plan.tasks
    assert [task.section for task in tasks] == [
        "一(一)", "一(二)", "一(三)", "一(四)", "一(五)",
        "二(一)", "二(二)", "二(三)", "二(三)", "二(三)", "二(四)", "二(五)", "二(六)",
    ]  # fmt: skip
    assert len({task.id for task in tasks}) == 13


def test_every_bracket_of_the_notice_is_one_task(loaded: plans.LoadedPlan) -> None:
    notice = NOTICE.read_text(encoding="utf-8")
    brackets = re.findall(r"\(责任单位:[^)]*\)", notice)
    assert len(brackets) == 13
    assert [task.owners.source for task in loaded.plan.tasks] == brackets


def test_the_quotas(loaded: plans.LoadedPlan) -> None:
    reqs = {req.id: req for _, req in loaded.index.requirements.values()}
    assert reqs["t1-1.risk-assessment"].min == {"districts": 3, "decision-departments": 1}
    assert reqs["t1-1.risk-assessment"].condition_for == ["decision-departments"]
    assert reqs["t2-2.evaluations"].min == 2
    assert reqs["t2-4.case-file-departments"].min == 15
    assert reqs["t2-4.case-file-departments"].of_group == "enforcement"
    assert reqs["t2-4.case-file-share"].min_share == 0.20


def test_the_deadlines(loaded: plans.LoadedPlan) -> None:
    due = {req.id: str(req.due.date) for _, req in loaded.index.requirements.values()}
    assert due["t2-3a.concentrated-penalty-application"] == "2011-06-30"
    assert due["t1-5.standardization-complete"] == "2011-11-30"
    assert due["t1-5.district-report"] == "2011-12-31"
    assert due["t1-5.acceptance-check"] == "2012-06-30"
    assert due["t1-2.district-evaluation"] == "2011-12-31"


def test_units_and_groups(loaded: plans.LoadedPlan) -> None:
    index = loaded.index
    assert len(index.members["districts"]) == 7
    assert "staffing-office" not in index.members["departments"]
    assert len(index.members["enforcement"]) >= 20
    assumed = [u for u in loaded.plan.units if not u.named_in_notice]
    assert len(assumed) == 33
    named = {u.name for u in loaded.plan.units if u.named_in_notice}
    assert {
        "市政府办公室",
        "市委编办",
        "市城乡环境卫生管理局",
        "市广电局",
        "古蔺县人民政府",
    } <= named
    # The 15-department audit quota must be reachable.
    assert len(index.members["enforcement"]) > 15


def test_risk_thresholds_by_group(loaded: plans.LoadedPlan) -> None:
    _, requirement = loaded.index.requirements["t1-1.risk-assessment"]
    thresholds = loaded.index.thresholds(requirement)
    assert thresholds["gulin"] == 3
    assert thresholds["public-security"] == 1
    assert "gov-services" not in thresholds


@pytest.mark.skipif(not SEED.exists(), reason="the shared seed is not beside this checkout")
def test_the_source_is_the_canonical_copy() -> None:
    assert NOTICE.read_bytes() == SEED.read_bytes()


# Each edit removes one thing the notice says; the plan must then fail to validate.
MUTATIONS = {
    "bracket": (
        "source: (责任单位:市政府办公室、市保密局等,各区县人民政府)",
        "source: 市政府办公室、市保密局等,各区县人民政府",
        "not encoded by any task: (责任单位:市政府办公室、市保密局等,各区县人民政府)",
    ),
    "quota": ("min: 2\n", "min: 1\n", "quota '不少于2件'"),
    "quota share": ("min_share: 0.20", "min_share: 0.10", "quota '达20%以上'"),
    "deadline wording": (
        "due: {date: 2012-06-30, wording: 2012年上半年}",
        "due: {date: 2012-06-30}",
        "deadline '2012年上半年'",
    ),
    "deadline date": (
        "due: {date: 2011-11-30, wording: 2011年11月底}",
        "due: {date: 2011-12-31, wording: 2011年11月底}",
        "does not match '2011年11月底'",
    ),
    "quote": (
        "继续推行领导干部任前法律知识考试制度。",
        "继续推行领导干部任前考试制度。",
        "does not occur",
    ),
    "unreported sentence": (
        "    unreported:\n      - source: 对违反决策规定",
        "    unreported_was:\n      - source: 对违反决策规定",
        "unknown field",
    ),
}


@pytest.mark.parametrize("name", sorted(MUTATIONS))
def test_dropping_anything_the_notice_says_fails(name: str, tmp_path: Path) -> None:
    old, new, expected = MUTATIONS[name]
    text = PLAN.read_text(encoding="utf-8")
    assert old in text
    shutil.copy(NOTICE, tmp_path / NOTICE.name)
    shutil.copy(BREAKDOWN, tmp_path / BREAKDOWN.name)
    (tmp_path / "2011.yaml").write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(InputError) as raised:
        plans.load(tmp_path / "2011.yaml")
    assert expected in str(raised.value)


def test_a_dropped_sentence_is_caught(tmp_path: Path) -> None:
    text = PLAN.read_text(encoding="utf-8")
    start = text.index("      - id: t2-1.pre-appointment-exam")
    end = text.index("      - id: t2-1.civil-servant-training")
    shutil.copy(NOTICE, tmp_path / NOTICE.name)
    shutil.copy(BREAKDOWN, tmp_path / BREAKDOWN.name)
    (tmp_path / "2011.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    with pytest.raises(InputError) as raised:
        plans.load(tmp_path / "2011.yaml")
    assert "sentence is quoted by no requirement" in str(raised.value)
    assert "继续推行领导干部任前法律知识考试制度" in str(raised.value)
