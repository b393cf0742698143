"""Reading back what lzplan writes in office formats, as their users' programs do."""

from __future__ import annotations

import io
from typing import Any

import docx
import openpyxl
from docx.table import Table
from python_calamine import CalamineWorkbook


def sheets(data: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet's rows as openpyxl reads them (values, dates as datetimes)."""
    book = openpyxl.load_workbook(io.BytesIO(data))
    return {
        sheet.title: [list(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in book.worksheets
    }


def calamine_sheets(data: bytes) -> dict[str, list[list[Any]]]:
    """Every sheet's rows as calamine (Rust, independent of openpyxl) reads them."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(data))
    return {name: book.get_sheet_by_name(name).to_python() for name in book.sheet_names}


def xlsx_text(data: bytes) -> str:
    """All a workbook says: its sheet names and every cell, a line a row."""
    lines = []
    for name, rows in sheets(data).items():
        lines.append(name)
        lines += ["\t".join("" if v is None else str(v) for v in row) for row in rows]
    return "\n".join(lines) + "\n"


def docx_text(data: bytes) -> str:
    """All a .docx says, in reading order: each paragraph a line, each table row a line
    of its cells."""
    document = docx.Document(io.BytesIO(data))
    lines = []
    for part in document.iter_inner_content():
        if isinstance(part, Table):
            lines += ["\t".join(cell.text for cell in row.cells) for row in part.rows]
        else:
            lines.append(part.text)
    return "\n".join(lines) + "\n"
