"""Traceability: the plan against the notice it was encoded from.

Every quoted source must occur in the notice verbatim. Every owner statement of the
notice (责任单位 brackets, 牵头/配合 lines, 由X负责) is a task's, and names exactly the
task's owners. In each task's block (the text a task covers, never the preamble),
every quota and deadline phrase the grammar reads (``lzplan.grammar``) lies inside a
requirement quoting it that encodes that value for that subject (a quota) or has that
due wording and date (a deadline); text that looks like one but that the grammar cannot
read is reported, unless the task lists it under ``phrases`` with a reason. Every
sentence of a block is quoted by a requirement or an ``unreported`` entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import TypeVar

from lzplan import kinds
from lzplan.errors import Problem
from lzplan.grammar import cover, deadlines, docno, owners, quotas, table
from lzplan.grammar.deadlines import DeadlinePhrase
from lzplan.grammar.quotas import QuotaPhrase
from lzplan.kinds.base import Stated
from lzplan.location import Location, PathKey, PositionMap, at_offset
from lzplan.messages import Message, msg
from lzplan.plan import provenance
from lzplan.plan.breakdown import LoadedBreakdown
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Requirement, Task
from lzplan.plan.names import NameIndex

_Found = TypeVar("_Found", QuotaPhrase, DeadlinePhrase)
_CLAUSE = re.compile(r"[，,；;。:：\n]")
_HEADING = re.compile(r"[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]")


@dataclass(frozen=True)
class _Quote:
    path: PathKey
    start: int
    end: int
    requirement: Requirement | None


@dataclass(frozen=True)
class _Block:
    """The text one task covers: ``start``–``end``; its owner statement at ``owner``."""

    t: int
    task: Task
    start: int
    end: int
    owner: owners.Statement | None


def check(
    index: PlanIndex,
    positions: PositionMap,
    notice: str,
    notice_file: str,
    breakdown: LoadedBreakdown | None = None,
) -> list[Problem]:
    return list(_Tracer(index, positions, notice, notice_file, breakdown).run())


class _Tracer:
    def __init__(
        self,
        index: PlanIndex,
        positions: PositionMap,
        notice: str,
        notice_file: str,
        breakdown: LoadedBreakdown | None = None,
    ):
        self.plan = plan = index.plan
        self.members = index.members
        self.breakdown = breakdown
        self.where = positions.find
        self.notice = notice
        self.notice_file = notice_file
        self.year = plan.plan.period.start.year
        self.quotes: list[_Quote] = []
        self.statements = owners.find(notice)
        self.blocks: list[_Block] = []
        self.letter: cover.Cover | None = None  # set when the first task is the letter's
        self.tables = table.find(notice)
        self.signed = cover.signature(notice)  # the notice's 落款 and date: no task's text

    def run(self) -> Iterator[Problem]:
        yield from self._locate()
        yield from self._quotes()
        yield from self._unclaimed_statements()
        for block in self.blocks:
            yield from self._owners(block)
            yield from self._quotas(block)
            yield from self._deadlines(block)
            yield from self._unread(block)
            yield from self._excused_quotas(block)
            yield from self._sentences(block)
        yield from self._due_wordings()
        yield from self._provenance()
        yield from self._doc_no()

    def _doc_no(self) -> Iterator[Problem]:
        """The 文号 the plan gives its notice is the notice's, however it is spelled."""
        given = self.plan.plan.source.doc_no
        if given is None:
            return
        printed = {docno.canonical(m.group(0)) for m in cover.DOC_NO.finditer(self.notice)}
        if docno.canonical(given) not in printed:
            message = msg("trace.doc_no", doc_no=given, notice=self.notice_file)
            yield Problem(self.where(("plan", "source", "doc_no")), message)

    def _floor(self, block: _Block) -> int:
        """Where a block's sentences begin: after its task's title, when the notice has it
        (a table row has no title of its own: its text is its task cell)."""
        if block.owner is not None and block.owner.row is not None:
            return block.start
        title = self.notice.find(block.task.title, block.start, block.end)
        return block.start if title < 0 else title + len(block.task.title)

    def _provenance(self) -> Iterator[Problem]:
        """Who owes each duty, its condition and its due date follow from the notice
        (or the 任务分解 it cites): ``lzplan.plan.provenance``."""
        spans = [(s.start, s.end) for s in self.statements]
        rows = self.breakdown.breakdown if self.breakdown else None
        ctx = provenance.Tracing(self.plan, self.notice, self.where, rows, self.members, spans)
        quotes = {q.requirement.id: (q.start, q.end) for q in self.quotes if q.requirement}
        for block in self.blocks:
            owner = (block.owner.start, block.owner.end) if block.owner else None
            cells = "\n".join(self.notice[a:b] for a, b in _cells_of(block, "deadline"))
            found = provenance.TaskText(block.t, block.task, self._floor(block), block.end, owner,
                                        cells)  # fmt: skip
            yield from provenance.check(ctx, found, quotes)
        yield from self._breakdown_words()

    def _breakdown_words(self) -> Iterator[Problem]:
        """Each row of the 任务分解 quotes words of its task's part of the notice."""
        if self.breakdown is None:
            return
        texts = {b.task.id: self.notice[b.start : b.end] for b in self.blocks}
        for r, row in enumerate(self.breakdown.breakdown.rows):
            if row.task in texts and row.words not in texts[row.task]:
                message = msg("breakdown.words", words=row.words, task=row.task)
                yield Problem(self.breakdown.positions.find(("rows", r, "words")), message)

    def _excused_quotas(self, block: _Block) -> Iterator[Problem]:
        """A phrase excused under ``phrases`` holds no quota the grammar reads: a quota is
        encoded, never excused."""
        for p, phrase in enumerate(block.task.phrases):
            for quota in quotas.find(phrase.source):
                message = msg("trace.phrase_quota", quota=quota.text)
                yield Problem(self.where(("tasks", block.t, "phrases", p, "source")), message)

    def _at(self, index: int) -> Location:
        return at_offset(self.notice_file, self.notice, index)

    # ------------------------------------------------------------ where each task is

    def _locate(self) -> Iterator[Problem]:
        """Each task's owner statement, in plan order (identical ones each their own)."""
        self.letter = self._cover_task()
        previous = self._body_start()
        found: list[tuple[int, Task, int, int, owners.Statement | None]] = []
        for t, task in enumerate(self.plan.tasks):
            start = self._statement_at(task.owners.source, previous)
            if start < 0:
                path = ("tasks", t, "owners", "source")
                key = "trace.quote" if task.owners.source not in self.notice else "trace.order"
                yield Problem(self.where(path), msg(key, notice=self.notice_file))
                continue
            end = start + len(task.owners.source)
            statement = next((s for s in self.statements if s.start == start), None)
            begin = previous
            if statement is not None and statement.row is not None:
                end = statement.row.end  # a table row's deadline cell is its own
                begin = statement.row.start  # the row is its task's text, nothing before it
            found.append((t, task, begin, end, statement))
            previous = end
        for i, (t, task, start, end, statement) in enumerate(found):
            if statement is not None and statement.row is None and statement.end < end:
                end = statement.end  # pragma: no cover - defensive
            if statement is None or not _closes_block(statement, self.notice):
                end = self._next_boundary(end, found[i + 1][2] if i + 1 < len(found) else None)
            if t == 0 and self.letter is not None:  # the letter's own text, to its signature
                end = self.letter.body[1]
            self.blocks.append(_Block(t, task, start, end, statement))

    def _statement_at(self, source: str, previous: int) -> int:
        """Where the task's owner statement stands from ``previous`` on: a statement the
        grammar reads with these words first, so that a task cell naming the same unit
        (镇综合行政执法队执法人员持证上岗率…) is not taken for its owner cell; else the
        words wherever they are."""
        found = (s.start for s in self.statements if s.start >= previous and s.text == source)
        return next(found, self.notice.find(source, previous))

    def _body_start(self) -> int:
        """The work starts at the first section heading; the preamble is never traced,
        unless the plan's first task is its cover letter's own (owed by its 主送)."""
        if self.letter is not None:
            return self.letter.addressees[0]
        match = re.search(r"[一二三四五六七八九十]+、", self.notice)
        starts = [match.start()] if match else []
        starts += [grid.header[0] for grid in self.tables[:1]]  # a table's header row
        return min(starts, default=0)

    def _cover_task(self) -> cover.Cover | None:
        """The notice's cover letter, when the plan's first task is its own: the task's
        statement is the letter's 主送."""
        found = cover.find(self.notice)
        if found is None or not self.plan.tasks:
            return None
        start, end = found.addressees
        return found if self.plan.tasks[0].owners.source == self.notice[start:end] else None

    def _next_boundary(self, index: int, next_block: int | None) -> int:
        """Where a block whose owner sits inside its text (由X负责) ends: the next heading."""
        heading = _HEADING.search(self.notice, index)
        ends = [self.signed]
        ends += [heading.start()] if heading else []
        ends += [next_block] if next_block is not None else []
        return min(ends)

    def _quotes(self) -> Iterator[Problem]:
        for block in self.blocks:
            t, task = block.t, block.task
            items: list[tuple[PathKey, str, Requirement | None]] = [
                (("tasks", t, "requirements", r, "source"), req.source, req)
                for r, req in enumerate(task.requirements)
            ]
            items += [
                (("tasks", t, "unreported", u, "source"), item.source, None)
                for u, item in enumerate(task.unreported)
            ]
            items += [
                (("tasks", t, "phrases", p, "source"), item.source, None)
                for p, item in enumerate(task.phrases)
            ]
            for path, text, requirement in items:
                start = self.notice.find(text, block.start)
                if start < 0 or start >= block.end:
                    start = self.notice.find(text)  # a sentence of another block
                if start < 0:
                    message = msg("trace.quote", notice=self.notice_file)
                    yield Problem(self.where(path), message)
                else:
                    self.quotes.append(_Quote(path, start, start + len(text), requirement))

    # ------------------------------------------------------------ owners

    def _unclaimed_statements(self) -> Iterator[Problem]:
        claimed = {block.owner.start for block in self.blocks if block.owner is not None}
        body = self._body_start()
        for statement in self.statements:
            if statement.start >= body and statement.start not in claimed:
                message = msg("trace.bracket", bracket=statement.text)
                yield Problem(self._at(statement.start), message)

    def _owners(self, block: _Block) -> Iterator[Problem]:
        """The statement names exactly the task's owners (an open list, 等, may have more)."""
        statement, task = block.owner, block.task
        if statement is None:
            return
        names = NameIndex.of(self.plan, task.groups)
        roles = {
            "lead": statement.leads,
            "plain": statement.plain,
            "supporting": statement.supporting,
        }
        found: dict[str, set[tuple[str, str]]] = {role: set() for role in roles}
        for role, texts in roles.items():
            for text in texts:
                named, unknown = names.scan(text)
                for name in unknown:
                    message = msg("trace.owner_unknown", name=name, statement=statement.text)
                    yield Problem(self._at(statement.start), message)
                found[role] |= {(item.what, item.id) for item in named}
        yield from self._owner_roles(block, statement, found)

    def _owner_roles(
        self, block: _Block, statement: owners.Statement, found: dict[str, set[tuple[str, str]]]
    ) -> Iterator[Problem]:
        """Names marked 牵头 are leads, names marked 配合 supporting; a name whose role the
        notice does not give (责任单位：…) may be either. Every name is listed once, and
        every unit or group listed is named (a list closed by 等 may list more)."""
        owners_ = block.task.owners
        listed = {"leads": set(owners_.leads), "groups": set(owners_.groups),
                  "supporting": set(owners_.supporting)}  # fmt: skip
        base: PathKey = ("tasks", block.t, "owners")
        wanted = [
            (("lead", what), "leads" if what == "unit" else "groups") for what in ("unit", "group")
        ] + [(("supporting", what), "supporting") for what in ("unit", "group")]
        for (role, what), field in wanted:
            for kind, unit in sorted(found[role]):
                if kind == what and unit not in listed[field]:
                    yield self._owner_missing(base, field, unit, statement)
        for kind, unit in sorted(found["plain"]):
            field = "leads" if kind == "unit" else "groups"
            if unit not in listed[field] | listed["supporting"]:
                yield self._owner_missing(base, field, unit, statement)
        named = {unit for role in found.values() for _, unit in role}
        for field, units in listed.items():
            if field == "leads" and "等" in statement.text:
                continue
            for extra in sorted(units - named):
                message = msg("trace.owner_extra", id=extra, role=msg(f"role.{field}"),
                              statement=statement.text)  # fmt: skip
                yield Problem(self.where((*base, field)), message)

    def _owner_missing(
        self, base: PathKey, field: str, unit: str, statement: owners.Statement
    ) -> Problem:
        message = msg("trace.owner_missing", id=unit, role=msg(f"role.{field}"),
                      statement=statement.text)  # fmt: skip
        return Problem(self.where((*base, field)), message)

    # ------------------------------------------------------------ quotas and deadlines

    def _spans(self, block: _Block) -> list[tuple[int, int]]:
        """The block's text less its owner statement and the phrases it excuses."""
        excused = [(q.start, q.end) for q in self.quotes if q.path[:3] == ("tasks", block.t,
                                                                          "phrases")]  # fmt: skip
        if block.owner is not None:
            excused.append((block.owner.start, block.owner.end))
        return excused

    def _in_block(self, block: _Block, start: int, end: int) -> bool:
        if not (block.start <= start and end <= block.end):
            return False
        return not any(a <= start and end <= b for a, b in self._spans(block))

    def _around(self, start: int, end: int) -> list[tuple[_Quote, Requirement]]:
        return [
            (q, q.requirement)
            for q in self.quotes
            if q.requirement is not None and q.start <= start and end <= q.end
        ]

    def _quotas(self, block: _Block) -> Iterator[Problem]:
        text = self.notice[block.start : block.end]
        names = NameIndex.of(self.plan, block.task.groups)
        for found in quotas.find(text):
            quota = _shift(found, block.start)
            if not self._in_block(block, quota.start, quota.end):
                continue
            around = self._around(quota.start, quota.end)
            subjects = self._subjects(names, quota.start)
            if not around:
                yield Problem(self._at(quota.start), msg("trace.quota", quota=quota.text))
            elif not any(_matches(quota, req, subjects) for _, req in around):
                shown = [_encoded(req) for _, req in around]
                message = msg("trace.quota_mismatch", quota=quota.text,
                              requirement=around[0][1].id, encoded=shown)  # fmt: skip
                yield Problem(self._at(quota.start), message)

    def _subjects(self, names: NameIndex, index: int) -> set[str]:
        """The groups and units named in the quota's clause before it (各区县…不少于3件)."""
        starts = [m.end() for m in _CLAUSE.finditer(self.notice, 0, index)]
        clause = self.notice[max(starts, default=0) : index]
        named, _ = names.scan(clause)
        return {item.id for item in named}

    def _deadlines(self, block: _Block) -> Iterator[Problem]:
        text = self.notice[block.start : block.end]
        for found in deadlines.find(text, self.year):
            deadline = _shift(found, block.start)
            if deadline.scope or not self._in_block(block, deadline.start, deadline.end):
                continue
            around = [req for _, req in self._around(deadline.start, deadline.end)]
            key, cell = "trace.deadline", False
            if any(a <= deadline.start < b for a, b in _cells_of(block, "deadline")):
                around, key, cell = list(block.task.requirements), "trace.deadline_cell", True
            # a row's time limit is kept by a duty due that day, whatever its own wording
            # (全年 in the task cell, 12月底前 in the 完成时限 cell)
            kept = cell and any(req.due.date == deadline.date for req in around)
            if not kept and not any(_governs(deadline, req) for req in around):
                message = msg(key, phrase=deadline.text)
                yield Problem(self._at(deadline.start), message)

    def _unread(self, block: _Block) -> Iterator[Problem]:
        """What looks like a quota or a deadline but no phrase the grammar reads covers."""
        text = self.notice[block.start : block.end]
        read = [(q.start, q.end) for q in quotas.find(text)]
        read += [(m.start(), m.end()) for m in quotas.DURATION.finditer(text)]
        read += [(d.start, d.end) for d in deadlines.find(text, self.year)]
        for what, trigger in (("quota", quotas.TRIGGER), ("deadline", deadlines.TRIGGER)):
            for match in trigger.finditer(text):
                start, end = block.start + match.start(), block.start + match.end()
                covered = any(a <= match.start() and match.end() <= b for a, b in read)
                if not covered and self._in_block(block, start, end):
                    excerpt = self.notice[max(block.start, start - 8) : end + 8]
                    message = msg("trace.unread", what=msg(f"what.{what}"), text=excerpt)
                    yield Problem(self._at(start), message)

    def _due_wordings(self) -> Iterator[Problem]:
        """A due wording is a deadline the grammar reads, and means the due date."""
        for quote in self.quotes:
            req = quote.requirement
            if req is None or req.due.wording is None:
                continue
            problem = _wording_problem(req, self.year)
            if problem is not None:
                field, message = problem
                yield Problem(self.where((*quote.path[:-1], "due", field)), message)

    # ------------------------------------------------------------ sentences

    def _not_text(self, block: _Block) -> list[tuple[int, int]]:
        """What in a table row is no sentence of its task: its number, owner and deadline
        cells, and a table's header row in the block."""
        spans = _cells_of(block, "number", "lead", "owner", "support", "deadline")
        spans += [g.header for g in self.tables if block.start <= g.header[0] < block.end]
        return spans

    def _only_cells(self, block: _Block, start: int, end: int) -> bool:
        """The text holds nothing but cells that are no sentence (and blanks)."""
        spans = self._not_text(block)
        rest = "".join(
            char
            for i, char in enumerate(self.notice[start:end], start)
            if not any(a <= i < b for a, b in spans)
        )
        return not rest.strip("。；; \t\n\u3000")

    def _sentences(self, block: _Block) -> Iterator[Problem]:
        """Every sentence of a task's block is quoted by a requirement, an unreported
        entry or a phrase (the task's title, headings and owner statement aside)."""
        start = self._floor(block)
        quoted = [q for q in self.quotes if q.path[:2] == ("tasks", block.t)]
        if block.owner is not None:
            quoted.append(_Quote((), block.owner.start, block.owner.end, None))
        quoted += [_Quote((), a, b, None) for a, b in self._not_text(block)]
        row = block.owner.row if block.owner is not None else None
        for sentence in re.finditer(r"[^。]+。?", self.notice[start : block.end]):
            s_start, s_end = start + sentence.start(), start + sentence.end()
            body = _HEADING.sub("", sentence.group(0)).strip("。；; \t\n\u3000")
            after = block.owner is not None and s_start >= block.owner.end and row is None
            if not body or after or self._only_cells(block, s_start, s_end):
                continue
            if not any(q.start < s_end and s_start < q.end for q in quoted):
                message = msg("trace.sentence", excerpt=sentence.group(0).strip()[:40])
                yield Problem(self._at(s_start), message)


def _cells_of(block: _Block, *roles: str) -> list[tuple[int, int]]:
    """The spans of the block's table row's cells of these roles (none outside a table)."""
    row = block.owner.row if block.owner is not None else None
    return [(cell.start, cell.end) for cell in row.of(*roles)] if row is not None else []


def _closes_block(statement: owners.Statement, notice: str) -> bool:
    """A bracket or a line of its own ends its task's text; 由X负责 sits inside it."""
    return not statement.text.startswith("由")


def _shift(found: _Found, offset: int) -> _Found:
    """A phrase found in a block, placed in the whole notice."""
    return replace(found, start=found.start + offset, end=found.end + offset)


def _measure(quota: QuotaPhrase) -> str:
    return "" if quota.counts_items else quota.measure


def _matches(quota: QuotaPhrase, req: Requirement, subjects: set[str]) -> bool:
    """The requirement encodes the quota's number, measure and bound, for each subject
    named before it; a quota each period needs a requirement recurring that often."""
    if quota.every is not None and (req.recurs is None or req.recurs.every != quota.every):
        return False
    stated = [
        s
        for s in kinds.of(req).encoded(req)
        if s.value == quota.value and s.measure == _measure(quota) and s.at_most == quota.at_most
    ]
    if not stated:
        return False
    per_subject = {s.subject for s in kinds.of(req).encoded(req) if s.subject is not None}
    named = subjects & per_subject
    if not named:
        return True
    return all(any(s.subject == subject for s in stated) for subject in named)


def _encoded(req: Requirement) -> str:
    parts = [_shown(s) for s in kinds.of(req).encoded(req)]
    return ", ".join(parts) or "-"


def _shown(stated: Stated) -> str:
    bound = "≤" if stated.at_most else "≥"
    value = f"{stated.value:g}{stated.measure}"
    return f"{stated.subject}: {bound}{value}" if stated.subject else f"{bound}{value}"


def _governs(deadline: DeadlinePhrase, req: Requirement) -> bool:
    """The requirement is due by this phrase: its wording holds it, and it recurs as the
    phrase says."""
    if not req.due.wording or deadline.text not in req.due.wording:
        return False
    if deadline.every is not None:
        return req.recurs is not None and req.recurs.every == deadline.every
    return True


def _wording_problem(req: Requirement, year: int) -> tuple[str, Message] | None:
    """(the field of ``due`` at fault, the message), or None when the wording holds."""
    wording = req.due.wording or ""
    read = [d for d in deadlines.limit(wording, year) if not d.scope]
    if not read:
        return "wording", msg("trace.due_unread", wording=wording)
    every = next((d.every for d in read if d.every), None)
    if every is not None and (req.recurs is None or req.recurs.every != every):
        return "wording", msg("trace.due_recurs", wording=wording, every=every)
    on = next((d.on for d in read if d.on is not None), None)
    if req.recurs is not None and on != req.recurs.on:
        message = msg("trace.due_on", wording=wording, on=on or "-", given=req.recurs.on or "-")
        return "wording", message
    after = next((d.due_after for d in read if d.due_after is not None), None)
    if after is not None and req.recurs is not None and req.recurs.due_after != after:
        message = msg("trace.due_after", wording=wording, days=after, given=req.recurs.due_after)
        return "wording", message
    meant = next((d.date for d in read if d.date is not None), None)
    if meant is not None and req.recurs is None and meant != req.due.date:
        message = msg("trace.due_mismatch", due=req.due.date, wording=wording, meant=meant)
        return "date", message
    return None
