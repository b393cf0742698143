"""How a requirement's quota reads in `lzplan plan show`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from lzplan.plan import load as plans
from lzplan.plan.model import Requirement
from lzplan.reporters.plan_view import quota

ROOT = Path(__file__).resolve().parent.parent
BASE: dict[str, Any] = {
    "id": "r",
    "title": "t",
    "source": "s",
    "units": ["u"],
    "due": {"date": "2011-12-31"},
}


PLANS = {
    "2011": plans.load(ROOT / "plan" / "2011.yaml"),
    "city": plans.load(ROOT / "tests" / "cases" / "city" / "plan" / "2013.yaml"),
}


@pytest.mark.parametrize(
    ("plan", "requirement", "en", "zh"),
    [
        (
            "2011",
            "t1-1.risk-assessment",
            "≥3 districts, ≥1 decision-departments",
            "各区县人民政府不少于3件、市级有关部门不少于1件",
        ),
        ("2011", "t2-2.evaluations", "≥2", "不少于2件"),
        ("2011", "t1-2.creation", "", ""),
        ("2011", "t2-4.case-file-departments", "≥15 of enforcement", "市级行政执法部门不少于15个"),
        ("2011", "t2-4.case-file-share", "≥20%", "不低于20%"),
        (
            "city",
            "t1-1.risk-assessment",
            "≥3 counties, ≥3 hitech, ≥1 decision-departments",
            "各区、县（市）人民政府不少于3件、沱江高新区管委会不少于3件、市级有关部门不少于1件",
        ),
        ("city", "t3-1.correction-rate", "≤5%", "不高于5%"),
        ("city", "t3-2.study-hours", "≥40 学时", "不少于40学时"),
    ],
)
def test_quota(plan: str, requirement: str, en: str, zh: str) -> None:
    """Ids in English (what an encoder types); names and words in Chinese (what an
    official reads)."""
    index = PLANS[plan].index
    found = index.requirements[requirement][1]
    assert (quota(found, index, "en"), quota(found, index, "zh")) == (en, zh)


def test_distinct_units_takes_one_number() -> None:
    with pytest.raises(ValueError, match="takes a single number"):
        Requirement.model_validate(
            {**BASE, "kind": "distinct_units", "min": {"u": 15}, "of_group": "g"}
        )
