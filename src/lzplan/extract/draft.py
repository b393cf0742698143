"""Turn a notice's task texts into a draft plan: one requirement per duty, each with
its kind, quota, due date and owners, read with the plan language's own grammar.

Per task (``extract.layout``): the owner statement gives the task's leads, groups and
supporting units. Per sentence: a sentence holding more than one quota or deadline is
cut at its commas into one clause per quota or deadline. Per clause: a rate makes a
``ratio``; 部门/单位不少于N个 a ``distinct_units``; a quota of items (件, 次…) a
``count``, of an amount (学时, 人次…) a ``quantity``; a stated date a ``milestone``;
每季度… a recurring duty; anything else an ``activity``. Who owes a clause: the units
or groups it opens with (各区县人民政府要…), or names before its quota (各区县评估不少
于3件), or 由X负责 inside it; else the task's owners. What the text leaves open is
marked ``# REVIEW:`` rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lzplan.extract.layout import Segment, segments
from lzplan.extract.registry import Registry
from lzplan.grammar import deadlines, owners, quotas
from lzplan.grammar.deadlines import DeadlinePhrase
from lzplan.grammar.quotas import QuotaPhrase
from lzplan.messages import Message, msg
from lzplan.plan.model import Group
from lzplan.plan.names import Named, NameIndex

# A sentence ends at 。 ； or a line break, or a half-width full stop or semicolon that
# is not a decimal point.
SENTENCE = re.compile(r"(?:[^。;；\n.]|(?<=\d)\.(?=\d))+(?:[。;；\n]|\.(?!\d))?")
# What may stand between the names a clause opens with.
_JOIN = re.compile(r"^[\s、,，和及与以及]*$")
# Where a clause's subject ends: its verb of obligation or its first action.
_MODAL = re.compile(r"要|应当|应|须|必须|负责|牵头|于|在|每|将|对|把|继续|认真|积极|进一步|组织")
_CONDITION = re.compile(r"^(?:对|凡|发生|涉及|有)[^，,。；;]{2,80}?的(?=[，,]|要)")
_DUTY_QUOTA = ("部门", "单位")
_COMPLETES = re.compile(r"^(?:[^，,]{0,12})完成")


@dataclass
class DraftRequirement:
    id: str
    kind: str
    title: str
    source: str
    units: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    min: float | dict[str, float] | None = None
    measure: str | None = None
    of_group: str | None = None
    min_share: float | None = None
    max_share: float | None = None
    due: dt.date = dt.date(2000, 12, 31)
    wording: str | None = None
    every: str | None = None
    condition: str | None = None
    reviews: list[Message] = field(default_factory=list)


@dataclass
class DraftTask:
    id: str
    section: str
    title: str
    source: str
    leads: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    supporting: list[str] = field(default_factory=list)
    reviews: list[Message] = field(default_factory=list)
    requirements: list[DraftRequirement] = field(default_factory=list)
    own_groups: list[Group] = field(default_factory=list)
    unreported: list[tuple[str, Message]] = field(default_factory=list)
    phrases: list[tuple[str, Message]] = field(default_factory=list)


@dataclass(frozen=True)
class DraftPeriod:
    start: dt.date
    end: dt.date
    year_known: bool = True

    @property
    def year(self) -> int:
        return self.start.year


@dataclass(frozen=True)
class Clause:
    start: int
    end: int
    text: str
    quotas: tuple[QuotaPhrase, ...]
    deadlines: tuple[DeadlinePhrase, ...]


def draft(text: str, registry: Registry, period: DraftPeriod) -> list[DraftTask]:
    """The tasks of ``text``."""
    found = segments(text)
    ids = _task_ids([segment.section for segment in found])
    return [_task(text, seg, tid, registry, period) for seg, tid in zip(found, ids, strict=True)]


def _task_ids(sections: list[str]) -> list[str]:
    numerals = "一二三四五六七八九十"
    base = []
    for section in sections:
        parts = re.findall(r"[一二三四五六七八九十]+|[0-9]+", section)
        digits = [str(_numeral(part, numerals)) for part in parts]
        base.append("t" + "-".join(digits or ["x"]))
    ids = []
    for i, name in enumerate(base):
        same = [j for j, other in enumerate(base) if other == name]
        ids.append(name if len(same) == 1 else name + "abcdefghij"[same.index(i) % 10])
    return ids


def _numeral(part: str, numerals: str) -> int:
    if part.isdigit():
        return int(part)
    if part == "十":
        return 10
    if part.startswith("十"):
        return 10 + numerals.index(part[1]) + 1
    if part.endswith("十"):
        return (numerals.index(part[0]) + 1) * 10
    if "十" in part:
        return (numerals.index(part[0]) + 1) * 10 + numerals.index(part[-1]) + 1
    return numerals.index(part) + 1


# ------------------------------------------------------------------ a task


def _task(
    text: str, seg: Segment, task_id: str, registry: Registry, period: DraftPeriod
) -> DraftTask:
    statement = seg.statement
    source = statement.text if statement is not None else (seg.title or _first_words(text, seg))
    task = DraftTask(task_id, seg.section, seg.title or seg.section, source)
    if statement is None:
        task.reviews.append(msg("extract.review.no_statement"))
    else:
        _owners(task, statement, registry)
    end = statement.start if statement is not None and _closes(statement) else seg.end
    owner_text = statement.text if statement is not None else ""
    n = 0
    for sentence in _sentences(text, seg.body_start, end):
        body = sentence.text.strip("。；;.\n \t")
        if not body:
            continue
        if body.endswith(("：", ":")) or sentence.text.rstrip().endswith(("：", ":")):
            task.unreported.append((sentence.text.strip(), msg("extract.review.lead_in")))
            continue
        subject = _subject(sentence.text, registry, owner_text)
        for clause in _clauses(sentence, period.year, registry.index(owner_text)):
            n += 1
            req = _requirement(f"{task_id}.r{n}", clause, task, registry, owner_text, period)
            _together(task, clause.text, registry, owner_text)
            if not req.units and not req.groups:
                req.units, req.groups = list(subject[0]), list(subject[1])
            if not req.units and not req.groups:
                req.units, req.groups = list(task.leads), list(task.groups)
            if not req.units and not req.groups:
                req.units = [registry.units[0].id]
                req.reviews.append(msg("extract.review.no_owner"))
            task.requirements.append(req)
    task.phrases = list(_unread(text, seg.body_start, end, period.year))
    used = {*task.groups, *task.supporting}
    used |= {g for r in task.requirements for g in (*r.groups, r.of_group) if g}
    task.own_groups = [g for g in registry.own_groups(owner_text) if g.id in used]
    return task


def _first_words(text: str, seg: Segment) -> str:
    return text[seg.body_start : seg.end].strip()[:20] or text[seg.start : seg.end].strip()[:20]


def _closes(statement: owners.Statement) -> bool:
    return not statement.text.startswith("由")


def _owners(task: DraftTask, statement: owners.Statement, registry: Registry) -> None:
    roles = (("lead", statement.leads), ("plain", statement.plain),
             ("supporting", statement.supporting))  # fmt: skip
    for role, texts in roles:
        for part in texts:
            named, unknown = registry.scan(part, statement.text)
            for item in named:
                where = (
                    task.supporting
                    if role == "supporting"
                    else (task.leads if item.what == "unit" else task.groups)
                )
                where.append(item.id)
                if "有关" in item.text:
                    task.reviews.append(msg("extract.review.vague", name=item.text, group=item.id))
            for name in unknown:
                task.reviews.append(msg("extract.review.unknown_unit", name=name))
    task.leads, task.groups = _once(task.leads), _once(task.groups)
    task.supporting = _once(task.supporting)
    if "等" in statement.text:
        opened = re.findall(r"([^，,、；;：:（(）)]{2,30}等)", statement.text)
        for name in opened[:1]:
            task.reviews.append(msg("extract.review.open_list", name=name))


# ------------------------------------------------------------------ sentences and clauses


@dataclass(frozen=True)
class _Sentence:
    start: int
    end: int
    text: str


# A colon ends a lead-in (主要任务：一是…): when what follows enumerates, or what
# precedes is a short phrase.
_COLON = re.compile(r"[:：]")
_ENUMERATES = re.compile(r"\s*(?:一是|[（(]?[1一][）)]|1[.、．])")


def _lead_in(body: str) -> int | None:
    """Where a lead-in ends in a sentence (after its colon), or None."""
    colon = _COLON.search(body)
    if colon is None or not body[colon.end() :].strip():
        return None
    if _ENUMERATES.match(body, colon.end()) or 2 <= colon.start() <= 12:
        return colon.end()
    return None


def _sentences(text: str, start: int, end: int) -> Iterator[_Sentence]:
    for match in SENTENCE.finditer(text, start, end):
        at, body = match.start(), match.group(0)
        lead = _lead_in(body)
        if lead is None and body.rstrip().endswith((":", "：")):
            lead = len(body)
        if lead is not None:
            head = body[:lead]
            comma = _last_comma(head) if lead > 14 else None
            if comma is not None:  # a duty, then its lead-in: …试点工作,主要任务:
                yield _Sentence(at, at + comma, head[:comma])
            yield _Sentence(at + (comma or 0), at + lead, head[comma or 0 :])
            at, body = at + lead, body[lead:]
        if body.strip():
            yield _Sentence(at, match.end(), body)


def _last_comma(body: str) -> int | None:
    found = [m.end() for m in re.finditer(r"[,，]", body)]
    return found[-1] if found else None


def _read(text: str, year: int) -> tuple[list[QuotaPhrase], list[DeadlinePhrase]]:
    durations = [(m.start(), m.end()) for m in quotas.DURATION.finditer(text)]
    found_quotas = [q for q in quotas.find(text) if not any(a <= q.start < b for a, b in durations)]
    found_deadlines = [d for d in deadlines.find(text, year) if not d.scope]
    return found_quotas, found_deadlines


def _clauses(sentence: _Sentence, year: int, names: NameIndex) -> Iterator[Clause]:
    """The sentence itself, or one clause per quota or deadline when it holds several."""
    found_quotas, found_deadlines = _read(sentence.text, year)
    pieces = [m.span() for m in re.finditer(r"[^,，]+[,，]?", sentence.text)]
    with_figures = [p for p in pieces if any(_read(sentence.text[p[0] : p[1]], year))]
    if len(found_quotas) + len(found_deadlines) <= 1 or len(with_figures) <= 1:
        yield from _then_by(sentence, with_figures, year)
        return
    pending: int | None = None
    made: list[tuple[int, int]] = []
    for a, b in pieces:
        begin = a if pending is None else pending
        piece = sentence.text[begin:b]
        q, d = _read(piece, year)
        rest = re.sub(r"[\s,，于在前]", "", piece.replace(d[0].text, "")) if d else "x"
        if d and not q and len(rest) <= 1 and b < len(sentence.text):
            pending = begin  # 年底前，…: a time for what follows, not a duty
            continue
        if q or d:
            if pending is not None and not made and _has_verb(sentence.text[pending:a]):
                made.append((pending, a))  # a duty of its own before the figures
                begin = a
            if made and _same_quota_another_subject(
                sentence.text, made[-1], (begin, b), year, names
            ):
                made[-1] = (made[-1][0], b)  # 各区县…不少于3件，市级有关部门不少于1件
            else:
                made.append((begin, b))
            pending = None
        else:
            pending = begin
    if pending is not None:
        if made:
            made[-1] = (made[-1][0], len(sentence.text))
        else:
            made.append((pending, len(sentence.text)))
    for a, b in made:
        yield _clause(sentence.text, sentence.start, a, b, year)


def _then_by(
    sentence: _Sentence, with_figures: list[tuple[int, int]], year: int
) -> Iterator[Clause]:
    """…制定实施方案，于6月底前完成申报: two duties, the first done before the second
    and so by the same date; else the sentence as one clause."""
    text = sentence.text
    last = with_figures[-1] if with_figures else None
    if last is not None and last[0] > 0 and text[last[0] :].lstrip().startswith("于"):
        before = text[: last[0]]
        if _has_verb(before) and not _read(before, year)[0]:
            first = _clause(text, sentence.start, 0, last[0], year)
            _, due = _read(text[last[0] :], year)
            yield Clause(first.start, first.end, first.text, first.quotas, tuple(due))
            yield _clause(text, sentence.start, last[0], len(text), year)
            return
    yield _clause(text, sentence.start, 0, len(text), year)


def _same_quota_another_subject(
    text: str, previous: tuple[int, int], piece: tuple[int, int], year: int, names: NameIndex
) -> bool:
    """The piece states the previous one's quota for other units (…不少于3件，市级有关
    部门不少于1件): one requirement, a quota per group."""
    before_q, before_d = _read(text[previous[0] : previous[1]], year)
    now_q, now_d = _read(text[piece[0] : piece[1]], year)
    if before_d or now_d or len(now_q) != 1 or not before_q:
        return False
    named, _ = names.scan(text[piece[0] : piece[0] + now_q[0].start])
    if not named:
        return False
    return now_q[0].measure == before_q[-1].measure and now_q[0].at_most == before_q[-1].at_most


_VERBS = re.compile(r"开展|推进|推行|建立|健全|落实|加强|组织|制定|执行|实施|完善|深化|坚持|继续")


def _has_verb(text: str) -> bool:
    return bool(_VERBS.search(text))


def _clause(text: str, offset: int, start: int, end: int, year: int) -> Clause:
    """A stretch of a sentence, without the blanks before it or the comma after it."""
    while start < end and text[start] in " \t\r\n":
        start += 1
    while end > start and text[end - 1] in ",， \t\r\n":
        end -= 1
    body = text[start:end]
    found_quotas, found_deadlines = _read(body, year)
    return Clause(offset + start, offset + end, body, tuple(found_quotas), tuple(found_deadlines))


# ------------------------------------------------------------------ a requirement


def _requirement(
    rid: str,
    clause: Clause,
    task: DraftTask,
    registry: Registry,
    statement: str,
    period: DraftPeriod,
) -> DraftRequirement:
    req = DraftRequirement(rid, "activity", _title(clause.text, registry, statement),
                           clause.text, due=period.end)  # fmt: skip
    _due(req, clause, period)
    if clause.quotas:
        _quota(req, clause, clause.quotas[0], task, registry, statement)
    elif req.every is None and req.wording and req.wording != "全年" and not _relative(clause):
        req.kind = "milestone"
    elif req.every is None and _COMPLETES.search(clause.text):
        req.kind = "milestone"  # 完成…清理工作: a deliverable, done once
    condition = _CONDITION.match(clause.text)
    if condition:
        req.condition = condition.group(0)
        req.reviews.append(msg("extract.review.condition", condition=req.condition))
    if not req.units and not req.groups:
        inline = [s for s in owners.find(clause.text) if s.text.startswith("由")]
        for found in inline:
            for part in found.leads:
                named, _ = registry.scan(part, statement)
                _assign(req, named)
        if not inline:
            units, groups = _subject(clause.text, registry, statement)
            req.units, req.groups = list(units), list(groups)
    return req


_TOGETHER = re.compile(
    r"会同([^，,。；;]{2,40}?)(?=编制|制定|开展|组织|做好|对|建立|推进|完成|研究|起草|$)"
)


def _together(task: DraftTask, text: str, registry: Registry, statement: str) -> None:
    """X会同Y…: Y supports. A unit the statement names without a role becomes the
    task's supporting unit."""
    for match in _TOGETHER.finditer(text):
        named, _ = registry.scan(match.group(1), statement)
        for item in named:
            if item.what == "unit" and item.id in task.leads:
                task.leads.remove(item.id)
                task.supporting.append(item.id)


def _relative(clause: Clause) -> bool:
    return any(d.relative for d in clause.deadlines)


def _due(req: DraftRequirement, clause: Clause, period: DraftPeriod) -> None:
    if not clause.deadlines:
        return
    first = clause.deadlines[0]
    req.wording = first.text
    if first.every is not None:
        req.every = first.every
    elif first.date is not None:
        req.due = first.date
        if not first.year_given and not period.year_known:
            req.reviews.append(msg("extract.review.no_year", wording=first.text))


def _quota(
    req: DraftRequirement,
    clause: Clause,
    quota: QuotaPhrase,
    task: DraftTask,
    registry: Registry,
    statement: str,
) -> None:
    before = clause.text[: quota.start]
    if quota.every is not None:  # its 每季度 is the clause's deadline phrase too
        req.every = req.every or quota.every
    after = clause.text[quota.end : quota.end + 12]
    subject = _subject(clause.text, registry, statement)
    if quota.measure == "%":
        req.kind = "ratio"
        share = quota.value / 100
        if quota.at_most:
            req.max_share = share
        else:
            req.min_share = share
        req.units, req.groups = subject if any(subject) else (task.leads[:1], [])
        req.reviews.append(msg("extract.review.who_ratio"))
        return
    if quota.measure == "个" and (
        any(word in before[-8:] for word in _DUTY_QUOTA)
        or any(word in after for word in _DUTY_QUOTA)
    ):
        req.kind, req.min = "distinct_units", quota.value
        req.units = task.leads[:1]
        covered, _ = registry.scan(after, statement)
        groups = [item.id for item in covered if item.what == "group"]
        req.of_group = groups[0] if groups else _covered_group(task)
        req.reviews.append(msg("extract.review.who_covers"))
        return
    req.kind = "count" if quota.counts_items else "quantity"
    if req.kind == "quantity":
        req.measure = quota.measure
    per_subject: dict[str, float] = {}
    for found in clause.quotas:
        subjects = _named_before(clause.text, found.start, registry, statement)
        _assign(req, subjects)
        per_subject.update({item.id: found.value for item in subjects})
    values = set(per_subject.values())
    many = len(clause.quotas) > 1 and len(per_subject) > 1
    req.min = per_subject if many and len(values) > 1 else quota.value
    if req.kind == "count" and quota.value == 1 and req.every is not None:
        req.kind, req.min = "activity", None  # 每季度至少1次: a duty each quarter


def _named_before(text: str, index: int, registry: Registry, statement: str) -> list[Named]:
    """The units and groups named in the quota's own part of the clause, before it."""
    start = max((m.end() for m in re.finditer(r"[，,；;]", text[:index])), default=0)
    named, _ = registry.scan(text[start:index], statement)
    return named


def _covered_group(task: DraftTask) -> str | None:
    """The group whose members a count of units counts: the task's group that is not
    districts, else its first."""
    others = [g for g in task.groups if "district" not in g and "count" not in g]
    return next(iter(others or task.groups), None)


def _assign(req: DraftRequirement, named: list[Named]) -> None:
    req.units = _once([*req.units, *(item.id for item in named if item.what == "unit")])
    req.groups = _once([*req.groups, *(item.id for item in named if item.what == "group")])


def _once(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _subject(text: str, registry: Registry, statement: str) -> tuple[list[str], list[str]]:
    """The units and groups a clause opens with (各区县人民政府要…), if any."""
    named, _ = registry.scan(text, statement)
    modal = _MODAL.search(text)
    limit = modal.start() if modal else len(text)
    units: list[str] = []
    groups: list[str] = []
    previous = 0
    for item in named:
        if item.start >= limit or not _JOIN.match(text[previous : item.start]):
            break
        (units if item.what == "unit" else groups).append(item.id)
        previous = item.end
    return units, groups


def _title(text: str, registry: Registry, statement: str) -> str:
    """A short title: the clause's first part, less the units it opens with."""
    first = re.split(r"[,，。;；.]", text.strip())[0]
    named, _ = registry.scan(first, statement)
    cut = 0
    for item in named:
        if _JOIN.match(first[cut : item.start]):
            cut = item.end
    first = first[cut:].lstrip("、,，和及与")
    first = re.sub(r"^(?:要|应当|应|须|必须)", "", first)
    return first[:30] or text[:30]


def _unread(text: str, start: int, end: int, year: int) -> Iterator[tuple[str, Message]]:
    """What looks like a quota or deadline but the grammar cannot read: quoted for review."""
    body = text[start:end]
    read = [(q.start, q.end) for q in quotas.find(body)]
    read += [(m.start(), m.end()) for m in quotas.DURATION.finditer(body)]
    read += [(d.start, d.end) for d in deadlines.find(body, year)]
    seen: set[str] = set()
    for trigger in (quotas.TRIGGER, deadlines.TRIGGER):
        for match in trigger.finditer(body):
            covered = any(a <= match.start() and match.end() <= b for a, b in read)
            if not covered and match.group(0) not in seen:
                seen.add(match.group(0))
                yield match.group(0), msg("extract.review.unread", text=match.group(0))
