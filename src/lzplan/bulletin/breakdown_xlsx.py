"""The 任务分解 as a workbook (.xlsx): one row per unit × duty, for the office to sort,
filter and hand each unit its own part.

Columns: 任务, 具体要求, 责任单位, 牵头/配合, 完成时限, 报送材料, 依据 (通知, or the
breakdown's 文号 where a row of the breakdown puts the unit on that task). The header
is frozen and filtered. Every cell is text, never a formula: a title typed "=SUM(…)"
is shown as typed. The same plan and breakdown give the same bytes: fixed document
properties (the breakdown's 成文日期 stands for the time) and the archive's times fixed
(``office.fixed_zip``), as ``lzplan.reporters.xlsx`` does.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from lzplan import __version__
from lzplan.bulletin import breakdown
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters.office import clean, fixed_zip

COLUMNS = ("breakdown.xlsx.task", "breakdown.col.requirement", "breakdown.xlsx.unit",
           "breakdown.xlsx.part", "breakdown.col.due", "breakdown.col.files",
           "breakdown.xlsx.basis")  # fmt: skip
WIDTHS = (36, 36, 24, 10, 18, 40, 20)
_WRAP = Alignment(wrap_text=True, vertical="top")


def rows(loaded: LoadedPlan, lang: Lang) -> list[tuple[str, ...]]:
    """The table's rows below the header, all text."""
    notice = say("breakdown.basis.notice", lang)
    return [
        (
            breakdown.task_label(d.task, lang),
            d.requirement.title,
            d.unit.name,
            breakdown.part_word(d.part, lang),
            breakdown.due(d.requirement, lang),
            breakdown.files(d.requirement, loaded.index, lang, d.unit.id),
            d.number or notice,
        )
        for d in breakdown.duties(loaded)
    ]


def workbook_bytes(loaded: LoadedPlan, lang: Lang) -> bytes:
    info = breakdown.cited(loaded)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = say("breakdown.xlsx.sheet", lang)
    _row(sheet, 1, [say(key, lang) for key in COLUMNS], bold=True)
    body = rows(loaded, lang)
    for r, values in enumerate(body, start=2):
        _row(sheet, r, values)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(COLUMNS))}{len(body) + 1}"
    for i, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    props = book.properties
    props.creator = props.lastModifiedBy = f"lzplan {__version__}"
    props.created = props.modified = dt.datetime.combine(info.date, dt.time())
    props.title = clean(info.title)
    buffer = io.BytesIO()
    # ExcelWriter, not book.save: save stamps the time of writing as "modified"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue())


def _row(sheet: Worksheet, row: int, values: Sequence[str], *, bold: bool = False) -> None:
    """Text, always text: "=…" from an input stays a string, never a formula."""
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        cell.value = clean(value)
        cell.data_type = "s"
        cell.alignment = _WRAP
        if bold:
            cell.font = Font(bold=True)
