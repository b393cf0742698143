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


# 国务院办公厅关于2011年部分节假日安排的通知 (国办发明电〔2010〕40号) and that of 2012:
# the days off, and the weekend days worked instead (调休). Written here from the
# notices, apart from the generator's own table, so that either can catch the other.
HOLIDAYS = {
    "2011": "1-1 1-2 1-3 2-2 2-3 2-4 2-5 2-6 2-7 2-8 4-3 4-4 4-5 4-30 5-1 5-2 6-4 6-5 6-6 "
    "9-10 9-11 9-12 10-1 10-2 10-3 10-4 10-5 10-6 10-7",
    "2012": "1-1 1-2 1-3 1-22 1-23 1-24 1-25 1-26 1-27 1-28",
}
WORKED = {"2011": "1-30 2-12 4-2 10-8 10-9 12-31", "2012": "1-21 1-29"}


def _days(table: dict[str, str]) -> set[dt.date]:
    return {
        dt.date(int(year), *map(int, day.split("-")))
        for year, days in table.items()
        for day in days.split()
    }


def dates() -> Iterator[tuple[str, str, dt.date]]:
    """Every date a sample file states: reported, completed, each item's, figures'."""
    for unit, body in sorted(FILES.items()):
        yield unit, "reported", body["reported"]
        for requirement, entry in body["requirements"].items():
            for key in ("completed", "date"):
                if key in entry:
                    yield unit, f"{requirement}.{key}", entry[key]
            for item in entry.get("evidence", []):
                yield unit, requirement, item["date"]


def test_every_date_is_a_working_day() -> None:
    """A 通报 dated 清明 or a 函 sent in 国庆 gives the file away."""
    off, worked = _days(HOLIDAYS), _days(WORKED)
    wrong = [
        (unit, where, day)
        for unit, where, day in dates()
        if day in off or (day.weekday() >= 5 and day not in worked)
    ]
    assert not wrong, wrong[:5]
    assert sum(1 for _ in dates()) > 1000


def _yearly_volume() -> dict[str, float]:
    """Each issuer's 发 series, as documents a year: its highest number by that day."""
    found: dict[str, float] = {}
    for _, _, item in items():
        doc = DOC_NO.match(item.get("doc_no") or "")
        if doc and doc["issuer"].endswith("发") and doc["year"] == "2011":
            day = item["date"].timetuple().tm_yday
            pace = int(doc["n"]) / day * 365
            found[doc["issuer"]] = max(found.get(doc["issuer"], 0), pace)
    return found


BIG = ["泸市公发", "泸市国土资发", "泸市住规建发", "泸市交发", "泸市教发", "泸市财发"]
SMALL = ["泸市保密发", "泸市档发", "泸市人防发", "泸市粮发", "泸市民宗发", "泸市体发"]


def test_each_issuer_numbers_at_the_pace_of_its_size() -> None:
    """市保密局 does not issue as many documents as 市公安局: the small offices' series
    run slower than every big bureau's, and none runs at an implausible pace."""
    volume = _yearly_volume()
    assert max(volume[name] for name in SMALL) < min(volume[name] for name in BIG)
    assert volume["泸市公发"] > 4 * volume["泸市保密发"]
    assert all(20 <= pace <= 600 for pace in volume.values()), volume
