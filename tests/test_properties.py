"""Property-based tests: random valid plans and submissions.

CI runs the deterministic `ci` profile (see conftest.py); for a longer local search,
HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from typing import Any

import yaml
from hypothesis import given
from hypothesis import strategies as st

from lzplan.check import engine
from lzplan.check.result import Result, Status
from lzplan.check.submission import Entry, Evidence, Submission
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.location import PositionMap
from lzplan.plan.crossref import check as cross_check
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan

START, END = dt.date(2011, 1, 1), dt.date(2011, 12, 31)
dates = st.dates(dt.date(2010, 10, 1), dt.date(2012, 9, 30))
due_dates = st.dates(dt.date(2011, 1, 31), dt.date(2012, 6, 30))
KINDS = ("count", "activity", "milestone", "distinct_units", "ratio")


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    districts = [f"d{i}" for i in range(draw(st.integers(1, 3)))]
    departments = [f"m{i}" for i in range(draw(st.integers(2, 4)))]
    units = [
        {"id": u, "name": f"区县{u}人民政府", "kind": "district", "named_in_notice": True}
        for u in districts
    ] + [
        {"id": u, "name": f"部门{u}", "kind": "department", "tags": ["enforcement"],
         "named_in_notice": False}
        for u in departments
    ]  # fmt: skip
    groups = [
        {"id": "districts", "names": ["各区县人民政府"], "kind": "district"},
        {"id": "departments", "names": ["市级各部门"], "kind": "department"},
    ]
    tasks = []
    for t in range(draw(st.integers(1, 3))):
        requirements = [
            draw(requirement(f"t{t}.r{r}", departments)) for r in range(draw(st.integers(1, 3)))
        ]
        tasks.append({
            "id": f"t{t}", "section": f"一({t})", "title": f"任务{t}",
            "owners": {"source": "(责任单位:市政府法制办)", "groups": ["districts"]},
            "requirements": requirements,
        })  # fmt: skip
    plan = Plan.model_validate({
        "plan": {"id": "p", "title": "计划", "issuer": "市政府", "issued": START,
                 "period": {"start": START, "end": END}, "owner": departments[0],
                 "source": {"file": "n.txt", "title": "通知", "publisher": "办公室",
                            "published": START}},
        "units": units, "groups": groups, "tasks": tasks,
    })  # fmt: skip
    assert cross_check(plan, PositionMap("plan.yaml")) == []
    return plan


@st.composite
def requirement(draw: st.DrawFn, rid: str, departments: list[str]) -> dict[str, Any]:
    kind = draw(st.sampled_from(KINDS))
    base: dict[str, Any] = {"id": rid, "kind": kind, "title": "事项", "source": "句子。",
                            "due": {"date": draw(due_dates)}}  # fmt: skip
    if kind == "count":
        base["groups"] = ["districts", "departments"]
        base["min"] = {"districts": draw(st.integers(1, 4)), "departments": draw(st.integers(1, 2))}
    elif kind in ("activity", "milestone"):
        base["groups"] = draw(
            st.sampled_from([["districts"], ["departments"], ["districts", "departments"]])
        )
    elif kind == "distinct_units":
        base.update(units=[departments[0]], min=draw(st.integers(1, len(departments))),
                    of_group="departments")  # fmt: skip
    else:
        base.update(units=[departments[0]], min_share=draw(st.sampled_from([0.1, 0.2, 0.5, 1.0])))
    return base


@st.composite
def evidence(draw: st.DrawFn, latest: dt.date = dt.date(2012, 9, 30)) -> Evidence:
    """An item a sound file can hold: dated within the plan's period at the earliest,
    and not after the file's reported date."""
    return Evidence(
        title=draw(st.sampled_from(["风险评估报告", "专题报告", "培训通知"])),
        date=draw(st.dates(START, latest)),
        doc_no=draw(st.sampled_from([None, "泸府发〔2011〕1号", "泸府发〔2011〕2号"])),
    )


@st.composite
def entries(draw: st.DrawFn, kind: str, members: list[str], reported: dt.date) -> Entry:
    items = draw(st.lists(evidence(reported), max_size=5))
    if kind == "milestone":  # a file cannot report a completion after its own date
        completed = st.dates(START, reported)
        return Entry(evidence=items, completed=draw(st.none() | completed))
    if kind == "distinct_units":
        return Entry(covered=draw(st.lists(st.sampled_from(members), max_size=len(members) + 1)))
    if kind == "ratio":
        denominator = draw(st.integers(1, 500))
        return Entry(numerator=draw(st.integers(0, denominator)), denominator=denominator)
    return Entry(evidence=items)


@dataclass
class World:
    plan: Plan
    index: PlanIndex
    filed: list[engine.Filed]
    as_of: dt.date


@st.composite
def worlds(draw: st.DrawFn) -> World:
    plan = draw(plans())
    index = PlanIndex(plan)
    filed = []
    for unit in plan.units:
        if not draw(st.booleans()):
            continue
        requirements = {}
        reported = draw(st.dates(START, dt.date(2012, 9, 30)))
        members = list(index.members["departments"])
        for owed in index.owed_by(unit.id):
            if draw(st.booleans()):
                req = owed.requirement
                requirements[req.id] = draw(entries(req.kind, members, reported))
        sub = Submission(unit=unit.id, plan="p", reported=reported, requirements=requirements)
        filed.append(engine.Filed(f"{unit.id}.yaml", sub, PositionMap(f"{unit.id}.yaml")))
    return World(plan, index, filed, draw(st.dates(START, dt.date(2012, 12, 31))))


def digest(result: Result) -> dict[tuple[str, str], tuple[Status, float, str]]:
    return {(o.unit, o.requirement): (o.status, o.actual, str(o.detail)) for o in result.outcomes()}


@given(worlds())
def test_the_engine_never_crashes_and_judges_everything_owed(world: World) -> None:
    result = engine.check(world.index, world.filed, world.as_of)
    assert result.problems == ()
    owed = {(u.id, o.requirement.id) for u in world.plan.units for o in world.index.owed_by(u.id)}
    assert set(digest(result)) == owed
    assert all(o.actual >= 0 for o in result.outcomes())


@given(worlds(), st.randoms(use_true_random=False))
def test_file_and_item_order_do_not_matter(world: World, rng: random.Random) -> None:
    shuffled = []
    for item in world.filed:
        requirements = {}
        for req_id, entry in item.submission.requirements.items():
            items = list(entry.evidence)
            rng.shuffle(items)
            requirements[req_id] = entry.model_copy(update={"evidence": items})
        sub = item.submission.model_copy(update={"requirements": requirements})
        shuffled.append(engine.Filed(item.file, sub, item.positions))
    rng.shuffle(shuffled)
    before = engine.check(world.index, world.filed, world.as_of)
    assert digest(engine.check(world.index, shuffled, world.as_of)) == digest(before)


@given(worlds(), st.data())
def test_adding_a_valid_item_never_makes_things_worse(world: World, data: st.DataObject) -> None:
    before = digest(engine.check(world.index, world.filed, world.as_of))
    counted = [
        (i, req_id)
        for i, item in enumerate(world.filed)
        for req_id, entry in item.submission.requirements.items()
        if world.index.requirements[req_id][1].kind in ("count", "activity")
    ]
    if not counted:
        return
    i, req_id = data.draw(st.sampled_from(counted))
    req = world.index.requirements[req_id][1]
    item = world.filed[i]
    # a valid item: dated from the period's start to the file's own reported date
    latest = min(world.as_of, max(END, req.due.date), item.submission.reported)
    if latest < START:
        return
    new = Evidence(
        title="新增材料", date=data.draw(st.dates(START, latest)), doc_no="新〔2011〕99号"
    )
    entry = item.submission.requirements[req_id]
    grown = entry.model_copy(update={"evidence": [*entry.evidence, new]})
    sub = item.submission.model_copy(
        update={"requirements": {**item.submission.requirements, req_id: grown}}
    )
    filed = [*world.filed[:i], engine.Filed(item.file, sub, item.positions), *world.filed[i + 1 :]]
    after = digest(engine.check(world.index, filed, world.as_of))
    for key, (status, actual, _) in before.items():
        assert after[key][0].severity <= status.severity, key
        assert after[key][1] >= actual


class _Plain(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


@given(worlds())
def test_a_submission_written_out_and_read_back_gives_the_same_result(world: World) -> None:
    reread = []
    for item in world.filed:
        data = item.submission.model_dump(exclude_defaults=True)
        text = yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False)
        document = loader.parse(text, item.file)
        reread.append(engine.Filed(item.file, to_model(document, Submission), document.positions))
        assert reread[-1].submission == item.submission
    before = engine.check(world.index, world.filed, world.as_of)
    assert digest(engine.check(world.index, reread, world.as_of)) == digest(before)
