"""Write a benchmark corpus: a plan with N more units, and one submission per unit.

The plan is plan/2011.yaml (with its notice) plus N generated county governments and
departments, so every group, quota and deadline is the real one. Each submission is
in lzplan's own format, with Chinese titles, dated evidence and 文号, and a believable
mix: most units compliant, some short of a quota, some late, some reporting nothing
for a requirement. Deterministic for a given --seed.

    python benches/corpus.py /tmp/corpus --units 10000
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from lzplan.plan import load as plans  # noqa: E402

COUNTIES = "江阳纳溪龙马潭泸合江叙永古蔺宜宾南溪屏山兴文珙高筠连长宁江安翠屏叙州"
OFFICES = ["公安局", "国土资源局", "环境保护局", "住房城乡建设局", "交通运输局", "水务局",
           "农业局", "林业局", "商务局", "文化局", "卫生局", "教育局", "民政局", "工商局",
           "质监局", "食药监局", "安监局", "物价局", "旅游局", "司法局"]  # fmt: skip
TOPICS = ["城北棚户区改造项目", "长江大道拓宽工程", "垃圾焚烧发电项目选址", "农村集中供水工程",
          "公交线路调整方案", "工业园区征地拆迁", "水价调整方案", "停车收费调整",
          "防洪堤建设项目", "农贸市场搬迁"]  # fmt: skip


class _Plain(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def dump(data: Any) -> str:
    return yaml.dump(data, Dumper=_Plain, allow_unicode=True, sort_keys=False, width=120)


def units(count: int, rng: random.Random) -> list[dict[str, Any]]:
    made = []
    for i in range(count):
        district = i % 5 == 0  # one county government for four departments
        county = COUNTIES[i % len(COUNTIES)]
        if district:
            name = f"{county}第{i:05d}号县人民政府"
            made.append({"id": f"g{i:05d}", "name": name, "kind": "district",
                         "named_in_notice": False})  # fmt: skip
        else:
            name = f"{county}县{OFFICES[i % len(OFFICES)]}第{i:05d}号"
            tags = ["enforcement"] if rng.random() < 0.8 else []
            made.append({"id": f"g{i:05d}", "name": name, "kind": "department", "tags": tags,
                         "named_in_notice": False})  # fmt: skip
    return made


def write_plan(out: Path, extra: list[dict[str, Any]]) -> Path:
    plan_dir = out / "plan"
    plan_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "plan" / "2011.source.txt", plan_dir / "2011.source.txt")
    data = yaml.safe_load((ROOT / "plan" / "2011.yaml").read_text(encoding="utf-8"))
    data["units"].extend(extra)
    # the extra units are assumed: the 2011 任务分解 assigns only the city's own units
    data["plan"].pop("breakdown", None)
    (plan_dir / "2011.yaml").write_text(dump(data), encoding="utf-8")
    return plan_dir / "2011.yaml"


def day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def entry(owed: Any, unit: Any, members: list[str], rng: random.Random) -> dict[str, Any] | None:
    req = owed.requirement
    luck = rng.random()
    if luck < 0.04:
        return None  # reported nothing for this one
    need = owed.threshold or 1
    if req.kind == "distinct_units":
        return {"covered": rng.sample(members, min(len(members), (req.min or 1) + 1))}
    if req.kind == "ratio":
        held = rng.randrange(200, 3000)
        return {"numerator": int(held * rng.uniform(0.15, 0.3)), "denominator": held}
    short = 1 if luck < 0.10 and need > 1 else 0
    latest = min(req.due.date, dt.date(2011, 12, 20))
    items = []
    for _ in range(need - short):
        topic = TOPICS[rng.randrange(len(TOPICS))]
        title = (
            f"关于{topic}的社会稳定风险评估报告"
            if req.kind == "count"
            else (f"{unit.name}关于{req.title}的工作情况")
        )
        date = day(rng, dt.date(2011, 3, 1), latest)
        if luck > 0.97:
            date = req.due.date + dt.timedelta(days=rng.randrange(1, 60))  # late
        item = {"title": title, "date": date}
        if rng.random() < 0.7:
            item["doc_no"] = f"{unit.name[:2]}发〔2011〕{rng.randrange(1, 400)}号"
        items.append(item)
    if req.kind == "milestone":
        return {"completed": max(i["date"] for i in items), "evidence": items}
    return {"evidence": items}


def write_submissions(out: Path, plan_path: Path, ids: list[str], rng: random.Random) -> None:
    loaded = plans.load(plan_path)
    folder = out / "submissions"
    folder.mkdir(parents=True, exist_ok=True)
    members = list(loaded.index.members["enforcement"])
    for unit_id in ids:
        unit = loaded.index.units[unit_id]
        requirements = {}
        for owed in loaded.index.owed_by(unit_id):
            made = entry(owed, unit, members, rng)
            if made is not None:
                requirements[owed.requirement.id] = made
        reported = day(rng, dt.date(2011, 12, 1), dt.date(2011, 12, 30))
        dated = [i["date"] for e in requirements.values() for i in e.get("evidence", [])]
        reported = max([reported, *dated])  # a file reports what it holds: nothing later
        data = {"unit": unit_id, "plan": loaded.plan.plan.id, "reported": reported,
                "requirements": requirements}  # fmt: skip
        (folder / f"{unit_id}.yaml").write_text(dump(data), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--units", type=int, default=1000, help="generated units (and files)")
    parser.add_argument("--seed", type=int, default=2011)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    extra = units(args.units, rng)
    plan_path = write_plan(args.out, extra)
    write_submissions(args.out, plan_path, [u["id"] for u in extra], rng)
    return 0


if __name__ == "__main__":
    sys.exit(main())
