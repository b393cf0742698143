"""Write the sample submissions in submissions/ from plan/2011.yaml.

The samples are what `lzplan check submissions/` runs on in the README. They are
deterministic (no randomness, no clock) and tell a believable 2011: most units
compliant, some late, some short of a quota, one waiver, one unit that never
submitted. Run `python scripts/make_samples.py` after changing the plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sys
from pathlib import Path
from typing import Any

import yaml

from lzplan.plan import load as plans

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "submissions"

# 文号 prefixes: how each unit numbers its documents.
DOC_PREFIX = {
    "jiangyang": "江府发", "naxi": "纳府发", "longmatan": "龙府发", "luxian": "泸县府发",
    "hejiang": "合府发", "xuyong": "叙府发", "gulin": "古府发", "gov-office": "泸市府办发",
    "legal-affairs": "泸市法制发", "supervision": "泸市监发", "staffing-office": "泸市编发",
    "finance": "泸市财发", "hrss": "泸市人社发", "sanitation": "泸市环卫发",
    "gov-services": "泸市政务发", "development-reform": "泸市发改发", "secrecy": "泸市保密发",
    "justice": "泸市司发", "press-office": "泸市府新发", "radio-tv": "泸市广电发",
}  # fmt: skip
PROJECTS = [
    "城北棚户区改造项目", "长江大道拓宽工程", "城市生活垃圾焚烧发电项目选址", "农村集中供水工程",
    "城区公交线路调整方案", "酒业园区征地拆迁安置方案", "水价调整方案", "中心城区停车收费调整",
    "沱江防洪堤建设项目", "农贸市场搬迁方案",
]  # fmt: skip
NO_FILE = {"tourism"}  # 市旅游局 never submitted
SHORT = {  # (unit, requirement): how many items fewer than the threshold
    ("gulin", "t1-1.risk-assessment"): 1,
    ("environment", "t1-1.risk-assessment"): 1,
    ("xuyong", "t2-2.evaluations"): 1,  # covered by the waiver in plan/waivers-2011.yaml
    ("luxian", "t2-6.staff-assessment"): 0,
}
LATE: dict[tuple[str, str], dt.date] = {  # completion or evidence dated after the due date
    ("naxi", "t1-5.standardization-complete"): dt.date(2011, 12, 9),
    ("sanitation", "t2-3a.concentrated-penalty-plan"): dt.date(2011, 7, 18),
}
NOTHING = {  # reported nothing at all for these
    ("public-security", "t2-1.enforcement-training"),
    ("water", "t2-5.proactive-mediation"),
    ("gulin", "t1-5.standardization-complete"),  # due 2011-11-30: missed by year end
}


def pick(key: str, choices: int) -> int:
    """A stable choice from the names alone, so the samples never change by accident."""
    return int(hashlib.sha256(key.encode()).hexdigest()[:8], 16) % choices


def day(key: str, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=pick(key, (end - start).days + 1))


def doc_no(unit: str, key: str) -> str:
    prefix = DOC_PREFIX.get(unit, "泸市" + unit[:2] + "发")
    return f"{prefix}〔2011〕{pick(key, 180) + 1}号"


def evidence(unit: str, name: str, req: Any, count: int) -> list[dict[str, Any]]:
    items = []
    latest = min(req.due.date, dt.date(2011, 12, 20))
    for n in range(count):
        key = f"{unit}/{req.id}/{n}"
        if req.kind == "count":
            title = f"关于{PROJECTS[(pick(key, 10) + n) % 10]}的社会稳定风险评估报告"
            if req.id == "t2-2.evaluations":
                title = f"{name}规范性文件实施后评估报告（第{n + 1}件）"
        else:
            title = f"{name}关于{req.title}的工作情况"
        item: dict[str, Any] = {"title": title, "date": day(key, dt.date(2011, 3, 1), latest)}
        if pick(key + "doc", 3):
            item["doc_no"] = doc_no(unit, key)
        items.append(item)
    return items


def entry(unit: str, name: str, owed: Any, index: plans.PlanIndex) -> dict[str, Any] | None:
    req, key = owed.requirement, (owed.unit.id, owed.requirement.id)
    if key in NOTHING:
        return None
    if req.kind == "distinct_units":
        return {"covered": list(index.members[req.of_group][:16])}
    if req.kind == "ratio":
        return {"numerator": 318, "denominator": 1452, "note": "16个部门共持有案卷1452卷"}
    need = owed.threshold or 1
    items = evidence(unit, name, req, need - SHORT.get(key, 0) if key in SHORT else need)
    if req.kind == "milestone":
        done = LATE.get(key) or max(item["date"] for item in items)
        if req.id.endswith(("district-report", "rule-of-law-report")):
            done = day(f"{unit}/{req.id}/done", dt.date(2011, 12, 1), dt.date(2011, 12, 28))
        if req.id == "t1-5.acceptance-check":
            done = dt.date(2011, 12, 26)  # the early acceptance visit, ahead of 2012年上半年
        for item in items:
            item["date"] = done
        return {"completed": done, "evidence": items}
    if key in LATE:
        items[-1]["date"] = LATE[key]
    return {"evidence": items}


def submission(unit_id: str, index: plans.PlanIndex) -> dict[str, Any]:
    unit = index.units[unit_id]
    short_name = unit.name.removesuffix("人民政府")
    requirements = {}
    for owed in index.owed_by(unit_id):
        made = entry(unit_id, short_name, owed, index)
        if made is not None:
            requirements[owed.requirement.id] = made
    extras = {
        "hejiang": ("t1-1.risk-assessment", {"title": "关于沱江防洪堤建设项目的社会稳定风险评估报告（复核）", "date": dt.date(2011, 8, 2), "doc_no": None}),  # noqa: E501
        "longmatan": ("t2-2.evaluations", {"title": "2010年出台规范性文件评估报告", "date": dt.date(2010, 12, 20)}),  # noqa: E501
    }  # fmt: skip
    if unit_id in extras:
        req_id, item = extras[unit_id]
        if item.get("doc_no", "") is None:  # the same 文号 as the first item: counted once
            item["doc_no"] = (
                requirements[req_id]["evidence"][0].get("doc_no") or "合府发〔2011〕7号"
            )
            requirements[req_id]["evidence"][0]["doc_no"] = item["doc_no"]
        requirements[req_id]["evidence"].append(item)
    reported = dt.date(2011, 12, 28) if unit.kind == "district" else dt.date(2011, 12, 27)
    return {"unit": unit_id, "plan": index.plan.plan.id, "reported": reported,
            "requirements": requirements}  # fmt: skip


class _NoAliases(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True  # lzplan refuses anchors and aliases; write every value out


def main() -> int:
    loaded = plans.load(ROOT / "plan" / "2011.yaml")
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*.yaml"):
        old.unlink()
    for unit in loaded.index.unit_order():
        if unit.id in NO_FILE:
            continue
        header = (
            "# yaml-language-server: $schema=../schemas/submission.schema.json\n"
            f"# {unit.name}：{loaded.plan.plan.title}落实情况\n"
        )
        body = yaml.dump(
            submission(unit.id, loaded.index),
            Dumper=_NoAliases,
            allow_unicode=True,
            sort_keys=False,
            width=100,
        )
        (OUT / f"{unit.id}.yaml").write_text(header + body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
