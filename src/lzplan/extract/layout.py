"""Where a notice's tasks are: its headings, its owner statements, and the text between.

A notice is a preamble, then sections (一、) holding items ((一)、1.) whose text ends
with an owner statement (（责任单位：…）, 牵头单位：…；配合单位：…, （X牵头，Y配合）, a
sentence …按职责分工负责). One task is the text an owner statement closes; an item
with no statement of its own is a task with none (marked for review). Headings are
found only where a heading can start — the text's start, a line's start, or after a
sentence or a bracket ends — so 百分之五十， inside a sentence is no heading; headings
and their text may share a line (（一）标题。正文) or run together with no break at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lzplan.grammar import cover, deadlines, owners, quotas, table

# What may precede a heading: nothing, a line break, a sentence end, a bracket's end.
_BEFORE = r"(?:^|(?<=[。；;.:：)）〕\]】]))[ \t\u3000]*"
HEADING = re.compile(
    _BEFORE + r"(?:(?P<top>[一二三四五六七八九十]+)[、,，.．]"
    r"|[（(](?P<sub>[一二三四五六七八九十]+)[）)]"
    r"|(?P<num>[1-9][0-9]?)[、.．](?![0-9])"
    r"|[（(](?P<part>[1-9][0-9]?)[）)]|(?P<circled>[①-⑳]))",
    re.MULTILINE,
)
# The levels, outermost first. (1) and ① name the same level: an item's parts.
LEVELS = ("top", "sub", "num", "part")
# Words a task's text starts with when its heading runs into it with no break.
_BODY_WORDS = ("严格", "进一步", "按照", "根据", "积极", "继续", "落实", "认真", "采取", "市级",
               "各区县", "各区", "各县", "各部门", "市政府", "在", "要", "对", "加强", "巩固",
               "坚持", "推动", "全面", "健全", "建立", "完善", "开展", "组织", "深入", "切实",
               "由", "凡", "每")  # fmt: skip
# A body may start with whoever must act: 市监察局要…, 市政府办公室要…
_UNIT_NAME = re.compile(
    r"市[\u4e00-\u9fff]{1,10}?(?:局|委员会|委|办公室|办|中心)(?=要|应|负责|于|每)"
)
_TITLE_ENDS = ("工作", "活动", "机制", "建设", "管理", "监督", "能力", "行为", "考核", "改革",
               "制度", "体系", "水平", "意识", "服务", "公开", "执法", "决策", "宣传", "教育",
               "清理", "程序", "调解", "复议", "审批", "评估", "政府", "法治", "问责")  # fmt: skip


# What follows a sentence's subject (县政府法制办要…), never a title.
_MODALS = ("要", "应当", "应", "须", "必须")


@dataclass(frozen=True)
class Heading:
    start: int
    end: int  # where the heading's numeral ends
    level: str  # one of LEVELS
    numeral: str
    title: str
    title_end: int


@dataclass(frozen=True)
class Segment:
    """One task's text: ``start``–``end`` (the statement included), its section label,
    title and owner statement."""

    start: int
    end: int
    section: str
    title: str
    body_start: int  # after the headings and the title
    statement: owners.Statement | None
    letter: bool = False  # the cover letter's own text (its 主送 as the statement)
    # Items after the first that share its statement (10.…。11.…。（牵头单位：…）):
    # each one's numeral and title, (start, end of title, title), no duty of its own.
    inner: tuple[tuple[int, int, str], ...] = ()


# A section's first item may follow its title with no break: 一、重点工作(一)标题…
_FIRST_ITEM = re.compile(r"[（(]一[）)]")


# The first section may follow anything (发布时间…日一、重点工作(一)…): a 一、 whose
# first item follows close after.
_FIRST_SECTION = re.compile(r"一[、,，.．](?=[^。\n]{1,40}?[（(]一[）)])")


def headings(text: str, start: int = 0) -> list[Heading]:
    found: list[Heading] = []
    matches = list(HEADING.finditer(text, start))
    opening = _FIRST_SECTION.search(text, start)
    if opening is not None and not any(m.start() <= opening.start() < m.end() for m in matches):
        matches = sorted([*matches, opening], key=lambda m: m.start())
    for match in matches:
        level = _level(match)
        title, title_end = (_part_title if level == "part" else _title)(text, match.end())
        first = _FIRST_ITEM.search(text, match.end(), match.end() + 40) if level == "top" else None
        if first is not None and not re.search(r"[。\n]", text[match.end() : first.start()]):
            own = text[match.end() : first.start()].strip()
            found.append(Heading(match.start(), match.end(), level, _numeral(match), own,
                                 first.start()))  # fmt: skip
            title, title_end = _title(text, first.end())
            found.append(Heading(first.start(), first.end(), "sub", "一", title, title_end))
            continue
        found.append(Heading(match.start(), match.end(), level, _numeral(match), title,
                             title_end))  # fmt: skip
    return found


def _level(match: re.Match[str]) -> str:
    if match.re is _FIRST_SECTION:
        return "top"
    if match.group("circled"):
        return "part"
    return next(name for name in LEVELS if match.group(name))


def _numeral(match: re.Match[str]) -> str:
    if match.re is _FIRST_SECTION:
        return "一"
    if match.group("circled"):
        return str(ord(match.group("circled")) - ord("①") + 1)
    return str(match.group(_level(match)))


def body_start(text: str) -> int:
    """The work starts at the first section heading (一、), or a table's header row; the
    preamble is not the plan's."""
    first = next((h for h in headings(text) if h.level == "top"), None)
    starts = [first.start] if first is not None else []
    starts += [grid.header[0] for grid in table.find(text)[:1]]
    return min(starts, default=0)


def _title(text: str, start: int) -> tuple[str, int]:
    """A heading's title: its line when the line is a title alone; else, text run
    together, up to the first word a task's text starts with where the title before it
    ends as titles do (…工作, …机制); else, a short title sharing its line with the
    text (（一）标题。正文), up to the full stop."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end]
    stop = re.search(r"。|\.(?![0-9])", line)  # 。10月底前…: a full stop all the same
    if stop is None and len(line.strip()) <= 40 and not owners.find(line):
        return line.strip(), line_end
    limit = start + (stop.start() if stop is not None else len(line))
    found = {a for word in _BODY_WORDS if (a := text.find(word, start + 4, limit)) > start}
    found |= {m.start() for m in _UNIT_NAME.finditer(text, start + 4, limit)}
    # 各乡镇人民政府要在6月底前…: a subject and its modal open a sentence, not a title
    at = sorted(a for a in found if not text.startswith(_MODALS, a))
    if any(text.startswith(_MODALS, a) for a in found if a < (at or [limit])[0]):
        return "", start
    ended = [a for a in at if text[start:a].endswith(_TITLE_ENDS)]
    if ended and re.search(r"[，,；;]", text[start : ended[0]]):
        return "", start  # a clause of its first sentence, not a title: the item has none
    if ended:
        return text[start : ended[0]].strip(), ended[0]
    if (
        stop is not None
        and 0 < stop.start() <= 30
        and not re.search(r"[，,；;]", line[: stop.start()])
    ):
        if _states_a_duty(line[: stop.start()]):
            return "", start  # （二）市政府法制办公室每半年通报一次…。: a duty, not a title
        return line[: stop.start()].strip(), start + stop.end()
    end = (at or [start])[0]
    if re.search(r"[，,；;]", text[start:end]):
        return "", start  # a clause of its first sentence, not a title: the item has none
    return text[start:end].strip(), end


def _part_title(text: str, start: int) -> tuple[str, int]:
    """An item's part ((1), ①) is titled only by a line of its own; else it is a duty
    written out (（1）制定重大行政决策目录，6月底前向社会公布。) and has no title."""
    line_end = text.find("\n", start)
    line_end = len(text) if line_end < 0 else line_end
    line = text[start:line_end]
    alone = len(line.strip()) <= 40 and not re.search(r"[。，,；;]|\.(?![0-9])", line)
    return (line.strip(), line_end) if alone and not owners.find(line) else ("", start)


def letter(text: str) -> Segment | None:
    """The cover letter's own text as a task, when it asks more than that the plan be
    carried out (…于4月30日前报县政府法制办备案): owed by its 主送, titled as the letter."""
    found = cover.find(text)
    if found is None:
        return None
    start, end = found.body
    sentences = [s for s in re.split(r"(?<=[。；;])", text[start:end]) if s.strip()]
    if all(cover.ISSUING.search(s) for s in sentences):
        return None
    names = owners.Statement(*found.addressees, text[slice(*found.addressees)],
                             plain=(text[slice(*found.addressees)],))  # fmt: skip
    heading = text[: found.addressees[0]].strip().splitlines()[0].strip()
    return Segment(found.addressees[0], end, "通知", heading, start, names, letter=True)


def _states_a_duty(sentence: str) -> bool:
    """A heading's sentence that holds a time, a figure or a recurrence is a duty."""
    return bool(deadlines.find(sentence, 2000) or quotas.find(sentence))


def segments(text: str) -> list[Segment]:
    """Every task's text, in order: the cover letter's own duties first, if any."""
    begin = body_start(text)
    statements = [s for s in owners.find(text) if s.start >= begin]
    marks = headings(text, begin)
    found: list[Segment] = []
    section = dict.fromkeys(LEVELS, "")
    previous = begin
    title = ""
    cuts: list[tuple[int, Heading | owners.Statement]] = sorted(
        [(h.start, h) for h in marks] + [(s.start, s) for s in statements],
        key=lambda cut: cut[0],
    )
    pending: owners.Statement | None = None  # an inline 由X负责 waiting for its item's end
    body = begin
    opened = ""  # the level of the heading the running task's text began at
    inner: list[tuple[int, int, str]] = []
    for n, (at, item) in enumerate(cuts):
        if isinstance(item, Heading) and item.level == "part":
            if not _has_text(text, body, at) and _owned(cuts[n + 1 :]):
                section["part"] = item.numeral  # （1）…（牵头单位：…）: a task of its own
                title, body = item.title or title, item.title_end
            continue  # else a list's item inside its task's text: ①…；②…。（责任单位：…）
        if isinstance(item, Heading):
            if _has_text(text, body, at):
                if pending is None and item.level == opened and _shared(cuts[n + 1 :], item.level):
                    inner.append((item.start, item.title_end, item.title))
                    continue  # 10.…。11.…。（牵头单位：…）: one statement closes both
                # an item with no closing statement ends here
                found.append(_segment(text, previous, at, section, title, body, pending, inner))
                previous, pending, inner = at, None, []
            for level in LEVELS[LEVELS.index(item.level) :]:
                section[level] = ""
            section[item.level] = item.numeral
            title, body, opened = item.title, item.title_end, item.level
            continue
        statement = item
        if statement.row is not None:  # a table row: its cells are its task's text
            row = statement.row
            task_cells = row.of("task")
            body = task_cells[0].start if task_cells else statement.start
            found.append(Segment(previous, row.end, row.number, "", body, statement))
            previous = body = row.end
            pending = None
            continue
        if _closes(statement):
            found.append(_segment(text, previous, statement.end, section, title, body, statement,
                                  inner))  # fmt: skip
            previous = body = _skip(text, statement.end)
            pending, section["part"], inner = None, "", []
        elif pending is None:
            pending = statement
        else:  # a second inline statement: the first one's task ends at its sentence
            found.append(_segment(text, previous, pending.end, section, title, body, pending))
            previous = body = _skip(text, pending.end)
            pending = statement
    last = cover.signature(text)  # the notice's 落款 and date are no task's text
    if _has_text(text, body, last):
        found.append(_segment(text, previous, last, section, title, body, pending, inner))
    opening = letter(text)
    return [opening, *found] if opening is not None else found


def _shared(after: list[tuple[int, Heading | owners.Statement]], level: str) -> bool:
    """Whether a statement closes the text before a heading above ``level`` comes: then
    an item with none of its own shares it with the items after it (the statement
    closes all their text, as ``plan validate`` reads a task); else it has no owner."""
    for _, item in after:
        if isinstance(item, owners.Statement):
            return _closes(item)
        if item.level != "part" and LEVELS.index(item.level) < LEVELS.index(level):
            return False
    return False


def _owned(after: list[tuple[int, Heading | owners.Statement]]) -> bool:
    """Whether a statement closes the text before the next heading: then a part ((1), ①)
    is its own task; else the parts share the statement that closes them all."""
    following = after[0][1] if after else None
    return isinstance(following, owners.Statement) and _closes(following)


def _closes(statement: owners.Statement) -> bool:
    """A bracket or a line of its own ends its task's text; 由X负责 sits inside it."""
    return not statement.text.startswith("由")


def _segment(
    text: str,
    start: int,
    end: int,
    section: dict[str, str],
    title: str,
    body: int,
    statement: owners.Statement | None,
    inner: list[tuple[int, int, str]] | None = None,
) -> Segment:
    top, sub, num, part = (section[level] for level in LEVELS)
    label = top + (f"({sub})" if sub else "、" if top and num else "") + num
    label += f"({part})" if part else ""
    return Segment(start, end, label or "一", title, max(start, body), statement,
                   inner=tuple(inner or ()))  # fmt: skip


def _has_text(text: str, start: int, end: int) -> bool:
    return bool(re.search(r"[\u4e00-\u9fffA-Za-z0-9]", text[start:end]))


def _skip(text: str, index: int) -> int:
    """Past the punctuation closing a statement's sentence."""
    while index < len(text) and text[index] in "。；;.，, \t\r\n":
        index += 1
    return index
