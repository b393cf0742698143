"""The year's documents read as the office issues them: each wording item a 法制办
reviewer raised, with the words the document must now hold and those it must not.

The items live in tests/cases/readings/documents-2011.yaml (one test each); this
module makes each document once, from the shipped plan and samples.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from lzplan.bulletin import build
from lzplan.check.result import Outcome, Status
from lzplan.messages import msg
from tests.conftest import CASES, invoke
from tests.office import xlsx_text

ITEMS: list[dict[str, Any]] = yaml.safe_load(
    (CASES / "readings" / "documents-2011.yaml").read_text(encoding="utf-8")
)
YEAR_END = ("--as-of", "2011-12-31", "--lang", "zh")
DOCUMENTS: dict[str, tuple[str, ...]] = {
    "bulletin": ("bulletin", *YEAR_END, "--scores", "plan/scores-2011.yaml",
                 "--date", "2012-01-10", "--fix-by", "2012-01-31"),
    "mid-year": ("bulletin", "--as-of", "2011-06-30", "--lang", "zh"),
    "rectification": ("bulletin", "--unit", "gulin", *YEAR_END, "--fix-by", "2012-01-15"),
    "silent": ("bulletin", "--unit", "tourism", *YEAR_END, "--fix-by", "2012-01-15"),
    "activity": ("bulletin", "--unit", "grain", *YEAR_END, "--fix-by", "2012-01-15"),
    "check": ("check", *YEAR_END, "--scores", "plan/scores-2011.yaml", "--color", "never"),
}  # fmt: skip


@cache
def document(name: str, tmp: Path) -> str:
    """The document's text, its provenance comment (not part of the 公文) left out."""
    if name == "workbook":
        out = tmp / "台账.xlsx"
        invoke("check", *YEAR_END, "-o", f"xlsx:{out}")
        return xlsx_text(out.read_bytes())
    result = invoke(*DOCUMENTS[name])
    assert result.exit_code in (0, 1), result.stderr
    return re.sub(r"<!--.*?-->", "", result.stdout, flags=re.DOTALL)


@pytest.fixture(scope="module")
def tmp(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("wording")


def test_every_item_says_why_and_checks_something() -> None:
    assert len(ITEMS) >= 20
    for item in ITEMS:
        assert item["why"], item
        assert item["found"], item
        assert item.get("present") or item.get("absent"), item["found"]
        assert item["document"] in (*DOCUMENTS, "workbook"), item["document"]


@pytest.mark.parametrize("item", ITEMS, ids=[item["found"][:24] for item in ITEMS])
def test_wording(item: dict[str, Any], tmp: Path) -> None:
    text = document(item["document"], tmp)
    assert text.strip()
    missing = [words for words in item.get("present", []) if words not in text]
    found = [words for words in item.get("absent", []) if words in text]
    assert not missing, f"{item['found']}: must say {missing}"
    assert not found, f"{item['found']}: must not say {found}"


def test_an_activity_done_in_part_is_counted_as_officials_count_it() -> None:
    """Two trainings of three: 报送开展情况2次，要求不少于3次 — not lzplan's items."""
    import datetime as dt

    detail = msg("kind.activity.detail_short", actual=2, need=3, more=1)
    outcome = Outcome("grain", "t2-1", "t2-1.enforcement-training", Status.MISSED, 2, 3,
                      dt.date(2011, 12, 31), detail)  # fmt: skip
    assert build._detail(outcome, "zh") == "报送开展情况2次，要求不少于3次"
    assert build._detail(outcome, "en") == "2 reported, at least 3 asked"


def test_what_came_after_the_cutoff_is_not_said_in_a_document() -> None:
    """A detail that names a report made after the as-of day (数据日期…晚于统计截止日)
    is said as it stood on that day."""
    import datetime as dt

    inner = msg("kind.activity.detail_short", actual=0, need=1, more=1)
    detail = msg("detail.after_as_of", detail=inner, reported=dt.date(2011, 12, 26))
    outcome = Outcome("secrecy", "t2-2", "t2-2.cleanup", Status.PENDING, 0, 1,
                      dt.date(2011, 12, 31), detail)  # fmt: skip
    assert build._detail(outcome, "zh") == "尚未报送该项工作开展情况"
    missed = outcome._replace(status=Status.MISSED)
    assert build._detail(missed, "zh") == "未报送该项工作开展情况，按未完成认定"
