"""Every report format, made from one check result: tests/cases/report/mixed/.

Golden files sit beside the case as expected.<format>; regenerate them after a
deliberate change with ``LZPLAN_UPDATE_CASES=1 pytest tests/test_reports.py``.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from lzplan import reporters
from tests import junit_schema
from tests.conftest import CASES, ROOT, Run, invoke
from tests.office import xlsx_text

CASE = CASES / "report" / "mixed"
PLAN = "../../check/_plan/plan.yaml"
ARGS = json.loads((CASE / "args.json").read_text(encoding="utf-8"))
SUFFIX = {
    "terminal": "txt",
    "markdown": "md",
    "json": "json",
    "junit": "xml",
    "github": "github.txt",
    "parsable": "parsable.txt",
    "html": "html",
    "xlsx": "xlsx.txt",  # a workbook is compared by its content: every sheet, every cell
}


def check(*extra: str, env: dict[str, str] | None = None) -> Run:
    return invoke("check", "submissions", "--plan", PLAN, *ARGS, *extra, cwd=CASE, env=env)


def test_every_format_has_a_golden_file() -> None:
    assert set(SUFFIX) == set(reporters.FORMATS)


@pytest.mark.parametrize("name", sorted(SUFFIX))
def test_format_matches_its_golden_file(name: str) -> None:
    result = check("--format", name)
    assert result.exit_code == 2  # the case holds one invalid file, on purpose
    golden = CASE / f"expected.{SUFFIX[name]}"
    shown = xlsx_text(result.raw) if reporters.FORMATS[name].binary else result.stdout
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")
    assert check("--format", name).raw == result.raw  # byte-identical across runs


HUMAN = {"terminal": "txt", "markdown": "md", "html": "html"}
SAMPLES = CASES / "report" / "samples-2011"


@pytest.mark.parametrize("name", sorted(HUMAN))
def test_chinese_reports_match_their_golden_files(name: str) -> None:
    """The case, and the shipped samples at the year end, as a 通报 attachment reads."""
    runs = {
        CASE / f"expected.zh.{HUMAN[name]}": check("--format", name, "--lang", "zh"),
        SAMPLES / f"expected.zh.{HUMAN[name]}": invoke(
            "check", "submissions/", "--as-of", "2011-12-31", "--lang", "zh", "--format", name
        ),
    }
    for golden, result in runs.items():
        if os.environ.get("LZPLAN_UPDATE_CASES"):
            golden.parent.mkdir(exist_ok=True)
            golden.write_text(result.stdout, encoding="utf-8")
        assert result.stdout == golden.read_text(encoding="utf-8"), golden.name


def test_one_run_writes_several_reports_and_still_prints_the_matrix(tmp_path: Path) -> None:
    result = check(
        "--output", f"markdown:{tmp_path / 'STATUS.md'}",
        "--output", f"json:{tmp_path / 'out' / 'status.json'}",
        "--output", f"junit:{tmp_path / 'junit.xml'}",
    )  # fmt: skip
    assert result.stdout == (CASE / "expected.txt").read_text(encoding="utf-8")
    for name, path in [("md", "STATUS.md"), ("json", "out/status.json"), ("xml", "junit.xml")]:
        expected = (CASE / f"expected.{name}").read_text(encoding="utf-8")
        assert (tmp_path / path).read_text(encoding="utf-8") == expected


def test_the_shipped_samples_in_three_formats_at_once(tmp_path: Path) -> None:
    result = invoke(
        "check", "submissions/", "--as-of", "2011-12-31",
        "--output", f"markdown:{tmp_path / 'STATUS.md'}",
        "--output", f"json:{tmp_path / 'status.json'}",
        "--output", f"html:{tmp_path / 'status.html'}",
    )  # fmt: skip
    assert (tmp_path / "status.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert result.exit_code == 1
    assert "Shortfalls, worst first:" in result.stdout
    assert "| `gulin` | 古蔺县人民政府 |" in (tmp_path / "STATUS.md").read_text(encoding="utf-8")
    assert json.loads((tmp_path / "status.json").read_text(encoding="utf-8"))["as_of"] == (
        "2011-12-31"
    )


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("markdown", "expected FORMAT:PATH"),
        ("pdf:out.pdf", "unknown format 'pdf'"),
        ("json:submissions/status.json", "does not write into a folder it reads"),
    ],
)
def test_bad_output_options(spec: str, message: str) -> None:
    result = check("--output", spec)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (CASE / "submissions" / "status.json").exists()


def test_github_fills_the_step_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    check("--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    expected = "earlier step\n" + (CASE / "expected.md").read_text(encoding="utf-8")
    assert summary.read_text(encoding="utf-8") == expected


def test_no_step_summary_without_github(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    check("--format", "markdown", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert not summary.exists()


def test_github_annotations_escape_what_the_runner_parses() -> None:
    from lzplan.reporters import github

    assert github._data("50%\nnext") == "50%25%0Anext"
    assert github._property("a:b,c") == "a%3Ab%2Cc"


def test_json_report_follows_its_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(invoke("schema", "report").stdout)
    for args in (("--format", "json"),):
        jsonschema.validate(json.loads(check(*args).stdout), schema)
    for day in ("2011-06-30", "2011-12-31"):
        samples = invoke("check", "--as-of", day, "--format", "json",
                         "--scores", "plan/scores-2011.yaml").stdout  # fmt: skip
        jsonschema.validate(json.loads(samples), schema)


def test_junit_validates_against_the_published_schema(tmp_path: Path) -> None:
    xmlschema = pytest.importorskip("xmlschema")
    schema = xmlschema.XMLSchema(str(junit_schema.locate(tmp_path)))
    schema.validate(check("--format", "junit").stdout)
    samples = invoke("check", "--as-of", "2011-12-31", "--format", "junit").stdout
    schema.validate(samples)


def test_junit_counts() -> None:
    from xml.etree import ElementTree as ET

    root = ET.fromstring(check("--format", "junit").stdout)
    assert root.get("tests") == "10"
    # jiangyang missed twice, legal-affairs missed, finance not submitted twice
    assert root.get("failures") == "5"
    assert root.get("errors") == "2"  # public-security's invalid file, two requirements
    skipped = [
        case.get("name") for case in root.iter("testcase") if case.find("skipped") is not None
    ]
    assert len(skipped) == 1  # waived (as of its due date, nothing is pending any more)
    assert ROOT.exists()


def test_the_step_summary_never_lands_on_an_input(tmp_path: Path) -> None:
    """$GITHUB_STEP_SUMMARY pointing at the waivers file, into the submissions folder, or
    at a FIFO nobody reads: exit 2 with the reason, nothing written, no hang."""
    shutil.copytree(ROOT / "plan", tmp_path / "plan")
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    waivers = tmp_path / "plan" / "waivers-2011.yaml"
    before = waivers.read_bytes()
    fifo = tmp_path / "summary.fifo"
    os.mkfifo(fifo)
    cases = [
        (waivers, "is an input of this run"),
        (tmp_path / "submissions" / "summary.md", "does not write into a folder it reads"),
        (fifo, "cannot write"),
    ]
    for target, message in cases:
        result = invoke("check", "--as-of", "2011-12-31", "--format", "github", cwd=tmp_path,
                        env={"GITHUB_STEP_SUMMARY": str(target)})  # fmt: skip
        assert result.exit_code == 2
        assert message in result.stderr
    assert waivers.read_bytes() == before
    assert not (tmp_path / "submissions" / "summary.md").exists()


def test_the_workbook_is_linear_in_items(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A unit padding its file with thousands of items: the workbook writes each row once
    and never rescans the sheet for its last row (openpyxl's max_row reads every cell;
    asked per row, 6,000 items took a minute)."""
    from openpyxl.worksheet.worksheet import Worksheet

    shutil.copytree(ROOT / "plan", tmp_path / "plan")
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    gulin = tmp_path / "submissions" / "gulin.yaml"
    padding = "".join(
        f"    - title: 补充佐证材料第{i}号\n      date: 2011-05-{i % 28 + 1:02d}\n"
        f"      doc_no: 古府函〔2011〕{1000 + i}号\n"
        for i in range(2000)
    )
    marker = "  t1-1.risk-assessment:\n    evidence:\n"
    gulin.write_text(gulin.read_text(encoding="utf-8").replace(marker, marker + padding, 1),
                     encoding="utf-8")  # fmt: skip
    scans = 0
    real = Worksheet.max_row

    def counted(self: Worksheet) -> int:
        nonlocal scans
        scans += 1
        value: int = real.fget(self)  # type: ignore[attr-defined]
        return value

    monkeypatch.setattr(Worksheet, "max_row", property(counted))
    out = tmp_path / "status.xlsx"
    result = invoke("check", "--as-of", "2011-12-31", "--no-cache", "-o", f"xlsx:{out}",
                    cwd=tmp_path)  # fmt: skip
    assert result.exit_code == 1, result.stderr
    assert "补充佐证材料第1999号" in xlsx_text(out.read_bytes())
    assert scans <= 30  # a few per sheet (openpyxl itself asks when saving), not one a row
