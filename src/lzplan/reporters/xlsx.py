"""The workbook the 法制办 keeps (.xlsx): four sheets.

- 矩阵 (matrix): a unit a row, a task a column, each cell the status in words on the
  HTML report's colour; the headers frozen and filtered; then each unit's progress,
  and its score and rank with --scores.
- 台账 (ledger): one row per unit × requirement × evidence item (a requirement with
  no item is one row): its status, the item's title, 文号, date, whether it counted,
  and file:line:column.
- 汇总 (summary): the counts of units by standing and of requirements by status.
- 说明 (notes): the legend, the as-of date, the plan and its sha256, the scores file.

Text from an input is always a string, never a formula (a title "=HYPERLINK(…)" is
shown as typed). The same inputs give the same bytes: fixed document properties, and
the archive's times fixed (``office.fixed_zip``).
"""

from __future__ import annotations

import datetime as dt
import io
import weakref
import zipfile
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from lzplan import __version__
from lzplan.check.result import ItemVerdict, Outcome, Result, Status, UnitResult, UnitStatus
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common, labels
from lzplan.reporters.looks import LOOK, PACE
from lzplan.reporters.office import clean, fixed_zip
from lzplan.scores.model import UnitScore

Value = str | int | float | dt.date | None
BOLD = Font(bold=True)
_DATE = "yyyy-mm-dd"


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[bytes]:
    return [workbook_bytes(result, loaded, options.lang)]


def workbook_bytes(result: Result, loaded: LoadedPlan, lang: Lang) -> bytes:
    book = Workbook()
    matrix = book.active
    assert matrix is not None
    _matrix(matrix, result, loaded, lang)
    _ledger(book.create_sheet(), result, loaded, lang)
    _summary(book.create_sheet(), result, lang)
    _notes(book.create_sheet(), result, loaded, lang)
    for sheet, key in zip(book.worksheets, ("matrix", "ledger", "summary", "notes"), strict=True):
        sheet.title = say(f"xlsx.sheet.{key}", lang)
        _printed(sheet)
    _properties(book, result, loaded)
    buffer = io.BytesIO()
    # ExcelWriter, not book.save: save stamps the time of writing as "modified"
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return fixed_zip(buffer.getvalue())


def _printed(sheet: Worksheet) -> None:
    """Printed as an office prints a table: A4 landscape, as wide as the page, the header
    row and each unit's id and name on every page."""
    setup = sheet.page_setup
    setup.orientation, setup.paperSize = "landscape", sheet.PAPERSIZE_A4
    setup.fitToWidth, setup.fitToHeight = 1, 0
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_title_rows = "1:1"
    if sheet.max_column > 2:
        sheet.print_title_cols = "A:B"


def _properties(book: Workbook, result: Result, loaded: LoadedPlan) -> None:
    """Fixed: the as-of day stands for the time, lzplan for the author."""
    at = dt.datetime.combine(result.as_of, dt.time())
    props = book.properties
    props.creator = props.lastModifiedBy = f"lzplan {__version__}"
    props.created = props.modified = at
    props.title = clean(loaded.plan.plan.title)


# ---------------------------------------------------------------- writing cells

PERCENT = "0.0%"  # every share in the workbook: a fraction, shown as a percent


# The last row written on each sheet. openpyxl's ``max_row`` scans every cell, so asking
# it for each new row made the workbook quadratic in items (6,000 items of one unit: 60 s).
_LAST_ROW: weakref.WeakKeyDictionary[Worksheet, int] = weakref.WeakKeyDictionary()


def _row(sheet: Worksheet, values: Sequence[Value], *, bold: bool = False) -> int:
    """Append a row; text is always text (never a formula), dates are dates."""
    row = _LAST_ROW.get(sheet, 0) + 1
    _LAST_ROW[sheet] = row
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column)
        if isinstance(value, str):
            cell.value = clean(value)
            cell.data_type = "s"  # "=…" stays text: no input becomes a formula
        else:
            cell.value = value
        if isinstance(value, dt.date):
            cell.number_format = _DATE
        if bold:
            cell.font = BOLD
    return row


def _paint(sheet: Worksheet, row: int, column: int, colour: str, ink: str) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.fill = PatternFill(fill_type="solid", fgColor=colour.lstrip("#").upper())
    cell.font = Font(color=ink.lstrip("#").upper(), bold=True)
    cell.alignment = Alignment(horizontal="center")


def _widths(sheet: Worksheet, widths: Sequence[float]) -> None:
    for i, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width


def _head(sheet: Worksheet, headers: Sequence[str], frozen: str) -> None:
    """The header row, bold, frozen above ``frozen`` and filtered over the whole table."""
    _row(sheet, headers, bold=True)
    sheet.freeze_panes = frozen
    last = get_column_letter(len(headers))
    sheet.auto_filter.ref = f"A1:{last}{max(sheet.max_row, 1)}"


def _filter_all(sheet: Worksheet, columns: int) -> None:
    sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{sheet.max_row}"


# ---------------------------------------------------------------- 矩阵


def matrix_headers(result: Result, loaded: LoadedPlan, lang: Lang) -> list[str]:
    columns = labels.task_columns(loaded.plan, lang)
    heads = ["xlsx.id", "report.name", "show.kind", "report.status"]
    tail = ["report.done", "report.owed", "report.share"]
    if common.elapsed(result, loaded) is not None:
        tail.append("report.pace")
    if result.scored is not None:
        tail += ["report.ranking", "report.rank", "report.points", "xlsx.most", "report.percent"]
    return [
        *(say(key, lang) for key in heads),
        *(columns[task] for task in result.tasks),
        *(say(key, lang) for key in tail),
    ]


def _matrix(sheet: Worksheet, result: Result, loaded: LoadedPlan, lang: Lang) -> None:
    headers = matrix_headers(result, loaded, lang)
    _head(sheet, headers, "E2")
    gone = common.elapsed(result, loaded)
    groups = {group.id: group.names[0] for group in loaded.plan.groups}
    first_task = 5
    for unit in result.units:
        info = loaded.index.units[unit.unit]
        done, owed = common.tally(unit)
        progress = common.Progress(unit.unit, done, owed, gone or 1.0)
        values: list[Value] = [
            unit.unit,
            labels.unit_name(info, lang),
            labels.kind_name(loaded.plan, info.kind, lang),
            labels.unit_status(unit.status, lang),
            *(labels.word(unit.cell(task), lang) for task in result.tasks),
            done,
            owed,
            progress.share,
        ]
        if gone is not None:
            values.append(common.pace(progress, lang))
        if result.scored is not None:
            values += _score(result.scored.of(unit.unit), groups)
        row = _row(sheet, values)
        for i, task in enumerate(result.tasks):
            look = LOOK[unit.cell(task)]
            _paint(sheet, row, first_task + i, look.colour, look.ink)
        share = first_task + len(result.tasks) + 2  # after the tasks: done, owed, share
        sheet.cell(row=row, column=share).number_format = PERCENT
        if gone is not None:
            look = PACE[progress.on_pace]
            _paint(sheet, row, share + 1, look.colour, look.ink)
        if result.scored is not None:  # the score's share, last of the row
            sheet.cell(row=row, column=len(values)).number_format = PERCENT
    _filter_all(sheet, len(headers))
    _widths(sheet, [16, 24, 10, 14, *([11] * len(result.tasks)), 8, 8, 10, 16, 18, 8, 8, 8, 8])


def _score(score: UnitScore | None, groups: dict[str, str]) -> list[Value]:
    """Ranking, rank, points, most, percent; blank for a unit in no ranking."""
    if score is None:
        return [None] * 5
    return [groups[score.group], score.rank, score.points, score.most,
            round(score.percent / 100, 4)]  # a share, shown as one (PERCENT)  # fmt: skip


# ---------------------------------------------------------------- 台账

LEDGER = ("xlsx.id", "report.name", "xlsx.task", "xlsx.requirement_id", "report.requirement",
          "report.status", "report.detail", "report.due", "xlsx.item", "xlsx.doc_no",
          "xlsx.date", "xlsx.reason", "xlsx.location", "xlsx.remedy")  # fmt: skip


def ledger_rows(
    result: Result, loaded: LoadedPlan, lang: Lang
) -> Iterator[tuple[list[Value], Outcome]]:
    """One row per unit × requirement × item (a requirement with no item is one row),
    each with the outcome it belongs to (whose status colours it)."""
    tasks = labels.task_columns(loaded.plan, lang)  # as the 矩阵 heads them
    for unit in result.units:
        for outcome in unit.outcomes:
            items: Sequence[ItemVerdict | None] = outcome.items or [None]
            for item in items:
                yield _ledger_row(unit, outcome, item, loaded, lang, tasks[outcome.task]), outcome


def _ledger_row(
    unit: UnitResult,
    outcome: Outcome,
    item: ItemVerdict | None,
    loaded: LoadedPlan,
    lang: Lang,
    task: str,
) -> list[Value]:
    req = loaded.index.requirements[outcome.requirement][1]
    head: list[Value] = [
        unit.unit,
        labels.unit_name(loaded.index.units[unit.unit], lang),
        task,
        outcome.requirement,
        req.title,
        labels.word(outcome.status, lang),
        outcome.detail.render(lang),
        outcome.due,
    ]
    remedy = say("xlsx.remedied", lang, date=labels.date(outcome.remedied, lang)) if (
        outcome.remedied) else None  # fmt: skip
    if item is None:
        return [*head, None, None, None, None, None, remedy]
    where = f"{item.location.file}:{item.location.line}:{item.location.column}"
    reason = labels.reason(item.reason, lang)
    return [*head, item.title, item.doc_no, item.date, reason, where, remedy]


def _ledger(sheet: Worksheet, result: Result, loaded: LoadedPlan, lang: Lang) -> None:
    _head(sheet, [say(key, lang) for key in LEDGER], "C2")
    status_column = LEDGER.index("report.status") + 1
    for values, outcome in ledger_rows(result, loaded, lang):
        row = _row(sheet, values)
        look = LOOK[outcome.status]
        _paint(sheet, row, status_column, look.colour, look.ink)
    _filter_all(sheet, len(LEDGER))
    _widths(sheet, [16, 24, 7, 34, 36, 12, 34, 11, 48, 24, 11, 18, 40, 22])


# ---------------------------------------------------------------- 汇总 and 说明


def _summary(sheet: Worksheet, result: Result, lang: Lang) -> None:
    units = Counter(unit.status for unit in result.units)
    outcomes = Counter(outcome.status for outcome in result.outcomes())
    _row(sheet, [say("xlsx.units_by_standing", lang), say("xlsx.count", lang)], bold=True)
    for standing in UnitStatus:
        _row(sheet, [labels.unit_status(standing, lang), units[standing]])
    _row(sheet, [say("xlsx.total", lang), len(result.units)], bold=True)
    _row(sheet, [])
    _row(sheet, [say("xlsx.requirements_by_status", lang), say("xlsx.count", lang)], bold=True)
    for status in Status:
        if status is not Status.NOT_APPLICABLE:
            row = _row(sheet, [labels.word(status, lang), outcomes[status]])
            _paint(sheet, row, 1, LOOK[status].colour, LOOK[status].ink)
    _row(sheet, [say("xlsx.total", lang), len(result.outcomes())], bold=True)
    _widths(sheet, [24, 10])


def _notes(sheet: Worksheet, result: Result, loaded: LoadedPlan, lang: Lang) -> None:
    info = loaded.plan.plan
    facts: list[tuple[str, Value]] = [
        ("xlsx.plan", f"{info.title} ({info.id})"),
        ("xlsx.source", info.source.title),
        ("xlsx.plan_file", loaded.display),
        ("xlsx.plan_sha256", loaded.sha256),
        ("html.as_of", result.as_of),
        ("xlsx.period", f"{info.period.start} – {info.period.end}"),
    ]
    if result.scored is not None:
        facts += [("xlsx.scores_file", result.scored.file),
                  ("xlsx.scores_sha256", result.scored.sha256)]  # fmt: skip
    facts.append(("xlsx.made_by", f"lzplan {__version__}"))
    for key, value in facts:
        _row(sheet, [say(key, lang), value])
    _row(sheet, [])
    _row(sheet, [say("report.legend", lang), say("xlsx.meaning", lang)], bold=True)
    for status in Status:
        row = _row(sheet, [labels.word(status, lang), say(f"xlsx.legend.{status.name.lower()}",
                                                          lang)])  # fmt: skip
        _paint(sheet, row, 1, LOOK[status].colour, LOOK[status].ink)
    _widths(sheet, [22, 90])
