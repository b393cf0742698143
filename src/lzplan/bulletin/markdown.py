"""A document as markdown: headings for its title and numbered headings, a table as a
table; every text escaped, so nothing from an input becomes markup."""

from __future__ import annotations

from lzplan.bulletin.document import Block, Draft, Role
from lzplan.reporters.markdown import escape

_PREFIX = {Role.TITLE: "# ", Role.HEADING: "## ", Role.SUBHEADING: "### ",
           Role.ANNEX_TITLE: "### "}  # fmt: skip
# A rule before what starts on a page of its own (an attachment) and before the 版记.
_RULED = (Role.ANNEX, Role.COPY_TO)


def render(document: Draft) -> str:
    text = "\n\n".join(_block(b) for b in document.blocks) + "\n"
    if document.provenance:  # for whoever opens the file, not for the 公文's reader
        text += "\n<!-- " + document.provenance.replace("--", "- -") + " -->\n"
    return text


def _block(block: Block) -> str:
    if block.role is Role.TABLE:
        header, *rows = block.rows
        lines = [_row(header), "|" + "---|" * len(header), *(_row(row) for row in rows)]
        return "\n".join(lines)
    plain = block.text.replace("\t", "　　")  # the 印发 line's tab: a gap in plain text
    text = "  \n".join(escape(line) for line in plain.split("\n"))
    rule = "---\n\n" if block.role in _RULED else ""
    return rule + _PREFIX.get(block.role, "") + text


def _row(cells: tuple[str, ...]) -> str:
    return "| " + " | ".join(escape(cell) for cell in cells) + " |"
