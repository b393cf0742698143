"""Tables flattened into text: a notice laid out as 序号 | 工作任务 | 责任单位 | 完成时限.

A department's 工作要点 is often a table; copied out of a page or a document it becomes
lines whose cells are split by tabs or runs of blanks:

    序号	工作任务	责任处室	完成时限
    1	修订《厅规范性文件管理办法》，报厅务会审议。	政策法规处	2015年6月
    4	组织厅机关工作人员学法，…领导干部学法考试	人事处	全年
        合格率达到100%。

A header row names the columns (序号/编号; 工作任务/主要任务/重点任务/工作内容/具体任务; 责任单位/
责任处室/责任部门/牵头单位/牵头部门, 配合单位; 完成时限/时间节点/完成时间); each row
starts with its number; a line with no number continues the row above (a wrapped cell).
A row is one task: its owner cells are its owner statement, its task cells its text, and
its deadline cell the due date of each duty of the row that states none of its own. The
table ends at a line that is neither a row nor a row's continuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Cells are split by a tab, or by a run of two or more blanks (half- or full-width).
_SPLIT = re.compile(r"\t+|[ \u3000]{2,}|\u3000")
_ROLES = (
    ("number", re.compile(r"^(?:序号|编号|序)$")),
    (
        "task",
        re.compile(
            r"^(?:工作任务|主要任务|工作内容|具体任务|任务|工作事项|重点工作|具体内容|工作措施"
            r"|重点任务|任务内容|工作要点|主要内容|目标任务)$"
        ),
    ),
    ("lead", re.compile(r"^(?:牵头单位|牵头部门|牵头处室|主办单位|牵头单位（部门）)$")),
    ("owner", re.compile(r"^(?:责任单位|责任处室|责任部门|承办单位|责任主体|责任处（室）)$")),
    ("support", re.compile(r"^(?:配合单位|配合部门|配合处室|协办单位|参与单位)$")),
    ("deadline", re.compile(r"^(?:完成时限|时间节点|完成时间|时限|时间要求|进度安排|完成期限)$")),
)
_NUMBER = re.compile(r"^[ \t\u3000]*(?P<n>[0-9]{1,3})[.、．]?(?=[\t \u3000])")


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    role: str  # number | task | lead | owner | support | deadline

    def text(self, notice: str) -> str:
        return notice[self.start : self.end]


@dataclass(frozen=True)
class TableRow:
    start: int
    end: int  # the end of its last line (a wrapped cell included)
    number: str
    cells: tuple[Cell, ...]

    def of(self, *roles: str) -> list[Cell]:
        return [cell for cell in self.cells if cell.role in roles]


@dataclass(frozen=True)
class Table:
    header: tuple[int, int]  # the header row's line
    rows: tuple[TableRow, ...]

    @property
    def end(self) -> int:
        return self.rows[-1].end if self.rows else self.header[1]


def find(text: str) -> list[Table]:
    """Every table of ``text``, in order."""
    found: list[Table] = []
    lines = list(_lines(text))
    i = 0
    while i < len(lines):
        start, end = lines[i]
        roles = _header(text[start:end])
        if roles is None:
            i += 1
            continue
        rows, i = _rows(text, lines, i + 1, roles)
        found.append(Table((start, end), tuple(rows)))
    return found


def _lines(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def _header(line: str) -> list[str] | None:
    """Each column's role, when the line is a table's header row."""
    cells = [c.strip() for c in _SPLIT.split(line.strip())]
    roles = [next((role for role, word in _ROLES if word.match(c)), "") for c in cells]
    has = set(roles)
    if "task" in has and has & {"owner", "lead"} and len(cells) >= 3 and "" not in roles:
        return roles
    return None


def _rows(
    text: str, lines: list[tuple[int, int]], i: int, roles: list[str]
) -> tuple[list[TableRow], int]:
    rows: list[TableRow] = []
    while i < len(lines):
        start, end = lines[i]
        line = text[start:end]
        numbered = _NUMBER.match(line)
        if numbered is not None and "number" in roles:
            rows.append(
                TableRow(start, end, numbered.group("n"), tuple(_cells(text, start, end, roles)))
            )
        elif rows and _continues(line):
            rows[-1] = _wrapped(text, rows[-1], start, end, roles)
        else:
            break
        i += 1
    return rows, i


def _cells(text: str, start: int, end: int, roles: list[str]) -> list[Cell]:
    """The line's cells, each with its column's role (in order; extra cells join the
    last column)."""
    spans = _spans(text, start, end)
    cells = []
    for k, (a, b) in enumerate(spans):
        role = roles[min(k, len(roles) - 1)]
        cells.append(Cell(a, b, role))
    return cells


def _spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    at = start
    for sep in _SPLIT.finditer(text, start, end):
        if sep.start() > at:
            spans.append((at, sep.start()))
        at = sep.end()
    if at < end:
        spans.append((at, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _continues(line: str) -> bool:
    """A wrapped cell's next line: it starts with a blank or a tab (its number's column
    left empty)."""
    return bool(line) and line[0] in " \t\u3000" and bool(line.strip())


def _wrapped(text: str, row: TableRow, start: int, end: int, roles: list[str]) -> TableRow:
    """A continuation line: its one cell continues the row's task cell (the widest
    column); several cells continue the columns in order, the number's left empty."""
    spans = _spans(text, start, end)
    if len(spans) == 1:
        cells = (*row.cells, Cell(*spans[0], "task"))
    else:
        offset = 1 if roles and roles[0] == "number" else 0
        extra = [
            Cell(a, b, roles[min(k + offset, len(roles) - 1)]) for k, (a, b) in enumerate(spans)
        ]
        cells = (*row.cells, *extra)
    return TableRow(row.start, end, row.number, cells)
