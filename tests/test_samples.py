"""The sample submissions read like real files: the patterns a reviewer can check.

A 法制办 reader spots a made-up file by its 文号 (Latin letters, numbers out of date
order, one series shared by two units), its titles (one template stamped across
units, a county assessing a downtown project) and its sequences (a 申报 before its
方案, a report on work finished after it). These tests read submissions/ as files.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from lzplan.plan import load as plans

ROOT = Path(__file__).resolve().parent.parent
PLAN = plans.load(ROOT / "plan" / "2011.yaml")
FILES = {
    path.stem: yaml.safe_load(path.read_text("utf-8")) for path in ROOT.glob("submissions/*.yaml")
}
DOC_NO = re.compile(r"^(?P<issuer>[\u4e00-\u9fff]+)〔(?P<year>\d{4})〕(?P<n>[1-9]\d*)号$")
DISTRICT_PLACES = {"江阳", "纳溪", "龙马潭", "泸县", "合江", "叙永", "古蔺"}
# What an official title ends with: the kind of document (文种), or the kind of record
# (a meeting, an exam, a published list) when the evidence is not a document.
ENDINGS = (
    "通知", "意见", "决定", "通报", "报告", "请示", "批复", "函", "纪要", "措施", "协议",
    "制度", "登记", "考试", "培训班", "推进会", "运行", "公开", "验收", "年审", "活动",
    "发布会", "播出情况", "跟踪调查", "汇总表", "情况", "专项检查", "评查", "备案）",
    "内容）", "审议通过）", "建设）",
)  # fmt: skip


def items() -> Iterator[tuple[str, str, dict[str, Any]]]:
    for unit, body in sorted(FILES.items()):
        for requirement, entry in body["requirements"].items():
            for item in entry.get("evidence", []):
                yield unit, requirement, item


def test_the_samples_are_the_ones_the_generator_writes() -> None:
    assert len(FILES) == len(PLAN.index.units) - 1  # 市旅游局 never filed
    assert all(body["unit"] == name for name, body in FILES.items())


def test_doc_numbers_are_chinese_and_their_year_is_the_documents() -> None:
    for unit, requirement, item in items():
        if "doc_no" not in item:
            continue
        found = DOC_NO.match(item["doc_no"])
        assert found, (unit, requirement, item["doc_no"])
        assert int(found["year"]) == item["date"].year, (unit, item)


def test_each_series_belongs_to_one_unit() -> None:
    owners = defaultdict(set)
    for unit, _, item in items():
        if "doc_no" in item:
            owners[DOC_NO.match(item["doc_no"])["issuer"]].add(unit)  # type: ignore[index]
    shared = {issuer: units for issuer, units in owners.items() if len(units) > 1}
    assert not shared


def test_numbers_rise_with_dates_within_each_series() -> None:
    series: dict[str, dict[int, dt.date]] = defaultdict(dict)
    for _, _, item in items():
        if "doc_no" in item:
            found = DOC_NO.match(item["doc_no"])
            assert found
            series[found["issuer"]][int(found["n"])] = item["date"]
    for issuer, dates in series.items():
        in_order = [dates[n] for n in sorted(dates)]
        assert in_order == sorted(in_order), issuer


def test_one_number_is_one_document() -> None:
    titles: dict[str, set[str]] = defaultdict(set)
    for _unit, _, item in items():
        if "doc_no" in item:
            titles[item["doc_no"]].add(item["title"].removeprefix("关于"))
    for doc_no, seen in titles.items():
        # the one allowed pair: a 批复 and the report it approved, under one number
        stems = {title.removesuffix("的批复") for title in seen}
        assert len(stems) == 1, (doc_no, seen)


def test_titles_read_as_officials_write_them() -> None:
    for unit, requirement, item in items():
        title = item["title"]
        assert title.endswith(ENDINGS), (unit, requirement, title)
        assert not re.search(r"关于.*的工作情况$", title), title
        requirement_title = PLAN.index.requirements[requirement][1].title
        assert f"关于{requirement_title}的" not in title, title


def test_no_title_template_is_stamped_across_units() -> None:
    """Where many units file on one duty, their titles are not one template."""
    templates: dict[str, set[str]] = defaultdict(set)
    filers: dict[str, set[str]] = defaultdict(set)
    for unit, requirement, item in items():
        name = PLAN.index.units[unit].name
        own = {name, name.removesuffix("人民政府"), "泸州" + name}
        template = item["title"]
        for form in sorted(own, key=len, reverse=True):
            template = template.replace(form, "{unit}")
        templates[requirement].add(template)
        filers[requirement].add(unit)
    for requirement, units in filers.items():
        if len(units) >= 5:
            assert len(templates[requirement]) >= 2, requirement


def test_a_district_files_only_its_own_projects() -> None:
    for unit, _, item in items():
        if PLAN.index.units[unit].kind != "district":
            continue
        own = PLAN.index.units[unit].name[:2]
        others = {place for place in DISTRICT_PLACES if not place.startswith(own)}
        assert not any(place in item["title"] for place in others), (unit, item["title"])
        assert "中心城区" not in item["title"], item["title"]


def completed(unit: str, requirement: str) -> dt.date | None:
    entry = FILES.get(unit, {}).get("requirements", {}).get(requirement)
    return None if entry is None else entry.get("completed")


SEQUENCES = [  # (what comes first, what comes after it), within one unit
    ("t2-3a.concentrated-penalty-plan", "t2-3a.concentrated-penalty-application"),
    ("t1-5.standardization-complete", "t1-5.district-report"),
    ("t1-5.standardization-complete", "t1-5.acceptance-check"),
]


@pytest.mark.parametrize(("first", "then"), SEQUENCES)
def test_no_step_comes_before_the_one_it_follows(first: str, then: str) -> None:
    for unit in FILES:
        later = completed(unit, then)
        if later is not None and (earlier := completed(unit, first)) is not None:
            assert earlier < later, unit


def test_the_office_inspects_and_leads_only_after_the_work_exists() -> None:
    index = PLAN.index
    plans_made = [
        item["date"]
        for unit, requirement, item in items()
        if requirement == "t1-3.responsibility-plan"
    ]
    inspected = completed("legal-affairs", "t1-3.inspection")
    assert inspected is not None
    assert max(plans_made) < inspected
    city_plan = completed("legal-affairs", "t2-3a.concentrated-penalty-plan")
    for unit in index.members["districts"]:
        district_plan = completed(unit, "t2-3a.concentrated-penalty-plan")
        assert city_plan is not None
        assert district_plan is not None
        assert city_plan < district_plan


def test_nothing_is_dated_after_its_report() -> None:
    for unit, body in FILES.items():
        for requirement, entry in body["requirements"].items():
            dates = [item["date"] for item in entry.get("evidence", [])]
            dates += [entry[key] for key in ("completed", "date") if key in entry]
            assert all(date <= body["reported"] for date in dates), (unit, requirement)


def test_a_completion_is_backed_by_its_own_record() -> None:
    for unit, body in FILES.items():
        for requirement, entry in body["requirements"].items():
            if "completed" in entry:
                dates = [item["date"] for item in entry["evidence"]]
                assert entry["completed"] in dates, (unit, requirement)
