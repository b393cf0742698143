"""What CI systems read agrees with the exit code: JUnit through a real reader
(junitparser), GitHub annotations within GitHub's limits, notices scoped to the units
checked, and --fail-on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import CASES, ROOT, case_dirs, invoke

junitparser = pytest.importorskip("junitparser")
CHECK = case_dirs("check")
PLAN = "../_plan/plan.yaml"


def junit_and_json(case: Path, *extra: str) -> tuple[int, object, dict[str, object]]:
    args = json.loads((case / "args.json").read_text(encoding="utf-8"))
    common = ("check", "submissions", "--plan", PLAN, *args, *extra)
    junit = invoke(*common, "--format", "junit", cwd=case)
    report = json.loads(invoke(*common, "--format", "json", cwd=case).stdout)
    return junit.exit_code, junitparser.JUnitXml.fromstring(junit.stdout.encode()), report


@pytest.mark.parametrize("case", CHECK, ids=[case.name for case in CHECK])
@pytest.mark.parametrize("fail_on", ["invalid", "missed", "pending"])
def test_junit_agrees_with_the_exit_code_and_the_json(case: Path, fail_on: str) -> None:
    code, xml, report = junit_and_json(case, "--fail-on", fail_on)
    kinds: dict[tuple[str, str], str] = {}
    for suite in xml:
        for test in suite:
            results = [type(r).__name__ for r in test.result]
            kinds[(test.classname, test.name.split()[0])] = results[0] if results else "passed"
            for found in (r for r in test.result if type(r).__name__ in ("Failure", "Error")):
                assert found.message  # what a summary shows
                assert found.text  # what GitLab shows when the case is opened
    statuses = {
        (unit["id"], o["requirement"]): o["status"]
        for unit in report["units"]  # type: ignore[index]
        for o in unit["outcomes"]
    }
    assert set(kinds) == set(statuses)
    failures = [key for key, kind in kinds.items() if kind == "Failure"]
    errors = [key for key, kind in kinds.items() if kind == "Error"]
    assert all(statuses[key] == "invalid" for key in errors)
    assert all(statuses[key] in ("missed", "not_submitted", "pending") for key in failures)
    if code == 0:
        assert failures == []
        assert errors == []
    if code == 1:
        assert failures
    if failures:
        assert code in (1, 2)
    strict = "--strict" in (case / "args.json").read_text(encoding="utf-8")
    if fail_on == "invalid" and not strict:
        assert failures == []


def github(*args: str, env: dict[str, str] | None = None) -> list[str]:
    result = invoke("check", "--as-of", "2011-12-31", "--format", "github", *args, env=env)
    return result.stdout.splitlines()


def test_annotations_worst_first_one_per_unit_not_submitted() -> None:
    lines = github()
    levels = [line.split()[0] for line in lines]
    assert levels == sorted(levels, key=["::error", "::warning", "::notice"].index)
    tourism = [line for line in lines if "file=plan/2011.yaml" in line]
    assert len(tourism) == 1  # not one per requirement owed
    assert "20 requirements owed" in tourism[0]


def test_annotations_stay_within_github_s_limits(tmp_path: Path) -> None:
    # every unit's file missing: 53 units not submitted, more errors than GitHub shows
    empty = tmp_path / "empty"
    empty.mkdir()
    lines = github(str(empty), "--plan", str(ROOT / "plan" / "2011.yaml"))
    assert sum(line.startswith("::error") for line in lines) == 10
    assert lines[-1].startswith("::notice title=lzplan::43 more findings are in the step summary")


def test_a_broken_file_is_annotated_first_whatever_else_fails(tmp_path: Path) -> None:
    """52 units never filed; gulin's file is broken — the reason the run exits 2. Its
    annotation comes first, within GitHub's ten, and the rest say missed before late."""
    plan = tmp_path / "a-plan"  # its findings sort before the file's by place alone
    shutil.copytree(ROOT / "plan", plan)
    folder = tmp_path / "z-subs"
    folder.mkdir()
    (folder / "gulin.yaml").write_text("unit: gulin\nplan: luzhou-2011\nreported: 2011-13-01\n",
                                       encoding="utf-8")  # fmt: skip
    lines = github(str(folder), "--plan", str(plan / "2011.yaml"))
    errors = [line for line in lines if line.startswith("::error")]
    assert len(errors) == 10
    assert "gulin.yaml" in errors[0]
    assert lines[-1].startswith("::notice title=lzplan::")


def test_a_unit_hears_only_of_itself(tmp_path: Path) -> None:
    """xuyong's waiver expires in 2012: gulin's own check does not hear of it."""
    args = ("check", "submissions/gulin.yaml", "--unit", "gulin", "--format", "json")
    central = json.loads(invoke("check", "--as-of", "2012-06-01", "--format", "json").stdout)
    assert any("xuyong" in str(n) or "waiver" in n["message"] for n in central["notices"])
    own = json.loads(invoke(*args, "--as-of", "2012-06-01").stdout)
    assert own["notices"] == []


def test_fail_on_sets_what_fails_the_run() -> None:
    args = ("check", "submissions/gulin.yaml", "--unit", "gulin", "--as-of", "2011-12-31")
    assert invoke(*args).exit_code == 1  # gulin missed two duties
    assert invoke(*args, "--fail-on", "invalid").exit_code == 0  # what a hook blocks
    mid_year = ("check", "submissions/gulin.yaml", "--unit", "gulin", "--as-of", "2011-06-01")
    assert invoke(*mid_year).exit_code == 0
    assert invoke(*mid_year, "--fail-on", "pending").exit_code == 1
    assert invoke(*mid_year, "--strict").exit_code == 1
    assert CASES.exists()
