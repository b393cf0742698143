"""`lzplan check` and `lzplan explain` on the shipped plan and sample submissions."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lzplan.check import collect, engine
from lzplan.plan import load as plans
from tests.conftest import ROOT, invoke

YEAR_END = ("--as-of", "2011-12-31")


def test_year_end_matrix_shows_every_unit_and_task_and_fails() -> None:
    result = invoke("check", "submissions/", *YEAR_END)
    assert result.exit_code == 1
    out = result.stdout
    for name in ("江阳区人民政府", "古蔺县人民政府", "市人力资源社会保障局", "市旅游局"):
        assert name in out
    header = next(line for line in out.splitlines() if line.startswith("unit "))
    assert header.split()[2:-1] == [
        "1-1", "1-2", "1-3", "1-4", "1-5", "2-1", "2-2", "2-3a", "2-3b", "2-3c", "2-4", "2-5",
        "2-6",
    ]  # fmt: skip
    # districts and counties come first, then the departments
    rows = [
        line.split()[0]
        for line in out.splitlines()
        if line.startswith(("jiangyang", "gulin", "gov-office"))
    ]
    assert rows == ["jiangyang", "gulin", "gov-office"]
    assert (
        "Units (53): 46 compliant, 2 compliant, some late, 1 on track, 3 behind,"
        " 1 not submitted, 0 invalid." in out
    )
    assert "missed          gulin" in out
    assert "no file: 20 requirements owed" in out
    assert "文号 合府函〔2011〕83号 appears twice" in out
    assert "市旅游局*" in out
    assert (
        "* not named in the notice: owes by the notice's words for all departments"
        " or by the task breakdown 泸府法〔2011〕8号" in out
    )
    assert result.stderr == ""


def test_every_status_appears_in_the_samples() -> None:
    report = json.loads(invoke("check", *YEAR_END, "--format", "json").stdout)
    statuses = {o["status"] for unit in report["units"] for o in unit["outcomes"]}
    cells = {cell for unit in report["units"] for cell in unit["cells"].values()}
    assert statuses >= {"met", "met_late", "missed", "not_submitted", "waived"}  # pending: autumn
    assert "n/a" in cells


def test_autumn_shows_work_still_pending() -> None:
    result = invoke("check", "submissions/", "--as-of", "2011-09-30", "--format", "json")
    report = json.loads(result.stdout)
    assert report["summary"]["requirements"]["pending"] > 100
    assert result.exit_code == 0  # nothing due by then was missed; sanitation was only late
    missed = [
        (unit["id"], o["requirement"])
        for unit in report["units"]
        for o in unit["outcomes"]
        if o["status"] == "missed"
    ]
    assert missed == []
    assert any(unit["status"] == "not_submitted" for unit in report["units"])


def test_a_compliant_unit_checked_alone_passes() -> None:
    result = invoke("check", "submissions/jiangyang.yaml", "--unit", "jiangyang", *YEAR_END)
    assert result.exit_code == 0
    assert "Units (1): 1 compliant" in result.stdout


def test_strict_fails_on_pending() -> None:
    args = ("check", "submissions/jiangyang.yaml", "--unit", "jiangyang", "--as-of", "2011-06-01")
    assert invoke(*args).exit_code == 0
    assert invoke(*args, "--strict").exit_code == 1


def test_unknown_unit_option() -> None:
    result = invoke("check", "--unit", "chengdu", *YEAR_END)
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "error: 'chengdu' is not a unit of the plan; known: agriculture"
    )


def test_bad_as_of_date() -> None:
    result = invoke("check", "--as-of", "2011-13-01")
    assert result.exit_code == 2
    assert "'2011-13-01' is not a date written YYYY-MM-DD" in result.stderr


def test_missing_path() -> None:
    result = invoke("check", "nowhere/", *YEAR_END)
    assert result.exit_code == 2
    assert "nowhere: error: no such file or folder" in result.stderr


def test_help_documents_exit_codes() -> None:
    result = invoke("check", "--help")
    assert result.exit_code == 0
    assert "Exit codes: 0 nothing missed" in result.stdout
    assert "--as-of" in result.stdout


def test_output_is_the_same_whatever_the_file_order(tmp_path: Path) -> None:
    files = sorted((ROOT / "submissions").glob("*.yaml"))
    forward = invoke("check", *map(str, files), *YEAR_END, "--format", "json")
    backward = invoke("check", *map(str, reversed(files)), *YEAR_END, "--format", "json")
    assert forward.stdout == backward.stdout
    # and inside the engine, whatever order the files arrive in
    loaded = plans.load(ROOT / "plan" / "2011.yaml")
    files, _ = collect.find_files([ROOT / "submissions"])
    filed = [
        item for item in (collect.load_one(*f) for f in files) if isinstance(item, engine.Filed)
    ]
    results = set()
    for seed in range(3):
        shuffled = list(filed)
        random.Random(seed).shuffle(shuffled)
        result = engine.check(loaded.index, shuffled, engine.dt.date(2011, 12, 31))
        results.add(repr(result))
    assert len(results) == 1


def test_the_checker_does_not_write_into_what_it_reads(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "submissions", tmp_path / "subs")
    before = sorted(p.name for p in (tmp_path / "subs").iterdir())
    invoke("check", str(tmp_path / "subs"), *YEAR_END)
    assert sorted(p.name for p in (tmp_path / "subs").iterdir()) == before


def test_explain_lists_what_counted_and_why_not() -> None:
    result = invoke("explain", "hejiang", "t1-1", *YEAR_END)
    assert result.exit_code == 0
    out = result.stdout
    assert out.startswith("合江县人民政府 (hejiang): compliant, some late\n")
    assert "source: 各区县评估不少于3件" in out
    assert "not counted: duplicate 文号" in out
    assert "t2-1" not in out


def test_explain_late_and_missed() -> None:
    out = invoke("explain", "hejiang", "t2-3a", *YEAR_END).stdout
    assert "met late - completed 2011-07-18" in out
    assert "due 2011-06-30 (6月底前)" in out
    gulin = invoke("explain", "gulin", *YEAR_END)
    assert gulin.exit_code == 1
    assert "t1-5.standardization-complete 行政复议规范化建设基本完成: missed - not completed" in (
        gulin.stdout
    )


def test_work_of_an_earlier_year_is_refused(tmp_path: Path) -> None:
    """An item dated before the plan's period is not quietly skipped: the file is wrong."""
    text = (ROOT / "submissions" / "longmatan.yaml").read_text(encoding="utf-8")
    first = text.index("      date: 2011-")
    (tmp_path / "longmatan.yaml").write_text(
        text[:first] + "      date: 2010-12-20" + text[first + 22 :], encoding="utf-8"
    )
    result = invoke("check", str(tmp_path / "longmatan.yaml"), "--filed-only", *YEAR_END)
    assert result.exit_code == 2
    assert "dated 2010-12-20, before the plan's period began (2011-01-01)" in result.stderr


def test_explain_unknown_task() -> None:
    result = invoke("explain", "gulin", "t9", *YEAR_END)
    assert result.exit_code == 2
    assert "'t9' is not a task of the plan" in result.stderr


@pytest.mark.parametrize(
    "name", ["plan", "submission", "waivers", "report", "scores", "breakdown", "documents"]
)
def test_schemas_are_committed(name: str) -> None:
    schema = json.loads(invoke("schema", name).stdout)
    committed = ROOT / "schemas" / f"{name}.schema.json"
    expected = json.loads(committed.read_text(encoding="utf-8"))
    assert expected == schema, f"run `lzplan schema {name} > schemas/{name}.schema.json`"


def test_the_samples_match_the_submission_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from lzplan.inputs import loader

    schema = json.loads(invoke("schema", "submission").stdout)
    for path in sorted((ROOT / "submissions").glob("*.yaml")):
        data = json.loads(json.dumps(loader.load_file(path).data, default=str))
        jsonschema.validate(data, schema)


def test_the_documented_example_is_a_valid_submission(tmp_path: Path) -> None:
    doc = (ROOT / "docs" / "submission-format.md").read_text(encoding="utf-8")
    example = doc.split("## A complete example")[1].split("```yaml\n")[1].split("```")[0]
    (tmp_path / "legal-affairs.yaml").write_text(example, encoding="utf-8")
    result = invoke("check", str(tmp_path), "--unit", "legal-affairs", *YEAR_END)
    assert result.stderr == ""
    report = json.loads(
        invoke("check", str(tmp_path), "--unit", "legal-affairs", *YEAR_END, "-f", "json").stdout
    )
    (unit,) = report["units"]
    met = {o["requirement"] for o in unit["outcomes"] if o["status"] == "met"}
    assert met >= {"t1-2.district-evaluation", "t2-2.cleanup", "t2-4.case-file-share"}
    assert "t2-4.case-file-departments" in met


def test_explain_the_case_file_audit() -> None:
    out = invoke("explain", "legal-affairs", "t2-4", *YEAR_END).stdout
    assert "needs a share of at least 20%" in out
    assert "350/1437 = 24.4% of 20%" in out
    assert "needs at least 15 distinct units" in out
    assert "16/15 units" in out
    # the overall rate does not hide one department's: each part is listed
    assert "- 'animal-husbandry': 9/59 = 15.3%, outside 20% on its own" in out
    assert "- 'public-security': 32/152 = 21.1%\n" in out
    assert "- covered: 'public-security', 'land-resources'," in out


def test_a_unit_that_filed_nothing_owes_its_real_threshold(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    (tmp_path / "submissions" / "gulin.yaml").unlink()
    plan = str(ROOT / "plan" / "2011.yaml")
    args = ("explain", "gulin", "t1-1", "-s", "submissions", "--plan", plan, *YEAR_END)
    out = invoke(*args, cwd=tmp_path).stdout
    assert "needs at least 3 dated evidence item(s)" in out  # the county quota, not 1
    as_json = ("check", "submissions", "--plan", plan, *YEAR_END, "--format", "json")
    report = json.loads(invoke(*as_json, cwd=tmp_path).stdout)
    gulin = next(unit for unit in report["units"] if unit["id"] == "gulin")
    risk = next(o for o in gulin["outcomes"] if o["requirement"] == "t1-1.risk-assessment")
    assert (risk["status"], risk["required"], risk["shortfall"]) == ("not_submitted", 3, 3)


def test_explain_names_the_invalid_file_of_a_unit(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    broken = tmp_path / "submissions" / "gulin.yaml"
    broken.write_text(broken.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    plan = str(ROOT / "plan" / "2011.yaml")
    out = invoke("explain", "gulin", "-s", "submissions", "--plan", plan, *YEAR_END, cwd=tmp_path)
    assert out.stdout.splitlines()[:2] == [
        "古蔺县人民政府 (gulin): invalid",
        "file: submissions/gulin.yaml; as of 2011-12-31",
    ]
    assert "submissions/gulin.yaml:" in out.stderr


@pytest.mark.parametrize(
    ("task", "column"), [("t1-1", "1-1"), ("t12", "12"), ("transparency", "transparency")]
)
def test_matrix_columns_drop_only_the_t_of_numbered_tasks(task: str, column: str) -> None:
    from lzplan.reporters import labels

    assert labels.column(task) == column


def test_a_run_where_nothing_given_exists_says_only_that(tmp_path: Path) -> None:
    """Outside the folder it means, check prints no matrix of every unit "not
    submitted" above its error: the error alone, exit 2."""
    result = invoke("check", "--as-of", "2011-12-31", cwd=tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "submissions: error: no such file or folder" in result.stderr


def test_explain_needs_only_the_units_own_file_sound(tmp_path: Path) -> None:
    """Another unit's broken file neither fails nor clutters `explain gulin` (a check of
    every unit still reports it); gulin's own broken file does, with its located
    message."""
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    naxi = tmp_path / "submissions" / "naxi.yaml"
    text = naxi.read_text(encoding="utf-8")
    naxi.write_text(text.replace("reported: 2011-12-", "reported: 2011-13-"), encoding="utf-8")
    plan = ("--plan", str(ROOT / "plan" / "2011.yaml"), *YEAR_END)
    result = invoke("explain", "gulin", "-s", "submissions", *plan, cwd=tmp_path)
    assert result.exit_code in (0, 1), result.stderr
    assert "naxi.yaml" not in result.stderr
    whole = invoke("check", "submissions", *plan, cwd=tmp_path)
    assert whole.exit_code == 2
    assert "submissions/naxi.yaml:5:11: error: '2011-13-" in whole.stderr
    gulin = tmp_path / "submissions" / "gulin.yaml"
    gulin.write_text(gulin.read_text(encoding="utf-8") + "bogus: 1\n", encoding="utf-8")
    mine = invoke("explain", "gulin", "-s", "submissions", *plan, cwd=tmp_path)
    assert mine.exit_code == 2
    assert "submissions/gulin.yaml:" in mine.stderr
    assert "naxi.yaml" not in mine.stderr


@pytest.mark.parametrize(
    "args",
    [["check", "--help"], ["check", "--bogus"], ["check", "submissions", "-f", "json",
      "--as-of", "2011-06-30"], ["explain"], ["--version"], ["--help"], ["plan", "--help"],
     ["chek"]],
)  # fmt: skip
def test_the_command_alone_is_the_whole_app(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``lzplan`` builds only the command it runs (typer builds every command's
    parameters first): its help, usage, errors and output are the whole app's."""
    from lzplan.cli import root

    monkeypatch.chdir(ROOT)
    narrowed = root.narrowed(args)
    assert (narrowed is root.app) == (args[0] not in ("check", "explain", "--version"))
    whole, alone = (CliRunner().invoke(a, args, prog_name="lzplan") for a in (root.app, narrowed))
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        whole.exit_code, whole.stdout, whole.stderr)  # fmt: skip


def test_completion_gets_the_whole_app(monkeypatch: pytest.MonkeyPatch) -> None:
    from lzplan.cli import root

    monkeypatch.setenv("_LZPLAN_COMPLETE", "complete_bash")
    assert root.narrowed(["check"]) is root.app
