"""Who a sentence itself makes act: the actors of a duty, as notices write them.

A duty's owners come first from its own sentence, before any 责任单位 bracket:

- a subject at the head of a clause: 各区县人民政府要…, 市级有关部门评估不少于1件,
  所有面向社会服务的政府部门都要…, 各区、县（市）和高新区开展…;
- a name followed by a modal, wherever it stands: …和市政府、各部门要向本级政府报告;
- 由X负责 / 由X牵头, X会同Y (Y supports), X牵头…Y配合 (Y supports);
- the agent of a review the work must pass: 议题会前均须经县政府法制办合法性审查;
- a subject carries over the clauses of its sentence (…要加强…；加强…；健全…), so a
  clause quoted alone keeps the actor its sentence gave it — but not into the next item
  of a list (一是市司法局…；二是加强培训…: 二是 has none of its own).

Names are found by the caller (the plan's or a registry's names): this module only
reads where they stand. Text before a name that makes it an object (对, 向, 经, 报…)
keeps it from being an actor.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Protocol

# The making of a document, which a duty can be owed on (制定规范性文件，要…: by
# whoever makes one): extract drafts it as the duty's condition. `plan validate` also
# accepts 作出(重大行政决策)，要… as one, which extract leaves owed outright, as the
# plans of the years read the procedures of a decision.
MAKING = "制定|起草|出台|发布|印发|修订"
# What states a duty after its subject or its condition.
MODALS = "要|应当|应|须|必须"
# What ends a clause: a subject stands right after one of these (or at the start).
_CLAUSE_END = "，,；;。:：\n"
# Words that may stand before a subject at a clause's head: 由市法制办负责, 并由…, 请….
_LEADING = re.compile(r"(?:并且|同时|其中|另外|并由|由|请|并|凡|要求|[一二三四五六七八九十]+是)$")
# An item of a list: 一是…；二是….
_ITEM = re.compile(r"(?:^|(?<=[；;。：:，,\n]))[一二三四五六七八九十]+是")
# A time before a subject at a clause's head: 2022年底前各区县完成…, 6月底前市司法局要….
_DIGITS = r"[0-9０-９〇零一二两三四五六七八九十]"
_TIME_FIRST = re.compile(
    rf"(?:于|在)?(?:{_DIGITS}{{4}}年)?(?:{_DIGITS}{{1,3}}月(?:{_DIGITS}{{1,3}}[日号])?|年)?"
    r"(?:底|末)?(?:前|之前|以前)"
)
# Names joined into one subject: 市卫生局、市民政局, 各区县和高新区, 市法制办及市司法局.
_JOIN = re.compile(r"^(?:[、，,和及与]|以及|及其|(?:要|应当|应|须)?会同)$")
# A name followed by one of these acts, wherever it stands (…、各部门要向本级政府报告).
_MODAL = re.compile(r"^(?:都要|均要|也要|要|应当|应|须|必须|负责|牵头|分别|按照|按职责)")
# A name right after one of these is an object or a place, not an actor.
_OBJECT = re.compile(r"(?:对|向|经|报|给|为|与|同|和|及|督促|指导|组织|配合|协助|抄送|会同)$")
_SUPPORT_AFTER = re.compile(r"^(?:配合|协助|协办)")
# 须经X审查: X reviews what the duty submits.
_MUST_PASS = re.compile(r"(?:须|应|应当|要)经$")
_REVIEW = re.compile(r"(?:合法性|集体)?(?:审查|审核|审定|审议|核准|批准)")
# Verbs of supervision: who checks a piece of work is not who does it (检查验收,
# 案卷评查, 督促指导, 备案审查).
_SUPERVISE = re.compile(r"备案审查|检查|验收|评查|督查|督促|监督|审查|指导")
# …as the clause's verb: heading it (积极指导…, 评查案卷率…) or the object of a verb of
# doing (进行检查验收, 开展…评查工作, 履行…监督职责); not a thing named in a list
# (执行…合法性审查和集体讨论决定程序), a precondition (未经…审查的) or undergone (接受监督).
_HEAD = re.compile(r"(?:积极|切实|认真|继续|严格|及时|定期|依法|全面|重点|进一步|要|并|同时)*")
_DOING = re.compile(r"(?:进行|开展|组织|履行|负责|做好|加强|加大)[^、和与及的]*$")
_TITLE = re.compile(r"《[^》]*》")
# The notice's words for governments: 各区县人民政府, 各区、县（市）人民政府, 各区县.
_GOVERNMENT = re.compile(r"(?:人民政府|政府)$|^(?:各|每个)?区[、，,]?县(?:[（(]市[）)])?$")
_HALF_STOP = re.compile(r"(?<![0-9])\.|\.(?![0-9])")


class Span(Protocol):
    """A name found in the text: where it is, and what it names."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...

    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class Actor:
    """One name the sentence makes act, and its role."""

    start: int
    end: int
    id: str
    role: str  # lead | supporting | plain


def find(
    text: str, names: Sequence[Span], start: int = 0, end: int | None = None, floor: int = 0
) -> list[Actor]:
    """The actors governing ``text[start:end]`` (see ``Subjects``)."""
    end = len(text) if end is None else end
    return Subjects.read(text, names, floor).governing(start, end)


@dataclass(frozen=True)
class Subjects:
    """Every actor of a text from ``floor`` on, read once and asked of quote after quote
    (a task's duties all read the same part of the notice).

    ``floor`` is where the text of the duties' part of the notice begins (after its
    heading and title): nothing before it is read, and a clause may begin there."""

    text: str
    floor: int
    actors: tuple[Actor, ...]

    @classmethod
    def read(cls, text: str, names: Sequence[Span], floor: int = 0) -> Subjects:
        # A half-width full stop ends a sentence too (not a decimal point: 1.5), so a
        # subject never carries into the next sentence of a half-width notice. Same
        # length, same spans.
        text = _HALF_STOP.sub("。", text)
        ordered = sorted((n for n in names if n.start >= floor), key=lambda n: n.start)
        return cls(text, floor, tuple(_all(text, ordered, floor)))

    def governing(self, start: int, end: int) -> list[Actor]:
        """The actors governing ``text[start:end]``: those standing in it, else the
        subject its sentence gave before it (a subject carries over its sentence's
        clauses)."""
        inside = [a for a in self.actors if start <= a.start < end]
        if inside:
            return inside
        sentence = max(_sentence_start(self.text, start), self.floor)
        # an item of a list (一是…；二是…) starts afresh: no subject carries into it
        items = [m.start() for m in _ITEM.finditer(self.text, sentence, start + 3)]
        sentence = max([sentence, *items])
        before = [a for a in self.actors if sentence <= a.start < start]
        if not before:
            return []
        # the last subject before the quote: the run of actors that ends nearest it
        last = before[-1]
        return [a for a in before if _same_subject(self.text, a, last, before)]


def subjects(text: str, found: Sequence[Actor]) -> list[list[Actor]]:
    """``found`` as separate subjects, each a run of joined names: 区县人民政府要向…报告、
    各部门要向本级政府报告 has two, 市卫生局、市民政局要… one."""
    runs: list[list[Actor]] = []
    for actor in sorted(found, key=lambda a: a.start):
        if runs and _JOIN.match(text[runs[-1][-1].end : actor.start].strip()):
            runs[-1].append(actor)
        else:
            runs.append([actor])
    return runs


def supervises(clause: str) -> bool:
    """The clause's duty is to supervise others' work (进行检查验收, 开展案卷评查工作,
    履行行政执法监督职责): a verb of supervision, outside a title, as the clause's verb."""
    plain = _TITLE.sub(lambda m: "《" * len(m.group()), clause)
    for found in _SUPERVISE.finditer(plain):
        part = re.split(r"[，,；;。]", plain[: found.start()])[-1].strip()
        if _HEAD.fullmatch(part) or _DOING.search(part):
            return True
    return False


def governments(name: str) -> bool:
    """The notice names governments (各区县人民政府, 各区县), not departments."""
    return bool(_GOVERNMENT.search(name))


def _sentence_start(text: str, index: int) -> int:
    at = index
    while at > 0 and text[at - 1] not in "。\n":
        at -= 1
    return at


def _same_subject(text: str, actor: Actor, last: Actor, before: list[Actor]) -> bool:
    """``actor`` belongs to the same subject as ``last``: nothing but joins between them."""
    if actor is last:
        return True
    chain = [a for a in before if actor.start <= a.start <= last.start]
    return all(_JOIN.match(text[a.end : b.start].strip()) for a, b in pairwise(chain))


def _all(text: str, names: list[Span], floor: int) -> list[Actor]:
    found: list[Actor] = []
    i = 0
    while i < len(names):
        name = names[i]
        acting = _acts(text, names, i, floor) or _reviews(text, names, i, floor)
        if not _heads_clause(text, name.start, floor) and not acting:
            i += 1
            continue
        run = _subject_run(text, names, i)
        found += _roles(text, run)
        i += len(run)
    return found


def _heads_clause(text: str, start: int, floor: int) -> bool:
    """The name opens a clause (after a clause end, or 由, 并…), not an object's place."""
    before = text[_clause_start(text, start, floor) : start].strip()
    return before == "" or bool(_LEADING.fullmatch(before) or _TIME_FIRST.fullmatch(before))


def _clause_start(text: str, index: int, floor: int) -> int:
    at = index
    while at > floor and text[at - 1] not in _CLAUSE_END:
        at -= 1
    return at


def _acts(text: str, names: list[Span], i: int, floor: int) -> bool:
    """A name anywhere followed (after its joined names) by a modal: 、各部门要向…."""
    run = _subject_run(text, names, i)
    after = text[run[-1].end :]
    before = text[_clause_start(text, names[i].start, floor) : names[i].start]
    return bool(_MODAL.match(after)) and not _OBJECT.search(before)


def _reviews(text: str, names: list[Span], i: int, floor: int) -> bool:
    """The agent of a review a duty must pass: 议题会前均须经县政府法制办合法性审查 (the
    office reviews). Only after a modal: 经法制部门审核确认后进行编码 is a precondition."""
    run = _subject_run(text, names, i)
    before = text[_clause_start(text, names[i].start, floor) : names[i].start]
    return bool(_MUST_PASS.search(before) and _REVIEW.match(text, run[-1].end))


def _subject_run(text: str, names: list[Span], i: int) -> list[Span]:
    """The names joined to ``names[i]`` into one subject (X、Y和Z; X会同Y)."""
    run = [names[i]]
    j = i + 1
    while j < len(names):
        gap = text[run[-1].end : names[j].start].strip()
        if not _JOIN.match(gap):  # nothing between: one name inside another's place
            break
        run.append(names[j])
        j += 1
    return run


def _roles(text: str, run: list[Span]) -> list[Actor]:
    """Leads and supporting units of one subject: X会同Y (Y supports), X配合 (supports),
    由X负责 / X牵头 (leads); a subject with no role word is plain."""
    actors: list[Actor] = []
    role = "plain"
    for k, name in enumerate(run):
        joined = text[run[k - 1].end : name.start].strip() if k else ""
        if joined.endswith("会同"):
            role = "supporting"
            actors = [Actor(a.start, a.end, a.id, "lead") for a in actors]
        actors.append(Actor(name.start, name.end, name.id, role))
    after = text[run[-1].end :]
    if _SUPPORT_AFTER.match(after):
        return [Actor(a.start, a.end, a.id, "supporting") for a in actors]
    if after.startswith(("牵头", "负责", "主办")) and role == "plain":
        return [Actor(a.start, a.end, a.id, "lead") for a in actors]
    return actors
