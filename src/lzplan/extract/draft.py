"""Turn a notice's task texts into a draft plan: one requirement per duty, each with
its kind, quota, due date and owners, read with the plan language's own grammar.

Per task (``extract.layout``): the owner statement gives the task's leads, groups and
supporting units. Per sentence: a sentence holding more than one quota or deadline is
cut at its commas into one clause per quota or deadline. Per clause: a rate makes a
``ratio``; 部门/单位不少于N个 a ``distinct_units``; a quota of items (件, 次…) a
``count``, of an amount (学时, 人次…) a ``quantity``; a stated date a ``milestone``;
每季度… a recurring duty; anything else an ``activity``. Who owes a clause: the actors
its sentence gives it, read as ``plan validate`` reads them (``lzplan.grammar.actors``:
各区县人民政府要…, …、各部门要…, 由X负责, a subject carried over its sentence's
clauses), a rate included; else its task's statement (leads and groups; supporting
units support). Where the draft reads otherwise than the words alone, it says so in a
``readings`` entry with its reason; what the text leaves open (no owner at all) is
marked ``# REVIEW:`` rather than guessed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from lzplan.extract.layout import Segment, segments
from lzplan.extract.registry import Registry, qualifier
from lzplan.grammar import actors, cover, deadlines, norms, owners, quotas, table
from lzplan.grammar.actors import Actor
from lzplan.grammar.deadlines import DeadlinePhrase
from lzplan.grammar.quotas import QuotaPhrase
from lzplan.messages import Message, msg
from lzplan.plan.model import Group
from lzplan.plan.names import Named, NameIndex
from lzplan.plan.recurrence import occurrences

# A sentence ends at 。 ； or a line break, or a half-width full stop or semicolon that
# is not a decimal point.
SENTENCE = re.compile(r"(?:[^。;；\n.]|(?<=\d)\.(?=\d))+(?:[。;；\n]|\.(?!\d))?")
# What may stand between the names a clause opens with.
_JOIN = re.compile(r"^[\s、,，和及与以及]*$")
# A duty's condition: 对…的(重大事项)(，以及…的纠纷)，(都)要… or 凡…的, at the clause's
# head or after a comma (…建立健全评估机制，对…的重大事项，都要进行评估); 在…(过程)中，
# or 制定…要 at its head.
_COND_HEAD = r"(?:对|凡|发生|涉及|有)[^。；;]{2,120}?的[^，,。；;的]{0,12}?"
_COND_MORE = r"(?:[，,](?:以及|或者|及|和)[^。；;]{2,80}?的[^，,。；;的]{0,12}?)*"
_MAKING_AT = rf"(?:{actors.MAKING})[^，,。；;要应须]{{2,20}}?(?=[，,]?(?:{actors.MODALS}))"
_CONDITION = re.compile(
    rf"(?:^|(?<=[，,])){_COND_HEAD}{_COND_MORE}(?=[，,]|(?:都|均|也)?要)"
    r"|^在[^，,。；;]{2,30}?中(?=[，,]|要)"
    # 制定规范性文件要…: owed by whoever drafts one, when they do
    rf"|^{_MAKING_AT}"
)
_MAKING = re.compile(_MAKING_AT)
_DUTY_QUOTA = ("部门", "单位")
# A condition naming a class of matters (对…的重大事项), each of which the duty is done
# for: a count of that work counts them.
_COND_SCOPE = re.compile(r"对|凡|涉及")
# A report made to an authority: 区县人民政府要向本级人大常委会和市政府…报告…情况.
_REPORTS_TO = re.compile(r"向[^，,。；;]{1,30}?(?:报告|报送|汇报)")
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
    follows: str | None = None  # the requirement whose wording sets its due date
    every: str | None = None
    due_after: int | None = None  # days after each period's end (季后10日内: 10)
    on: str | None = None  # 每年12月10日前: MM-DD
    held: bool = False  # each occurrence must take place in its period (an activity)
    condition: str | None = None
    condition_for: list[str] = field(default_factory=list)  # empty: every owner
    readings: list[DraftReading] = field(default_factory=list)
    reviews: list[Message] = field(default_factory=list)


@dataclass(frozen=True)
class DraftReading:
    """Where the draft reads owners otherwise than ``plan validate`` derives them from
    the words alone (all the sentence's actors, else all its statement names): the words
    read, whom they mean, and why: the notice's own words that show it, and what they
    make of the unit."""

    words: str
    means: tuple[str, ...]
    grounds: str
    why: Message | None = None
    field: str = "owners"  # or of_group: the group a count of units counts over


@dataclass
class DraftTask:
    id: str
    section: str
    title: str
    source: str
    leads: list[str] = field(default_factory=list)
    groups: list[str] = field(default_factory=list)
    supporting: list[str] = field(default_factory=list)
    marked: set[str] = field(default_factory=set)  # leads the statement marks (牵头)
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
    then: bool = False  # its deadline is the next clause's (…制定方案，于6月底前完成申报)


def draft(text: str, registry: Registry, period: DraftPeriod) -> list[DraftTask]:
    """The tasks of ``text``."""
    found = segments(text)
    ids = _task_ids([segment.section for segment in found])
    ids = ["t0" if seg.letter else tid for seg, tid in zip(found, ids, strict=True)]
    statements = [(s.start, s.end) for s in owners.find(text)]
    return [
        _task(text, seg, tid, registry, period, statements)
        for seg, tid in zip(found, ids, strict=True)
    ]


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
    text: str,
    seg: Segment,
    task_id: str,
    registry: Registry,
    period: DraftPeriod,
    statements: list[tuple[int, int]],
) -> DraftTask:
    statement = seg.statement
    source = statement.text if statement is not None else (seg.title or _first_words(text, seg))
    task = DraftTask(task_id, seg.section, seg.title or seg.section, source)
    if statement is None:
        task.reviews.append(msg("extract.review.no_statement"))
    else:
        _owners(task, statement, registry)
    closing = statement is not None and _closes(statement) and statement.start >= seg.body_start
    end = statement.start if statement is not None and closing else seg.end
    owner_text = statement.text if statement is not None else ""
    names = _names(text, seg.body_start, end, registry, owner_text, statements)
    read: list[tuple[DraftRequirement, Clause, list[Actor], str, str]] = []
    place = last = ""  # where the work is done (在…部门开展试点), and for the items listed
    ended = _ends(text)
    n = 0
    row = statement.row if statement is not None else None
    spans = [(c.start, c.end) for c in row.of("task")] if row else _between(seg, end)
    for _, _, heading in seg.inner:  # 11.加强执法人员管理。: a title, as validate reads it
        if heading:
            task.unreported.append((heading, msg("extract.review.item_title")))
    limit = _row_deadline(text, row, period.year)
    if row is not None and spans:
        task.title = _title(text[slice(*spans[0])], registry, owner_text)
    for sentence in (found for a, b in spans for found in _sentences(text, a, b)):
        body = sentence.text.strip("。；;.\n \t")
        if not body:
            continue
        if body.endswith(("：", ":")) or sentence.text.rstrip().endswith(("：", ":")):
            task.unreported.append((sentence.text.strip(), msg("extract.review.lead_in")))
            place = last  # …的试点工作，主要任务：一是…；二是…: its items are done there too
            continue
        here = _PLACE.search(sentence.text)
        place = place if _ENUMERATED.match(sentence.text) else ""
        last = here.group(0) if here else ""
        where = last or place
        if seg.letter and cover.ISSUING.search(body):
            task.unreported.append((sentence.text.strip(), msg("extract.review.issuing")))
            continue
        for clause in _clauses(sentence, period.year, registry.index(owner_text)):
            if limit is not None and _vaguer(clause.deadlines, limit):
                clause = replace(clause, deadlines=(limit,))  # the row's 完成时限 is its due
            norm = _norm(clause)
            if norm is not None:
                task.unreported.append((clause.text.strip(), norm))
                continue
            found = actors.find(ended, names, clause.start, clause.end, seg.body_start)
            found = found or _listed(ended, names, clause, seg.body_start, owner_text, registry)
            duties = _duties(ended, clause, found)
            for subject, part in zip(duties, _parts(clause, duties, period.year), strict=True):
                n += 1
                rid = f"{task_id}.r{n}"
                req = _requirement(rid, part, task, registry, owner_text, period, subject)
                _supporting(task, subject, part.text, registry, owner_text)
                task.requirements.append(req)
                read.append((req, part, subject, sentence.text, where))
    for req, after in zip(task.requirements, task.requirements[1:], strict=False):
        if req.follows is not None:  # done before the next duty, so by its date
            req.follows, req.wording = after.id, None
    _counted_condition([(req, clause) for req, clause, *_ in read], names)
    _completion_date(task.requirements, period)
    _timeliness(task, [(req, clause, said) for req, clause, _, said, _ in read], text)
    bracket, _ = registry.scan(owner_text, owner_text)
    moved = _support_by_function(task, text[seg.body_start : end], registry)
    for req, clause, found, said, where in read:  # once the sentences moved the task's roles
        who = _Who(text, clause, found, names, task, bracket, said, registry.functions, where,
                   registry.narrower)  # fmt: skip
        _owe(req, who)
    _support_duty(task, moved, [(req, clause) for req, clause, *_ in read], registry)
    task.phrases = list(_unread(text, seg.body_start, end, period.year))
    used = {*task.groups, *task.supporting}
    used |= {g for r in task.requirements for g in (*r.groups, r.of_group) if g}
    task.own_groups = [g for g in registry.own_groups(owner_text) if g.id in used]
    if not seg.title and task.requirements:  # 1.每年12月10日前，…报告…: titled by its duty
        task.title = task.requirements[0].title
    return task


def _listed(
    text: str, names: list[Named], clause: Clause, floor: int, statement: str, registry: Registry
) -> list[Actor]:
    """An item of a list with no subject of its own (一是各区县、市级各部门…；二是每年4月1日
    前公开…报告) is the earlier item's groups' too, when the statement names them: the
    statement narrowed, which ``plan validate`` accepts (it carries no subject into the
    next item, and reads the statement there)."""
    if not _MARKER.match(clause.text):
        return []
    sentence = max(text.rfind("。", floor, clause.start) + 1, floor)
    earlier = actors.find(text, names, sentence, clause.start, floor)
    bracket = {n.id for n in registry.scan(statement, statement)[0] if n.what == "group"}
    groups = {n.id for n in names if n.what == "group"}
    return earlier if earlier and all(a.id in groups & bracket for a in earlier) else []


def _between(seg: Segment, end: int) -> list[tuple[int, int]]:
    """The task's text less the numerals and titles of the items sharing its statement."""
    spans, at = [], seg.body_start
    for start, title_end, _ in seg.inner:
        spans.append((at, start))
        at = title_end
    return [*spans, (at, end)]


# Where a duty is done, not who does it: 在基础工作比较扎实的市级部门探索开展…的试点工作.
_PLACE = re.compile(r"在[^，,。；;]{0,30}?(?:部门|单位)[^，,。；;]{0,20}?(?:开展|探索|推行|试点)")
# An item listed after a lead-in: 一是…, （1）…, ①…
_MARKER = re.compile(
    r"\s*(?:[一二三四五六七八九十]是|[（(][一二三四五六七八九十0-9]{1,2}[）)]|[①-⑳])\s*"
)
_ENUMERATED = re.compile(rf"^{_MARKER.pattern}")


def _duties(text: str, clause: Clause, found: list[Actor]) -> list[list[Actor]]:
    """The actors of each duty of a clause: one duty per subject standing in it
    (区县人民政府要向本级人大常委会…报告、各部门要向本级政府报告: two duties, one quote),
    unless a quota binds them together (各区县评估不少于3件，市级有关部门…不少于1件)."""
    standing = [a for a in found if clause.start <= a.start < clause.end]
    runs = actors.subjects(text, standing)
    if clause.quotas or len(runs) < 2 or len(standing) < len(found):
        return [found]
    return runs


def _parts(clause: Clause, duties: list[list[Actor]], year: int) -> list[Clause]:
    """Each duty's own quote: the clause, or, where each subject opens a part of its own
    after a comma (各处室…报送…情况，政策法规处汇总后向厅党组报告), that part."""
    text, at = clause.text, clause.start
    starts = [max(text.rfind(c, 0, run[0].start - at) for c in "，,") + 1 for run in duties[1:]]
    ends = [run[-1].end - at for run in duties[:-1]]  # a comma after the subject before
    if len(duties) < 2 or any(s <= e for s, e in zip(starts, ends, strict=True)):
        return [clause] * len(duties)
    cuts = [0, *starts, len(text)]
    parts = [_clause(text, at, a, b, year) for a, b in pairwise(cuts)]
    said = [
        clause.text[run[-1].end - at : p.end - at] for run, p in zip(duties, parts, strict=True)
    ]
    if not all(_VERBS.search(words) or _REPORTED.search(words) for words in said):
        # 区县人民政府要向本级人大常委会和市政府,各部门要向本级政府报告: one verb for both
        return [clause] * len(duties)
    return [p if p.deadlines else replace(p, deadlines=clause.deadlines) for p in parts]


# A recurring duty done (每季度至少开展1次学法), not reported (每季度报送…情况): each
# occurrence must take place in its own period.
_HELD = re.compile(r"开展|组织|举办|召开|举行")
_REPORTED = re.compile(r"报送|报告|通报|上报|公布|汇总")


def _held(req: DraftRequirement, clause: Clause) -> None:
    if req.every is not None and _HELD.search(clause.text) and not _REPORTED.search(clause.text):
        req.held = True


def _row_deadline(text: str, row: table.TableRow | None, year: int) -> DeadlinePhrase | None:
    """A table row's 完成时限: the due date of each of its duties that states none."""
    cells = row.of("deadline") if row is not None else []
    found = [d for c in cells for d in deadlines.limit(c.text(text), year) if not d.scope]
    return found[0] if found else None


def _vaguer(own: tuple[DeadlinePhrase, ...], limit: DeadlinePhrase) -> bool:
    """The clause says less of its due date than its row's 完成时限: nothing, or 每季度
    where the cell says 每季度末."""
    if not own:
        return True
    first = own[0]
    return first.every is not None and first.every == limit.every and first.due_after is None


def _norm(clause: Clause) -> Message | None:
    """Why a clause with no quota or deadline states no work to report, if it does not."""
    if clause.quotas or clause.deadlines:
        return None
    if norms.sanction(clause.text):
        return msg("extract.review.sanction")
    if norms.prohibition(clause.text):
        return msg("extract.review.prohibition")
    return None


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
                if role == "lead":
                    task.marked.add(item.id)
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
    if with_figures and with_figures[0][0] == 0 and _a_time(sentence.text[: pieces[0][1]], year):
        # 10月底前，X组织评查…，评查部门不少于8个: the time is the whole sentence's
        found_deadlines, with_figures = found_deadlines[1:], with_figures[1:]
    if len(found_quotas) + len(found_deadlines) <= 1 or len(with_figures) <= 1:
        yield from _then_by(sentence, with_figures, year)
        return
    pending: int | None = None
    made: list[tuple[int, int]] = []
    for a, b in pieces:
        begin = a if pending is None else pending
        piece = sentence.text[begin:b]
        q, d = _read(piece, year)
        if _a_time(piece, year) and b < len(sentence.text):
            pending = begin  # 年底前，…: a time for what follows, not a duty
            continue
        if q or d:
            if pending is not None and not made and _concrete(sentence.text[pending:a]):
                made.append((pending, a))  # a duty of its own before the figures
                begin = a
            if made and _same_quota_another_subject(
                sentence.text, made[-1], (begin, b), year, names
            ):
                made[-1] = (made[-1][0], b)  # 各区县…不少于3件，市级有关部门不少于1件
            elif made and q and not d and _measures(sentence.text[slice(*made[-1])], year):
                made[-1] = (made[-1][0], b)  # 于11月底前组织开展评查，抽查案卷不少于60件
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


def _measures(previous: str, year: int) -> bool:
    """A quota after a clause with a time and no figure of its own measures that
    clause's work (于11月底前组织开展案卷评查，抽查案卷不少于60件: one count, due then),
    unless the clause builds an instrument (于6月底前建立…制度，…比例不低于80%: two)."""
    q, d = _read(previous, year)
    dated = bool(d) and d[0].date is not None and d[0].every is None  # not 15日内, 每季度
    return dated and not q and not _INSTRUMENT.search(previous.rstrip("，, ") + "，")


def _a_time(piece: str, year: int) -> bool:
    """The piece is a time and nothing else (年底前，…; 10月底前，…): for what follows."""
    q, d = _read(piece, year)
    rest = re.sub(r"[\s,，于在前]", "", piece.replace(d[0].text, "")) if d else "x"
    return bool(d) and not q and len(rest) <= 1


def _then_by(
    sentence: _Sentence, with_figures: list[tuple[int, int]], year: int
) -> Iterator[Clause]:
    """…制定实施方案，于6月底前完成申报: two duties, the first done before the second
    and so by the same date; …要及时公开政府信息，3月底前公布…年度报告: two duties, the
    second with its own time; else the sentence as one clause."""
    text = sentence.text
    last = with_figures[-1] if with_figures else None
    if last is not None and last[0] > 0:
        before, rest = text[: last[0]], text[last[0] :].lstrip()
        _, due = _read(rest, year)
        plain = not any(_read(before, year))  # no figure or time of its own
        alone = plain and _has_verb(before)
        if alone and rest.startswith("于"):
            first = _clause(text, sentence.start, 0, last[0], year)
            yield Clause(first.start, first.end, first.text, first.quotas, tuple(due), then=True)
            yield _clause(text, sentence.start, last[0], len(text), year)
            return
        rate = [q for q in _read(rest, year)[0] if q.measure == "%"]
        if plain and rate and _INSTRUMENT.search(before):
            # 建立…工作机制，法律顾问参与率达到80%以上: the instrument built, then the
            # rate of its use: two duties
            yield _clause(text, sentence.start, 0, last[0], year)
            yield _clause(text, sentence.start, last[0], len(text), year)
            return
        opening = re.match(r"[^，,]+[，,]", before)
        if plain and opening and opening.end() < len(before) and _INSTRUMENT.search(opening[0]):
            # 制定“八五”普法规划，落实…，开展…活动不少于3次: the plan made, then the work
            # the figure counts: two duties
            yield _clause(text, sentence.start, 0, opening.end(), year)
            yield _clause(text, sentence.start, opening.end(), len(text), year)
            return
        standing = plain and _STANDING.search(before)
        earlier = due and due[0].date is not None and due[0].date < dt.date(year, 12, 31)
        same = _DONE_WORK.search(rest)  # 及时调整…清单，6月底前完成调整: the one duty
        if same is not None and same.group(1) in before:
            standing = None
        if standing and earlier and rest.startswith(due[0].text) and not _a_time(rest, year):
            # 要及时公开政府信息，3月底前公布年度报告: a standing duty, then another with a
            # time of its own before the year's end (…，年底前公布清理结果 is the same one)
            yield _clause(text, sentence.start, 0, last[0], year)
            yield _clause(text, sentence.start, last[0], len(text), year)
            return
    yield _clause(text, sentence.start, 0, len(text), year)


def _same_quota_another_subject(
    text: str, previous: tuple[int, int], piece: tuple[int, int], year: int, names: NameIndex
) -> bool:
    """The piece states the previous one's quota for other units (…不少于3件，市级有关
    部门不少于1件): one requirement, a quota per group."""
    before_q, _ = _read(text[previous[0] : previous[1]], year)
    now_q, now_d = _read(text[piece[0] : piece[1]], year)
    if now_d or len(now_q) != 1 or not before_q:  # the earlier time is both's
        return False
    said = text[piece[0] : piece[0] + now_q[0].start]
    named, _ = names.scan(said)
    if not named and not _UNITS_WORD.fullmatch(said.strip(" ，,")):
        return False
    return now_q[0].measure == before_q[-1].measure and now_q[0].at_most == before_q[-1].at_most


# 6月底前完成调整: the work completed, named by its verb.
_DONE_WORK = re.compile(r"完成([\u4e00-\u9fff]{2})")
# An instrument a clause builds (建立…工作机制, 制定…办法): a duty apart from a rate after it.
_INSTRUMENT = re.compile(
    r"(?:建立|健全|制定|出台)[^，,。；;]*(?:机制|制度|办法|方案|规定|规则|目录|台账|规划|计划)"
    r"[，,]\s*$"
)
# Units the registry has no name for, written as units are (市级部门不少于1件).
_UNITS_WORD = re.compile(r"[\u4e00-\u9fff]{1,8}(?:部门|单位)")
_VERBS = re.compile(
    r"开展|推进|推行|建立|健全|落实|加强|组织|制定|执行|实施|完善|深化|坚持|继续|进行"
)
# What a standing duty is written with (及时公开政府信息, 定期通报), not a one-off one's
# (制定年度立法计划，3月底前报市政府审定 is one duty, done by its date).
_STANDING = re.compile(r"及时|定期|经常|持续|长期|常态化|日常")


# Work done, not work advanced: 开展/组织…评查 is a duty beside its figures; 加强/推进…
# 后评估 is what the figures after it measure (加强后评估，各区县完成后评估不少于3件).
_DONE = re.compile(r"开展|组织|建立|制定|进行")


def _concrete(text: str) -> bool:
    return _acting(_DONE, text)


def _has_verb(text: str) -> bool:
    return _acting(_VERBS, text)


def _acting(verbs: re.Pattern[str], text: str) -> bool:
    """One of ``verbs`` doing something, not only describing a noun (县政府各部门制定的
    规范性文件)."""
    return any(not text.startswith("的", m.end()) for m in verbs.finditer(text))


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


def _names(
    text: str,
    start: int,
    end: int,
    registry: Registry,
    statement: str,
    statements: list[tuple[int, int]],
) -> list[Named]:
    """The units and groups the task's text names, at their places in ``text``: what an
    owner statement names (a bracket, 由X负责) is no sentence's actor, as ``plan
    validate`` reads it."""
    found, _ = registry.scan(text[start:end], statement)
    shifted = [Named(n.start + start, n.end + start, n.text, n.what, n.id) for n in found]
    return [n for n in shifted if not any(a <= n.start < b for a, b in statements)]


def _requirement(
    rid: str,
    clause: Clause,
    task: DraftTask,
    registry: Registry,
    statement: str,
    period: DraftPeriod,
    found: list[Actor],
) -> DraftRequirement:
    """A duty of the clause: its kind, figures and due date (who owes it: ``_owe``;
    ``found``, its actors, may each have a figure of their own)."""
    req = DraftRequirement(rid, "activity", _title(clause.text, registry, statement),
                           clause.text, due=period.end)  # fmt: skip
    _due(req, clause, period)
    if clause.quotas:
        _quota(req, clause, clause.quotas[0], task, registry, statement, found)
    elif req.every is None and req.wording and req.wording != "全年" and not _standing(clause):
        req.kind = "milestone"
    elif req.every is None and _COMPLETES.search(clause.text):
        req.kind = "milestone"  # 完成…清理工作: a deliverable, done once
    elif (req.every is None or req.on is not None) and _REPORTS_TO.search(clause.text):
        # 向本级政府报告…情况: a report, delivered once (每年12月10日前: once each year)
        req.kind = "milestone"
    _held(req, clause)
    condition = _CONDITION.search(_unmarked(clause.text))  # ①对…的重大事项，要…
    words = condition.group(0) if condition else _making(clause.text, registry, statement)
    if words:
        req.condition = words
        req.reviews.append(msg("extract.review.condition", condition=req.condition))
    return req


_TOGETHER = re.compile(
    r"会同([^，,。；;]{2,40}?)(?=编制|制定|开展|组织|做好|对|建立|推进|完成|研究|起草|$)"
)


def _supporting(
    task: DraftTask, found: list[Actor], text: str, registry: Registry, statement: str
) -> None:
    """X会同Y… / Y配合: Y supports. A unit or group the statement names without a role
    becomes the task's supporting one; one the statement makes lead (牵头) stays lead,
    and one it does not name stays out of the task."""
    helping = [actor.id for actor in found if actor.role == "supporting"]
    for match in _TOGETHER.finditer(text):  # X要会同Y: Y no actor, yet supports
        named, _ = registry.scan(match.group(1), statement)
        helping += [item.id for item in named]
    for unit in _once(helping):
        if unit in task.marked:
            continue
        for listed in (task.leads, task.groups):
            if unit in listed:
                listed.remove(unit)
                task.supporting = _once([*task.supporting, unit])


# A name right after one of these is what the duty is done to, not who does it.
_OBJECT_OF = re.compile(r"(?:对|向|经|报|给|督促|指导|抄送|配合|协助)$")
# A unit guided or urged to do the work does it (指导各村修订…, 督促各部门落实…).
_PIVOT = re.compile(r"(?:督促|指导)$")
_DOES = re.compile(r"(?:修订|修改|制定|完善|建立|健全|落实|开展|整改)")
# What the notice's words make of a unit the draft leaves out (None: the words say it).
_WHY = {
    "supporting": msg("role.supporting"),
    "object": None,
    "counted": msg("extract.review.who_covers"),
    "checked": msg("extract.review.checked"),
    "narrowed": msg("extract.review.narrowed"),
}


def _ends(text: str) -> str:
    """``text`` with a half-width full stop that ends a sentence written as 。, so that
    a subject does not carry over into the next sentence (same length, same places)."""
    return re.sub(r"(?<!\d)\.|\.(?!\d)", "。", text)


@dataclass(frozen=True)
class _Who:
    """What decides who owes one clause's duty."""

    text: str
    clause: Clause
    found: list[Actor]  # the actors governing it
    names: list[Named]  # every name the task's text gives
    task: DraftTask
    bracket: list[Named]  # what its owner statement names
    sentence: str  # the whole sentence the clause is part of
    functions: dict[str, list[str]]  # each unit's function words (the registry's)
    place: str = ""  # 在…市级部门探索开展…试点: where the work is done, not who does it
    # the group of a group's members the clause names by what sets them apart
    narrower: Callable[[str, str], tuple[str, str] | None] = lambda group, text: None

    def off_function(self, units: list[str]) -> list[str]:
        """Units with functions of record none of which the clause's sentence names:
        市监察局 owes 实时监察, not 审核确认后统一编码. They are left out only where
        another unit's functions are named: the functions tell units apart, they do not
        find a duty its owners."""
        said = self.sentence
        return [u for u in units if self.functions.get(u) and
                not any(word in said for word in self.functions[u])]  # fmt: skip

    def standing(self) -> bool:
        """An actor stands in the clause itself (not carried over from its sentence)."""
        return any(self.clause.start <= a.start < self.clause.end for a in self.found)

    def subject_clause(self) -> str:
        """The clause in which the actors carried over into this one stand."""
        if not self.found:
            return ""
        start = self.found[0].start
        return re.split(r"[，,；;。]", self.text[start : self.clause.start])[0]

    def supervisors(self, units: list[str], checked: list[str]) -> list[str]:
        """Who supervises, of ``units``: the units the statement names and the
        governments (a government supervises its own departments), not a group of
        departments nor the ``checked`` ones, whose work it is."""
        departments = self.departments(units)
        return [u for u in units if u not in checked and u not in departments]

    def departments(self, units: list[str]) -> list[str]:
        """The statement's groups among ``units`` that are not governments."""
        groups = {n.id for n in self.bracket if n.what == "group"}
        return [u for u in units if u in groups and not actors.governments(self.words(u))]

    def words(self, unit: str) -> str:
        """How the clause (else the statement) writes ``unit``'s name."""
        here = [n for n in self.names if self.clause.start <= n.start < self.clause.end]
        return next((n.text for n in [*here, *self.bracket] if n.id == unit), unit)

    def pivots(self) -> set[str]:
        """Units the clause guides or urges to do the work (指导各村（社区）修订…,
        督促各部门落实…): the ones who do it."""
        here = [n for n in self.names if self.clause.start <= n.start < self.clause.end]
        return {n.id for n in here if _PIVOT.search(self.text, max(n.start - 2, 0), n.start)
                and _DOES.match(self.text, n.end)}  # fmt: skip

    def objects(self) -> dict[str, str]:
        """Units the clause names only as what is done to them (对各区县人民政府…的评估)
        or inside a title (《…各区县人民政府…方案》), with the words that show it."""
        here = [n for n in self.names if self.clause.start <= n.start < self.clause.end]
        acting = {a.id for a in self.found}
        found: dict[str, str | None] = {}
        for name in here:
            before = self.text[self.clause.start : name.start]
            titled = sum(map(before.count, "《<")) > sum(map(before.count, "》>"))
            marker = _OBJECT_OF.search(before)
            if marker is not None and name.id in self.pivots():
                marker = None  # 指导各村（社区）修订村规民约: guided, and the ones who revise
            passive = (titled or marker is not None) and name.id not in acting
            if not passive:
                found[name.id] = None
            elif found.get(name.id, "") is not None:
                found[name.id] = (marker.group(0) if marker else "") + name.text
        return {unit: words for unit, words in found.items() if words is not None}

    def counted(self) -> str:
        """The words of the clause's count of units (评查部门不少于15个)."""
        quota = self.clause.quotas[0]
        text = self.clause.text
        start = max((m.end() for m in re.finditer(r"[，,；;]", text[: quota.start])), default=0)
        return text[start : quota.end]


def _owe(req: DraftRequirement, who: _Who) -> None:
    """Who owes the duty. The sentence's own actors (a subject carries over its
    sentence's clauses; a rate is the figure of the units it is said of); else the
    task's statement: its leads and groups, less a unit the sentence names only as the
    object of the duty; a count of units covered, its units only (who organise, not who
    are counted). Supporting units (X会同Y, Y配合) support: they owe nothing. With no one
    at all, the owner is left empty for the reviewer, never guessed.

    ``plan validate`` lets a duty narrow its statement's units (an object, a unit only
    counted) but not drop an actor its sentence names: where the draft does, the
    difference is a reading."""
    task = who.task
    derived = _once([a.id for a in who.found])
    mine = _once([a.id for a in who.found if a.role != "supporting"])
    why = {a.id: ("supporting", who.words(a.id)) for a in who.found if a.role == "supporting"}
    checking = actors.supervises(who.clause.text) and not who.standing()
    if checking and not actors.supervises(who.subject_clause()):
        # a subject carried over from other work is whose work is checked, not who
        # checks it (各区县人民政府…报告落实情况，2012年上半年进行检查验收)
        why |= {unit: ("checked", who.words(unit)) for unit in mine}
        mine = []
    if not derived:
        derived = _once([*task.leads, *task.groups, *task.supporting])
        why = {unit: ("supporting", who.words(unit)) for unit in task.supporting}
    if not mine:
        mine = _once([*task.leads, *task.groups])
        objects = who.objects()
        passive = [unit for unit in mine if unit in objects]
        if passive and len(passive) < len(mine):
            mine = [unit for unit in mine if unit not in passive]
            why |= {unit: ("object", objects[unit]) for unit in passive}
        off = who.off_function(mine)
        if off and any(who.functions.get(unit) and unit not in off for unit in mine):
            mine = [unit for unit in mine if unit not in off]
            req.reviews.append(msg("extract.review.by_function",
                                   names="、".join(who.words(unit) for unit in off)))  # fmt: skip
        if checking:
            doers = [unit for unit in mine if unit in who.pivots()]  # 指导各村修订…: they do it
            mine = _once([*(who.supervisors(mine, [a.id for a in who.found]) or mine), *doers])
        there = who.departments(mine) if who.place else []
        if there and len(there) < len(mine):  # the departments it is done in do not owe it
            mine = [unit for unit in mine if unit not in there]
        units = [unit for unit in mine if unit in task.leads]
        if req.kind == "distinct_units" and units and len(units) < len(mine):
            why |= {unit: ("counted", who.counted()) for unit in mine if unit not in units}
            mine = units
    if not mine:
        mine = derived
    what = {n.id: n.what for n in [*who.names, *who.bracket]}
    narrowed = _narrowed(req, who, [unit for unit in mine if what.get(unit) == "group"])
    mine = _once([narrowed.get(unit, unit) for unit in mine])
    what |= dict.fromkeys(narrowed.values(), "group")
    req.units = [unit for unit in mine if what.get(unit) != "group"]
    req.groups = [unit for unit in mine if what.get(unit) == "group"]
    if not mine:
        req.reviews.insert(0, msg("extract.review.no_owner"))
        return
    required = [a.id for a in who.found if a.role != "supporting" and a.id not in narrowed]
    added = tuple(unit for unit in mine if unit not in derived and unit not in narrowed.values())
    for unit in (unit for unit in required if unit not in mine):
        kind, grounds = why.get(unit, ("supporting", who.words(unit)))
        req.readings.append(DraftReading(who.words(unit), added, grounds, _WHY[kind]))
        added = ()


def _narrowed(req: DraftRequirement, who: _Who, groups: list[str]) -> dict[str, str]:
    """Groups of departments the clause narrows to the members it names by what sets
    them apart (市级各部门要…组织本系统行政执法人员…: 市级各行政执法部门), each with its
    reading; a government's group is never narrowed so."""
    found: dict[str, str] = {}
    for group in groups:
        narrow = (
            None if actors.governments(who.words(group)) else who.narrower(group, who.clause.text)
        )
        if narrow is not None:
            found[group] = narrow[0]
            req.readings.append(DraftReading(who.words(group), (narrow[0],), narrow[1],
                                             _WHY["narrowed"]))  # fmt: skip
    return found


def _support_by_function(task: DraftTask, body: str, registry: Registry) -> list[str]:
    """A unit the statement lists without a role (no 牵头) whose functions the task's
    text never names, where another unit's are named, supports the task: 市委编办 and
    市财政局 beside 行政复议规范化建设 see to 机构编制 and 经费, they do not build it.
    The units moved so."""
    functions = registry.functions
    named = [u for u in task.leads if any(word in body for word in functions.get(u, []))]
    if not named:
        return []
    moved = [u for u in task.leads if functions.get(u) and u not in named and u not in task.marked]
    for unit in moved:
        task.leads.remove(unit)
        task.supporting = _once([*task.supporting, unit])
    if moved:
        called = {unit.id: unit.name for unit in registry.units}
        names = "、".join(called[unit] for unit in moved)
        task.reviews.append(msg("extract.review.supports_by_function", names=names))
    return moved


# Where a clause opens the task's work as a whole: 全面开展行政复议规范化建设,
# 在市级和区县开展…相对集中行政处罚权工作.
_OPENS = re.compile(r"开展[^，,。；;.]*?(?:工作|建设|活动)(?=[，,。；;.]|$)")


def _support_duty(
    task: DraftTask,
    moved: list[str],
    read: list[tuple[DraftRequirement, Clause]],
    registry: Registry,
) -> None:
    """Units the statement names as 责任单位 that support by their functions still owe
    their part: support of the work as a whole, quoted where a clause opens it. That
    clause is theirs when it is nothing more (落实…，全面开展行政复议规范化建设。); when a
    duty of others follows in it (…开展…工作，制定实施方案), its opening is quoted apart."""
    if not moved:
        return
    for n, (req, clause) in enumerate(read):
        opens = _OPENS.search(clause.text)
        if opens is None:
            continue
        rest = clause.text[opens.end() :].strip("，,。；;.\n \t")
        if rest:  # by the date of the duty it opens: its work is done for that
            opening = clause.text[: opens.end()]
            req = replace(req, id=f"{req.id}~", title=_title(opening, registry, ""), source=opening,
                          reviews=[], readings=[], condition=None)  # fmt: skip
            task.requirements.insert(task.requirements.index(read[n][0]), req)
            _renumber(task)
        req.units, req.groups, req.readings = list(moved), [], []
        req.kind, req.min, req.measure, req.of_group = "activity", None, None, None
        req.min_share = req.max_share = None
        req.reviews.append(msg("extract.review.support_duty"))
        return


def _counted_condition(read: list[tuple[DraftRequirement, Clause]], names: list[Named]) -> None:
    """对…的重大事项，都要进行…评估。各区县评估不少于3件: the count in the next sentence
    counts the matters the condition names, so the condition is the count's (owed only
    when such matters arise), not the first duty's (制定实施细则 is owed whatever). It is
    for the units the count names as 有关 (市级有关部门) beside others it names outright,
    as ``plan validate`` reads a condition stated before its duty's sentence."""
    for (req, clause), (count, counted) in pairwise(read):
        if req.condition is None or count.condition is not None or not counted.quotas:
            continue
        if count.kind != "count" or not _COND_SCOPE.match(req.condition):
            continue
        act = counted.text[: counted.quotas[0].start].rstrip()[-2:]
        done = clause.text[clause.text.find(req.condition) + len(req.condition) :]
        if len(act) == 2 and act in done and counted.start >= clause.end:
            count.condition, req.condition = req.condition, None
            named = [n for n in names if counted.start <= n.start < counted.end]
            concerned = _once([n.id for n in named if re.search(r"有关|相关", n.text)])
            if len(concerned) < len({n.id for n in named}):
                count.condition_for = concerned
            moved = [r for r in req.reviews if r.key == "extract.review.condition"]
            req.reviews = [r for r in req.reviews if r not in moved]
            count.reviews += moved


def _timeliness(
    task: DraftTask, read: list[tuple[DraftRequirement, Clause, str]], text: str
) -> None:
    """规范性文件应当在发布之日起15日内报送备案，…报备及时率不低于95%: the rate of
    timeliness (else the sentence's first rate: 报备率) measures the time limit before
    it; one duty, quoted from the limit on."""
    for n, (req, clause, said) in enumerate(read):
        if clause.quotas or not any(d.relative for d in clause.deadlines):
            continue
        rates = [(r, c) for r, c, also in read[n + 1 :] if also == said and r.kind == "ratio"]
        timely = [(r, c) for r, c in rates if "及时" in c.text] or rates[:1]
        for rate, rated in timely:
            rate.source = text[clause.start : rated.end].strip()
            rate.wording, rate.due = req.wording, req.due
            task.requirements.remove(req)
            _renumber(task)
            return


# 十月底前完成评查工作: the date by which a work of the task is done.
_DONE_BY = re.compile(r"完成([^，,。；;、和及]{2,8}?)工作")


def _completion_date(reqs: list[DraftRequirement], period: DraftPeriod) -> None:
    """组织对十五个以上部门的案卷进行评查，评查案卷率达50%以上。十月底前完成评查工作:
    the duties of that work with no time of their own are done by its date."""
    for done in reqs:
        work = _DONE_BY.search(done.source) if done.wording and done.every is None else None
        if work is None:
            continue
        for req in reqs:
            untimed = req.wording is None and req.follows is None and req.every is None
            if req is not done and untimed and req.due == period.end and work[1] in req.source:
                req.due, req.follows = done.due, done.id


def _renumber(task: DraftTask) -> None:
    """Requirement ids in order again (r1, r2…), and what each follows with them."""
    new = {req.id: f"{task.id}.r{n}" for n, req in enumerate(task.requirements, 1)}
    for req in task.requirements:
        req.id = new[req.id]
        req.follows = new.get(req.follows, req.follows) if req.follows else req.follows


def _standing(clause: Clause) -> bool:
    """Its time is no one date: relative (15日内) or the whole period (长期坚持)."""
    return any(d.relative or d.standing for d in clause.deadlines)


def _due(req: DraftRequirement, clause: Clause, period: DraftPeriod) -> None:
    if not clause.deadlines:
        return
    first = clause.deadlines[0]
    req.wording = first.text
    if clause.then:
        req.follows = ""  # the next requirement's id, once it is drafted
    if first.every is not None:
        req.every, req.due_after, req.on = first.every, first.due_after or None, first.on
        found = occurrences(first.every, first.due_after or 0, period.start, period.end, first.on)
        req.due = found[-1].due  # the last occurrence's (季后10日内: 10 days into next year)
    elif first.date is not None:
        req.due = first.date
        if first.standing:  # the notice does not say how a standing duty is judged
            req.reviews.append(msg("extract.review.standing", wording=first.text))
        if not first.year_given and not period.year_known:
            req.reviews.append(msg("extract.review.no_year", wording=first.text))


def _quota(
    req: DraftRequirement,
    clause: Clause,
    quota: QuotaPhrase,
    task: DraftTask,
    registry: Registry,
    statement: str,
    found: list[Actor],
) -> None:
    """The clause's kind and figures. Who owes it stays its sentence's actors: a rate is
    the figure of the units it is said of (各行政执法部门…纠错率不高于5%), not the task's
    lead's; with none, the task's statement (``_owe``)."""
    before = clause.text[: quota.start]
    if quota.every is not None:  # its 每季度 is the clause's deadline phrase too
        req.every = req.every or quota.every
    after = clause.text[quota.end : quota.end + 12]
    if quota.measure == "%":
        req.kind = "ratio"
        share = quota.value / 100
        if quota.at_most:
            req.max_share = share
        else:
            req.min_share = share
        req.reviews.append(msg("extract.review.who_ratio"))
        return
    if quota.measure == "个" and (
        any(word in before[-8:] for word in _DUTY_QUOTA)
        or any(word in after for word in _DUTY_QUOTA)
    ):
        req.kind, req.min = "distinct_units", quota.value
        covered, _ = registry.scan(after, statement)
        groups = [item.id for item in covered if item.what == "group"]
        req.of_group = groups[0] if groups else _covered_group(task, registry, clause.text)
        req.reviews.append(msg("extract.review.who_covers"))
        counted = re.split(r"[，,；;]", before)[-1].strip()
        if not groups and not task.groups and req.of_group and counted:  # read, not named
            why = msg("extract.review.counted_over")
            req.readings.append(DraftReading(counted, (req.of_group,), "", why, "of_group"))
        return
    req.kind = "count" if quota.counts_items else "quantity"
    if req.kind == "quantity":
        req.measure = quota.measure
    owing = {actor.id for actor in found if actor.role != "supporting"}
    per_subject: dict[str, float] = {}
    for each in clause.quotas:
        subjects = _named_before(clause.text, each.start, registry, statement)
        per_subject.update({item.id: each.value for item in subjects if item.id in owing})
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


def _covered_group(task: DraftTask, registry: Registry, clause: str) -> str | None:
    """The group whose members a count of units counts: the task's group that is not
    districts, else its first; with none, the registry's group of departments whose
    name the clause echoes (评查行政执法案卷，评查部门不少于8个: 县级行政执法部门), else
    its first group of departments — marked for review either way."""
    others = [g for g in task.groups if "district" not in g and "count" not in g]
    found = next(iter(others or task.groups), None)
    if found is not None:
        return found
    kinds = {unit.id: unit.kind for unit in registry.units}
    departments = [g for g in registry.groups if g.kind in ("department", ["department"])
                   or any(kinds.get(u) == "department" for u in g.units)]  # fmt: skip
    echoed = [g for g in departments if any(qualifier(n) and qualifier(n) in clause
                                            for n in g.names)]  # fmt: skip
    return next((g.id for g in [*echoed, *departments]), None)


def _once(ids: list[str]) -> list[str]:
    return list(dict.fromkeys(ids))


def _title(text: str, registry: Registry, statement: str) -> str:
    """A short title: the clause's first part (after a time for what follows: 10月底前，),
    less the units it opens with."""
    text = _unmarked(text.strip())
    parts = [p for p in re.split(r"[,，。;；.]", text) if p.strip()] or [text]
    first = next((p for p in parts if not _a_time(p, 2000)), parts[0])
    first = first[_subject_end(first, registry, statement) :].lstrip("、,，和及与")
    first = re.sub(r"^(?:要|应当|应|须|必须)", "", first)
    return first[:30] or text[:30]


def _making(text: str, registry: Registry, statement: str) -> str | None:
    """The making of a document a clause's duty applies to, after a comma or its
    subject (…，各部门起草行政规范性文件，要…; …，制定涉及市场主体的政策措施，应当…)."""
    for piece in re.finditer(r"[^，,]+", text):
        rest = piece.group(0)
        found = _MAKING.match(text, piece.start() + _subject_end(rest, registry, statement))
        if found is not None:
            return found.group(0)
    return None


def _subject_end(text: str, registry: Registry, statement: str) -> int:
    """Where the units a clause opens with end (县政府各部门起草…: after 各部门), or 0."""
    named, _ = registry.scan(text, statement)
    cut = 0
    for item in named:
        if not _JOIN.match(text[cut : item.start]):
            break
        cut = item.end
    return cut


def _unmarked(text: str) -> str:
    """A list item's text without its marker: （1）制定… → 制定…"""
    marker = _MARKER.match(text)
    return text[marker.end() :] if marker else text


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
