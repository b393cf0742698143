"""Focused rules of the engine, on the small plan of tests/cases/check/_plan."""

from __future__ import annotations

import datetime as dt

import pytest

from lzplan.check import engine
from lzplan.check.result import FailOn, Outcome, Status
from lzplan.check.submission import Submission
from lzplan.errors import InputError
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.plan import load as plans
from lzplan.plan.index import PlanIndex
from tests.conftest import CASES

PLAN = plans.load(CASES / "check" / "_plan" / "plan.yaml")
YEAR_END = dt.date(2011, 12, 31)


def filed(text: str, name: str = "s.yaml") -> engine.Filed:
    document = loader.parse(text, name)
    return engine.Filed(name, to_model(document, Submission), document.positions)


def outcome(text: str, requirement: str, as_of: dt.date = YEAR_END) -> Outcome:
    """The outcome of ``requirement`` for the unit that filed ``text``."""
    submission = filed(text)
    result = engine.check(PLAN.index, [submission], as_of)
    (unit,) = (u for u in result.units if u.unit == submission.submission.unit)
    return next(o for o in unit.outcomes if o.requirement == requirement)


LEGAL = "unit: legal-affairs\nplan: test-2011\nreported: 2011-12-01\nrequirements:\n"


def test_a_ratio_without_figures_is_not_met() -> None:
    text = LEGAL + "  t2.audit-units: {covered: [finance, public-security]}\n"
    got = outcome(text, "t2.audit-share", as_of=dt.date(2011, 12, 30))
    assert got.status is Status.PENDING
    assert str(got.detail) == "no figures, needs 20%"
    # as of a date means at its end: on the due date itself, not met is missed
    assert outcome(text, "t2.audit-share", as_of=dt.date(2011, 12, 31)).status is Status.MISSED


def test_a_ratio_needs_both_figures() -> None:
    result = engine.check(
        PLAN.index, [filed(LEGAL + "  t2.audit-share: {numerator: 3}\n")], YEAR_END
    )
    assert [str(p.message) for p in result.problems] == [
        "'t2.audit-share' needs both 'numerator' and 'denominator', or neither"
    ]


def test_a_ratio_says_how_many_more_files_are_needed() -> None:
    got = outcome(LEGAL + "  t2.audit-share: {numerator: 23, denominator: 120}\n", "t2.audit-share")
    assert str(got.detail) == "23/120 = 19.2% of 20%, needs 1 more"
    assert got.shortfall == pytest.approx(0.2 - 23 / 120)


def test_aggregates_reported_after_the_as_of_date_do_not_count() -> None:
    text = LEGAL + "  t2.audit-share: {numerator: 30, denominator: 120}\n"
    got = outcome(text, "t2.audit-share", as_of=dt.date(2011, 11, 1))
    assert got.status is Status.PENDING
    assert got.actual == 0
    assert "after the as-of date: not counted" in str(got.detail)


def test_quoted_iso_dates_are_dates() -> None:
    text = (
        "unit: naxi\nplan: test-2011\nreported: '2011-12-01'\nrequirements:\n"
        "  t1.report:\n    completed: '2011-06-01'\n"
        "    evidence: [{title: 专题报告, date: '2011-06-01'}]\n"
    )
    assert outcome(text, "t1.report").status is Status.MET


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("20110601", "expected a date written YYYY-MM-DD, got 20110601"),
        ("2011/06/01", "expected a date written YYYY-MM-DD, got '2011/06/01'"),
        ("2011-06-01 09:30", "expected a date written YYYY-MM-DD, got '2011-06-01 09:30'"),
        ("'2011年6月1日'", "should be 2011-06-01"),
        ("~", "expected a date written YYYY-MM-DD, got None"),
    ],
)
def test_dates_that_are_not_dates(value: str, message: str) -> None:
    text = f"unit: naxi\nplan: test-2011\nreported: {value}\n"
    with pytest.raises(InputError) as raised:
        filed(text)
    assert message in str(raised.value)
    assert "s.yaml:3:1:" in str(raised.value)


def test_a_null_where_text_is_expected() -> None:
    text = "unit: naxi\nplan: test-2011\nreported: 2011-12-01\nrequirements:\n  t1.risk:\n"
    text += "    evidence: [{title: ~, date: 2011-05-01}]\n"
    with pytest.raises(InputError, match="got null"):
        filed(text)


def test_the_worst_requirement_decides_the_cell() -> None:
    text = (
        "unit: naxi\nplan: test-2011\nreported: 2011-12-01\nrequirements:\n"
        "  t1.risk: {evidence: [{title: 评估, date: 2011-05-01}]}\n"
    )
    result = engine.check(PLAN.index, [filed(text)], YEAR_END)
    naxi = next(u for u in result.units if u.unit == "naxi")
    assert naxi.cell("t1") is Status.MISSED  # t1.report, due in June, never done
    assert naxi.cell("t2") is Status.NOT_APPLICABLE
    assert naxi.status == "behind"


def test_a_unit_that_owes_nothing() -> None:
    extra = PLAN.plan.units[0].model_copy(update={"id": "luxian", "kind": "department"})
    bigger = PLAN.plan.model_copy(update={"units": [*PLAN.plan.units, extra]})
    result = engine.check(PlanIndex(bigger), [], YEAR_END, only_units={"luxian"})
    (unit,) = result.units
    assert unit.status == "n/a"
    assert unit.outcomes == ()
    assert not result.fails_at(FailOn.PENDING)


def test_one_threshold_for_everyone() -> None:
    task = PLAN.plan.tasks[0]
    risk = task.requirements[0].model_copy(update={"min": 2})
    changed = task.model_copy(update={"requirements": [risk, *task.requirements[1:]]})
    index = PlanIndex(PLAN.plan.model_copy(update={"tasks": [changed, *PLAN.plan.tasks[1:]]}))
    assert index.thresholds(risk) == {
        "jiangyang": 2, "naxi": 2, "finance": 2, "public-security": 2,
    }  # fmt: skip
