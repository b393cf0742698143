"""The grammar of notices: numbers, deadlines, quotas and owner statements."""

from __future__ import annotations

import datetime as dt

import pytest

from lzplan.grammar import deadlines, numbers, owners, quotas
from tests.conftest import CASES, ROOT

NOTICE_2011 = (ROOT / "plan" / "2011.source.txt").read_text(encoding="utf-8")
NOTICE_2013 = (CASES / "city" / "plan" / "2013.source.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "value"),
    [("15", 15), ("１５", 15), ("1.5", 1.5), ("十五", 15), ("二十", 20), ("三", 3), ("一百", 100),
     ("十", 10), ("九十五", 95), ("二〇一三", 2013), ("两", 2)],
)  # fmt: skip
def test_numbers(text: str, value: float) -> None:
    assert numbers.value(text) == value


@pytest.mark.parametrize(
    ("text", "share"),
    [("20%", 20), ("20％", 20), ("百分之五十", 50), ("百分之九十五", 95), ("百分之百", 100),
     ("一半", None)],
)  # fmt: skip
def test_percent(text: str, share: float | None) -> None:
    assert numbers.percent(text) == share


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
        ("2014年底前", dt.date(2014, 12, 31)),  # keeps its year
        ("2012年上半年", dt.date(2012, 6, 30)),
        ("下半年", dt.date(2011, 12, 31)),
        ("第三季度", dt.date(2011, 9, 30)),
        ("二季度", dt.date(2011, 6, 30)),
        ("于2012年10月15日前", dt.date(2012, 10, 15)),
        ("次年1月15日前", dt.date(2012, 1, 15)),
        ("二〇一三年十月底前", dt.date(2013, 10, 31)),
        ("9月份", dt.date(2011, 9, 30)),
        ("十一月底", dt.date(2011, 11, 30)),
        ("全年", dt.date(2011, 12, 31)),
        ("13月底", None),
        ("2月30日前", None),
        ("10月份起", None),  # a start, not a deadline
        ("每季度末", None),  # recurs: no one date
        ("15日内", None),  # relative
        ("尽快", None),
    ],
)
def test_deadline_dates(phrase: str, date: dt.date | None) -> None:
    assert deadlines.date_of(phrase, 2011) == date


def test_what_is_not_a_deadline() -> None:
    (scope,) = deadlines.find("对2012年底前制定的规范性文件进行全面清理", 2013)
    assert scope.scope
    assert deadlines.find("继续推行领导干部任前法律知识考试制度", 2011) == []
    (every,) = deadlines.find("每季度末，各区县报送", 2013)
    assert (every.every, every.date) == ("quarter", None)
    (within,) = deadlines.find("在决策作出后15日内备案", 2013)
    assert within.relative


def test_deadlines_in_the_2011_notice() -> None:
    assert [d.text for d in deadlines.find(NOTICE_2011, 2011)] == [
        "年底前", "年底前", "2011年11月底", "12月底前", "2012年上半年", "6月底前",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("各区县评估不少于3件", [(3, "件", False, None)]),
        ("评查案卷率达20%以上", [(20, "%", False, None)]),
        ("比例不低于80%", [(80, "%", False, None)]),
        ("报备率达到100%", [(100, "%", False, None)]),
        ("及时率不低于百分之九十五", [(95, "%", False, None)]),
        ("纠错率不高于5%", [(5, "%", True, None)]),
        ("对十五个以上市级部门", [(15, "个", False, None)]),
        ("每季度至少组织1次培训", [(1, "次", False, "quarter")]),
        ("培训不少于200人次，学法不少于40学时", [(200, "人次", False, None),
                                                (40, "学时", False, None)]),
        ("达到预期目标", []),
    ],
)  # fmt: skip
def test_quotas(text: str, found: list[tuple[float, str, bool, str | None]]) -> None:
    assert [(q.value, q.measure, q.at_most, q.every) for q in quotas.find(text)] == found


def test_owner_statements_of_every_form() -> None:
    found = {s.text: (s.leads, s.supporting, s.plain) for s in owners.find(NOTICE_2013)}
    assert found["牵头单位：市法制办；配合单位：市司法局"] == (("市法制办",), ("市司法局",), ())
    assert found["（市法制办牵头，市级各行政执法部门配合）"] == (
        ("市法制办",), ("市级各行政执法部门",), ()
    )  # fmt: skip
    assert found["由市城市管理局负责"] == (("市城市管理局",), (), ())
    nested = next(text for text in found if text.startswith("（责任单位：市政府办公室（牵头）"))
    assert found[nested][0] == ("市政府办公室",)
    assert len(owners.find(NOTICE_2011)) == 13
    texts = [s.text for s in owners.find(NOTICE_2013)]
    assert texts.count("（责任单位：市法制办，市级各部门，各区、县（市）人民政府）") == 3


def test_a_length_of_time_is_not_a_quota() -> None:
    assert quotas.find("公示期不少于5个工作日") == []
    assert quotas.DURATION.search("公示期不少于5个工作日")
    assert quotas.find("培训时间不少于3天") == []


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        ("覆盖率不少于3成", True),  # a number after a quota word: reported if not read
        ("不少于若干件", False),  # no number: nothing to check
        ("至少要做到", False),
        ("不超过法定期限", False),
    ],
)
def test_what_looks_like_a_quota(text: str, looks_like: bool) -> None:
    assert bool(quotas.TRIGGER.search(text)) is looks_like


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [("6月前完成", True), ("3个工作日内", True), ("实行季度通报制度", False), ("年底前", True)],
)
def test_what_looks_like_a_deadline(text: str, looks_like: bool) -> None:
    assert bool(deadlines.TRIGGER.search(text)) is looks_like
