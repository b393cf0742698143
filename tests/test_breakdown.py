"""`lzplan plan breakdown`: the 任务分解 as the office issues it, read back as its readers
get it: the .docx opened by LibreOffice (converted to PDF, its text read by pdftotext),
the .xlsx by openpyxl; the same bytes on every run; and the CLI's refusals.

The plan is a small one written here (the shape of tests/cases/plan/_base, with a
breakdown file it cites): two districts named by a whole kind (各区县人民政府), a 市级有关
部门 chosen by judgement whose units the breakdown assigns (市财政局, named elsewhere in
the notice, and 市公安局, named nowhere), and a task with a lead and a supporting unit.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import openpyxl
import pytest
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

from lzplan.bulletin import breakdown
from lzplan.messages import languages
from lzplan.plan.load import load
from tests.conftest import ROOT, invoke

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdfinfo")
needs_office = pytest.mark.skipif(
    not (SOFFICE and POPPLER), reason="LibreOffice and poppler-utils (.ci/run installs them)"
)
NUMBER = "测府法〔2011〕12号"
TITLE = "测试市人民政府2011年度依法行政工作任务分解"
ISSUER = "测试市人民政府法制办公室"

NOTICE = (
    "测试通知\n一、重点工作(一)开展风险评估各区县评估不少于3件，市级有关部门评估不少于1件。"
    "市政府法制办于6月底前完成实施方案。(责任单位:市政府法制办,各区县人民政府,市级有关部门)"
    "(二)加强执法监督开展执法案卷评查。(牵头单位:市政府法制办;配合单位:市财政局)\n"
)
PLAN = """\
plan:
  id: test-2011
  title: 测试工作安排
  issuer: 测试市人民政府
  issued: 2011-02-28
  period: {start: 2011-01-01, end: 2011-12-31}
  owner: legal-affairs
  source:
    file: notice.txt
    title: 测试通知
    publisher: 测试市人民政府办公室
    published: 2011-02-28
  breakdown: {file: breakdown.yaml, number: 测府法〔2011〕12号, date: 2011-03-18}
units:
  - {id: jiangyang, name: 江阳区人民政府, kind: district, named_in_notice: true}
  - {id: naxi, name: 纳溪区人民政府, kind: district, named_in_notice: true}
  - {id: legal-affairs, name: 市政府法制办, kind: department, named_in_notice: true}
  - {id: finance, name: 市财政局, kind: department, tags: [enforcement], named_in_notice: true}
  - id: public-security
    name: 市公安局
    kind: department
    tags: [enforcement]
    named_in_notice: false
groups:
  - id: districts
    names: [各区县人民政府, 各区县]
    kind: district
tasks:
  - id: t1
    section: 一(一)
    title: 开展风险评估
    owners:
      source: (责任单位:市政府法制办,各区县人民政府,市级有关部门)
      leads: [legal-affairs]
      groups: [districts, relevant]
    groups:
      - id: relevant
        names: [市级有关部门]
        kind: department
        tags: [enforcement]
    requirements:
      - id: t1.risk
        kind: count
        title: 风险评估
        source: 各区县评估不少于3件，市级有关部门评估不少于1件。
        groups: [districts, relevant]
        min: {districts: 3, relevant: 1}
        due: {date: 2011-12-31}
      - id: t1.plan
        kind: milestone
        title: 完成实施方案
        source: 市政府法制办于6月底前完成实施方案。
        units: [legal-affairs]
        due: {date: 2011-06-30, wording: 6月底前}
  - id: t2
    section: 一(二)
    title: 加强执法监督
    owners:
      source: (牵头单位:市政府法制办;配合单位:市财政局)
      leads: [legal-affairs]
      supporting: [finance]
    requirements:
      - id: t2.review
        kind: activity
        title: 开展执法案卷评查
        source: 开展执法案卷评查。
        units: [legal-affairs, finance]
        due: {date: 2011-12-31}
"""
BREAKDOWN = """\
breakdown:
  plan: test-2011
  title: 测试市人民政府2011年度依法行政工作任务分解
  issuer: 测试市人民政府法制办公室
  number: 测府法〔2011〕12号
  date: 2011-03-18
  main_to: [各区县人民政府, 市级有关部门]
rows:
  - task: t1
    words: 市级有关部门
    units: [public-security, finance]
"""


def _plan(folder: Path, edit: Callable[[str], str] = str,
          edit_breakdown: Callable[[str], str] = str) -> Path:  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (folder / "plan.yaml").write_text(edit(PLAN), encoding="utf-8")
    (folder / "breakdown.yaml").write_text(edit_breakdown(BREAKDOWN), encoding="utf-8")
    return folder / "plan.yaml"


def _issue(plan: Path, out: Path, *more: str) -> tuple[bytes, bytes]:
    result = invoke("plan", "breakdown", "--plan", str(plan), "--lang", "zh",
                    "-o", str(out / "分解.docx"), "-o", str(out / "分解.xlsx"), *more)  # fmt: skip
    assert result.exit_code == 0, result.stderr
    assert "已写入" in result.stderr
    return (out / "分解.docx").read_bytes(), (out / "分解.xlsx").read_bytes()


@pytest.fixture(scope="module")
def issued(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, bytes, bytes]:
    folder = tmp_path_factory.mktemp("breakdown")
    plan = _plan(folder / "plan")
    out = folder / "out"
    out.mkdir()
    document, workbook = _issue(plan, out)
    return plan, document, workbook


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- the .docx


@needs_office
def test_libreoffice_reads_the_notice_and_its_table(
    issued: tuple[Path, bytes, bytes], tmp_path: Path
) -> None:
    document = tmp_path / "notice.docx"
    document.write_bytes(issued[1])
    subprocess.run(
        [SOFFICE or "soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(document)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pdf = tmp_path / "notice.pdf"
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "2", str(pdf)], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    assert re.search(r"Page\s+1 size:\s+595\.\d+ x 841\.\d+ pts", info), info
    assert re.search(r"Page\s+2 size:\s+841\.\d+ x 595\.\d+ pts", info), info
    # -raw: in the order LibreOffice wrote it, so a table cell's lines stay together
    text = _flat(subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(pdf), "-"],
                                check=True, capture_output=True, text=True).stdout)  # fmt: skip
    title = f"{ISSUER}关于印发《{TITLE}》的通知"
    assert text.startswith(NUMBER + title), text[:80]
    after = text.index(title) + len(title)
    assert text[after:].startswith("各区县人民政府，市级有关部门：")
    assert "为贯彻落实《测试工作安排》" in text
    assert "请认真抓好落实" in text
    assert f"附件：{TITLE}" in text
    signed = text.index(f"{ISSUER}2011年3月18日")  # 落款, then 成文日期
    table = text.index("序号工作任务具体要求责任单位牵头或配合完成时限报送材料", signed)
    rows = text[table:]
    for cell in ("一（一）开展风险评估", "风险评估",
                 "江阳区人民政府、纳溪区人民政府、市财政局、市公安局", "2011年12月31日前",
                 "相关文件、报告（各区县人民政府不少于3件、市级有关部门不少于1件）",
                 "完成实施方案", "市政府法制办牵头6月底前"):  # fmt: skip
        assert cell in rows, cell


def test_the_table_has_a_row_per_requirement(issued: tuple[Path, bytes, bytes]) -> None:
    from tests.office import docx_text

    lines = docx_text(issued[1]).splitlines()
    assert lines[0] == NUMBER
    title = f"{ISSUER}关于印发《{TITLE}》的通知"  # broken between words (回行)
    assert "".join(lines[1:4]) == title
    assert lines[1:4] == ["测试市人民政府法制办公室关于", "印发《测试市人民政府2011年度",
                          "依法行政工作任务分解》的通知"]  # fmt: skip
    header = lines.index("\t".join(("序号", "工作任务", "具体要求", "责任单位", "牵头或配合",
                                    "完成时限", "报送材料")))  # fmt: skip
    rows = [line.split("\t") for line in lines[header + 1 :] if line]
    assert [row[0] for row in rows] == ["1", "2", "3"]
    assert rows[2] == ["3", "一（二）加强执法监督", "开展执法案卷评查", "市政府法制办、市财政局",
                       "牵头：市政府法制办；配合：市财政局", "2011年12月31日前",
                       "工作开展情况的文件、报告等佐证材料"]  # fmt: skip
    assert rows[1][3:6] == ["市政府法制办", "牵头", "6月底前"]


def test_the_notice_stands_upright_and_its_table_lies_across(
    issued: tuple[Path, bytes, bytes],
) -> None:
    document = docx.Document(io.BytesIO(issued[1]))
    notice, attachment = document.sections

    def mm(length: int | None) -> float:
        assert length is not None
        return round(length / Mm(1), 1)

    assert notice.orientation == WD_ORIENT.PORTRAIT
    assert (mm(notice.page_width), mm(notice.page_height)) == (210, 297)
    assert attachment.orientation == WD_ORIENT.LANDSCAPE
    assert (mm(attachment.page_width), mm(attachment.page_height)) == (297, 210)
    margins = (attachment.left_margin, attachment.right_margin)
    assert mm(attachment.page_width) - sum(mm(m) for m in margins) == 225  # the type area
    table = document.tables[-1]
    widths = [mm(cell.width) for cell in table.rows[1].cells]
    assert abs(sum(widths) - 225) < 1
    assert max(widths) == widths[3]  # 责任单位, the widest
    sizes = {run.font.size for cell in table.rows[1].cells for p in cell.paragraphs
             for run in p.runs}  # fmt: skip
    assert sizes == {Pt(10.5)}


# ---------------------------------------------------------------- the .xlsx


def test_the_workbook_has_a_row_per_unit_and_duty(issued: tuple[Path, bytes, bytes]) -> None:
    plan, _, data = issued
    loaded = load(plan)
    owed = sum(len(loaded.index.thresholds(r)) for t in loaded.plan.tasks for r in t.requirements)
    book = openpyxl.load_workbook(io.BytesIO(data))
    (sheet,) = book.worksheets
    assert sheet.title == "任务分解"
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert rows[0] == ["任务", "具体要求", "责任单位", "牵头/配合", "完成时限", "报送材料", "依据"]
    assert len(rows) - 1 == owed == 7
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G8"
    by = {(row[1], row[2]): row for row in rows[1:]}
    # a unit a row of the breakdown puts there, named by the notice or not: the 文号
    assert by["风险评估", "市公安局"][6] == NUMBER
    assert by["风险评估", "市财政局"][6] == NUMBER
    assert by["风险评估", "市财政局"][5] == "不少于1件相关文件、报告"
    # the notice's own words: 各区县人民政府, and a unit it names
    assert by["风险评估", "江阳区人民政府"][5:] == ["不少于3件相关文件、报告", "通知"]
    assert by["开展执法案卷评查", "市财政局"][3:] == [
        "配合", "2011年12月31日前", "工作开展情况的文件、报告等佐证材料", "通知"]  # fmt: skip
    assert by["完成实施方案", "市政府法制办"][3:5] == ["牵头", "6月底前"]
    assert all(cell.data_type == "s" for row in sheet.iter_rows() for cell in row)


def test_a_title_like_a_formula_stays_text(tmp_path: Path) -> None:
    plan = _plan(tmp_path / "plan", lambda text: text.replace("title: 风险评估",
                                                               "title: =SUM(A1:A9)"))  # fmt: skip
    _, data = _issue(plan, tmp_path)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet
    book = openpyxl.load_workbook(io.BytesIO(data))
    titles = [row[1] for row in book.worksheets[0].iter_rows(min_row=2, values_only=True)]
    assert titles.count("=SUM(A1:A9)") == 4


# ---------------------------------------------------------------- the same bytes


def test_the_same_inputs_give_the_same_bytes(
    issued: tuple[Path, bytes, bytes], tmp_path: Path
) -> None:
    again = _issue(issued[0], tmp_path)
    assert again == issued[1:]


# ---------------------------------------------------------------- standard output, words


def test_without_output_the_notice_goes_to_standard_output(tmp_path: Path) -> None:
    plan = _plan(tmp_path, edit_breakdown=lambda text: text.replace(
        "  main_to: [各区县人民政府, 市级有关部门]\n", ""))  # fmt: skip
    result = invoke("plan", "breakdown", str(plan), "--lang", "zh")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == NUMBER
    # no main_to: the notice's own addressees, kind by kind
    assert "各区县人民政府，市级部门：" in lines
    assert (
        "| 2 | 一（一）开展风险评估 | 完成实施方案 | 市政府法制办 | 牵头 | 6月底前 |"
        in result.stdout
    )
    english = invoke("plan", "breakdown", str(plan))
    assert english.exit_code == 0, english.stderr
    assert f"{ISSUER}: notice on issuing the {TITLE}" in english.stdout
    assert "by 2011-12-31" in english.stdout


def test_each_kind_says_what_a_unit_files() -> None:
    loaded = load(ROOT / "plan" / "2011.yaml")
    seen = set()
    for lang in languages():
        for task in loaded.plan.tasks:
            for req in task.requirements:
                said = breakdown.files(req, loaded.index, lang)
                assert said, req.id
                assert "{" not in said, (req.id, said)
                seen.add(req.kind)
                if req.kind == "quantity" and lang == "zh":
                    assert getattr(req, "measure", "") in said
                if req.recurs is not None and lang == "zh":
                    assert "报送" in said.rsplit("，", 1)[-1], said
    assert {"count", "activity", "milestone", "distinct_units", "ratio"} <= seen


def test_only_those_a_condition_is_for_may_file_a_nil_return() -> None:
    loaded = load(ROOT / "plan" / "2011.yaml")
    index = loaded.index
    conditional = [r for t in loaded.plan.tasks for r in t.requirements if r.condition_for]
    assert conditional
    for req in conditional:
        for_units = {u for key in req.condition_for for u in index.members.get(key, (key,))}
        whole = breakdown.files(req, index, "zh")
        assert any(index.name_of(key) + "未发生此类事项的" in whole for key in req.condition_for)
        for unit in index.thresholds(req):
            said = breakdown.files(req, index, "zh", unit)
            assert ("未发生此类事项的" in said) == (unit in for_units), (req.id, unit)


# ---------------------------------------------------------------- refusals


def test_a_plan_that_cites_no_breakdown_is_refused() -> None:
    base = ROOT / "tests" / "cases" / "plan" / "_base" / "plan.yaml"
    result = invoke("plan", "breakdown", "--plan", str(base), "-o", "never.xlsx")
    assert result.exit_code == 2
    assert "cites no 任务分解" in result.stderr
    assert "breakdown:" in result.stderr
    assert not (ROOT / "never.xlsx").exists()
    chinese = invoke("plan", "breakdown", str(base), "--lang", "zh")
    assert chinese.exit_code == 2
    assert "未引用任务分解" in chinese.stderr


def test_an_output_it_cannot_name_or_an_input_is_refused(
    issued: tuple[Path, bytes, bytes], tmp_path: Path
) -> None:
    plan = issued[0]
    unnamed = invoke("plan", "breakdown", str(plan), "-o", str(tmp_path / "分解.pdf"))
    assert unnamed.exit_code == 2
    assert ".xlsx" in unnamed.stderr
    onto = invoke("plan", "breakdown", str(plan), "-o", f"xlsx:{plan.parent / 'breakdown.yaml'}")
    assert onto.exit_code == 2
    assert "input" in onto.stderr
    assert (plan.parent / "breakdown.yaml").read_text(encoding="utf-8") == BREAKDOWN
    named = invoke(
        "plan", "breakdown", str(plan), "--lang", "zh", "-o", f"xlsx:{tmp_path / '分解'}"
    )
    assert named.exit_code == 0, named.stderr
    assert (tmp_path / "分解").read_bytes() == issued[2]


def test_a_breakdown_with_problems_is_an_input_error(tmp_path: Path) -> None:
    plan = _plan(tmp_path, edit_breakdown=lambda text: text.replace("[public-security,",
                                                                     "[nobody,"))  # fmt: skip
    result = invoke("plan", "breakdown", str(plan), "-o", str(tmp_path / "分解.docx"))
    assert result.exit_code == 2
    assert "breakdown.yaml:" in result.stderr
    assert not (tmp_path / "分解.docx").exists()


def test_the_help_teaches() -> None:
    result = invoke("plan", "breakdown", "--help")
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    for words in ("plan.breakdown", "GB/T 9704", ".xlsx", "依据", "--lang zh", "Exit codes"):
        assert words in text, words
