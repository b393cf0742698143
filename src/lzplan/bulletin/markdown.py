"""A document as markdown: headings for its title and numbered headings, a table as a
table; every text escaped, so nothing from an input becomes markup."""

from __future__ import annotations

from lzplan.bulletin.document import Block, Draft, Role
from lzplan.reporters.markdown import escape

_PREFIX = {Role.TITLE: "# ", Role.HEADING: "## ", Role.SUBHEADING: "### "}


def render(document: Draft) -> str:
    return "\n\n".join(_block(b) for b in document.blocks) + "\n"


def _block(block: Block) -> str:
    if block.role is Role.TABLE:
        header, *rows = block.rows
        lines = [_row(header), "|" + "---|" * len(header), *(_row(row) for row in rows)]
        return "\n".join(lines)
    return _PREFIX.get(block.role, "") + escape(block.text)


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"
