"""`lzplan extract`: read a 依法行政工作安排 notice and draft its plan, rule by rule.

Offline and deterministic: regular expressions for the forms real copies of such
notices take (headings with or without line breaks, full- and half-width punctuation,
nested brackets, quotas in digits or Chinese numerals, deadline phrases). Every task,
owner, quota and due date in the draft quotes the text it came from; whatever is
uncertain is marked for review instead of guessed silently.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lzplan.grammar import deadlines
from lzplan.grammar.deadlines import DeadlinePhrase
from lzplan.grammar.numbers import NUMBER, integer
from lzplan.plan.model import Group, Unit

OPEN, CLOSE = "（(〔[【", "）)〕]】"
SEPARATORS = re.compile(r"[，,、;；]")
SECTION = re.compile(r"([一二三四五六七八九十]+)[、,，．]")
# A sentence ends at 。 or ；, or at a half-width full stop that is not a decimal point.
SENTENCE = re.compile(r"(?:[^。;；.]|(?<=\d)\.(?=\d))+(?:[。;；]|\.(?!\d))?")
SUBSECTION = re.compile(r"[（(]([一二三四五六七八九十]+)[）)]")
# quotas: 不少于N件, N次以上, 达到N%以上, 达N%以上, 至少N个, 原则上不低于N…
QUOTA = re.compile(
    rf"(?:不少于|至少|不低于)\s*(?P<n>{NUMBER})\s*(?P<unit>[件个次项家份%％])"
    rf"|(?:达到|达)\s*(?P<pct>{NUMBER})\s*[%％]\s*以上"
    rf"|(?P<n2>{NUMBER})\s*(?P<unit2>[件个次项])以上"
)
SUBJECTS = ("各区县人民政府", "各区、县人民政府", "区县人民政府", "各区县", "市级各行政执法部门",
            "市级所有具有行政执法任务的部门", "市级行政执法部门", "市级各部门", "市政府各部门",
            "市级有关部门", "市政府有关部门", "各部门")  # fmt: skip
MILESTONE_VERBS = ("完成", "报送", "申报", "验收", "报告", "上报", "印发", "出台")


def dated(text: str, year: int) -> list[DeadlinePhrase]:
    """The deadline phrases of ``text`` that give a date."""
    return [d for d in deadlines.find(text, year) if d.date is not None and not d.scope]


@dataclass
class Bracket:
    start: int
    end: int
    text: str
    names: list[str]


@dataclass
class Clause:
    """A stretch of one sentence that becomes one requirement."""

    start: int
    end: int
    text: str
    deadlines: list[DeadlinePhrase] = field(default_factory=list)
    quotas: list[re.Match[str]] = field(default_factory=list)


@dataclass
class Block:
    section: str
    title: str
    bracket: Bracket
    clauses: list[Clause]


def brackets(text: str) -> list[Bracket]:
    """Every 责任单位 bracket, 〔〕 and () nested either way, or a 责任单位 line on its own;
    and brackets naming who is responsible with 负责 instead."""
    found: list[Bracket] = []
    for match in re.finditer(r"责任单位\s*[:：]", text):
        opening = _opening(text, match.start())
        if opening is None:  # a 责任单位 line standing alone: up to the line's end
            end = _line_end(text, match.end())
            found.append(_bracket(text, match.start(), end, match.end(), end))
            continue
        closing = _closing(text, opening)
        found.append(_bracket(text, opening, closing + 1, match.end(), closing))
    for match in re.finditer(r"[（(〔]([^（(〔）)〕。]{2,60}?)负责[）)〕]", text):
        if not any(b.start <= match.start() < b.end for b in found):
            found.append(_bracket(text, match.start(), match.end(), match.start() + 1,
                                  match.end() - 3))  # fmt: skip
    # "市教育局、市卫生局等有关部门按职责分工负责。": who is named before 等
    for match in re.finditer(
        r"(?:^|(?<=[。；;\n]))([^。；;\n]{2,60}?等)[^。；;\n]{0,12}?按职责分工负责", text
    ):
        if not any(b.start <= match.start() < b.end for b in found):
            found.append(_bracket(text, match.start(1), match.end(), match.start(1), match.end(1)))
    return sorted(found, key=lambda b: b.start)


def _opening(text: str, index: int) -> int | None:
    at = index - 1
    while at >= 0 and text[at] in " \t":
        at -= 1
    return at if at >= 0 and text[at] in OPEN else None


def _closing(text: str, opening: int) -> int:
    depth = 0
    for at in range(opening, len(text)):
        if text[at] in OPEN:
            depth += 1
        elif text[at] in CLOSE:
            depth -= 1
            if depth == 0:
                return at
    return _line_end(text, opening)


def _line_end(text: str, start: int) -> int:
    ends = [i for i in (text.find("\n", start), text.find("。", start)) if i >= 0]
    ends += [m.start() for m in [re.compile(r"\.(?!\d)").search(text, start)] if m]
    return min(ends) if ends else len(text)


def _bracket(text: str, start: int, end: int, inner_start: int, inner_end: int) -> Bracket:
    # "各区、县人民政府" is one name; "市政府法制办（牵头）" is 市政府法制办
    inner = text[inner_start:inner_end].replace("区、县", "区县").replace("区,县", "区县")
    inner = re.sub(r"[（(][^（(）)]*[）)]", "", inner)
    names = [name.strip() for name in SEPARATORS.split(inner) if name.strip()]
    return Bracket(start, end, text[start:end], names)


def blocks(text: str, year: int) -> list[Block]:
    """The text between one bracket and the next, with its heading and its clauses."""
    found = []
    previous, section, sub = _body_start(text), "", ""
    for bracket in brackets(text):
        body_start = previous
        for match in SECTION.finditer(text, previous, bracket.start):
            section, sub = match.group(1), ""
            body_start = match.end()
        title = ""
        for match in SUBSECTION.finditer(text, body_start, bracket.start):
            # A heading comes before the block's first sentence ends; a numbered (一)
            # inside a sentence is not one.
            if not re.search(r"[。]|\.(?!\d)", text[body_start : match.start()]):
                sub = match.group(1)
                title, body_start = _title(text, match.end(), bracket.start)
            break
        label = f"{section}({sub})" if sub else section
        clauses = list(_clauses(text, body_start, bracket.start, year))
        found.append(Block(label, title, bracket, clauses))
        previous = bracket.end
        while previous < len(text) and text[previous] in "。；;.，, \t\r\n":
            previous += 1  # the punctuation closing a bracket's sentence is not the next block
    return found


def _body_start(text: str) -> int:
    """Skip the notice's preamble: the work starts at its first section heading."""
    match = SECTION.search(text)
    return match.start() if match else 0


def _title(text: str, start: int, limit: int) -> tuple[str, int]:
    """A heading's title: up to the line break, or (text run together) a verb-led body."""
    line_end = text.find("\n", start, limit)
    if line_end > start:
        return text[start:line_end].strip(), line_end
    ends = [at for at in (text.find("。", start, limit), text.find(".", start, limit)) if at >= 0]
    sentence_end = min(ends) if ends else limit
    candidates = [
        at
        for word in ("严格", "进一步", "按照", "根据", "积极", "继续", "落实", "认真", "采取",
                     "市级", "各区县", "在", "要", "对", "加强", "巩固", "坚持", "推动")
        for at in [text.find(word, start + 4, sentence_end)]
        if at > start
    ]  # fmt: skip
    end = min(candidates) if candidates else start
    return text[start:end].strip(), end


def _clauses(text: str, start: int, end: int, year: int) -> Iterator[Clause]:
    for sentence in SENTENCE.finditer(text[start:end]):
        s_start, s_end = start + sentence.start(), start + sentence.end()
        body = text[s_start:s_end]
        if not body.strip("。;；. \n\t"):
            continue
        yield from _split(text, s_start, s_end, year)


def _split(text: str, start: int, end: int, year: int) -> Iterator[Clause]:
    """One clause per deadline or quota kind when a sentence holds several; else itself."""
    sentence = text[start:end]
    quotas = list(QUOTA.finditer(sentence))
    kinds = {_quota_kind(sentence, q) for q in quotas}
    if len(dated(sentence, year)) <= 1 and len(kinds) <= 1:
        yield _clause(text, start, end, year)
        return
    pieces = list(re.finditer(r"[^,，]+[,，]?", sentence))
    pending_start = None
    for piece in pieces:
        p_start = start + piece.start() if pending_start is None else pending_start
        clause = _clause(text, p_start, start + piece.end(), year)
        if clause.deadlines or clause.quotas or piece is pieces[-1]:
            yield clause
            pending_start = None
        else:  # a clause with neither joins the next one that has one
            pending_start = p_start


def _clause(text: str, start: int, end: int, year: int) -> Clause:
    while start < end and text[start] in " \t\r\n":  # a quote starts at its first word
        start += 1
    body = text[start:end]
    stripped_end = end - (len(body) - len(body.rstrip(",，")))
    body = text[start:stripped_end]
    found = dated(body, year)
    return Clause(start, stripped_end, body, found, list(QUOTA.finditer(body)))


def _quota_kind(sentence: str, match: re.Match[str]) -> str:
    if match.group("pct") or (match.group("unit") in ("%", "％")):
        return "ratio"
    before = sentence[max(0, match.start() - 6) : match.start()]
    if (match.group("unit") or match.group("unit2")) == "个" and re.search(r"部门|单位", before):
        return "distinct_units"
    return "count"


def quota_kind(clause: Clause) -> str | None:
    kinds = [_quota_kind(clause.text, q) for q in clause.quotas]
    return kinds[0] if kinds else None


def quota_value(match: re.Match[str]) -> int:
    return integer(match.group("n") or match.group("pct") or match.group("n2"))


def subject_before(text: str, index: int) -> str | None:
    """The group phrase a quota or duty is about: the last one before ``index``."""
    best = None
    for phrase in SUBJECTS:
        at = text.rfind(phrase, 0, index)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, phrase)
    return best[1] if best else None


# ------------------------------------------------------------------ names → registry


@dataclass
class Registry:
    units: list[Unit]
    groups: list[Group]
    # A reviewed plan's groups of one task (its own reading of 有关部门), by the task's
    # 责任单位 bracket: a draft of the same notice reuses them for the same bracket.
    task_groups: dict[str, list[Group]] = field(default_factory=dict)

    def unit(self, name: str) -> Unit | None:
        key = _name_key(name)
        for unit in self.units:
            if unit.name == name or _name_key(unit.name) == key:
                return unit
        return None

    def group(self, phrase: str, bracket: str = "") -> Group | None:
        phrase = phrase.replace("、", "")
        for group in [*self.task_groups.get(bracket_key(bracket), []), *self.groups]:
            if any(name.replace("、", "") == phrase for name in group.names):
                return group
        return None

    def own_groups(self, bracket: str) -> list[Group]:
        return self.task_groups.get(bracket_key(bracket), [])


_WIDTH = str.maketrans("（）〔〕：，；、。", "()():,;,.")


def bracket_key(source: str) -> str:
    """Brackets compare equal whatever their width of punctuation or spacing."""
    return "".join(source.translate(_WIDTH).split())


def _name_key(name: str) -> str:
    """市法制办 and 市政府法制办 are one office; 江阳区 and 江阳区人民政府 one government."""
    for word in ("人民政府", "政府", "市级", "市"):
        name = name.replace(word, "")
    return name.strip()
