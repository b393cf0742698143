"""The workbook, read back by two independent readers (openpyxl and calamine) and held
against the JSON report of the same run: every 矩阵 cell, every 台账 row."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from lzplan.check.result import Status, UnitStatus
from lzplan.messages import Lang, say
from lzplan.reporters.looks import LOOK
from tests.conftest import ROOT, invoke
from tests.office import calamine_sheets, sheets

AS_OF = "2011-06-30"  # mid-year: the progress columns are there too


@pytest.fixture(scope="module", params=["en", "zh"])
def run(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    lang: Lang = request.param
    tmp = tmp_path_factory.mktemp(f"xlsx-{lang}")
    result = invoke("check", "--as-of", AS_OF, "--lang", lang, "--scores",
                    "plan/scores-2011.yaml", "-o", f"xlsx:{tmp}/book.xlsx",
                    "-o", f"json:{tmp}/report.json")  # fmt: skip
    assert result.exit_code == 1, result.stderr
    data = (tmp / "book.xlsx").read_bytes()
    report = json.loads((tmp / "report.json").read_text(encoding="utf-8"))
    return lang, data, report


def _word(status: str, lang: Lang) -> str:
    return say(f"status.{Status(status).name.lower()}", lang)


def _readers(data: bytes) -> list[dict[str, list[list[Any]]]]:
    return [sheets(data), calamine_sheets(data)]


def _text(value: Any) -> str:
    """A cell as text, whichever reader read it (calamine gives dates as date)."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return "" if value is None else str(value)


def test_sheet_names(run: Any) -> None:
    lang, data, _ = run
    expected = [say(f"xlsx.sheet.{k}", lang) for k in ("matrix", "ledger", "summary", "notes")]
    for book in _readers(data):
        assert list(book) == expected
    if lang == "zh":
        assert expected == ["完成情况一览表", "台账", "汇总", "说明"]


def test_every_matrix_cell_matches_the_json(run: Any) -> None:
    lang, data, report = run
    tasks = list(report["units"][0]["cells"])
    for book in _readers(data):
        rows = book[say("xlsx.sheet.matrix", lang)]
        head, body = rows[0], rows[1:]
        assert len(body) == len(report["units"])
        for row, unit in zip(body, report["units"], strict=True):
            cells = {h: None if v == "" else v for h, v in zip(head, row, strict=True)}
            assert row[0] == unit["id"]
            assert row[1].rstrip("*＊") == unit["name"]
            assert cells[say("report.status", lang)] == say(
                f"unit_status.{UnitStatus(unit['status']).name.lower()}", lang
            )
            assert [_text(v) for v in row[4 : 4 + len(tasks)]] == [
                _word(unit["cells"][t], lang) for t in tasks
            ]
            assert cells[say("report.done", lang)] == unit["progress"]["done"]
            assert cells[say("report.owed", lang)] == unit["progress"]["owed"]
            assert cells[say("report.share", lang)] == pytest.approx(
                unit["progress"]["share"], abs=1e-6
            )
            score = unit["score"] or {"rank": None, "points": None, "percent": None}
            assert cells[say("report.rank", lang)] == score["rank"]
            assert cells[say("report.points", lang)] == score["points"]
            percent = score["percent"]  # a share, shown as a percent: 0.8261 for 82.61
            shown = cells[say("report.percent", lang)]
            assert shown == (None if percent is None else pytest.approx(percent / 100, abs=1e-4))


def _ledger_expected(report: dict[str, Any]) -> list[list[str]]:
    rows = []
    for unit in report["units"]:
        for outcome in unit["outcomes"]:
            head = [unit["id"], outcome["requirement"], outcome["title"], outcome["due"]]
            for item in outcome["items"] or [None]:
                if item is None:
                    rows.append([*head, "", "", "", ""])
                    continue
                where = item["location"]
                rows.append([*head, item["title"], item["doc_no"] or "", item["date"] or "",
                             f"{where['file']}:{where['line']}:{where['column']}"])  # fmt: skip
    return rows


def test_every_ledger_row_matches_the_json(run: Any) -> None:
    lang, data, report = run
    expected = _ledger_expected(report)
    statuses = [
        _word(o["status"], lang)
        for u in report["units"]
        for o in u["outcomes"]
        for _ in o["items"] or [None]
    ]
    for book in _readers(data):
        rows = book[say("xlsx.sheet.ledger", lang)][1:]
        # id, name, task, requirement, title, status, detail, due, item, 文号, date, reason, where
        seen = [[_text(r[i]) for i in (0, 3, 4, 7, 8, 9, 10, 12)] for r in rows]
        assert seen == expected
        assert [r[5] for r in rows] == statuses


def test_summary_counts_match_the_json(run: Any) -> None:
    lang, data, report = run
    for book in _readers(data):
        rows = {r[0]: r[1] for r in book[say("xlsx.sheet.summary", lang)] if r and r[0]}
        for status, count in report["summary"]["requirements"].items():
            if status != "not_applicable":
                assert rows[_word(status, lang)] == count


def test_notes_name_the_as_of_day_and_the_plan(run: Any) -> None:
    lang, data, report = run
    notes = sheets(data)[say("xlsx.sheet.notes", lang)]
    values = {_text(r[1]) for r in notes if len(r) > 1}
    assert AS_OF in values
    assert report["plan"]["sha256"] in values


def test_colours_frozen_headers_and_filters(run: Any) -> None:
    _lang, data, report = run
    book = openpyxl.load_workbook(io.BytesIO(data))
    matrix, ledger = book.worksheets[0], book.worksheets[1]
    assert matrix.freeze_panes == "E2"
    assert ledger.freeze_panes == "C2"
    assert matrix.auto_filter.ref == f"A1:{matrix.cell(1, matrix.max_column).column_letter}" + str(
        len(report["units"]) + 1
    )
    assert ledger.auto_filter.ref is not None
    assert ledger.auto_filter.ref.startswith("A1:")
    tasks = list(report["units"][0]["cells"])
    for row, unit in enumerate(report["units"], start=2):
        for column, task in enumerate(tasks, start=5):
            look = LOOK[Status(unit["cells"][task])]
            cell = matrix.cell(row, column)
            assert cell.fill.fgColor.rgb == "00" + look.colour.lstrip("#").upper()
            assert cell.font.color.rgb == "00" + look.ink.lstrip("#").upper()
    assert all(c.font.bold for c in matrix[1])


def test_the_same_inputs_give_the_same_bytes(tmp_path: Path) -> None:
    first = invoke("check", "--as-of", AS_OF, "-f", "xlsx").raw
    second = invoke("check", "--as-of", AS_OF, "-f", "xlsx").raw
    assert first[:2] == b"PK"
    assert first == second
    props = openpyxl.load_workbook(io.BytesIO(first)).properties
    assert props.created == props.modified == dt.datetime(2011, 6, 30)


FORMULA = '=HYPERLINK("http://evil.example","点击")'


def test_a_title_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    sub = ROOT / "submissions" / "gulin.yaml"
    text = sub.read_text(encoding="utf-8")
    first_title = next(line for line in text.splitlines() if "title:" in line)
    forged = text.replace(first_title, first_title.split("title:")[0] + f"title: '{FORMULA}'", 1)
    (tmp_path / "submissions").mkdir()
    (tmp_path / "submissions" / "gulin.yaml").write_text(forged, encoding="utf-8")
    plan = str(ROOT / "plan" / "2011.yaml")
    result = invoke("check", str(tmp_path / "submissions"), "--plan", plan,
                    "--as-of", "2011-12-31", "-f", "xlsx")  # fmt: skip
    book = openpyxl.load_workbook(io.BytesIO(result.raw))
    cells = [c for row in book.worksheets[1].iter_rows() for c in row if c.value == FORMULA]
    assert cells
    assert all(c.data_type == "s" for c in cells)
    ledger = calamine_sheets(result.raw)[book.worksheets[1].title]
    assert any(FORMULA in row for row in ledger)


def test_a_workbook_is_not_written_to_a_terminal() -> None:
    """Run in a real pseudo-terminal: the user is told how to write it to a file."""
    leader, follower = pty.openpty()
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "lzplan", "check", "--as-of", AS_OF, "-f", "xlsx"],
        cwd=ROOT, stdout=follower, stderr=subprocess.PIPE, env=env, check=False, timeout=120,
    )  # fmt: skip
    os.close(follower)
    os.close(leader)
    assert done.returncode == 2
    assert "xlsx:PATH" in done.stderr.decode() or "--output" in done.stderr.decode()


def test_a_plain_check_imports_no_office_library() -> None:
    """python-docx and openpyxl are heavy; only a run that writes their formats loads them."""
    probe = (
        "import sys\n"
        "from lzplan.cli import app\n"
        "try:\n"
        "    app(['check', '--as-of', '2011-12-31', '-f', '{fmt}'], standalone_mode=False)\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = {{'openpyxl', 'docx'}} & {{name.split('.')[0] for name in sys.modules}}\n"
        "print(sorted(heavy), file=sys.stderr)\n"
    )
    for fmt, expected in (("terminal", "[]"), ("json", "[]"), ("xlsx", "['openpyxl']")):
        done = subprocess.run(
            [sys.executable, "-c", probe.format(fmt=fmt)], cwd=ROOT, capture_output=True,
            check=False, timeout=120,
        )  # fmt: skip
        assert done.stderr.decode().strip().splitlines()[-1] == expected, fmt


def test_every_share_is_a_fraction_shown_as_a_percent_and_the_book_prints(run: Any) -> None:
    """完成比例 and 得分率 are fractions in a percent format, each on its own column (the
    format once fell one column to the right); printed, each sheet is A4 landscape, as
    wide as the page, its header row and units' names on every page."""
    from openpyxl import load_workbook

    lang, data, _ = run
    book = load_workbook(io.BytesIO(data))
    sheet = book[say("xlsx.sheet.matrix", lang)]
    heads = [cell.value for cell in sheet[1]]
    share = heads.index(say("report.share", lang)) + 1
    for row in sheet.iter_rows(min_row=2):
        assert row[share - 1].number_format == "0.0%"
        assert 0 <= row[share - 1].value <= 1
        assert row[share].number_format != "0.0%"  # the next column is no share
    for printed in book.worksheets:
        assert printed.page_setup.orientation == "landscape"
        assert printed.page_setup.fitToWidth == 1
        assert printed.print_title_rows == "$1:$1"
