"""Who a notice makes responsible, in the forms notices write it.

- a 责任单位 bracket, in any bracket, nested brackets allowed:
  （责任单位：市政府办公室（牵头），市级有关部门，各区、县（市）人民政府）
- a line of its own: 牵头单位：市法制办；配合单位：市司法局 (or 责任单位：… alone)
- a bracket naming roles: （市法制办牵头，市级各行政执法部门配合）, （市司法局负责）
- inline: 由市城市管理局负责; a sentence: 市卫生局、市民政局等有关部门按职责分工负责

Each statement keeps its span and the text of its leads, its supporting units and
its responsible units whose role is not given; names are matched to the plan's units
and groups by ``lzplan.plan.names``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lzplan.grammar import table

OPEN, CLOSE = "（(〔[【", "）)〕]】"
_LABEL = re.compile(r"(责任单位|牵头单位|主办单位|配合单位|协办单位)\s*[:：]")
_ROLE = re.compile(r"[（(](牵头|主办|负责|配合|协办)[）)]")
_ROLES_BRACKET = re.compile(r"[（(〔]([^（(〔）)〕。:：]{2,80}?(?:牵头|负责|配合))[）)〕]")
_INLINE = re.compile(r"由([^，,。；;（(）)、\n]{2,30}(?:、[^，,。；;（(）)、\n]{2,30})*)负责")
# "市卫生局、市民政局等有关部门按职责分工负责。": a sentence naming who is responsible.
_DUTIES = re.compile(r"(?:^|(?<=[。；;\n]))([^。；;\n]{2,60}?)按职责(?:分工)?负责")
_BY_DUTIES = re.compile(r"等?(?:有关|相关)?(?:部门|单位)?按职责(?:分工)?$")


@dataclass(frozen=True)
class Statement:
    """One owner statement: where it is, and the text naming each role."""

    start: int
    end: int
    text: str
    leads: tuple[str, ...] = ()  # 牵头, 主办, 负责 (and names marked （牵头）)
    supporting: tuple[str, ...] = ()  # 配合, 协办
    plain: tuple[str, ...] = ()  # 责任单位 with no role given
    row: table.TableRow | None = None  # a table row's owner cells: the row is its task's text

    def __contains__(self, index: int) -> bool:
        return self.start <= index < self.end


def find(text: str) -> list[Statement]:
    """Every owner statement of ``text``, in order."""
    found: list[Statement] = []
    for match in _LABEL.finditer(text):
        if any(match.start() in s for s in found) or match.group(1) in ("配合单位", "协办单位"):
            continue
        found.append(_labelled(text, match))
    for match in _ROLES_BRACKET.finditer(text):
        if not any(match.start() in s for s in found) and not _ROLE.fullmatch(match.group(0)):
            found.append(_roles(text, match.start(), match.end(), match.group(1)))
    for pattern in (_INLINE, _DUTIES):
        for match in pattern.finditer(text):
            if not any(match.start() in s for s in found):
                # "X、Y等有关部门": an open list of X, Y and others, not a group of its own
                leads = (re.sub(r"等(?:有关|相关)?(?:部门|单位)$", "等", match.group(1)),)
                found.append(Statement(match.start(), match.end(), match.group(0), leads=leads))
    for grid in table.find(text):
        found += [s for row in grid.rows if (s := _row(text, row)) is not None]
    return sorted(found, key=lambda s: s.start)


def _row(text: str, row: table.TableRow) -> Statement | None:
    """A table row's owner cells (牵头单位, 责任单位, 配合单位 columns), as one statement."""
    line_end = text.find("\n", row.start)  # a wrapped line's cells are no quote's part
    cells = [c for c in row.of("lead", "owner", "support") if line_end < 0 or c.end <= line_end]
    if not cells:
        return None
    start, end = cells[0].start, cells[-1].end
    names = {role: tuple(c.text(text) for c in cells if c.role == role)
             for role in ("lead", "owner", "support")}  # fmt: skip
    leads, plain = list(names["lead"]), []
    for cell in names["owner"]:  # 司法所（牵头），党政办公室: a lead marked in the cell
        marked, rest = _marked(cell)
        leads += marked
        plain.append(rest)
    return Statement(start, end, text[start:end], tuple(leads), names["support"],
                     tuple(plain), row)  # fmt: skip


def _labelled(text: str, match: re.Match[str]) -> Statement:
    opening = _opening(text, match.start())
    if opening is None:  # a line of its own: up to the line's end (or the sentence's)
        start, end = match.start(), _line_end(text, match.end())
        inner = text[start:end]
    else:
        start, end = opening, _closing(text, opening) + 1
        inner = text[match.start() : end - 1]
    return _parse_labelled(start, end, text[start:end], inner)


def _parse_labelled(start: int, end: int, whole: str, inner: str) -> Statement:
    """责任单位：… or 牵头单位：…；配合单位：…, with names marked （牵头） as leads."""
    parts = _LABEL.split(inner)
    leads: list[str] = []
    supporting: list[str] = []
    plain: list[str] = []
    for label, names in zip(parts[1::2], parts[2::2], strict=True):
        names = names.strip(" ；;，,。\n")
        if label in ("配合单位", "协办单位"):
            supporting.append(names)
        elif label == "责任单位":
            marked, rest = _marked(names)
            leads += marked
            plain.append(rest)
        else:
            leads.append(names)
    return Statement(start, end, whole, tuple(leads), tuple(supporting), tuple(plain))


def _marked(names: str) -> tuple[list[str], str]:
    """Names annotated （牵头） are leads; the annotation is taken out of the rest."""
    leads = []
    for match in _ROLE.finditer(names):
        if match.group(1) in ("牵头", "主办", "负责"):
            before = re.split(r"[，,、；;]", names[: match.start()])[-1]
            leads.append(before.strip())
    rest = _ROLE.sub("", names)
    for lead in leads:
        rest = rest.replace(lead, "", 1)
    return leads, rest


def _roles(text: str, start: int, end: int, inner: str) -> Statement:
    """（X牵头，Y配合）, （X负责）."""
    leads: list[str] = []
    supporting: list[str] = []
    for part in re.split(r"[，,；;]", inner):
        part = part.strip()
        if part.endswith(("牵头", "负责", "主办")):
            # （X、Y等按职责分工负责）: an open list of X, Y and others, as in a sentence
            leads.append(_BY_DUTIES.sub(lambda m: "等" * m.group(0).startswith("等"), part[:-2]))
        elif part.endswith(("配合", "协办")):
            supporting.append(part[:-2])
    return Statement(start, end, text[start:end], tuple(leads), tuple(supporting))


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
    return min(ends) if ends else len(text)
