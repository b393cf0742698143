"""Turn the blocks `extract` found into a draft plan file, with `# REVIEW:` comments."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from typing import Any

from lzplan.extract.notice import (
    Block,
    Clause,
    Registry,
    blocks,
    quota_kind,
    quota_value,
    subject_before,
)
from lzplan.messages import Lang, Message, msg, say
from lzplan.plan.model import Group


@dataclass
class DraftRequirement:
    id: str
    kind: str
    title: str
    source: str
    units: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    min: int | dict[str, int] | None = None
    of_group: str | None = None
    min_share: float | None = None
    due: dt.date = dt.date(2000, 12, 31)
    wording: str | None = None
    reviews: list[Message] = field(default_factory=list)


@dataclass
class DraftTask:
    id: str
    section: str
    title: str
    source: str
    leads: list[str]
    groups: list[str]
    reviews: list[Message]
    requirements: list[DraftRequirement]
    own_groups: list[Group] = field(default_factory=list)


@dataclass
class Meta:
    year: int
    title: str
    publisher: str
    issued: dt.date | None
    source_file: str
    plan_id: str
    owner: str | None


def guess_year(text: str) -> int | None:
    """The plan year: 'NNNN年度' in the title, else the first year the text names."""
    found = re.search(r"(\d{4})\s*年度", text) or re.search(r"(\d{4})\s*年", text)
    return int(found.group(1)) if found else None


def meta(text: str, year: int, registry: Registry, source_file: str) -> Meta:
    first = next((line.strip() for line in text.splitlines() if line.strip()), "通知")
    publisher = re.search(r"发布部门\s*[:：]\s*(\S+)", text)
    issued = re.search(r"发布时间\s*[:：]\s*(\d{4})年(\d{1,2})月(\d{1,2})日", text)
    owner = next((u.id for u in registry.units if "法制" in u.name), None)
    return Meta(
        year=year,
        title=first[:80],
        publisher=publisher.group(1) if publisher else "",
        issued=dt.date(*(int(g) for g in issued.groups())) if issued else None,
        source_file=source_file,
        plan_id=f"draft-{year}",
        owner=owner,
    )


def draft(text: str, registry: Registry, year: int, *, year_known: bool = True) -> list[DraftTask]:
    """The tasks of ``text``; without ``year_known``, a deadline with no year is flagged."""
    found = blocks(text, year)
    ids = _task_ids(found)
    tasks = [_task(block, tid, registry, year) for block, tid in zip(found, ids, strict=True)]
    if not year_known:
        for req in (req for task in tasks for req in task.requirements):
            if req.wording and not re.search(r"\d{4}年", req.wording):
                req.reviews.append(msg("extract.review.no_year", wording=req.wording))
    return tasks


def _task_ids(found: list[Block]) -> list[str]:
    numerals = "一二三四五六七八九十"
    base = []
    for block in found:
        section, _, sub = block.section.partition("(")
        parts = [str(numerals.find(ch) + 1) for ch in (section, sub.rstrip(")")) if ch]
        base.append("t" + "-".join(parts or ["x"]))
    ids = []
    for i, name in enumerate(base):
        same = [j for j, other in enumerate(base) if other == name]
        ids.append(name if len(same) == 1 else name + "abcdefghij"[same.index(i)])
    return ids


def _task(block: Block, task_id: str, registry: Registry, year: int) -> DraftTask:
    leads: list[str] = []
    groups: list[str] = []
    reviews: list[Message] = []
    for name in block.bracket.names:
        clean = name.removesuffix("等")
        if clean != name:
            reviews.append(msg("extract.review.open_list", name=name))
        if (group := registry.group(clean, block.bracket.text)) is not None:
            groups.append(group.id)
            if "有关" in clean:
                reviews.append(msg("extract.review.vague", name=clean, group=group.id))
        elif (unit := registry.unit(clean)) is not None:
            leads.append(unit.id)
        else:
            reviews.append(msg("extract.review.unknown_unit", name=clean))
    task = DraftTask(task_id, block.section, block.title or block.section, block.bracket.text,
                     leads, groups, reviews, [])  # fmt: skip
    for n, clause in enumerate(block.clauses, start=1):
        task.requirements.append(_requirement(f"{task_id}.r{n}", clause, task, registry, year))
    used = {*task.groups, *(g for r in task.requirements for g in (*r.groups, r.of_group))}
    task.own_groups = [g for g in registry.own_groups(block.bracket.text) if g.id in used]
    return task


def _requirement(
    rid: str, clause: Clause, task: DraftTask, registry: Registry, year: int
) -> DraftRequirement:
    title = re.split(r"[,，。;；]", clause.text.strip())[0][:30] or rid
    req = DraftRequirement(rid, "activity", title, clause.text, due=dt.date(year, 12, 31))
    if clause.deadlines:
        first = clause.deadlines[0]
        req.due, req.wording = first.date or req.due, first.text
    dated = any(d.text != "全年" for d in clause.deadlines)  # 全年 is all year, not a date
    kind = quota_kind(clause)
    if kind == "count":
        _count(req, clause, task, registry)
    elif kind == "distinct_units":
        req.kind, req.min = "distinct_units", quota_value(clause.quotas[0])
        req.units = task.leads[:1]
        req.of_group = next((g for g in task.groups if "enforce" in g), None)
        req.of_group = req.of_group or (task.groups[0] if task.groups else None)
        req.reviews.append(msg("extract.review.who_covers"))
    elif kind == "ratio":
        req.kind, req.min_share = "ratio", quota_value(clause.quotas[0]) / 100
        req.units = task.leads[:1]
        req.reviews.append(msg("extract.review.who_ratio"))
    else:
        req.kind = "milestone" if dated else "activity"
        _owners(req, clause, task, registry)
    if not req.units and not req.groups:
        req.units = [registry.units[0].id]
        req.reviews.append(msg("extract.review.no_owner"))
    return req


def _count(req: DraftRequirement, clause: Clause, task: DraftTask, registry: Registry) -> None:
    req.kind = "count"
    thresholds: dict[str, int] = {}
    for quota in clause.quotas:
        phrase = subject_before(clause.text, quota.start())
        group = registry.group(phrase, task.source) if phrase else None
        if group is None:
            req.reviews.append(msg("extract.review.quota_group", quota=quota.group(0)))
            continue
        thresholds[group.id] = max(thresholds.get(group.id, 0), quota_value(quota))
    if thresholds:
        req.groups, req.min = list(thresholds), thresholds
    else:
        req.units, req.groups = task.leads, task.groups
        req.min = quota_value(clause.quotas[0])


def _owners(req: DraftRequirement, clause: Clause, task: DraftTask, registry: Registry) -> None:
    phrase = subject_before(clause.text, len(clause.text))
    group = registry.group(phrase, task.source) if phrase else None
    if group is not None and clause.text.lstrip().startswith(phrase or ""):
        req.groups = [group.id]
    else:
        req.units, req.groups = list(task.leads), list(task.groups)


# ------------------------------------------------------------------ YAML


def _q(value: Any) -> str:
    """A YAML scalar: JSON strings are valid YAML, and keep Chinese readable."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, dt.date):
        return value.isoformat()
    return json.dumps(value, ensure_ascii=False)


def to_yaml(
    info: Meta, registry_yaml: str, tasks: list[DraftTask], notes: list[Message], lang: Lang
) -> str:
    lines = [
        "# yaml-language-server: $schema=../schemas/plan.schema.json",
        say("extract.header", lang, source=info.source_file),
        *(f"# REVIEW: {note.render(lang)}" for note in notes),
        "plan:",
        f"  id: {info.plan_id}",
        f"  title: {_q(info.title)}",
        f"  issuer: {_q(info.publisher or 'REVIEW')}",
        f"  issued: {(info.issued or dt.date(info.year, 1, 1)).isoformat()}",
        *([] if info.issued else [f"  # REVIEW: {say('extract.review.no_issue_date', lang)}"]),
        f"  period: {{start: {info.year}-01-01, end: {info.year}-12-31}}",
        f"  owner: {info.owner or 'REVIEW'}",
        "  source:",
        f"    file: {_q(info.source_file)}",
        f"    title: {_q(info.title)}",
        f"    publisher: {_q(info.publisher or 'REVIEW')}",
        f"    published: {(info.issued or dt.date(info.year, 1, 1)).isoformat()}",
        registry_yaml.rstrip("\n"),
        "tasks:",
    ]
    for task in tasks:
        lines += _task_yaml(task, lang)
    return "\n".join(lines) + "\n"


def _group(group: Group) -> str:
    return _q(group.model_dump(mode="json", exclude_defaults=True))


def _task_yaml(task: DraftTask, lang: Lang) -> list[str]:
    lines = [
        f"  - id: {task.id}",
        f"    section: {_q(task.section)}",
        f"    title: {_q(task.title)}",
        "    owners:",
        f"      source: {_q(task.source)}",
        f"      leads: [{', '.join(task.leads)}]",
        f"      groups: [{', '.join(task.groups)}]",
        *(f"      # REVIEW: {note.render(lang)}" for note in task.reviews),
        *(["    groups:"] if task.own_groups else []),
        *(f"      - {_group(g)}" for g in task.own_groups),
        "    requirements:",
    ]
    for req in task.requirements:
        lines += [
            f"      - id: {req.id}",
            f"        kind: {req.kind}",
            f"        title: {_q(req.title)}",
            f"        source: {_q(req.source)}",
        ]
        if req.units:
            lines.append(f"        units: [{', '.join(req.units)}]")
        if req.groups:
            lines.append(f"        groups: [{', '.join(req.groups)}]")
        if isinstance(req.min, dict):
            inner = ", ".join(f"{k}: {v}" for k, v in req.min.items())
            lines.append(f"        min: {{{inner}}}")
        elif req.min is not None:
            lines.append(f"        min: {req.min}")
        if req.of_group:
            lines.append(f"        of_group: {req.of_group}")
        if req.min_share is not None:
            lines.append(f"        min_share: {req.min_share:g}")
        wording = f", wording: {_q(req.wording)}" if req.wording else ""
        lines.append(f"        due: {{date: {req.due.isoformat()}{wording}}}")
        lines += [f"        # REVIEW: {note.render(lang)}" for note in req.reviews]
    return lines
