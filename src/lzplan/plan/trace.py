"""Traceability: the plan against the notice it was encoded from.

Every quoted source must occur in the notice verbatim, and every 责任单位 bracket,
quota and deadline phrase in the notice must be encoded by the plan, so dropping or
misquoting any of them is an error.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lzplan import kinds
from lzplan.errors import Problem
from lzplan.grammar import deadlines
from lzplan.location import Location, PathKey, PositionMap, at_offset
from lzplan.messages import msg
from lzplan.plan.model import Plan, Requirement

BRACKET = re.compile(r"[（(〔]责任单位[:：][^（(〔）)〕]*[）)〕]")
QUOTA = re.compile(r"不少于(?P<count>\d+)|达(?P<share>\d+)%以上")


@dataclass(frozen=True)
class _Quote:
    path: PathKey
    start: int
    end: int
    requirement: Requirement | None


def check(plan: Plan, positions: PositionMap, notice: str, notice_file: str) -> list[Problem]:
    return list(_Tracer(plan, positions, notice, notice_file).run())


class _Tracer:
    def __init__(self, plan: Plan, positions: PositionMap, notice: str, notice_file: str):
        self.plan = plan
        self.where = positions.find
        self.notice = notice
        self.notice_file = notice_file
        self.quotes: list[_Quote] = []

    def run(self) -> Iterator[Problem]:
        yield from self._quotes()
        yield from self._brackets()
        yield from self._quotas()
        yield from self._deadlines()
        yield from self._due_dates()
        yield from self._sentences()

    def _at(self, index: int) -> Location:
        return at_offset(self.notice_file, self.notice, index)

    def _quotes(self) -> Iterator[Problem]:
        for t, task in enumerate(self.plan.tasks):
            items: list[tuple[PathKey, str, Requirement | None]] = [
                (("tasks", t, "owners", "source"), task.owners.source, None)
            ]
            items += [
                (("tasks", t, "requirements", r, "source"), req.source, req)
                for r, req in enumerate(task.requirements)
            ]
            items += [
                (("tasks", t, "unreported", u, "source"), item.source, None)
                for u, item in enumerate(task.unreported)
            ]
            for path, text, requirement in items:
                start = self.notice.find(text)
                if start < 0:
                    message = msg("trace.quote", notice=self.notice_file)
                    yield Problem(self.where(path), message)
                else:
                    self.quotes.append(_Quote(path, start, start + len(text), requirement))

    def _requirements_around(self, start: int, end: int) -> list[Requirement]:
        return [
            quote.requirement
            for quote in self.quotes
            if quote.requirement is not None and quote.start <= start and end <= quote.end
        ]

    def _brackets(self) -> Iterator[Problem]:
        encoded = {task.owners.source for task in self.plan.tasks}
        for match in BRACKET.finditer(self.notice):
            if match.group(0) not in encoded:
                message = msg("trace.bracket", bracket=match.group(0))
                yield Problem(self._at(match.start()), message)

    def _quotas(self) -> Iterator[Problem]:
        for match in QUOTA.finditer(self.notice):
            around = self._requirements_around(match.start(), match.end())
            if not any(_has_quota(req, match) for req in around):
                message = msg("trace.quota", quota=match.group(0))
                yield Problem(self._at(match.start()), message)

    def _deadlines(self) -> Iterator[Problem]:
        for match in deadlines.find(self.notice):
            phrase = match.group(0)
            around = self._requirements_around(match.start(), match.end())
            if not any(req.due.wording and phrase in req.due.wording for req in around):
                message = msg("trace.deadline", phrase=phrase)
                yield Problem(self._at(match.start()), message)

    def _due_dates(self) -> Iterator[Problem]:
        year = self.plan.plan.period.end.year
        for quote in self.quotes:
            req = quote.requirement
            if req is None or req.due.wording is None:
                continue
            meant = deadlines.date_of(req.due.wording, year)
            if meant is not None and meant != req.due.date:
                message = msg(
                    "trace.due_mismatch", due=req.due.date, wording=req.due.wording, meant=meant
                )
                yield Problem(self.where((*quote.path[:-1], "due", "date")), message)

    def _sentences(self) -> Iterator[Problem]:
        """Every sentence of a task's block is quoted by a requirement or an unreported entry."""
        located = [
            (self.notice.find(task.owners.source), t, task)
            for t, task in enumerate(self.plan.tasks)
        ]
        previous_end = 0
        for bracket, t, task in sorted(item for item in located if item[0] >= 0):
            start = self.notice.find(task.title, previous_end, bracket)
            start = previous_end if start < 0 else start + len(task.title)
            quoted = [q for q in self.quotes if q.path[:2] == ("tasks", t)]
            yield from self._uncovered(start, bracket, quoted)
            previous_end = bracket + len(task.owners.source)

    def _uncovered(self, start: int, end: int, quoted: list[_Quote]) -> Iterator[Problem]:
        for sentence in re.finditer(r"[^。]+。?", self.notice[start:end]):
            s_start, s_end = start + sentence.start(), start + sentence.end()
            if not sentence.group(0).strip("。 \n"):
                continue
            if not any(q.start < s_end and s_start < q.end for q in quoted):
                message = msg("trace.sentence", excerpt=sentence.group(0)[:40])
                yield Problem(self._at(s_start), message)


def _has_quota(req: Requirement, match: re.Match[str]) -> bool:
    if match.group("count") is not None:
        stated = ("count", int(match.group("count")))
    else:
        stated = ("share", int(match.group("share")))
    return stated in kinds.of(req).encoded(req)
