"""Progress against time (时间过半、任务过半): shown while the plan's period runs, and
only then; each unit's share of what it owes done, against the share of the year gone."""

from __future__ import annotations

import json

import pytest

from lzplan.reporters.common import Progress, percent
from tests.conftest import invoke

DONE = {"met", "met_late", "nil"}
UNCOUNTED = {"not_applicable", "waived"}


@pytest.mark.parametrize(
    ("as_of", "elapsed"),
    [("2010-12-31", None), ("2011-01-01", 0.00274), ("2011-06-30", 0.49589),
     ("2011-12-30", 0.99726), ("2011-12-31", None), ("2012-06-30", None)],
)  # fmt: skip
def test_the_period_gone_is_reported_only_while_it_runs(as_of: str, elapsed: float | None) -> None:
    report = json.loads(invoke("check", "--as-of", as_of, "-f", "json").stdout)
    assert report["period"] == {"start": "2011-01-01", "end": "2011-12-31", "elapsed": elapsed}
    shown = invoke("check", "--as-of", as_of, "--lang", "zh", "--color", "never").stdout
    assert ("时间进度与任务进度" in shown) is (elapsed is not None)


def test_each_units_share_counts_what_it_has_done_of_what_it_owes() -> None:
    report = json.loads(invoke("check", "--as-of", "2011-06-30", "-f", "json").stdout)
    for unit in report["units"]:
        counted = [o["status"] for o in unit["outcomes"] if o["status"] not in UNCOUNTED]
        done = sum(status in DONE for status in counted)
        share = round(done / len(counted), 6) if counted else 1.0
        assert unit["progress"] == {"done": done, "owed": len(counted), "share": share}


def test_the_mid_year_line_counts_the_units_keeping_pace() -> None:
    report = json.loads(invoke("check", "--as-of", "2011-06-30", "-f", "json").stdout)
    keeping = sum(u["progress"]["share"] >= report["period"]["elapsed"] for u in report["units"])
    shown = invoke("check", "--as-of", "2011-06-30", "--lang", "zh", "--color", "never").stdout
    assert f"全年时间已过49.6%；{len(report['units'])}个单位中，{keeping}个单位" in shown


@pytest.mark.parametrize(
    ("share", "shown"),
    [(0.49589, "49.6%"), (0.5625, "56.3%"), (0.00049, "0.0%"), (0.0005, "0.1%"), (1.0, "100.0%")],
)
def test_percent_rounds_halves_up(share: float, shown: str) -> None:
    assert percent(share) == shown


def test_keeping_pace_is_reaching_the_share_of_time_gone() -> None:
    assert Progress("gulin", 1, 2, 0.5).on_pace
    assert not Progress("gulin", 1, 3, 0.5).on_pace
    assert Progress("staffing-office", 0, 0, 0.9).on_pace  # owes nothing: nothing behind
