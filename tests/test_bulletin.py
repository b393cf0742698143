"""The 通报 and the 整改通知 as their readers get them: the .docx opened by LibreOffice
(converted to PDF, its text read by pdftotext, its first page drawn by pdftoppm and kept
as a test artifact), its layout read back by python-docx, and the CLI's refusals.

The artifacts go to $LZPLAN_ARTIFACTS, else .artifacts/ at the repository's root.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from docx.shared import Mm, Pt

from tests.conftest import ROOT, invoke

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
POPPLER = shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("pdfinfo")
needs_office = pytest.mark.skipif(
    not (SOFFICE and POPPLER), reason="LibreOffice and poppler-utils (.ci/run installs them)"
)
YEAR_END = ["--as-of", "2011-12-31", "--scores", "plan/scores-2011.yaml"]


def _artifacts() -> Path:
    folder = Path(os.environ.get("LZPLAN_ARTIFACTS") or ROOT / ".artifacts")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _to_pdf(document: Path, out: Path) -> Path:
    """LibreOffice, headless, with a profile of its own (runs never share one)."""
    profile = out / "profile"
    subprocess.run(
        [SOFFICE or "soffice", f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(out), str(document)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return out / (document.stem + ".pdf")


def _flat(text: str) -> str:
    """PDF text without the breaks and spaces a line's end puts into a name."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def year_end(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    tmp = tmp_path_factory.mktemp("bulletin")
    result = invoke("bulletin", *YEAR_END, "--lang", "zh", "--fix-by", "2012-01-31",
                    "--date", "2012-01-10", "-o", f"{tmp}/通报.docx")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    report = invoke("check", *YEAR_END, "-f", "json")
    return tmp / "通报.docx", json.loads(report.stdout)


def _pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    return [_flat(page) for page in text.split("\f")]


@needs_office
def test_libreoffice_reads_the_bulletin_as_the_office_issues_it(
    year_end: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    """发文机关 in the title, the notice's 主送, the five parts in order, each unit that
    fell short under its kind, every unit in 附件1, 落款 and 成文日期 on one page, the 版记
    last; nothing of the tool in the text."""
    document, report = year_end
    pdf = _to_pdf(document, tmp_path)
    pages = _pages(pdf)
    text = "".join(pages)
    assert text.startswith("泸州市人民政府办公室关于《泸州市人民政府2011年度依法行政工作安排》")
    assert "各区、县人民政府，市级各部门：" in text
    parts = ["一、基本情况", "二、主要成效", "三、存在的问题", "四、表扬与批评",
             "五、下一步工作要求", "附件：1.", "附件1", "附件2"]  # fmt: skip
    places = [text.index(part) for part in parts]
    assert places == sorted(places)
    problems = text[places[2] : places[3]]
    assert (
        problems.index("（一）区县") < problems.index("古蔺县人民政府") < problems.index("（二）")
    )
    assert problems.index("（二）市级部门") < problems.index("市旅游局")
    units = report["units"]
    assert isinstance(units, list)
    annex = text[places[6] : places[7]]
    owing = [u["name"] for u in units if u["status"] != "nothing_owed"]
    assert [name for name in owing if name[:6] not in annex] == []  # a cell's first line
    signed = [page for page in pages if "2012年1月10日" in page and "印发" not in page]
    assert len(signed) == 1
    assert "泸州市人民政府办公室2012年1月10日" in signed[0]  # 落款 over 成文日期, one page
    last = subprocess.run(["pdftotext", "-layout", "-f", str(len(pages) - 1), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout  # fmt: skip
    lines = [line for line in last.splitlines() if line.strip()]
    assert re.fullmatch(r"—\s*\d+\s*—", lines[-1].strip())  # the 版记 ends the last page
    assert re.sub(r"\s", "", lines[-2]) == "泸州市人民政府办公室2012年1月10日印发"
    for tool in ("lzplan", "sha256", "＊", "plan/"):
        assert tool not in text
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True,
                          text=True).stdout  # fmt: skip
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    first = subprocess.run(["pdftotext", "-f", "1", "-l", "1", str(pdf), "-"], check=True,
                           capture_output=True, text=True).stdout  # fmt: skip
    assert re.search(r"—\s*1\s*—\s*$", first), first[-40:]  # the page number, last on the page
    picture = _artifacts() / "bulletin-page-1"
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(picture)], check=True, timeout=120)  # fmt: skip
    png = picture.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert png.stat().st_size > 10_000


def test_what_it_was_made_from_is_in_the_files_properties(
    year_end: tuple[Path, dict[str, object]],
) -> None:
    properties = docx.Document(io.BytesIO(year_end[0].read_bytes())).core_properties
    assert properties.author == "泸州市人民政府办公室"
    assert "lzplan" in properties.comments
    assert "sha256" in properties.comments
    assert "2011年12月31日" in properties.comments


@needs_office
def test_libreoffice_opens_a_rectification_notice(tmp_path: Path) -> None:
    result = invoke("bulletin", "--unit", "gulin", *YEAR_END, "--lang", "zh",
                    "--fix-by", "2012-01-15", "-o", f"docx:{tmp_path}/整改通知")  # fmt: skip
    assert result.exit_code == 0, result.stderr
    (tmp_path / "整改通知").rename(tmp_path / "notice.docx")
    pages = _pages(_to_pdf(tmp_path / "notice.docx", tmp_path))
    text = "".join(pages)
    assert text.startswith("泸州市人民政府办公室关于限期整改")
    assert text.index("通知古蔺县人民政府：") < text.index("社会稳定风险评估")
    assert "请你县于2012年1月15日前完成整改" in text
    signed = [page for page in pages if "年月日" in page and "印发" not in page.split("年月日")[0]]
    assert signed  # 落款 and its (blank) 成文日期 on one page


def test_the_page_is_laid_out_after_gb_t_9704(year_end: tuple[Path, dict[str, object]]) -> None:
    document = docx.Document(io.BytesIO(year_end[0].read_bytes()))
    section = document.sections[0]
    sizes = (section.page_width, section.page_height, section.top_margin,
             section.bottom_margin, section.left_margin, section.right_margin)  # fmt: skip
    for got, mm in zip(sizes, (210, 297, 37, 35, 28, 26), strict=True):
        assert got is not None
        assert abs(got - Mm(mm)) < Mm(0.1)
    assert document.settings.odd_and_even_pages_header_footer
    grids = section._sectPr.findall(_qn("w:docGrid"))
    assert [(g.get(_qn("w:type")), g.get(_qn("w:linePitch"))) for g in grids] == [("lines", "579")]
    title, body = document.paragraphs[0], document.paragraphs[3]
    assert title.runs[0].font.size == Pt(22)
    assert body.runs[0].font.size == Pt(16)
    fonts = {title.runs[0]._r.rPr.rFonts.get(_qn("w:eastAsia")),
             body.runs[0]._r.rPr.rFonts.get(_qn("w:eastAsia"))}  # fmt: skip
    assert fonts == {"方正小标宋简体", "仿宋_GB2312"}
    assert body.paragraph_format.first_line_indent == Pt(32)  # two characters


def _qn(tag: str) -> str:
    from docx.oxml.ns import qn

    return qn(tag)


def test_the_same_inputs_give_the_same_document(tmp_path: Path) -> None:
    for name in ("a", "b"):
        result = invoke("bulletin", *YEAR_END, "-o", f"{tmp_path}/{name}.docx")
        assert result.exit_code == 0, result.stderr
    assert (tmp_path / "a.docx").read_bytes() == (tmp_path / "b.docx").read_bytes()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--unit", "nowhere"], "nowhere"),
        (["--fix-by", "2011-12-01"], "--fix-by"),
        (["-o", "通报.pdf"], "通报.pdf"),
        (["-o", "plan/2011.yaml"], "plan/2011.yaml"),
        (["--fix-by", "2012年1月"], "--fix-by"),
    ],
    ids=["unknown-unit", "fix-by-before-as-of", "unknown-suffix", "onto-an-input", "bad-date"],
)
def test_a_bad_request_is_refused_with_exit_2(args: list[str], expected: str) -> None:
    result = invoke("bulletin", "--as-of", "2011-12-31", *args)
    assert result.exit_code == 2
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_a_unit_with_nothing_to_fix_gets_no_notice() -> None:
    result = invoke("bulletin", "--unit", "jiangyang", "--as-of", "2011-12-31", "--lang", "zh")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "江阳区人民政府" in result.stderr


def test_an_invalid_file_fails_the_bulletin(tmp_path: Path) -> None:
    (tmp_path / "gulin.yaml").write_text("plan: luzhou-2011\nunit: gulin\nrequirements: [\n",
                                         encoding="utf-8")  # fmt: skip
    result = invoke("bulletin", str(tmp_path), "--plan", "plan/2011.yaml", "--as-of", "2011-12-31")
    assert result.exit_code == 2
    assert "gulin.yaml:" in result.stderr


def _plan_copy(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "plan", tmp_path / "plan")
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    return tmp_path / "plan" / "documents-2011.yaml"


def test_the_issuer_and_the_edition_come_from_the_settings_beside_the_plan(
    tmp_path: Path,
) -> None:
    settings = _plan_copy(tmp_path)
    text = ("plan: luzhou-2011\nissuer: 泸州市推进依法行政工作领导小组办公室\n"
            "copy_to: [市委办公室]\nprinted_by: 泸州市人民政府法制办公室\n")  # fmt: skip
    settings.write_text(text, encoding="utf-8")
    out = invoke("bulletin", "--as-of", "2011-12-31", "--lang", "zh", "--date", "2012-01-10",
                 cwd=tmp_path).stdout  # fmt: skip
    assert out.startswith("# 泸州市推进依法行政工作领导小组办公室关于《")
    assert "\n\n各区、县人民政府，市级各部门：\n\n" in out  # the notice's own 主送
    assert "\n\n泸州市推进依法行政工作领导小组办公室\n\n2012年1月10日\n\n" in out
    assert "抄送：市委办公室。\n\n泸州市人民政府法制办公室　　2012年1月10日印发\n" in out


def test_without_settings_the_notices_publisher_issues_it(tmp_path: Path) -> None:
    _plan_copy(tmp_path).unlink()
    out = invoke("bulletin", "--as-of", "2011-12-31", "--lang", "zh", cwd=tmp_path).stdout
    assert out.startswith("# 泸州市人民政府办公室关于《")
    assert "抄送" not in out
    assert "\n\n泸州市人民政府办公室　　　　年　月　日印发\n" in out  # the date left blank


def test_settings_for_another_plan_are_refused_where_they_say_so(tmp_path: Path) -> None:
    _plan_copy(tmp_path).write_text("plan: luzhou-2012\nissuer: 某办\n", encoding="utf-8")
    result = invoke("bulletin", "--as-of", "2011-12-31", cwd=tmp_path)
    assert result.exit_code == 2
    assert (
        "plan/documents-2011.yaml:1:1: error: plan 'luzhou-2012' is not this plan" in result.stderr
    )


def test_an_issuer_unit_that_is_no_unit_is_refused_where_it_says_so(tmp_path: Path) -> None:
    _plan_copy(tmp_path).write_text("plan: luzhou-2011\nissuer_unit: city-office\n", "utf-8")
    result = invoke("bulletin", "--as-of", "2011-12-31", cwd=tmp_path)
    assert result.exit_code == 2
    assert "plan/documents-2011.yaml:2:1: error: unknown unit id 'city-office'" in result.stderr


def test_without_a_notice_copy_list_a_notice_to_remedy_copies_as_the_bulletin(
    tmp_path: Path,
) -> None:
    _plan_copy(tmp_path).write_text("plan: luzhou-2011\ncopy_to: [市委办公室]\n", "utf-8")
    out = invoke("bulletin", "--unit", "gulin", "--as-of", "2011-12-31", "--lang", "zh",
                 cwd=tmp_path).stdout  # fmt: skip
    assert "抄送：市委办公室。" in out


def _lines(pdf: Path) -> list[list[tuple[float, str]]]:
    """Each page's text lines, top to bottom: where each starts (pt) and its text."""
    html = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout  # fmt: skip
    pages = []
    for page in html.split("<page ")[1:]:
        found = re.findall(r'<line xMin="[\d.]+" yMin="([\d.]+)"[^>]*>(.*?)</line>', page, re.S)
        pages.append([(float(y), "".join(re.findall(r">([^<]*)</word>", body)))
                      for y, body in found])  # fmt: skip
    return pages


def _cells(text: str) -> float:
    """A line's length in characters of 三号: a Chinese character or mark one, a digit a
    half."""
    return sum(0.5 if ord(ch) < 0x80 else 1.0 for ch in text)


_HEADING = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+\.)")


@needs_office
def test_the_pages_hold_22_lines_of_28_characters(
    year_end: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    """GB/T 9704 §5.2.2: 22 lines a page, 28 characters a line; no heading left alone at
    the foot of a page; the 落款 with its date."""
    pages = _lines(_to_pdf(year_end[0], tmp_path))
    body = [[(y, t) for y, t in page if not re.fullmatch(r"—\d+—", t)] for page in pages]
    body = body[: next(i for i, page in enumerate(body) if page[0][1] == "附件1")]  # the 公文
    pitches = [b[0] - a[0] for a, b in itertools.pairwise(body[1])]  # page 2: body alone
    assert all(abs(pitch - 28.95) < 0.3 for pitch in pitches), pitches
    assert max(len(page) for page in body) <= 22
    widest = max(_cells(t) for _, t in body[1])
    assert 27.5 <= widest <= 28
    for page in body[:-1]:
        assert not _HEADING.match(page[-1][1]), page[-1][1]  # a heading keeps with its text


@pytest.mark.parametrize(
    ("title", "lines"),
    [
        ("泸州市人民政府办公室关于《泸州市人民政府2011年度依法行政工作安排》落实情况的通报",
         ["泸州市人民政府办公室关于《泸州市人民政府", "2011年度依法行政工作安排》落实情况的通报"]),
        ("泸州市人民政府办公室关于限期整改《泸州市人民政府2011年度依法行政工作安排》落实中有关问题的通知",
         ["泸州市人民政府办公室关于限期整改", "《泸州市人民政府2011年度依法行政",
          "工作安排》落实中有关问题的通知"]),
        ("关于《测试市工作要点》的通报", ["关于《测试市工作要点》的通报"]),
    ],
)  # fmt: skip
def test_a_title_breaks_between_words(title: str, lines: list[str]) -> None:
    """GB/T 9704 §7.3.3: a title's lines keep each word whole (工|作 and 整|改 split no
    more), as few lines as fit 20 characters of 二号, as even as they can be."""
    from lzplan.bulletin.docx import title_lines

    assert title_lines(title) == lines


def test_a_spot_check_that_refutes_a_report_is_said_and_not_praised() -> None:
    """plan/scores-2011.yaml records the 法制办's 抽查: 市文化局's nil return for 社会稳定
    风险评估 did not hold. The 通报 says so under 存在的问题, quoting what was found, and
    criticises the unit it would otherwise praise; its score loses that requirement."""
    args = ("--as-of", "2011-12-31", "--scores", "plan/scores-2011.yaml", "--lang", "zh")
    text = invoke("bulletin", *args).stdout
    problems = text.split("## 三、存在的问题")[1].split("## 四、")[0]
    assert "抽查发现的问题" in problems
    assert "经抽查，市文化局报送的“社会稳定风险评估”落实情况与实际不符：该局2011年出台" in problems
    praise, blame = text.split("## 四、表扬与批评")[1].split("## 五、")[0].split("予以通报表扬")
    assert "市文化局" not in praise
    assert "市文化局" in blame
    report = json.loads(invoke("check", *args, "-f", "json").stdout)
    culture = next(u for u in report["units"] if u["id"] == "culture")
    assert culture["score"]["points"] < culture["score"]["most"]
    assert report["scores"]["spot_checks"][-1]["found"] == "not_confirmed"
