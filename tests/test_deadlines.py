"""Deadline phrases and the dates they mean."""

from __future__ import annotations

import datetime as dt

import pytest

from lzplan.grammar import deadlines


@pytest.mark.parametrize(
    ("phrase", "date"),
    [
        ("6月底前", dt.date(2011, 6, 30)),
        ("于6月底前", dt.date(2011, 6, 30)),
        ("2月底", dt.date(2011, 2, 28)),
        ("2012年2月底", dt.date(2012, 2, 29)),
        ("2011年11月底", dt.date(2011, 11, 30)),
        ("12月底前", dt.date(2011, 12, 31)),
        ("年底前", dt.date(2011, 12, 31)),
        ("2012年上半年", dt.date(2012, 6, 30)),
        ("下半年", dt.date(2011, 12, 31)),
        ("第三季度", dt.date(2011, 9, 30)),
        ("二季度", dt.date(2011, 6, 30)),
        ("于2012年10月15日前", dt.date(2012, 10, 15)),
        ("9月份", dt.date(2011, 9, 30)),
        ("十一月底", dt.date(2011, 11, 30)),
        ("全年", dt.date(2011, 12, 31)),
        ("13月底", None),
        ("尽快", None),
    ],
)
def test_date_of(phrase: str, date: dt.date | None) -> None:
    assert deadlines.date_of(phrase, 2011) == date


def test_find_in_the_2011_notice() -> None:
    from tests.conftest import ROOT

    text = (ROOT / "plan" / "2011.source.txt").read_text(encoding="utf-8")
    assert [m.group(0) for m in deadlines.find(text)] == [
        "年底前", "年底前", "2011年11月底", "12月底前", "2012年上半年", "6月底前",
    ]  # fmt: skip
