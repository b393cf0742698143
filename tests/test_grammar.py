"""The grammar of notices: numbers, deadlines, quotas and owner statements."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest

from lzplan.grammar import actors, cover, deadlines, norms, numbers, owners, quotas, table
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


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("每季度末", ("每季度末", "quarter", 0)),
        ("每月底", ("每月底", "month", 0)),
        ("每半年末", ("每半年末", "half-year", 0)),
        ("每年底", ("每年底", "year", 0)),
        ("每季度结束后10日内报送", ("每季度结束后10日内", "quarter", 10)),
        ("每季度终了后10日内", ("每季度终了后10日内", "quarter", 10)),
        ("季后10日内报送", ("季后10日内", "quarter", 10)),  # one phrase, not a relative 10日内
        ("季后十日内", ("季后十日内", "quarter", 10)),
        ("每季度后15日内", ("每季度后15日内", "quarter", 15)),
        ("每月结束后5日内", ("每月结束后5日内", "month", 5)),
        ("每半年结束后15日内", ("每半年结束后15日内", "half-year", 15)),
        ("次月10日前", ("次月10日前", "month", 10)),  # the 10th: 10 days after the month's end
        ("每月10日前报送上月执法统计", ("每月10日前", "month", 10)),
        ("每月10日前向市法制办报送上月情况", ("每月10日前", "month", 10)),
        ("每季度", ("每季度", "quarter", None)),  # when each falls due: not stated
        ("每月", ("每月", "month", None)),
        ("每半年", ("每半年", "half-year", None)),
        ("每年", ("每年", "year", None)),
    ],
)
def test_recurring_deadlines(text: str, read: tuple[str, str, int | None]) -> None:
    (deadline,) = deadlines.find(text, 2013)
    assert (deadline.text, deadline.every, deadline.due_after) == read
    assert (deadline.date, deadline.relative) == (None, False)
    assert deadlines.date_of(text, 2013) is None


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("15日内", [("15日内", None, None, True)]),  # relative, as before
        ("每月10日前报送当月计划", [("每月", "month", None, False)]),  # 10日前 left unread
        ("每季度第一个月10日前", [("每季度", "quarter", None, False)]),
        ("每季度结束后10个工作日内", [("每季度", "quarter", None, False),
                                   ("10个工作日内", None, None, True)]),  # not calendar days
        ("次月40日前", []),  # not a day of a month
    ],
)  # fmt: skip
def test_what_is_not_a_recurring_deadline(
    text: str, read: list[tuple[str, str | None, int | None, bool]]
) -> None:
    found = deadlines.find(text, 2013)
    assert [(d.text, d.every, d.due_after, d.relative) for d in found] == read


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
        ("每年评估不得少于2件", [(2, "件", False, None)]),
        ("合格率不得低于95%", [(95, "%", False, None)]),
        ("办结率95%以上", [(95, "%", False, None)]),  # 以上 with no quota word
        ("结案率百分之九十以上", [(90, "%", False, None)]),
        ("报备率为100%", [(100, "%", False, None)]),  # a stated share: at least it
        ("公开率为百分之百", [(100, "%", False, None)]),
        ("评查率为95%以上", [(95, "%", False, None)]),
        ("每季度至少1次", [(1, "次", False, "quarter")]),
        ("每半年至少开展1次", [(1, "次", False, "half-year")]),
        ("每年至少组织2次", [(2, "次", False, "year")]),
        ("每季度不少于1次", [(1, "次", False, "quarter")]),
        ("达到至少80%", [(80, "%", False, None)]),
        ("达到优良等级95%以上", [(95, "%", False, None)]),  # 达到…: another part of the sentence
        ("纠错率为5%以下", []),  # not a floor: left unread (and reported)
        ("增幅为5%左右", []),
        ("落实第246号令，完成11项任务", []),
        ("5部门联合印发〔2010〕17号文件", []),
        ("县级以上人民政府", []),
        ("公示期不得少于5个工作日", []),  # a length of time
        ("公示期不少于5个工作日", []),
        ("整改期限不超过3个月", []),
    ],
)  # fmt: skip
def test_quotas(text: str, found: list[tuple[float, str, bool, str | None]]) -> None:
    assert [(q.value, q.measure, q.at_most, q.every) for q in quotas.find(text)] == found


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("办结率95%以上", "95%以上"), ("结案率百分之九十以上", "百分之九十以上"),
     ("报备率为100%", "为100%"), ("评查率为95%以上", "为95%以上"),
     ("每半年至少开展1次", "每半年至少开展1次"), ("评查案卷率达20%以上", "达20%以上")],
)  # fmt: skip
def test_a_quota_phrase_covers_its_trigger(text: str, phrase: str) -> None:
    (quota,) = quotas.find(text)
    assert quota.text == phrase
    for match in quotas.TRIGGER.finditer(text):  # else the phrase would be reported unread
        assert quota.start <= match.start()
        assert match.end() <= quota.end


def test_quotas_in_the_notices_are_read_as_before() -> None:
    assert [(q.text, q.value) for q in quotas.find(NOTICE_2011)] == [
        ("不少于3件", 3), ("不少于1件", 1), ("不少于2件", 2), ("不少于15个", 15), ("达20%以上", 20),
    ]  # fmt: skip
    found = [(q.text, q.value, q.measure, q.at_most, q.every) for q in quotas.find(NOTICE_2013)]
    assert len(found) == 15
    assert ("达到100%", 100, "%", False, None) in found
    assert ("不低于百分之九十五", 95, "%", False, None) in found
    assert ("达百分之五十以上", 50, "%", False, None) in found
    assert ("每季度至少组织1次", 1, "次", False, "quarter") in found
    (every,) = [d for d in deadlines.find(NOTICE_2013, 2013) if d.text == "每季度末"]
    assert (every.every, every.due_after) == ("quarter", 0)


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


@pytest.mark.parametrize(
    ("text", "leads", "plain"),
    [
        # an open list in a bracket, as in a sentence
        ("（市发展改革委、市市场监管局等按职责分工负责）", ("市发展改革委、市市场监管局等",), ()),
        ("（市司法局按职责负责）", ("市司法局",), ()),
        # a table's owner cell marking its lead
        ("序号\t工作任务\t责任单位\t完成时限\n1\t建立制度。\t司法所（牵头），党政办公室\t年内\n",
         ("司法所",), ("，党政办公室",)),
    ],
)  # fmt: skip
def test_owner_statements_that_name_a_lead(
    text: str, leads: tuple[str, ...], plain: tuple[str, ...]
) -> None:
    (found,) = owners.find(text)
    assert (found.leads, found.plain) == (leads, plain)


@pytest.mark.parametrize(
    ("text", "quote", "acting"),
    [
        # a time before the subject at a clause's head
        ("加强后评估，2022年底前各区县完成后评估不少于3件。", "完成后评估", ["各区县"]),
        # no subject carries into the next item of a list
        ("二是市司法局组织案卷评查；三是加强执法人员培训。", "加强执法人员培训", []),
        ("市司法局要组织评查；加强执法人员培训。", "加强执法人员培训", ["市司法局"]),
        # the agent of a review the work must pass
        ("议题会前均须经县政府法制办合法性审查。", "合法性审查", ["县政府法制办"]),
    ],
)
def test_who_a_sentence_makes_act(text: str, quote: str, acting: list[str]) -> None:
    spans = [_Name(m.start(), m.end(), m.group()) for m in
             re.finditer("各区县|市司法局|县政府法制办", text)]  # fmt: skip
    at = text.index(quote)
    found = actors.find(text, spans, at, at + len(quote))
    assert [text[a.start : a.end] for a in found] == acting


@dataclasses.dataclass(frozen=True)
class _Name:
    start: int
    end: int
    id: str


def test_a_length_of_time_is_not_a_quota() -> None:
    assert quotas.find("公示期不少于5个工作日") == []
    assert quotas.DURATION.search("公示期不少于5个工作日")
    assert quotas.find("培训时间不少于3天") == []
    assert quotas.find("公示期不得少于10个工作日") == []
    assert quotas.DURATION.search("公示期不得少于10个工作日")


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [
        ("覆盖率不少于3成", True),  # a number after a quota word: reported if not read
        ("不少于若干件", False),  # no number: nothing to check
        ("至少要做到", False),
        ("不超过法定期限", False),
        ("不得少于2件", True),
        ("报备率为100%", True),
        ("公开率为百分之百", True),
        ("办结率95%以上", True),
        ("结案率百分之九十以上", True),
        ("纠错率为5%以下", True),  # read as nothing, so reported
        ("落实第246号令", False),  # numbers in names
        ("完成11项任务", False),
        ("5部门联合", False),
        ("〔2010〕17号", False),
        ("县级以上人民政府", False),
        ("作为考核内容", False),
    ],
)
def test_what_looks_like_a_quota(text: str, looks_like: bool) -> None:
    assert bool(quotas.TRIGGER.search(text)) is looks_like


@pytest.mark.parametrize(
    ("text", "looks_like"),
    [("6月前完成", True), ("3个工作日内", True), ("实行季度通报制度", False), ("年底前", True),
     ("季后10日内", True), ("次月10日前", True), ("每月10日前报送当月计划", True)],
)  # fmt: skip
def test_what_looks_like_a_deadline(text: str, looks_like: bool) -> None:
    assert bool(deadlines.TRIGGER.search(text)) is looks_like


@pytest.mark.parametrize(
    ("clause", "supervising"),
    [
        ("2012年上半年进行检查验收。", True),
        ("继续开展行政执法案卷评查工作", True),
        ("切实履行行政执法监督职责，加强行政执法监督机制建设", True),
        ("备案审查规范性文件要重点加强对违法增加公民义务内容的审查", True),
        ("积极指导、支持和保障居民委员会开展人民调解工作", True),
        ("评查案卷率达20%以上。", True),
        # a thing named in a list, a precondition, something undergone, a title
        ("严格执行重大行政决策公众参与、合法性审查和集体讨论决定程序", False),
        ("切实把合法性审查和集体讨论决定作为必经程序", False),
        ("未经公开征求意见、合法性审查、集体讨论的规范性文件不得发布施行", False),
        ("自觉接受监督", False),
        ("严格执行新颁布的《四川省行政执法监督条例》", False),
        ("市级各部门要定期组织本系统行政执法人员进行培训", False),
    ],
)
def test_what_is_a_duty_of_supervision(clause: str, supervising: bool) -> None:
    assert actors.supervises(clause) is supervising


@pytest.mark.parametrize(
    ("name", "government"),
    [("各区县人民政府", True), ("各区、县（市）", True), ("各区县", True),
     ("市政府各部门", False), ("市级行政执法部门", False), ("高新区管委会", False)],
)  # fmt: skip
def test_which_names_are_governments(name: str, government: bool) -> None:
    assert actors.governments(name) is government


@pytest.mark.parametrize(
    ("clause", "sanction", "prohibition"),
    [
        ("对违反决策规定、造成重大损失的，要严格追究过错责任。", True, False),
        ("凡未按期报送的，依法追究有关人员的责任", True, False),
        ("坚持文明执法，不得粗暴对待当事人；", False, True),
        ("严禁以罚代管", False, True),
        # a prohibition beside other work, and a 制度 of accountability, are duties
        ("加强后续监管，不得反弹", False, False),
        ("建立健全责任追究制度", False, False),
        ("对重大决策要进行风险评估", False, False),
    ],
)
def test_norms_that_are_no_work_to_report(clause: str, sanction: bool, prohibition: bool) -> None:
    assert (norms.sanction(clause), norms.prohibition(clause)) == (sanction, prohibition)


def test_a_cover_letter_and_what_it_says() -> None:
    text = (CASES / "extract" / "county-numbered-cover-letter" / "notice.txt").read_text(
        encoding="utf-8"
    )
    found = cover.find(text)
    assert found is not None
    assert (found.issuer, found.title, found.doc_no, found.issued) == (
        "云溪县人民政府办公室", "云溪县2016年依法行政工作要点", "云府办发〔2016〕12号",
        dt.date(2016, 3, 15))  # fmt: skip
    assert text[slice(*found.addressees)] == "各乡镇人民政府，县级各部门"
    body = text[slice(*found.body)]
    assert body.strip().endswith("报县政府法制办备案。")  # the signature is not the letter's text
    assert text[found.end :].lstrip().startswith("云溪县2016年依法行政工作要点\n一、")


def test_a_cover_letter_run_together_with_a_web_page_s_fields() -> None:
    """The 2011 notice as the web page keeps it: 发布部门：… is no 主送, the date is in
    Chinese numerals, and the plan follows it with no line break."""
    text = (ROOT / "plan" / "2011.source.txt").read_text(encoding="utf-8")
    found = cover.find(text)
    assert found is not None
    assert text[slice(*found.addressees)] == "各区、县人民政府,市级各部门"
    assert found.issued == dt.date(2011, 2, 28)
    assert cover.ISSUING.search(text[slice(*found.body)])


def test_no_cover_letter() -> None:
    assert cover.find("测试市2014年工作安排\n一、执法\n各区县要评查案卷。") is None
    assert cover.find("关于印发工作要点的通知\n没有主送的一段话。") is None


@pytest.mark.parametrize(
    "separator", ["\t", "    ", "\u3000", "\u3000\u3000", "\t\t"], ids=["tab", "blanks", "ideo",
                                                                     "ideo2", "tabs"]
)  # fmt: skip
def test_a_table_flattened_into_text(separator: str) -> None:
    """Cells split by tabs or runs of blanks; a line with no number continues its row;
    the table ends at a line that is neither."""
    sep = separator
    text = (f"前言。\n序号{sep}工作任务{sep}牵头单位{sep}配合单位{sep}时间节点\n"
            f"1{sep}建立制度。{sep}办公室{sep}人事处{sep}2015年6月\n"
            f"2{sep}开展培训，{sep}人事处{sep}办公室{sep}年内\n"
            f"{sep}培训不少于2次。\n"
            "以上任务请认真落实。\n")  # fmt: skip
    (found,) = table.find(text)
    assert text[slice(*found.header)].startswith("序号")
    first, second = found.rows
    assert [(c.role, c.text(text)) for c in first.cells] == [
        ("number", "1"), ("task", "建立制度。"), ("lead", "办公室"), ("support", "人事处"),
        ("deadline", "2015年6月")]  # fmt: skip
    assert [c.text(text) for c in second.of("task")] == ["开展培训，", "培训不少于2次。"]
    assert text[found.end :] == "\n以上任务请认真落实。\n"
    (statement,) = [s for s in owners.find(text) if s.row == first]
    assert (statement.leads, statement.supporting, statement.text) == (
        ("办公室",), ("人事处",), f"办公室{sep}人事处")  # fmt: skip


def test_what_is_no_table() -> None:
    assert table.find("序号 工作任务 责任单位\n1 一行") == []  # single blanks split nothing
    assert table.find("工作任务\t备注\n1\t某事\t无") == []  # no owner column
    assert table.find("一、执法\n各区县要评查案卷。") == []


@pytest.mark.parametrize(
    ("phrase", "date"),
    [("年内", dt.date(2015, 12, 31)), ("2016年内", dt.date(2016, 12, 31)),
     ("2015年6月", dt.date(2015, 6, 30)), ("于2015年9月完成", dt.date(2015, 9, 30))],
)  # fmt: skip
def test_time_limits_of_a_table_s_cells(phrase: str, date: dt.date) -> None:
    assert deadlines.date_of(phrase, 2015) == date


@pytest.mark.parametrize("text", ["三年内完成整改", "根据2014年6月国务院印发的意见", "五年内"])
def test_what_is_no_time_limit(text: str) -> None:
    assert [d for d in deadlines.find(text, 2015) if d.date is not None] == []


def test_a_yearly_duty_on_its_own_day() -> None:
    (found,) = deadlines.find("各区县每年12月10日前报送年度报告", 2013)
    assert (found.every, found.on, found.date) == ("year", "12-10", None)
    assert deadlines.find("每年2月30日前报送", 2013) == []  # no such day of any year


def test_a_standing_duty_s_time_limit() -> None:
    """长期坚持 in a 完成时限 cell or a due wording: the whole period, judged at its end;
    持续推进 inside a sentence is no deadline the plan must encode."""
    assert deadlines.date_of("长期坚持", 2015) == dt.date(2015, 12, 31)
    (found,) = deadlines.limit("持续推进", 2015)
    assert found.standing
    assert deadlines.find("持续推进依法行政，长期坚持学法制度", 2015) == []
