"""The plan commands, end to end, as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.cells import cell_len

from lzplan import __version__
from tests.conftest import ROOT, invoke


def test_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert result.stdout == f"lzplan {__version__}\n"


def test_python_dash_m_runs_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lzplan", "--version"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"lzplan {__version__}"


def test_help_teaches_the_exit_codes() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    assert "Exit codes: 0 nothing missed" in result.stdout
    for command in ("plan", "units", "schema"):
        assert command in result.stdout


def test_plan_validate_on_the_shipped_plan() -> None:
    result = invoke("plan", "validate")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("plan/2011.yaml: valid: 53 units, 8 groups, 13 tasks")


def test_plan_from_the_environment(tmp_path: Path) -> None:
    result = invoke("plan", "validate", env={"LZPLAN_PLAN": str(tmp_path / "none.yaml")})
    assert result.exit_code == 2
    assert result.stderr.startswith(
        f"{tmp_path / 'none.yaml'}: error: no such plan file or shipped plan: give --plan PATH "
        "(or set LZPLAN_PLAN), or a shipped plan's id: luzhou-2011"
    )


def test_the_shipped_plans_serve_any_folder(tmp_path: Path) -> None:
    """A unit's repository needs no copy of the plan: lzplan carries it."""
    assert invoke("plan", "list").stdout.startswith(
        "luzhou-2011  泸州市人民政府2011年度依法行政工作安排"
    )
    shown = invoke("plan", "show", cwd=tmp_path)
    assert shown.exit_code == 0
    assert shown.stderr.startswith("using the plan shipped with lzplan, luzhou-2011")
    by_id = invoke("units", "--plan", "luzhou-2011", cwd=tmp_path)
    assert by_id.exit_code == 0
    assert by_id.stderr == ""
    made = invoke("init", "gulin", "-o", "submissions/gulin.yaml", "--reported", "2011-12-20",
                  cwd=tmp_path)  # fmt: skip
    assert made.exit_code == 0, made.stderr
    assert (tmp_path / "submissions" / "gulin.schema.json").exists()
    checked = invoke("check", "submissions/gulin.yaml", "--unit", "gulin", "--as-of", "2011-06-01",
                     cwd=tmp_path)  # fmt: skip
    assert checked.exit_code == 0, checked.stderr


def test_a_folder_given_as_the_plan(tmp_path: Path) -> None:
    result = invoke("plan", "validate", str(tmp_path))
    assert result.exit_code == 2
    assert "is a folder, expected a YAML file" in result.stderr


def test_units_lists_every_unit_with_aligned_chinese_names() -> None:
    result = invoke("units")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    rows = [line for line in lines if line.startswith(("gulin ", "hrss ", "secrecy "))]
    assert len(rows) == 3
    # The kind column starts at the same display column whatever the name's width.
    kind_columns = {cell_len(row[: row.index(" d")]) for row in rows}
    assert len(kind_columns) == 1
    assert "古蔺县人民政府" in result.stdout
    assert "市人力资源社会保障局" in result.stdout
    assert lines[-1] == (
        "53 units (33 not named in the notice: they owe by its words for all departments"
        " or by the task breakdown 泸府法〔2011〕8号)"
    )


def test_plan_show_lists_tasks_quotas_and_deadlines() -> None:
    result = invoke("plan", "show")
    assert result.exit_code == 0
    out = result.stdout
    assert "一(一) 全面落实依法科学民主决策机制" in out
    assert "≥3" in out
    assert "≥1" in out
    assert "≥15 of enforcement" in out
    assert "≥20%" in out
    assert "2012-06-30 (2012年上半年)" in out
    assert "13 tasks, 59 requirements" in out.splitlines()
    # what the encoder decided is printed, not only kept in the YAML
    assert (
        "decision-departments (市级有关部门, task t1-1): 33 units, 27 not named in the notice"
        " (by the task breakdown 泸府法〔2011〕8号)." in out
    )
    # every reading is listed with its reason
    assert "Reading: '市级各部门' read as enforcement:" in out
    assert "Reading: '各区县人民政府' owes nothing here:" in out
    assert all(line == line.rstrip() for line in out.splitlines())


def test_output_does_not_depend_on_the_terminal_width() -> None:
    narrow = invoke("plan", "show", env={"COLUMNS": "40"})
    wide = invoke("plan", "show", env={"COLUMNS": "300"})
    assert narrow.stdout == wide.stdout


def test_colour_on_request() -> None:
    plain = invoke("units", "--color", "never").stdout
    coloured = invoke("units", "--color", "always").stdout
    assert "\x1b[" not in plain
    assert "\x1b[" in coloured


def test_schema_plan_describes_the_plan_file() -> None:
    result = invoke("schema", "plan")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["title"] == "lzplan plan file"
    assert schema["additionalProperties"] is False


def test_the_schema_accepts_the_shipped_plan() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    from lzplan.inputs import loader

    schema = json.loads(invoke("schema", "plan").stdout)
    data = loader.load_file(ROOT / "plan" / "2011.yaml").data
    jsonschema.validate(json.loads(json.dumps(data, default=str)), schema)


def test_a_bug_gives_exit_3_and_a_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    from lzplan.plan import load as plan

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(plan, "load", broken)
    result = invoke("plan", "validate")
    assert result.exit_code == 3
    assert result.stderr.startswith("internal error: RuntimeError: boom\nThis is a bug in lzplan.")
    assert "Traceback" not in result.stderr
    with pytest.raises(RuntimeError):
        invoke("plan", "validate", "--debug")


def test_main_and_dash_m_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import runpy

    from lzplan import cli

    monkeypatch.setattr(sys, "argv", ["lzplan", "--version"])
    with pytest.raises(SystemExit) as raised:
        cli.main()
    assert raised.value.code == 0
    with pytest.raises(SystemExit):
        runpy.run_module("lzplan", run_name="__main__")
    assert capsys.readouterr().out == f"lzplan {__version__}\n" * 2


def test_as_of_defaults_to_today() -> None:
    import datetime as dt

    result = invoke("check", "submissions/jiangyang.yaml", "--unit", "jiangyang")
    assert f"as of {dt.date.today().isoformat()}" in result.stdout.splitlines()[0]


def test_a_shipped_plan_id_is_accepted_wherever_a_plan_path_is(tmp_path: Path) -> None:
    for command in (("plan", "validate"), ("plan", "show")):
        result = invoke(*command, "luzhou-2011", cwd=tmp_path)
        assert result.exit_code == 0, result.stderr
    result = invoke("plan", "validate", "no-such-plan", cwd=tmp_path)
    assert result.exit_code == 2
    assert "a shipped plan's id: luzhou-2011" in result.stderr
