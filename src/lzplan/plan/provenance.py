"""Who owes each duty, when, and on what condition — each traced to the notice.

For every requirement of a task, ``plan validate`` derives from the notice what its
owners may be and refuses what does not follow:

- owners: the actors of the duty's own sentence (``lzplan.grammar.actors``); where the
  sentence names no one, its task's owner statement (leads, supporting units, groups);
  then the requirement's ``readings`` (words read to mean other units, with a reason);
- the group a unit count counts over (``of_group``): a group the sentence names, else
  one its owner statement names, else a reading;
- ``condition``: the conditional words (对…, 有…的, 涉及…, 发生…的, 在…中) of its own
  sentence or the one before it, quoted; ``condition_for``: the actors of the
  condition's clause, else every owner, else a reading;
- the due date: its own sentence's wording, or ``follows`` a requirement of the task
  whose wording sets it, or the plan period's end;
- with a 任务分解 cited, every group chosen by judgement (tags or a list, not a whole
  kind) has in each task exactly the units the breakdown assigns to its words, and a
  unit the notice does not name owes a duty only by the breakdown.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from lzplan.errors import Problem
from lzplan.grammar import actors, deadlines
from lzplan.location import Location, PathKey
from lzplan.messages import msg
from lzplan.plan.breakdown import Breakdown
from lzplan.plan.model import Group, Plan, Requirement, Task
from lzplan.plan.names import NameIndex

# Words that make a duty conditional: 对…, 凡…, 有…的, 涉及…, 发生…的, 在…过程中, …时.
CONDITIONAL = re.compile(r"^(?:对|凡|有|涉及|发生|遇|如|若|在)|(?:的|时|中)$")
_TOPIC = re.compile(r"^(?:时|要|应当|应|须)")
# 起草规范性文件，要公开征求意见: the making of a document, then a comma, then the modal.
_MAKING = re.compile(rf"^(?:{actors.MAKING}|作出)")
_TOPIC_AFTER_COMMA = re.compile(rf"^[，,]\s*(?:{actors.MODALS})")
_CONCERNED = re.compile(r"有关|相关")


@dataclass(frozen=True)
class TaskText:
    """The part of the notice one task covers, as the trace found it."""

    t: int
    task: Task
    floor: int  # where its sentences begin (after its heading and title)
    end: int
    owner: tuple[int, int] | None  # its owner statement's span
    deadline: str = ""  # a table row's 完成时限 cell: the due wording of the row's duties


@dataclass(frozen=True)
class Tracing:
    plan: Plan
    notice: str
    where: Callable[[PathKey], Location]
    breakdown: Breakdown | None
    members: dict[str, tuple[str, ...]]
    statements: Sequence[tuple[int, int]]  # every owner statement's span


def check(ctx: Tracing, block: TaskText, quotes: dict[str, tuple[int, int]]) -> Iterator[Problem]:
    """The problems of one task's requirements; ``quotes`` gives each one's source span."""
    names = NameIndex.of(ctx.plan, block.task.groups)
    found, _ = names.scan(ctx.notice)
    spans = [n for n in found if not any(a <= n.start < b for a, b in ctx.statements)]
    subjects = actors.Subjects.read(ctx.notice, spans, block.floor)
    groups = {g.id: g for g in [*ctx.plan.groups, *block.task.groups]}
    for r, req in enumerate(block.task.requirements):
        if req.id not in quotes:
            continue
        path: PathKey = ("tasks", block.t, "requirements", r)
        duty = _Duty(ctx, block, req, path, quotes[req.id], names, subjects, groups)
        yield from duty.check()


class _Duty:
    def __init__(
        self,
        ctx: Tracing,
        block: TaskText,
        req: Requirement,
        path: PathKey,
        quote: tuple[int, int],
        names: NameIndex,
        subjects: actors.Subjects,
        groups: dict[str, Group],
    ) -> None:
        self.ctx, self.block, self.req, self.path = ctx, block, req, path
        self.start, self.end = quote
        self.names, self.subjects, self.groups = names, subjects, groups
        self.actors = subjects.governing(self.start, self.end)
        self.unused: list[int] = []
        statement = block.owner
        self.statement = ctx.notice[statement[0] : statement[1]] if statement else ""

    def check(self) -> Iterator[Problem]:
        yield from self._readings()
        yield from self._owners()
        yield from self._of_group()
        yield from self._condition()
        yield from self._due()
        yield from self._breakdown()
        for i in self.unused:
            message = msg("owners.reading_unused", words=self.req.readings[i].words)
            yield Problem(self.ctx.where((*self.path, "readings", i)), message)

    # ------------------------------------------------------------ owners

    def _readings(self) -> Iterator[Problem]:
        for i, reading in enumerate(self.req.readings):
            if reading.words not in self.req.source and reading.words not in self.statement:
                message = msg("owners.reading_words", words=reading.words)
                yield Problem(self.ctx.where((*self.path, "readings", i, "words")), message)

    def _read(self, field: str, derived: set[str]) -> set[str]:
        """``derived`` with the requirement's readings of ``field`` applied: the names in a
        reading's words give way to what it means; words naming no unit or group (政府法制
        机构) are an actor the grammar cannot read, and what they mean replaces the rest."""
        for i, reading in enumerate(self.req.readings):
            if reading.field == field:
                named = {n.id for n in self.names.scan(reading.words)[0]}
                if "等" in reading.words:  # an open list (市保密局等) names the units it hides
                    named |= set(self.block.task.owners.leads) - self._in_statement()
                kept = derived - named if named else set()
                if self._units(kept | set(reading.means)) == self._units(derived):
                    self.unused.append(i)  # a reading must read something
                derived = kept | set(reading.means)
        return derived

    def _in_statement(self) -> set[str]:
        return {n.id for n in self.names.scan(self.statement)[0]}

    def _reads(self, field: str) -> bool:
        return any(reading.field == field for reading in self.req.readings)

    def _units(self, ids: set[str]) -> set[str]:
        """The units some ids mean: a group's members, a unit itself."""
        return {unit for key in ids for unit in self.ctx.members.get(key, (key,))}

    def _bracket(self) -> set[str]:
        """Who the owner statement makes answerable: its leads and groups. Units marked
        配合 or 协办 support; they owe a duty only where a sentence names them for it."""
        owners = self.block.task.owners
        return {*owners.leads, *owners.groups}

    def _owners(self) -> Iterator[Problem]:
        """Who may owe the duty, and who must: every actor its sentence names must owe it
        (a group may be narrowed to the part of it the duty concerns), and no one else
        may; a sentence naming no one leaves it to its task's owner statement, any of
        whose units may owe it. Readings change what the words are taken to mean."""
        actors = self.actors
        found = {a.id for a in actors if a.role != "supporting"}
        helping = {a.id for a in actors if a.role == "supporting"}
        given = {*self.req.units, *self.req.groups}
        field = "groups" if self.req.groups and not self.req.units else "units"
        where = self.ctx.where((*self.path, field))
        sentence = _excerpt(self.req.source)
        if found:
            derived = self._read("owners", found)
            allowed = self._units(derived | helping)
            shared = self._shared()
            for actor in sorted(derived):
                if not self._units({actor}) & shared:
                    yield Problem(where, msg("owners.dropped", sentence=sentence, id=actor))
            key = "owners.outside"
        else:
            derived = self._read("owners", self._bracket())
            allowed = self._units(derived | set(self.block.task.owners.supporting))
            key = "owners.outside_bracket"
        outside = {g for g in given if self._units({g}) - allowed}
        if outside:
            message = msg(key, ids=_ids(outside), sentence=sentence, statement=self.statement,
                          says=_ids(derived))  # fmt: skip
            yield Problem(where, message)

    def _of_group(self) -> Iterator[Problem]:
        of_group = getattr(self.req, "of_group", None)
        if of_group is None:
            return
        actor_ids = {a.id for a in self.actors}
        named, _ = self.names.scan(self.req.source)
        in_sentence = {n.id for n in named if n.what == "group"} - actor_ids
        bracket = {g for g in self.block.task.owners.groups if g in self.groups}
        derived = self._read("of_group", in_sentence or bracket)
        if of_group not in derived:
            message = msg("owners.of_group", group=of_group, sentence=_excerpt(self.req.source),
                          says=_ids(derived))  # fmt: skip
            yield Problem(self.ctx.where((*self.path, "of_group")), message)

    # ------------------------------------------------------------ conditions

    def _condition(self) -> Iterator[Problem]:
        req = self.req
        if req.condition is None:
            return
        notice = self.ctx.notice
        begin = _previous_sentence(notice, self.start, self.block.floor)
        at, end = _condition_at(req.condition, notice, begin, self.end)
        if at < 0:
            message = msg("owners.condition", condition=req.condition,
                          sentence=_excerpt(req.source))  # fmt: skip
            yield Problem(self.ctx.where((*self.path, "condition")), message)
            return
        clause = self.subjects.governing(at, end)
        inside = {a.id for a in clause if at <= a.start < end}
        own = self.start <= at < self.end
        derived = self._read("condition_for", inside or (set() if own else self._concerned()))
        given = set(req.condition_for)
        # a condition of the duty's own sentence naming no one may be read either way:
        # for every owner, or for the owners named as 有关 (市政府有关部门) only
        either = own and not inside and not self._reads("condition_for")
        if given != derived and not (either and given == self._concerned()):
            message = msg("owners.condition_for", condition=req.condition,
                          says=_ids(derived) if derived else msg("owners.every_owner"),
                          given=_ids(set(req.condition_for)))  # fmt: skip
            yield Problem(self.ctx.where((*self.path, "condition_for")), message)

    def _shared(self) -> set[str]:
        """The units owing any requirement that quotes the same sentence: a sentence's
        actors may be divided among the duties it is split into (区县…向人大常委会和市政府、
        各部门…向本级政府报告)."""
        same = [r for r in self.block.task.requirements if r.source == self.req.source]
        return self._units({key for r in same for key in (*r.units, *r.groups)})

    def _concerned(self) -> set[str]:
        """Who a condition stated before the duty's own sentence is for, when its clause
        names no one: the owners the duty's sentence (or its task's statement) names as
        有关 or 相关 (市级有关部门: the departments the matter concerns) beside others it
        names outright (各区县评估不少于3件); else every owner (empty)."""
        named = [(self.ctx.notice[a.start : a.end], a.id) for a in self.actors]
        if not named:
            named = [(n.text, n.id) for n in self.names.scan(self.statement)[0]]
        concerned = {key for text, key in named if _CONCERNED.search(text)}
        return concerned if len(concerned) < len({key for _, key in named}) else set()

    # ------------------------------------------------------------ due dates

    def _due(self) -> Iterator[Problem]:
        due, where = self.req.due, self.ctx.where
        period_end = self.ctx.plan.plan.period.end
        if due.wording is not None:
            if not self._own_wording(due.wording.removeprefix("于").removeprefix("在")):
                message = msg("due.not_in_sentence", wording=due.wording,
                              sentence=_excerpt(self.req.source))  # fmt: skip
                yield Problem(where((*self.path, "due", "wording")), message)
            return
        own = [d for d in deadlines.find(self.req.source, self.ctx.plan.plan.period.start.year)
               if not d.scope and not d.relative]  # fmt: skip
        if own and due.follows is None:
            message = msg("due.unworded", phrase=own[0].text)
            yield Problem(where((*self.path, "due")), message)
            return
        if due.follows in (None, "period"):
            inherited = due.follows is None and (due.note or self.req.note) and self._task_date()
            if due.date != period_end and self.req.recurs is None and not inherited:
                message = msg("due.no_source", due=due.date, end=period_end)
                yield Problem(where((*self.path, "due", "date")), message)
            return
        yield from self._follows()

    def _own_wording(self, wording: str) -> bool:
        """The wording is the duty's own: in its quote, or elsewhere in its sentence where
        no other duty of the task quotes it (…要建立…制度，2014年6月底前完成: the one duty;
        制定实施方案，于6月底前完成申报: the 申报's, which quotes it)."""
        if wording in self.req.source or (self.block.deadline and wording in self.block.deadline):
            return True
        notice = self.ctx.notice
        begin = max(notice.rfind("。", self.block.floor, self.start) + 1, self.block.floor)
        end = notice.find("。", self.end)
        sentence = notice[begin : end if end >= 0 else len(notice)]
        others = [r for r in self.block.task.requirements if r.id != self.req.id]
        return wording in sentence and not any(wording in r.source for r in others)

    def _task_date(self) -> bool:
        """The date is one a deadline next to the duty sets (in its own sentence, the one
        before or the one after): inherited, as the requirement's note says (``follows``
        names the requirement precisely)."""
        notice, floor = self.ctx.notice, self.block.floor
        begin = _previous_sentence(notice, self.start, floor)
        after = notice.find("。", self.end)
        after = notice.find("。", after + 1) if after >= 0 else -1
        text = notice[begin : min(after + 1 if after >= 0 else self.block.end, self.block.end)]
        year = self.ctx.plan.plan.period.start.year
        return any(d.date == self.req.due.date for d in deadlines.find(text, year) if not d.scope)

    def _follows(self) -> Iterator[Problem]:
        due = self.req.due
        other = next((r for r in self.block.task.requirements if r.id == due.follows), None)
        if other is None or other.due.wording is None or other.id == self.req.id:
            message = msg("due.follows_unknown", id=due.follows)
            yield Problem(self.ctx.where((*self.path, "due", "follows")), message)
        elif other.due.date != due.date:
            message = msg("due.follows_date", id=other.id, date=other.due.date, due=due.date)
            yield Problem(self.ctx.where((*self.path, "due", "date")), message)

    # ------------------------------------------------------------ the 任务分解

    def _breakdown(self) -> Iterator[Problem]:
        breakdown = self.ctx.breakdown
        if breakdown is None:
            return
        assigned = breakdown.assigned(self.block.task.id)
        by_breakdown = {unit for units in assigned.values() for unit in units}
        units = {u.id: u for u in self.ctx.plan.units}
        for i, unit in enumerate(self.req.units):
            if unit in units and not units[unit].named_in_notice and unit not in by_breakdown:
                message = msg("owners.not_assigned", unit=unit, task=self.block.task.id)
                yield Problem(self.ctx.where((*self.path, "units", i)), message)
        used = [*self.req.groups, getattr(self.req, "of_group", None)]
        for g, group_id in enumerate(used):
            group = self.groups.get(group_id or "")
            if group is None or not judged(group):
                continue
            words_of = {*group.names, *(r.words for r in self.req.readings if group.id in r.means)}
            rows = [units_ for words, units_ in assigned.items() if words in words_of]
            members = frozenset(self.ctx.members.get(group.id, ()))
            if not rows or rows[0] != members:
                message = msg("owners.group_not_assigned", group=group.id, words=group.names[0],
                              task=self.block.task.id,
                              missing=_ids(set(members - rows[0]) if rows else set(members)),
                              extra=_ids(set(rows[0] - members)) if rows else "-")  # fmt: skip
                field = ("groups", g) if g < len(self.req.groups) else ("of_group",)
                yield Problem(self.ctx.where((*self.path, *field)), message)


def _condition_at(condition: str, notice: str, begin: int, end: int) -> tuple[int, int]:
    """Where the notice states the condition, between ``begin`` and ``end``: its words
    quoted, conditional words included; (-1, -1) when the notice states none there. A
    paraphrase is refused: the condition is what lets a unit file a nil return, so it
    must be the notice's own words."""
    at = notice.find(condition, begin, end)
    if at >= 0 and _conditional(condition, notice[at + len(condition) :]):
        return at, at + len(condition)
    return -1, -1


def _conditional(words: str, after: str) -> bool:
    """Words that make a duty conditional (对…, 有…的, 在…中), or the activity a duty is
    about, standing before 时 or 要 (制定规范性文件要…: whenever one is made), or the
    making of a document before a comma and the modal (起草规范性文件，要…)."""
    made = _MAKING.match(words) and _TOPIC_AFTER_COMMA.match(after)
    return bool(CONDITIONAL.search(words) or _TOPIC.match(after) or made)


def judged(group: Group) -> bool:
    """A group chosen by judgement (tags or a list of units), not a whole kind of unit."""
    return bool(group.tags or group.units)


def _previous_sentence(notice: str, start: int, floor: int) -> int:
    """Where the sentence before the one at ``start`` begins (a condition may stand there:
    对…重大事项,都要…评估。各区县评估不少于3件)."""
    at = notice.rfind("。", floor, start - 1) if start - 1 > floor else -1
    before = notice.rfind("。", floor, at) if at > floor else -1
    return max(before + 1, floor)


def _excerpt(text: str) -> str:
    return text if len(text) <= 30 else text[:30] + "…"


def _ids(ids: set[str]) -> str:
    return ", ".join(sorted(ids)) or "-"
