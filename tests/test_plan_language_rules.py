"""The plan language's rules, one at a time, on a small plan written here.

Nil returns for conditional duties, rates with a floor or a ceiling and a policy for
no cases, quantities summed over evidence, figures dated on their own. The complete
plan of another city, with its notice and hand-checked verdicts, is in
tests/cases/city/ (tests/test_city.py).
"""

from __future__ import annotations

import datetime as dt

import pytest

from lzplan.check import engine
from lzplan.check.result import Outcome, Status
from lzplan.check.submission import Submission
from lzplan.errors import InputError
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.plan import crossref
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan

PLAN_TEXT = """\
plan:
  id: rules-2013
  title: 规则测试
  issuer: 测试市人民政府
  issued: 2013-02-20
  period: {start: 2013-01-01, end: 2013-12-31}
  owner: fzb
  source: {file: n.txt, title: 通知, publisher: 办公室, published: 2013-02-20}
units:
  - {id: qa, name: 甲区人民政府, kind: district, named_in_notice: true}
  - {id: fzb, name: 市政府法制办公室, kind: department, named_in_notice: true}
groups:
  - {id: districts, names: [各区], kind: district}
tasks:
  - id: t1
    section: 一(一)
    title: 测试
    owners: {source: (责任单位:各区), groups: [districts]}
    requirements:
      - {id: t1.mediation, kind: activity, title: 调解, source: 对纠纷要调解。,
         groups: [districts], condition: 发生重大纠纷时, due: {date: 2013-12-31}}
      - {id: t1.always, kind: activity, title: 学法, source: 学法。, groups: [districts],
         due: {date: 2013-12-31}}
      - {id: t1.wrong-cases, kind: ratio, title: 错案率, source: 错案率不高于5%。,
         groups: [districts], max_share: 0.05, due: {date: 2013-12-31}}
      - {id: t1.disclosure, kind: ratio, title: 依申请公开答复率, source: 答复率达到100%。,
         groups: [districts], min_share: 1, if_no_cases: met, due: {date: 2013-12-31}}
      - {id: t1.hearings, kind: ratio, title: 听证率, source: 听证率达到50%。,
         groups: [districts], min_share: 0.5, if_no_cases: missed, due: {date: 2013-06-30}}
      - {id: t1.audit, kind: ratio, title: 评查率, source: 评查率达20%以上。,
         groups: [districts], min_share: 0.2, due: {date: 2013-09-30}}
      - {id: t1.study-hours, kind: quantity, title: 学法学时, source: 学法不少于40学时。,
         groups: [districts], min: 40, measure: 学时, due: {date: 2013-12-31}}
      - {id: t1.quarterly, kind: activity, title: 季度报告, source: 每季度结束后10日内报送。,
         groups: [districts], recurs: {every: quarter, due_after: 10},
         due: {date: 2014-01-10, wording: 每季度结束后10日内}}
"""
PLAN = to_model(loader.parse(PLAN_TEXT, "plan.yaml"), Plan)
INDEX = PlanIndex(PLAN)
HEAD = "unit: qa\nplan: rules-2013\nreported: {reported}\nrequirements:\n"


def filed(body: str, reported: str = "2013-12-20") -> engine.Filed:
    document = loader.parse(HEAD.format(reported=reported) + body, "qa.yaml")
    return engine.Filed("qa.yaml", to_model(document, Submission), document.positions)


def judged(body: str, requirement: str, as_of: str = "2014-01-10", **kw: str) -> Outcome:
    result = engine.check(INDEX, [filed(body, **kw)], dt.date.fromisoformat(as_of))
    assert result.problems == (), [str(p) for p in result.problems]
    (unit,) = (u for u in result.units if u.unit == "qa")
    return next(o for o in unit.outcomes if o.requirement == requirement)


def problems(body: str) -> list[str]:
    result = engine.check(INDEX, [filed(body)], dt.date(2014, 1, 10))
    return [str(problem) for problem in result.problems]


# ---------------------------------------------------------------- nil returns


def test_a_nil_return_is_a_status_of_its_own() -> None:
    got = judged("  t1.mediation: {nil_return: 本年度未发生重大民事纠纷}\n", "t1.mediation")
    assert (got.status, str(got.detail)) == (Status.NIL, "nil return: 本年度未发生重大民事纠纷")
    result = engine.check(INDEX, [filed("  t1.mediation: {nil_return: 无}\n")], dt.date(2014, 1, 1))
    assert result.units[0].status != "compliant"  # the other duties are still missed
    assert Status.NIL.severity < Status.MET_LATE.severity


def test_a_nil_return_is_not_known_before_its_file() -> None:
    body = "  t1.mediation: {nil_return: 本年度未发生重大民事纠纷}\n"
    got = judged(body, "t1.mediation", as_of="2013-12-01", reported="2013-12-20")
    assert got.status is Status.PENDING


def test_a_nil_return_on_a_duty_that_always_applies_is_an_error() -> None:
    assert problems("  t1.always: {nil_return: 本年度无此类事项}\n") == [
        "qa.yaml:5:15: error: 't1.always' applies whatever happens: a nil return is only "
        "for requirements with a condition"
    ]


def test_a_nil_return_says_nothing_else() -> None:
    body = "  t1.mediation:\n    nil_return: 无\n    evidence: [{title: 调解, date: 2013-05-01}]\n"
    assert problems(body) == [
        "qa.yaml:6:5: error: a nil return for 't1.mediation' cannot also report evidence or figures"
    ]


# ---------------------------------------------------------------- rates


def test_a_ceiling_is_met_at_or_below_it() -> None:
    got = judged("  t1.wrong-cases: {numerator: 1, denominator: 40}\n", "t1.wrong-cases")
    assert (got.status, str(got.detail)) == (Status.MET, "1/40 = 2.5%, at most 5%")
    assert got.shortfall == 0


def test_a_ceiling_exceeded_says_by_how_many_cases() -> None:
    got = judged("  t1.wrong-cases: {numerator: 5, denominator: 40}\n", "t1.wrong-cases")
    assert got.status is Status.MISSED
    assert str(got.detail) == "5/40 = 12.5%, above 5%: 3 too many"
    assert got.detail.render("zh") == "5/40，比例12.5%（要求不高于5%），超出3"
    assert got.shortfall == pytest.approx(0.075)


def test_all_of_them_means_all_of_them() -> None:
    met = judged("  t1.disclosure: {numerator: 12, denominator: 12}\n", "t1.disclosure")
    short = judged("  t1.disclosure: {numerator: 11, denominator: 12}\n", "t1.disclosure")
    assert (met.status, short.status) == (Status.MET, Status.MISSED)
    assert str(short.detail) == "11/12 = 91.7% of 100%, needs 1 more"


@pytest.mark.parametrize(
    ("requirement", "status", "detail"),
    [
        ("t1.audit", Status.NIL, "no cases (0/0): not applicable"),
        ("t1.disclosure", Status.MET, "no cases (0/0): counts as met"),
        ("t1.hearings", Status.MISSED, "no cases (0/0): counts as not met"),
    ],
)
def test_no_cases_is_what_the_plan_says(requirement: str, status: Status, detail: str) -> None:
    got = judged(f"  {requirement}: {{numerator: 0, denominator: 0}}\n", requirement)
    assert (got.status, str(got.detail)) == (status, detail)


def test_a_ratio_needs_one_bound() -> None:
    text = PLAN_TEXT.replace("max_share: 0.05", "max_share: 0.05, min_share: 0.5")
    with pytest.raises(InputError, match="takes exactly one of 'min_share' and 'max_share'"):
        to_model(loader.parse(text, "plan.yaml"), Plan)


# ---------------------------------------------------------------- dated figures


def test_a_figure_is_judged_by_its_own_date() -> None:
    body = "  t1.audit: {numerator: 30, denominator: 100, date: 2013-09-20}\n"
    assert judged(body, "t1.audit").status is Status.MET  # the file came in December
    without_date = "  t1.audit: {numerator: 30, denominator: 100}\n"
    assert judged(without_date, "t1.audit").status is Status.MET_LATE
    early = judged(body, "t1.audit", as_of="2013-09-10")
    assert (early.status, early.actual) == (Status.PENDING, 0)


def test_a_figure_cannot_be_dated_after_its_file() -> None:
    body = "  t1.audit: {numerator: 30, denominator: 100, date: 2013-12-25}\n"
    assert problems(body) == [
        "qa.yaml:5:47: error: figure dated 2013-12-25, after the date the file was reported "
        "(2013-12-20)"
    ]


# ---------------------------------------------------------------- quantities


QUANTITY = """\
  t1.study-hours:
    evidence:
    - {title: 宪法专题讲座, date: 2013-03-12, amount: 4}
    - {title: 行政诉讼法培训班, date: 2013-06-18, amount: 16}
    - {title: 学法考试, date: 2013-12-28, amount: 2.5}
"""


def test_a_quantity_sums_the_amounts_with_its_measure() -> None:
    got = judged(QUANTITY, "t1.study-hours", reported="2013-12-30")
    assert (got.status, got.actual, got.required) == (Status.MISSED, 22.5, 40)
    assert str(got.detail) == "22.5/40 学时, needs 17.5"
    assert got.detail.render("zh") == "22.5学时（要求不少于40学时），还差17.5学时"


def test_every_item_of_a_quantity_says_how_much() -> None:
    body = "  t1.study-hours:\n    evidence: [{title: 讲座, date: 2013-03-12}]\n"
    assert problems(body) == [
        "qa.yaml:6:16: error: each item of 't1.study-hours' needs 'amount': how many 学时 it "
        "counts for"
    ]


def test_an_amount_on_a_duty_that_counts_no_quantity_is_an_error() -> None:
    body = "  t1.always:\n    evidence: [{title: 讲座, date: 2013-03-12, amount: 2}]\n"
    assert problems(body) == [
        "qa.yaml:6:46: error: 'amount' does not apply to 't1.always', a activity requirement"
    ]


# ---------------------------------------------------------------- plan rules


def test_a_quota_larger_than_its_group_is_an_error() -> None:
    text = PLAN_TEXT + (
        "      - {id: t1.audited, kind: distinct_units, title: 评查部门,\n"
        "         source: 评查部门不少于3个。,\n"
        "         units: [fzb], min: 3, of_group: districts, due: {date: 2013-12-31}}\n"
    )
    document = loader.parse(text, "plan.yaml")
    plan = to_model(document, Plan)
    found = [str(p) for p in crossref.check(plan, document.positions)]
    assert found == [
        "plan.yaml:39:24: error: quota 3 is more than the 1 units of group 'districts'"
    ]


# ---------------------------------------------------------------- recurring duties

QUARTERLY = """\
  t1.quarterly:
    evidence:
    - {title: 一季度报告, date: 2013-04-05}
    - {title: 二季度报告, date: 2013-07-08}
    - {title: 三季度报告（补报）, date: 2013-10-25, period: 2013-Q3}
"""


def test_each_occurrence_is_judged_on_its_own_evidence() -> None:
    got = judged(QUARTERLY, "t1.quarterly", as_of="2014-01-20", reported="2013-12-30")
    assert [(p.period, p.status) for p in got.periods] == [
        ("2013-Q1", Status.MET),  # filed within the 10 days after the quarter
        ("2013-Q2", Status.MET),
        ("2013-Q3", Status.MET_LATE),  # after 10-10, but it names its quarter
        ("2013-Q4", Status.MISSED),  # the Q3 report does not count for Q4
    ]
    assert [p.due for p in got.periods] == [
        dt.date(2013, 4, 10), dt.date(2013, 7, 10), dt.date(2013, 10, 10), dt.date(2014, 1, 10)
    ]  # fmt: skip
    assert (got.status, got.actual, got.required) == (Status.MISSED, 3, 4)
    assert str(got.detail) == "3/4 periods met; 2013-Q4: 0/1, needs 1"
    assert got.detail.render("zh") == "已完成3/4期；2013年第四季度：佐证材料0件，还差1件"
    assert got.items == ()


def test_an_activity_held_each_quarter_counts_where_it_took_place() -> None:
    """每季度至少开展1次: an activity labelled for Q1 but held in Q4 counts for Q4 (and
    says so), not as a late Q1 — unlike a quarterly report, which may be filed late."""
    held = PLAN_TEXT.replace("recurs: {every: quarter, due_after: 10}",
                             "recurs: {every: quarter, due_after: 10, held: true}")  # fmt: skip
    index = PlanIndex(to_model(loader.parse(held, "plan.yaml"), Plan))
    body = ("  t1.quarterly:\n    evidence:\n"
            "    - {title: 一季度活动, date: 2013-03-05}\n"
            "    - {title: 二季度活动（补）, date: 2013-11-08, period: 2013-Q2}\n")  # fmt: skip
    result = engine.check(index, [filed(body)], dt.date(2014, 1, 20))
    (unit,) = (u for u in result.units if u.unit == "qa")
    got = next(o for o in unit.outcomes if o.requirement == "t1.quarterly")
    assert [(p.period, p.status) for p in got.periods] == [
        ("2013-Q1", Status.MET), ("2013-Q2", Status.MISSED), ("2013-Q3", Status.MISSED),
        ("2013-Q4", Status.MET)]  # fmt: skip
    (notice,) = result.notices
    assert str(notice.message) == ("'二季度活动（补）' is labelled for 2013-Q2 but took place in "
                                   "2013-Q4: it counts for 2013-Q4, where it was held")  # fmt: skip
    reported = judged(body, "t1.quarterly", as_of="2014-01-20")  # the plan as written
    assert [p.status for p in reported.periods][:2] == [Status.MET, Status.MET_LATE]


def test_work_finished_after_the_period_is_met_late_unless_the_period_closes() -> None:
    """Done in January for a duty due in December: met late by the as-of date, as the
    same lateness inside the year is; with ``closes: true`` the year is judged as a
    year, and the work is not counted (it may be 整改)."""
    body = "  t1.always:\n    evidence: [{title: 学法活动, date: 2014-01-08}]\n"
    assert judged(body, "t1.always", as_of="2014-01-20", reported="2014-01-10").status is (
        Status.MET_LATE)  # fmt: skip
    closing = PLAN_TEXT.replace(
        "period: {start: 2013-01-01, end: 2013-12-31}",
        "period: {start: 2013-01-01, end: 2013-12-31, closes: true}",
    )
    index = PlanIndex(to_model(loader.parse(closing, "plan.yaml"), Plan))
    result = engine.check(index, [filed(body, reported="2014-01-10")], dt.date(2014, 1, 20))
    (unit,) = (u for u in result.units if u.unit == "qa")
    got = next(o for o in unit.outcomes if o.requirement == "t1.always")
    assert got.status is Status.MISSED


def test_a_yearly_duty_falls_due_on_its_own_day() -> None:
    """每年12月10日前 over a plan of two years: each year's occurrence falls due on 12-10,
    and the plan's due date is the last one's."""
    from lzplan.plan import recurrence

    two_years = PLAN_TEXT.replace("end: 2013-12-31}", "end: 2014-12-31}").replace(
        "recurs: {every: quarter, due_after: 10},", 'recurs: {every: year, on: "12-10"},'
    ).replace("due: {date: 2014-01-10, wording: 每季度结束后10日内}",
              "due: {date: 2014-12-10, wording: 每年12月10日前}")  # fmt: skip
    document = loader.parse(two_years, "plan.yaml")
    plan = to_model(document, Plan)
    assert crossref.check(plan, document.positions) == []
    (req,) = [r for r in plan.tasks[0].requirements if r.id == "t1.quarterly"]
    assert req.recurs is not None
    found = recurrence.of(req.recurs, dt.date(2013, 1, 1), dt.date(2014, 12, 31))
    assert [(o.label, o.due) for o in found] == [
        ("2013", dt.date(2013, 12, 10)), ("2014", dt.date(2014, 12, 10))]  # fmt: skip
    quarterly = two_years.replace('recurs: {every: year, on: "12-10"}',
                                  'recurs: {every: quarter, on: "12-10"}')  # fmt: skip
    document = loader.parse(quarterly, "plan.yaml")
    found_problems = crossref.check(to_model(document, Plan), document.positions)
    assert any("'on' (a day of each year) is for a yearly duty" in str(p) for p in found_problems)


YEARLY_MILESTONE = (
    PLAN_TEXT.replace("end: 2013-12-31}", "end: 2014-12-31}")
    .replace("kind: activity, title: 季度报告", "kind: milestone, title: 年度报告")
    .replace("recurs: {every: quarter, due_after: 10},", 'recurs: {every: year, on: "12-10"},')
    .replace("due: {date: 2014-01-10, wording: 每季度结束后10日内}",
             "due: {date: 2014-12-10, wording: 每年12月10日前}")
)  # fmt: skip


def test_a_yearly_milestone_is_done_each_year_by_its_own_evidence() -> None:
    """每年12月10日前报送年度报告, a milestone of each year: each year's is completed on
    the date of the evidence it takes, met late when labelled for its year and filed
    after its day; the entry has no one completion date."""
    document = loader.parse(YEARLY_MILESTONE, "plan.yaml")
    plan = to_model(document, Plan)
    assert crossref.check(plan, document.positions) == []
    body = ("  t1.quarterly:\n    evidence:\n"
            "    - {title: 2013年度报告, date: 2013-12-05}\n"
            "    - {title: 2014年度报告, date: 2014-12-22, period: '2014'}\n")  # fmt: skip
    document = loader.parse(HEAD.format(reported="2014-12-30") + body, "qa.yaml")
    filing = engine.Filed("qa.yaml", to_model(document, Submission), document.positions)
    result = engine.check(PlanIndex(plan), [filing], dt.date(2015, 1, 5))
    (unit,) = (u for u in result.units if u.unit == "qa")
    got = next(o for o in unit.outcomes if o.requirement == "t1.quarterly")
    assert [(p.period, p.status, str(p.detail)) for p in got.periods] == [
        ("2013", Status.MET, "completed 2013-12-05"),
        ("2014", Status.MET_LATE, "completed 2014-12-22"),
    ]
    assert got.status is Status.MET_LATE
    once = body.replace("    evidence:", "    completed: 2013-12-05\n    evidence:", 1)
    document = loader.parse(HEAD.format(reported="2014-12-30") + once, "qa.yaml")
    result = engine.check(
        PlanIndex(plan),
        [engine.Filed("qa.yaml", to_model(document, Submission), document.positions)],
        dt.date(2015, 1, 5),
    )
    (problem,) = result.problems
    assert str(problem).startswith("qa.yaml:6:5: error: a milestone recurring every year has "
                                   "no one completion date")  # fmt: skip


@pytest.mark.parametrize(
    ("date", "as_of", "status"),
    [
        ("2013-06-08", "2014-01-20", Status.MET),
        ("2014-01-08", "2014-01-20", Status.MISSED),  # after the period: ongoing work is not late
        (None, "2013-07-01", Status.PENDING),
    ],
)
def test_an_ongoing_duty_is_met_in_its_period_and_never_late(
    date: str | None, as_of: str, status: Status
) -> None:
    """长期坚持: judged as ongoing work of the year (``due.ongoing``), work after the year
    does not make it met late, as it does a duty judged at the period's end."""
    written = "source: 学法。, groups: [districts],\n         due: {date: 2013-12-31}"
    ongoing = PLAN_TEXT.replace(written, written[:-1] + ", ongoing: true}")
    assert ongoing != PLAN_TEXT
    evidence = f"[{{title: 学法活动, date: {date}}}]" if date else "[]"
    document = loader.parse(HEAD.format(reported="2014-01-10") +
                            f"  t1.always:\n    evidence: {evidence}\n", "qa.yaml")  # fmt: skip
    filing = engine.Filed("qa.yaml", to_model(document, Submission), document.positions)
    index = PlanIndex(to_model(loader.parse(ongoing, "plan.yaml"), Plan))
    result = engine.check(index, [filing], dt.date.fromisoformat(as_of))
    (unit,) = (u for u in result.units if u.unit == "qa")
    assert next(o for o in unit.outcomes if o.requirement == "t1.always").status is status


def test_mid_year_the_later_quarters_are_pending() -> None:
    got = judged(QUARTERLY, "t1.quarterly", as_of="2013-07-01", reported="2013-12-30")
    assert [p.status for p in got.periods] == [Status.MET] + [Status.PENDING] * 3
    assert got.status is Status.PENDING


def test_a_period_must_be_one_of_the_requirement_s() -> None:
    body = "  t1.quarterly:\n    evidence: [{title: 报告, date: 2013-02-01, period: 2012-Q4}]\n"
    assert problems(body) == [
        "qa.yaml:6:46: error: '2012-Q4' is not a period of 't1.quarterly' (its periods: "
        "2013-Q1, 2013-Q2, 2013-Q3, 2013-Q4)"
    ]
    body = "  t1.always:\n    evidence: [{title: 报告, date: 2013-02-01, period: 2013-Q1}]\n"
    assert problems(body) == [
        "qa.yaml:6:46: error: 'period' applies only to a recurring requirement; 't1.always' is "
        "not one"
    ]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("due: {date: 2014-01-10, wording", "due date 2014-01-11 is not the due date of the last"),
        ("kind: activity, title: 季度报告", "a ratio requirement cannot recur"),
    ],
)
def test_a_recurring_duty_in_the_plan(change: str, message: str) -> None:
    text = PLAN_TEXT
    if change.startswith("due"):
        text = text.replace("due: {date: 2014-01-10, wording", "due: {date: 2014-01-11, wording")
    else:
        text = text.replace("kind: activity, title: 季度报告", "kind: ratio, min_share: 0.5, "
                            "title: 季度报告")  # fmt: skip
    document = loader.parse(text, "plan.yaml")
    plan = to_model(document, Plan)
    assert any(message in str(p) for p in crossref.check(plan, document.positions))


@pytest.mark.parametrize(
    ("every", "labels", "shown"),
    [
        ("month", ["2013-01", "2013-02"], ("2013-01", "2013年1月")),
        ("half-year", ["2013-H1", "2013-H2"], ("2013-H1", "2013年上半年")),
        ("year", ["2013"], ("2013", "2013年")),
    ],
)
def test_occurrences_follow_the_calendar(
    every: str, labels: list[str], shown: tuple[str, str]
) -> None:
    from lzplan.plan.recurrence import occurrences
    from lzplan.plan.recurrence import shown as shown_period

    found = occurrences(every, 0, dt.date(2013, 1, 1), dt.date(2013, 12, 31))
    assert [o.label for o in found][: len(labels)] == labels
    assert found[-1].due == dt.date(2013, 12, 31)
    first = shown_period(found[0].label)
    assert (str(first), first.render("zh")) == shown
