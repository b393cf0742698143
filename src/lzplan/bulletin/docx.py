"""A document as .docx, laid out after GB/T 9704-2012 (党政机关公文格式).

- A4; the type area 156 × 225 mm: top margin (天头) 37 mm, left (订口) 28 mm, right
  26 mm, bottom 35 mm; 22 lines of 28 characters (line pitch 28.95 pt).
- Title in 二号 (22 pt) 小标宋, centred; the addressee flush left; the body in 三号
  (16 pt) 仿宋, each paragraph indented two characters; headings 一、 in 黑体 and （一）
  in 楷体; the signature centred over the date, the date four characters from the
  right; the note (附注) in brackets below it.
- Page numbers in 四号 (14 pt) 宋体 as "— 1 —", odd pages on the right and even pages
  on the left, one character in from the edge of the type area.

The 公文 fonts are rarely installed outside an office, so each names an alternative
in the font table (方正小标宋简体 → 华文中宋, 仿宋_GB2312 → 仿宋, 楷体_GB2312 → 楷体),
which Word takes when the first is missing; LibreOffice substitutes by fontconfig.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import NamedTuple

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Length, Mm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from lzplan.bulletin.document import Block, Draft, Role
from lzplan.reporters.office import clean, fixed_zip


class Face(NamedTuple):
    """A font: its Chinese face, the alternative Word takes when it is missing."""

    east_asia: str
    alternative: str
    western: str = "Times New Roman"


TITLE = Face("方正小标宋简体", "华文中宋")
BODY = Face("仿宋_GB2312", "仿宋")
HEADING = Face("黑体", "SimHei")
SUBHEADING = Face("楷体_GB2312", "楷体")
PAGE = Face("宋体", "SimSun")
FACES = (TITLE, BODY, HEADING, SUBHEADING, PAGE)

CHAR = 16.0  # points: one character of 三号, the unit of every indent
LINE = Pt(28.95)  # 225 mm / 22 lines
ROLE_FACE = {Role.TITLE: TITLE, Role.HEADING: HEADING, Role.SUBHEADING: SUBHEADING}


def render(document: Draft, author: str) -> bytes:
    """The .docx bytes: the same document gives the same bytes."""
    out = docx.Document()
    _page(out.sections[0])
    _normal_style(out)
    _page_numbers(out)
    body = out.paragraphs[0] if out.paragraphs else out.add_paragraph()
    first = True
    for block in document.blocks:
        if block.role is Role.TABLE:
            _table(out, block)
            continue
        if block.role in (Role.SIGNATURE, Role.ATTACHMENTS):
            out.add_paragraph().paragraph_format.keep_with_next = True  # 正文下空一行
        paragraph = body if first else out.add_paragraph()
        first = False
        _paragraph(paragraph, block, document)
        if block.role in (Role.TITLE, Role.ANNEX_TITLE):
            out.add_paragraph()  # 标题下空一行
    _properties(out, document, author or document.author)
    buffer = io.BytesIO()
    out.save(buffer)
    return fixed_zip(buffer.getvalue(), {"word/fontTable.xml": _font_table})


# ---------------------------------------------------------------- the page


def _page(section: Section) -> None:
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    # the page number's dash 7 mm below the type area: 35 - 7 mm, less its own height
    section.footer_distance = Mm(23)
    for old in section._sectPr.findall(qn("w:docGrid")):  # the template's own: one grid
        section._sectPr.remove(old)
    grid = OxmlElement("w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(round(LINE.pt * 20)))
    section._sectPr.append(grid)


def _normal_style(out: docx.document.Document) -> None:
    style = out.styles["Normal"]
    _face(style.element.get_or_add_rPr(), BODY)
    style.font.size = Pt(CHAR)
    fmt = style.paragraph_format
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = LINE


def _face(rpr: object, face: Face) -> None:
    """Set a run's or a style's fonts: the western face and the Chinese one."""
    fonts = rpr.find(qn("w:rFonts"))  # type: ignore[attr-defined]
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)  # type: ignore[attr-defined]
    for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attribute), face.western)
    fonts.set(qn("w:eastAsia"), face.east_asia)


def _page_numbers(out: docx.document.Document) -> None:
    """— 1 —: odd pages right, even pages left, one character in (四号 宋体)."""
    out.settings.odd_and_even_pages_header_footer = True
    section = out.sections[0]
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        paragraph = footer.paragraphs[0]
        paragraph.alignment = align
        indent = Pt(14)
        if align is WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = indent
        else:
            paragraph.paragraph_format.left_indent = indent
        paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        _run(paragraph, "— ", PAGE, 14)
        _field(paragraph, "PAGE")
        _run(paragraph, " —", PAGE, 14)


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field Word and LibreOffice fill in (the page number)."""
    for kind, text in (("begin", ""), ("", f" {instruction} "), ("separate", ""), ("", "1"),
                       ("end", "")):  # fmt: skip
        run = _run(paragraph, "", PAGE, 14)
        if kind:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)
        elif text == "1":
            run.text = text
        else:
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)


# ---------------------------------------------------------------- blocks


def _run(paragraph: Paragraph, text: str, face: Face, size: float, bold: bool = False) -> Run:
    run = paragraph.add_run(clean(text))
    run.font.size = Pt(size)
    run.font.bold = bold
    _face(run._r.get_or_add_rPr(), face)
    if size == CHAR:
        _tighten(run)
    return run


# 28 characters of 三号 to a line of the type area (156 mm = 442 pt): each set a quarter
# point tighter than its 16 pt, in twentieths of a point.
TIGHTER = -5


def _tighten(run: Run) -> None:
    spacing = OxmlElement("w:spacing")
    spacing.set(qn("w:val"), str(TIGHTER))
    properties = run._r.get_or_add_rPr()
    properties.insert_element_before(spacing, "w:w", "w:kern", "w:position", "w:sz", "w:szCs",
                                     "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd",
                                     "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em",
                                     "w:lang", "w:eastAsianLayout", "w:specVanish",
                                     "w:oMath")  # fmt: skip


# What must not be left alone at the foot of a page: a heading, the signature (over
# its date), an attachment's label and title.
_KEEP_WITH_NEXT = (Role.HEADING, Role.SUBHEADING, Role.SIGNATURE, Role.ANNEX, Role.ANNEX_TITLE,
                   Role.COPY_TO)  # fmt: skip
EDITION = 14.0  # points: the 版记 in 四号


def _paragraph(paragraph: Paragraph, block: Block, document: Draft) -> None:
    fmt = paragraph.paragraph_format
    size = 22.0 if block.role in (Role.TITLE, Role.ANNEX_TITLE) else CHAR
    fmt.keep_with_next = block.role in _KEEP_WITH_NEXT
    if block.role in (Role.TITLE, Role.ANNEX_TITLE):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.line_spacing = Pt(36)  # a 二号 line needs more than the body's pitch
    elif block.role in (Role.BODY, Role.HEADING, Role.SUBHEADING, Role.NOTE):
        fmt.first_line_indent = Pt(2 * CHAR)
    elif block.role is Role.ATTACHMENTS:  # 附件：1.… ; 2.… under the 1
        fmt.left_indent, fmt.first_line_indent = Pt(5 * CHAR), Pt(-3 * CHAR)
    elif block.role is Role.ANNEX:
        fmt.page_break_before = True
    elif block.role is Role.DATE:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.right_indent = Pt(4 * CHAR)
    elif block.role is Role.SIGNATURE:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        fmt.right_indent = _centred_over_date(block.text, document)
    elif block.role in (Role.COPY_TO, Role.PRINTED):
        _edition(paragraph, block)
        return
    lines = title_lines(block.text) if block.role is Role.TITLE else block.text.split("\n")
    run = _run(paragraph, lines[0], HEADING if block.role is Role.ANNEX else
               ROLE_FACE.get(block.role, BODY), size)  # fmt: skip
    for line in lines[1:]:
        run.add_break()
        run = _run(paragraph, line, BODY, size)


# Where a title may break (GB/T 9704 §7.3.3: 回行时词意完整): before 关于 and 《, after 》,
# and at the ends of the words a 公文 title is made of; never inside a word.
_AFTER = ("人民政府", "办公室", "办公厅", "年度", "关于", "》", "工作安排", "工作要点")
_BEFORE = ("关于", "《", "落实", "限期", "有关", "的通报", "的通知", "工作")
TITLE_CELLS = 20  # characters of 二号 (22 pt) to a line of the type area


def title_lines(title: str, width: float = TITLE_CELLS) -> list[str]:
    """The title in as few lines as fit ``width``, broken only where a word ends, the
    lines as even as they can be; a title with nowhere to break is one line."""
    cuts = sorted({i for i in range(1, len(title))
                   if title.endswith(_AFTER, 0, i) or title.startswith(_BEFORE, i)})  # fmt: skip
    best: dict[int, tuple[int, float, list[int]]] = {0: (0, 0.0, [])}
    for end in [*cuts, len(title)]:
        for start, (count, spread, made) in list(best.items()):
            piece = _width(title[start:end])
            if start >= end or piece > width:
                continue
            found = (count + 1, spread + (width - piece) ** 2, [*made, end])
            if end not in best or found[:2] < best[end][:2]:
                best[end] = found
    if len(title) not in best:
        return [title]
    ends = best[len(title)][2]
    return [title[a:b] for a, b in zip([0, *ends], ends, strict=False)]


def _edition(paragraph: Paragraph, block: Block) -> None:
    """The 版记 (GB/T 9704 §7.4): 四号, one character in from either side, between rules
    the width of the type area — thick above 抄送 and below 印发, thin between."""
    fmt = paragraph.paragraph_format
    fmt.left_indent = fmt.right_indent = Pt(EDITION)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if block.role is Role.COPY_TO:
        _rule(paragraph, "top", 8)
        _run(paragraph, block.text, BODY, EDITION)
        return
    _rule(paragraph, "top", 4)
    _rule(paragraph, "bottom", 8)
    by, _, when = block.text.partition("\t")
    fmt.tab_stops.add_tab_stop(Mm(156) - Pt(2 * EDITION), WD_TAB_ALIGNMENT.RIGHT)
    _run(paragraph, f"{by}\t{when}", BODY, EDITION)


_AFTER_BORDERS = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                  "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                  "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                  "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                  "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                  "w:pPrChange")  # fmt: skip


def _rule(paragraph: Paragraph, side: str, eighths: int) -> None:
    """A line along one side of the paragraph, ``eighths`` of a point thick."""
    properties = paragraph._p.get_or_add_pPr()
    borders = properties.find(qn("w:pBdr"))
    if borders is None:  # in its place in the schema's order, before shd, tabs, spacing…
        borders = OxmlElement("w:pBdr")
        properties.insert_element_before(borders, *_AFTER_BORDERS)
    line = OxmlElement(f"w:{side}")
    for name, value in (("val", "single"), ("sz", str(eighths)), ("space", "1"),
                        ("color", "000000")):  # fmt: skip
        line.set(qn(f"w:{name}"), value)
    borders.append(line)


def _centred_over_date(signature: str, document: Draft) -> Length:
    """The signature's right indent that centres it over the date (右空四字)."""
    date = next((b.text for b in document.blocks if b.role is Role.DATE), "")
    offset = (_width(date) - _width(signature)) / 2
    return Pt(max(0.0, (4 + offset) * CHAR))


def _width(text: str) -> float:
    """In characters: a Chinese character is one, a digit or a Latin letter a half."""
    return sum(0.5 if ord(ch) < 0x2E80 else 1.0 for ch in text)


def _table(out: docx.document.Document, block: Block) -> None:
    """Columns as wide as their widest cell needs, within the type area (156 mm), so a
    unit's name stays on one line; the header row repeated on every page."""
    header, *rows = block.rows
    table: Table = out.add_table(rows=0, cols=len(header))
    table.style = out.styles["Table Grid"]
    table.autofit = False
    widths = _column_widths(block.rows)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice lays out by
    for i, cells in enumerate((header, *rows)):
        row = table.add_row()  # type: ignore[no-untyped-call]
        if i == 0:
            _repeat_header(row)
        for cell, text, width in zip(row.cells, cells, widths, strict=True):
            cell.width = width
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
            _run(paragraph, text, HEADING if i == 0 else BODY, TABLE_SIZE)


TABLE_SIZE = 12.0  # points: 小四 in a table


def _column_widths(rows: tuple[tuple[str, ...], ...]) -> list[Length]:
    """Each column's share of the type area, by the widest of its cells (with a cell's
    margins), never under two characters."""
    needs = [max(2.0, max(_width(row[i]) for row in rows)) + 1 for i in range(len(rows[0]))]
    area = Mm(156)
    return [Length(int(area * need / sum(needs))) for need in needs]


def _repeat_header(row: object) -> None:
    """The row is the table's header: repeated at the top of every page it runs onto."""
    properties = row._tr.get_or_add_trPr()  # type: ignore[attr-defined]
    repeat = OxmlElement("w:tblHeader")
    properties.append(repeat)


# ---------------------------------------------------------------- the file


def _properties(out: docx.document.Document, document: Draft, author: str) -> None:
    """Fixed: the document's date stands for the time; no template's leftovers."""
    at = dt.datetime.combine(document.date, dt.time())
    props = out.core_properties
    props.title = clean(document.title)
    props.author = props.last_modified_by = clean(author)
    props.created = props.modified = at
    props.revision = 1
    props.subject = props.keywords = props.category = ""
    props.comments = clean(document.provenance)  # what it was made from: not in the text
    package = out.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:  # python-docx's own picture
            package.rels.pop(rid)


def _font_table(xml: bytes) -> bytes:
    """The font table, with each 公文 face and its alternative."""
    entries = "".join(
        f'<w:font w:name="{face.east_asia}"><w:altName w:val="{face.alternative}"/>'
        '<w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>'
        for face in FACES
    )
    return xml.replace(b"</w:fonts>", entries.encode("utf-8") + b"</w:fonts>")
