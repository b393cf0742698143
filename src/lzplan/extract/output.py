"""The draft plan as YAML, with what it came from and `# REVIEW:` lines."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from lzplan.extract.draft import DraftPeriod, DraftRequirement, DraftTask
from lzplan.extract.registry import Registry
from lzplan.grammar import cover
from lzplan.grammar.numbers import YEAR, integer
from lzplan.messages import Lang, Message, say
from lzplan.plan.model import Group

_SPAN = re.compile(rf"({YEAR})\s*(?:年)?\s*[—–\-~～至到]\s*({YEAR})\s*年")


@dataclass
class Meta:
    title: str  # the plan's
    publisher: str
    issued: dt.date | None
    source_file: str
    plan_id: str
    owner: str | None
    source_title: str = ""  # the document's own (a cover letter's 关于印发…的通知), if another
    doc_no: str | None = None


def guess_period(text: str) -> DraftPeriod | None:
    """The plan's period: 2013—2014年 (two years) or NNNN年度 in the title, else the
    first year the text names; None when it names none. A title the text cites
    (《法治政府建设实施纲要（2015—2020年）》) is another document's period."""
    text = re.sub(r"《[^《》\n]*》|<[^<>\n]*>", lambda m: " " * len(m.group()), text)
    head = text[:300]
    span = _SPAN.search(head)
    if span:
        first, last = integer(span.group(1)), integer(span.group(2))
        if first <= last:
            return DraftPeriod(dt.date(first, 1, 1), dt.date(last, 12, 31))
    found = re.search(rf"({YEAR})\s*年度", head) or re.search(rf"({YEAR})\s*年", text)
    if not found:
        return None
    year = integer(found.group(1))
    return DraftPeriod(dt.date(year, 1, 1), dt.date(year, 12, 31))


def meta(text: str, period: DraftPeriod, registry: Registry, source_file: str) -> Meta:
    """What the notice says of itself: its title, publisher, date and 文号 — a web
    page's fields (发布部门：, 发布时间：) first, else its cover letter's (the plan's
    title in 关于印发《…》的通知, the letter's issuer, 文号 and date), else its own 落款
    and 成文日期."""
    first = next((line.strip() for line in text.splitlines() if line.strip()), "通知")
    first = re.split(r"发布部门|发布时间|[一二三四五六七八九十]+[、,，]", first)[0] or first
    publisher = re.search(r"(?:发布(?:部门|机关)|信息来源)\s*[:：]\s*([^\s发]+)", text)
    issued = re.search(r"发布时间\s*[:：]\s*(\d{4})(?:年|-)(\d{1,2})(?:月|-)(\d{1,2})", text)
    letter = cover.find(text)
    signer, signed = cover.signed(text)  # a notice with no cover letter: its own 落款
    # who tracks the plan: the legal-affairs office (法制办, 政策法规处, 法治办; a 乡镇's
    # 司法所; the 司法局 that took the 法制办 over in 2018), for review
    owner = next(
        (u.id for u in registry.units if re.search(r"法制|法规|法治|司法所", u.name)),
        next((u.id for u in registry.units if "司法局" in u.name), None),  # since 2018
    )
    years = f"{period.start.year}" + (
        f"-{period.end.year}" if period.end.year != period.start.year else ""
    )
    return Meta(
        title=letter.title if letter else first[:80],
        publisher=publisher.group(1) if publisher else (letter.issuer if letter else signer or ""),
        issued=dt.date(*(int(g) for g in issued.groups()))
        if issued
        else (letter.issued if letter else signed),
        source_file=source_file,
        plan_id=f"draft-{years}",
        owner=owner,
        source_title=first[:80],
        doc_no=letter.doc_no if letter else None,
    )


def _q(value: Any) -> str:
    """A YAML scalar: JSON strings are valid YAML, and keep Chinese readable."""
    return json.dumps(value, ensure_ascii=False)


def to_yaml(
    info: Meta,
    period: DraftPeriod,
    registry_yaml: str,
    tasks: list[DraftTask],
    notes: list[Message],
    lang: Lang,
) -> str:
    issued = info.issued or period.start
    lines = [
        "# yaml-language-server: $schema=../schemas/plan.schema.json",
        say("extract.header", lang, source=info.source_file),
        *(f"# REVIEW: {note.render(lang)}" for note in notes),
        "plan:",
        f"  id: {info.plan_id}",
        f"  title: {_q(info.title)}",
        f"  issuer: {_q(info.publisher or 'REVIEW')}",
        f"  issued: {issued.isoformat()}",
        *([] if info.issued else [f"  # REVIEW: {say('extract.review.no_issue_date', lang)}"]),
        f"  period: {{start: {period.start.isoformat()}, end: {period.end.isoformat()}}}",
        f"  owner: {info.owner or 'review'}",
        *([] if info.owner else [f"  # REVIEW: {say('extract.review.no_plan_owner', lang)}"]),
        "  source:",
        f"    file: {_q(info.source_file)}",
        f"    title: {_q(info.source_title or info.title)}",
        f"    publisher: {_q(info.publisher or 'REVIEW')}",
        f"    published: {issued.isoformat()}",
        *([f"    doc_no: {_q(info.doc_no)}"] if info.doc_no else []),
        registry_yaml.rstrip("\n"),
        "tasks:",
    ]
    for task in tasks:
        lines += _task_yaml(task, lang)
    return "\n".join(lines) + "\n"


def _group(group: Group) -> str:
    return _q(group.model_dump(mode="json", exclude_defaults=True))


def _ids(ids: list[str]) -> str:
    return f"[{', '.join(ids)}]"


def _task_yaml(task: DraftTask, lang: Lang) -> list[str]:
    lines = [
        f"  - id: {task.id}",
        f"    section: {_q(task.section)}",
        f"    title: {_q(task.title)}",
        "    owners:",
        f"      source: {_q(task.source)}",
        f"      leads: {_ids(task.leads)}",
        f"      groups: {_ids(task.groups)}",
        *([f"      supporting: {_ids(task.supporting)}"] if task.supporting else []),
        *(f"      # REVIEW: {note.render(lang)}" for note in task.reviews),
        *(["    groups:"] if task.own_groups else []),
        *(f"      - {_group(g)}" for g in task.own_groups),
        "    requirements:" + ("" if task.requirements else " []"),
    ]
    if not task.requirements:
        lines.append(f"      # REVIEW: {say('extract.review.no_duty', lang)}")
    for req in task.requirements:
        lines += _requirement_yaml(req, lang)
    for name, items in (("unreported", task.unreported), ("phrases", task.phrases)):
        if items:
            lines.append(f"    {name}:")
            for source, why in items:
                lines += [
                    f"      - source: {_q(source)}",
                    f"        reason: {_q(why.render(lang))}",
                ]
                lines.append(f"        # REVIEW: {why.render(lang)}")
    return lines


def _requirement_yaml(req: DraftRequirement, lang: Lang) -> list[str]:
    lines = [
        f"      - id: {req.id}",
        f"        kind: {req.kind}",
        f"        title: {_q(req.title)}",
        f"        source: {_q(req.source)}",
    ]
    if req.units:
        lines.append(f"        units: {_ids(req.units)}")
    if req.groups:
        lines.append(f"        groups: {_ids(req.groups)}")
    unowned = [note for note in req.reviews if note.key == "extract.review.no_owner"]
    for note in unowned[:1]:  # never a unit guessed: left empty, for the reviewer
        lines.append(f"        units: []  # REVIEW: {note.render(lang)}")
    if isinstance(req.min, dict):
        inner = ", ".join(f"{k}: {_q(v)}" for k, v in req.min.items())
        lines.append(f"        min: {{{inner}}}")
    elif req.min is not None:
        lines.append(f"        min: {_q(req.min)}")
    if req.measure:
        lines.append(f"        measure: {_q(req.measure)}")
    if req.of_group:
        lines.append(f"        of_group: {req.of_group}")
    if req.min_share is not None:
        lines.append(f"        min_share: {req.min_share:g}")
    if req.max_share is not None:
        lines.append(f"        max_share: {req.max_share:g}")
    if req.condition:
        lines.append(f"        condition: {_q(req.condition)}")
    if req.condition_for:
        lines.append(f"        condition_for: {_ids(req.condition_for)}")
    if req.every:
        after = f", due_after: {req.due_after}" if req.due_after else ""
        on = f', on: "{req.on}"' if req.on else ""
        held = ", held: true" if req.held else ""
        lines.append(f"        recurs: {{every: {req.every}{after}{on}{held}}}")
    wording = f", wording: {_q(req.wording)}" if req.wording else ""
    wording += f", follows: {req.follows}" if req.follows else ""
    lines.append(f"        due: {{date: {req.due.isoformat()}{wording}}}")
    if req.readings:
        lines.append("        readings:")
    for reading in req.readings:  # the notice's words, and what they make of the unit
        means = _ids(list(reading.means))
        why = reading.why.render(lang) if reading.why is not None else ""
        reason = f"{reading.grounds} — {why}" if reading.grounds and why else reading.grounds + why
        field = f"field: {reading.field}, " if reading.field != "owners" else ""
        lines.append(f"          - {{words: {_q(reading.words)}, means: {means}, {field}"
                     f"reason: {_q(reason)}}}")  # fmt: skip
    rest = [note for note in req.reviews if note not in unowned]
    lines += [f"        # REVIEW: {note.render(lang)}" for note in rest]
    return lines
