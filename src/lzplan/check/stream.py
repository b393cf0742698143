"""A check streamed through its report: each unit's lines made where its file is judged.

A large check used to keep every outcome of every unit until the report was written
(~25 KB a file: 513 MiB at 10,000 files), and its parent unpacked every verdict while
the workers judged. Here a file is judged *and* its unit's report line rendered in the
same place (a worker, or this process), and what comes back is a ``Piece``: that line
and a small summary (the unit's status, how many requirements stand at each status,
whether it fails the run, which waivers it used, the documents it names). The parent
writes the line into a spool file and keeps only its offset and the summary; the
report is then written from the counts and the spool, in unit order.

What needs more than one file settles here as in ``Judge.merge``, from the summaries:
two files for one unit, a unit with no file or an invalid one (rendered by the parent),
a 文号 two units claim (a notice on the later claim, by file order), waivers no unit
used. One case cannot be settled from summaries: a unit whose documents were already
counted as first claims is made invalid by a later file (a second file for it). Then
``Replay`` is raised, and the caller runs the whole check the plain way.

The lines come from a format's ``Lines`` (the JSON report's; the terminal's and
markdown's, ``reporters.facts``), or from several formats' at once (``Several``): the
check does not know the format, and the format does not know the check's files.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from typing import IO, Any, NamedTuple, Protocol

from lzplan.check import waivers as waiving
from lzplan.check.engine import FileVerdict, Judge, Rejected, document_claims, shared_documents
from lzplan.check.result import FailOn, Notice, UnitResult, any_fails, sorted_notices
from lzplan.errors import Problem, sorted_problems
from lzplan.location import Location
from lzplan.messages import Message, msg


class Lines(Protocol):
    """A report format's lines: one for each unit, one for each problem or notice."""

    @property
    def tag(self) -> str:
        """The format and language: part of a kept piece's key."""
        ...

    def unit(self, result: UnitResult) -> str: ...

    def message(self, location: Location, message: Message) -> str: ...


# What joins the lines of several formats made for one unit or message: no format's
# line holds it (each is JSON, which escapes every control character), nor a newline.
JOIN = "\x1e"


class Several:
    """The lines of several formats at once, joined by ``JOIN``: a check streamed
    through them all (a terminal report and a JSON file)."""

    def __init__(self, formats: Sequence[Lines]) -> None:
        self.formats = tuple(formats)
        self.tag = " + ".join(lines.tag for lines in self.formats)

    def unit(self, result: UnitResult) -> str:
        return JOIN.join(lines.unit(result) for lines in self.formats)

    def message(self, location: Location, message: Message) -> str:
        return JOIN.join(lines.message(location, message) for lines in self.formats)


class Replay(Exception):
    """The check cannot be settled from summaries: run it the plain way."""


# A document named as evidence: line, column, what (notice key), canonical, as written.
Claim = tuple[int, int, str, str, str]


class UnitSummary(NamedTuple):
    """What the report and the exit code need of a unit, besides its line."""

    status: str
    statuses: tuple[tuple[str, int], ...]  # how many requirements stand at each status
    fails: tuple[bool, bool]  # whether it fails the run at --fail-on missed, at pending
    waived: tuple[str, ...]  # the requirements a waiver changed


class Piece(NamedTuple):
    """One file judged: what the parent keeps of it, and its unit's report line."""

    file: str
    unit: str | None
    where: tuple[int, int]  # the line and column of its ``unit:``
    problems: tuple[Problem, ...]
    notices: tuple[Notice, ...]
    summary: UnitSummary | None  # None: the file speaks for no one, or is not sound
    claims: tuple[Claim, ...]
    line: str | None


Found = Piece | tuple[list[Problem], Rejected] | None


def summarize(result: UnitResult, as_of: dt.date) -> UnitSummary:
    outcomes = result.outcomes
    counts = Counter(str(o.status) for o in outcomes)
    return UnitSummary(
        str(result.status),
        tuple(sorted(counts.items())),
        (any_fails(outcomes, as_of, FailOn.MISSED), any_fails(outcomes, as_of, FailOn.PENDING)),
        tuple(o.requirement for o in outcomes if o.waiver),
    )


def piece(found: FileVerdict | tuple[list[Problem], Rejected] | None, lines: Lines,
          as_of: dt.date) -> Found:  # fmt: skip
    """A file's verdict as the parent keeps it: rendered, summed up, its outcomes dropped."""
    if not isinstance(found, FileVerdict):
        return found
    result = found.result
    where = (found.where.line, found.where.column)
    if result is None:
        return Piece(found.file, found.unit, where, found.problems, found.notices, None, (), None)
    claims = tuple((at.line, at.column, key, same, shown)
                   for at, _, key, same, shown in document_claims(result))  # fmt: skip
    return Piece(found.file, found.unit, where, found.problems, found.notices,
                 summarize(result, as_of), claims, lines.unit(result))  # fmt: skip


def kept(value: Any) -> tuple[bool, Found]:
    """Whether a kept entry is a piece of the right shape, and the piece: a signed entry
    is lzplan's own, but one of another shape (a verdict) is a miss."""
    if value == ("skipped",):
        return True, None
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[1], Rejected):
        return True, (list(value[0]), value[1])
    if not (isinstance(value, tuple) and len(value) == len(Piece._fields)):
        return False, None
    file, unit, where, problems, notices, summary, claims, line = value
    if not (isinstance(file, str) and (line is None or isinstance(line, str))):
        return False, None
    try:
        summed = None if summary is None else UnitSummary(*summary)
        return True, Piece(file, unit, tuple(where), tuple(problems), tuple(notices), summed,
                           tuple(claims), line)  # fmt: skip
    except TypeError:
        return False, None


def packed(found: Found) -> tuple[object, ...]:
    """A piece as plain tuples, to keep (``kept`` reads it back)."""
    if found is None:
        return ("skipped",)
    if isinstance(found, Piece):
        summary = None if found.summary is None else tuple(found.summary)
        return (*found[:5], summary, *found[6:])
    return (found[0], found[1])


@dataclass
class Streamed:
    """A streamed check: its counts and where its lines are. Close it when written."""

    plan_id: str
    as_of: dt.date
    problems: tuple[Problem, ...]
    units: Counter[str]  # units at each status
    outcomes: Counter[str]  # requirements at each status
    failing: tuple[bool, bool]  # whether the run fails at --fail-on missed, at pending
    spool: IO[bytes]
    order: list[tuple[int, int]]  # each unit's line (offset, length), in unit order
    groups: list[tuple[str, int, int]]  # each file's notices (file, offset, length)
    strays: tuple[Notice, ...]  # notices located outside a submission (the waivers)
    part: int | None = None  # with ``Several`` formats' lines: the format read

    def of(self, part: int) -> Streamed:
        """The same check, read as the ``part``-th of its formats (``Several``)."""
        return replace(self, part=part)

    def fails_at(self, level: FailOn) -> bool:
        if level is FailOn.INVALID:
            return False
        return self.failing[level is FailOn.PENDING]

    def unit_lines(self) -> Iterator[str]:
        for offset, length in self.order:
            yield self._pick(self._read(offset, length))

    def notice_lines(self, lines: Lines) -> Iterator[str]:
        """Every notice's line, in file, line and column order."""
        strays = list(self.strays)
        for file, offset, length in self.groups:
            while strays and strays[0].location.file < file:
                stray = strays.pop(0)
                yield lines.message(stray.location, stray.message)
            # by newline alone: splitlines() also splits at U+2028, which JSON keeps
            yield from map(self._pick, self._read(offset, length).split("\n")[:-1])
        yield from (lines.message(n.location, n.message) for n in strays)

    def _pick(self, line: str) -> str:
        return line if self.part is None else line.split(JOIN)[self.part]

    def _read(self, offset: int, length: int) -> str:
        self.spool.seek(offset)
        return self.spool.read(length).decode("utf-8")

    def close(self) -> None:
        self.spool.close()


class Merge:
    """The parent's side: pieces in, in file order; a ``Streamed`` out."""

    def __init__(self, judge: Judge, lines: Lines, problems: Iterable[Problem] = ()) -> None:
        """``problems``: the run's own, found before any file was judged."""
        self.judge, self.lines = judge, lines
        # closed by the Streamed it becomes (or on failure, by the caller)
        self.spool: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115
        self.problems: list[Problem] = [*judge.waivers.problems, *problems]
        self.files: dict[str, str] = {}  # the first file claiming each unit, sound or not
        self.where: dict[str, Location] = {}  # where the first sound-or-not verdict says so
        self.invalid: set[str] = set()
        self.kept: dict[str, tuple[int, int, UnitSummary]] = {}
        self.summaries: dict[UnitSummary, UnitSummary] = {}
        self.counted: set[str] = set()  # units whose documents were counted as claims
        self.first: dict[tuple[str, str], tuple[str, Location]] = {}
        self.groups: list[tuple[str, int, int]] = []
        self.strays: list[Notice] = list(judge.waivers.notices)

    def add(self, found: Found) -> None:
        if found is None:
            return  # a copy of the plan or a waiver file: no submission
        if not isinstance(found, Piece):
            problems, rejected = found
            self.problems += problems
            if rejected.unit is not None:
                self.files.setdefault(rejected.unit, rejected.file)
                if rejected.unit in self.judge.index.units:
                    self._invalidate(rejected.unit)
            return
        self.problems += found.problems
        notices = [replace(n, unit=n.unit or found.unit) for n in found.notices]
        if found.unit is not None:
            notices += self._claim(found)
        self._notices(found.file, notices)

    def _claim(self, found: Piece) -> list[Notice]:
        """Settle a piece's unit: the first file keeps it, a second makes it invalid."""
        unit = found.unit
        assert unit is not None
        self.files.setdefault(unit, found.file)
        if unit in self.where:
            first = str(self.where[unit])
            here = Location(found.file, *found.where)
            self.problems.append(Problem(here, msg("sub.unit_claimed", unit=unit, first=first)))
            self._invalidate(unit)
        else:
            self.where[unit] = Location(found.file, *found.where)
        if found.summary is None or found.line is None:
            self._invalidate(unit)
            return []
        if unit in self.invalid:
            return []
        # one object for summaries alike: most units of a large check share a few
        summary = self.summaries.setdefault(found.summary, found.summary)
        self.kept[unit] = (*self._write(found.line + "\n"), summary)
        if found.claims:
            self.counted.add(unit)
        claims = ((Location(found.file, line, column), unit, key, same, shown)
                  for line, column, key, same, shown in found.claims)  # fmt: skip
        return list(shared_documents(claims, self.first, self.judge.names))

    def _invalidate(self, unit: str) -> None:
        if unit in self.counted:
            raise Replay(unit)  # its documents were counted: the plain path settles it
        self.invalid.add(unit)
        self.kept.pop(unit, None)

    def _notices(self, file: str, notices: list[Notice]) -> None:
        here = [n for n in notices if n.location.file == file]
        self.strays += [n for n in notices if n.location.file != file]
        if here:
            text = "".join(self.lines.message(n.location, n.message) + "\n"
                           for n in sorted_notices(here))  # fmt: skip
            self.groups.append((file, *self._write(text)))

    def _write(self, text: str) -> tuple[int, int]:
        data = text.encode("utf-8")
        offset = self.spool.tell()
        self.spool.write(data)
        return offset, len(data)

    def done(self) -> Streamed:
        """The units in the report's order, those without a sound file rendered here."""
        judge, lines = self.judge, self.lines
        shown = [unit.id for unit in judge.index.unit_order()]
        units: Counter[str] = Counter()
        outcomes: Counter[str] = Counter()
        failing = [False, False]
        order: list[tuple[int, int]] = []
        used: set[tuple[str, str]] = set()
        for unit in shown:
            found = self.kept.get(unit)
            if found is None:
                result = judge.standing(unit, None, self.invalid, self.files.get(unit))
                found = (*self._write(lines.unit(result) + "\n"), summarize(result, judge.as_of))
            offset, length, summary = found
            order.append((offset, length - 1))  # without its newline
            units[summary.status] += 1
            outcomes.update(dict(summary.statuses))
            failing = [a or b for a, b in zip(failing, summary.fails, strict=True)]
            used |= {(unit, requirement) for requirement in summary.waived}
        strays = self.strays + waiving.unused_of(judge.waivers, used, set(shown), judge.index)
        return Streamed(
            plan_id=judge.index.plan.plan.id,
            as_of=judge.as_of,
            problems=tuple(sorted_problems(self.problems)),
            units=units,
            outcomes=outcomes,
            failing=(failing[0], failing[1]),
            spool=self.spool,
            order=order,
            groups=self.groups,
            strays=self._strays(strays),
        )

    def _strays(self, strays: list[Notice]) -> tuple[Notice, ...]:
        """Notices outside the submissions, sorted; one inside a submission's file would
        have to be sorted among its notices: the plain path does that."""
        files = {file for file, _, _ in self.groups}
        if any(n.location.file in files for n in strays):
            raise Replay("a notice among a file's own")
        return sorted_notices(strays)
