"""The layouts docs/ci.md describes, built as real git repositories.

A plan repository; each unit's repository with the plan as a submodule and its own
file; the central repository with the plan and every unit's repository as
submodules. The central check reads each unit's file and none of the plans' copies;
a unit's check reads only its own; a file in one unit's repository that claims another
unit is refused.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CASES, invoke

GIT = shutil.which("git")
PLAN = CASES / "check" / "_plan"
SUBS = CASES / "check" / "all-met" / "submissions"
UNITS = ("jiangyang", "naxi", "legal-affairs", "finance", "public-security")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "protocol.file.allow=always", "-c", "user.name=lzplan",
         "-c", "user.email=lzplan@example.invalid", "-c", "init.defaultBranch=main", *args],
        cwd=folder, check=True, capture_output=True,
    )  # fmt: skip


def repository(folder: Path, files: dict[str, Path]) -> Path:
    folder.mkdir(parents=True)
    git(folder, "init", "-q")
    for name, source in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(source, folder / name)
    return folder


def commit(folder: Path) -> None:
    git(folder, "add", "-A")
    git(folder, "commit", "-q", "-m", "state")


@pytest.fixture(scope="module")
def layout(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("layouts")
    plan = repository(root / "plan-repo", {n: PLAN / n for n in ("plan.yaml", "notice.txt")})
    commit(plan)
    made = {"plan": plan}
    for unit in UNITS:
        repo = repository(
            root / f"{unit}-repo", {f"submissions/{unit}.yaml": SUBS / f"{unit}.yaml"}
        )
        git(repo, "submodule", "add", "-q", str(plan), "plan")
        commit(repo)
        made[unit] = repo
    central = repository(root / "central", {})
    git(central, "submodule", "add", "-q", str(plan), "plan")
    for unit in UNITS:
        git(central, "submodule", "add", "-q", str(made[unit]), f"units/{unit}")
    git(central, "submodule", "update", "--init", "--recursive", "-q")
    commit(central)
    made["central"] = central
    return made


def test_the_central_repository_reads_each_unit_and_no_copy_of_the_plan(
    layout: dict[str, Path],
) -> None:
    central = layout["central"]
    assert (central / "units" / "naxi" / "plan" / "plan.yaml").exists()  # the copies are there
    args = ("check", "units", "--plan", "plan/plan.yaml", "--as-of", "2011-12-31")
    result = invoke(*args, "--format", "json", cwd=central)
    assert result.stderr == ""
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert {unit["id"]: unit["status"] for unit in report["units"]} == dict.fromkeys(
        UNITS, "compliant"
    )
    assert report["units"][1]["file"] == "units/naxi/submissions/naxi.yaml"


def test_a_unit_repository_checks_its_own_file(layout: dict[str, Path]) -> None:
    repo = layout["naxi"]
    args = ("check", "submissions", "--unit", "naxi", "--plan", "plan/plan.yaml")
    result = invoke(*args, "--as-of", "2011-12-31", cwd=repo)
    assert result.exit_code == 0, result.stderr
    assert "Units (1): 1 compliant" in result.stdout


def test_a_unit_cannot_file_for_another(layout: dict[str, Path], tmp_path: Path) -> None:
    repo = tmp_path / "naxi"
    shutil.copytree(layout["naxi"], repo)
    shutil.copy(SUBS / "jiangyang.yaml", repo / "submissions" / "jiangyang.yaml")
    args = ("check", "submissions", "--unit", "naxi", "--plan", "plan/plan.yaml")
    result = invoke(*args, "--as-of", "2011-12-31", cwd=repo)
    assert result.exit_code == 2
    assert "a file claiming 'jiangyang' is not read" in result.stderr
    # and in the central repository, naxi's repository cannot speak for jiangyang either
    central = tmp_path / "central"
    shutil.copytree(layout["central"], central)
    forged = central / "units" / "naxi" / "submissions" / "jiangyang-by-naxi.yaml"
    shutil.copy(SUBS / "jiangyang.yaml", forged)
    shutil.copy(SUBS / "jiangyang.yaml", central / "units" / "naxi" / "submissions" / "x.yaml")
    args = ("check", "units", "--plan", "plan/plan.yaml", "--as-of", "2011-12-31")
    result = invoke(*args, "--format", "json", cwd=central)
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    standing = {unit["id"]: unit["status"] for unit in report["units"]}
    assert standing["jiangyang"] == "compliant"  # its own file, untouched by the forgery
    assert (
        "units/naxi/submissions/x.yaml:1:1: error: this file claims unit 'jiangyang', "
        "but its place binds it to 'naxi'" in result.stderr
    )


@pytest.mark.parametrize(
    "place",
    [
        "submissions/public-security.yaml",
        "public-security/2011.yaml",
        "submissions/public-security.yml",
    ],
)
def test_a_units_repository_speaks_for_no_unit_without_one(
    layout: dict[str, Path], tmp_path: Path, place: str
) -> None:
    """public-security has no repository in the central one; naxi's holds a file for it
    (by its name, in a folder named after it, as .yml) and commits it. public-security
    stays not submitted, naxi stays as its own file makes it, and the error names
    both."""
    central = tmp_path / "central"
    shutil.copytree(layout["central"], central, symlinks=True)
    git(central, "rm", "-q", "-f", "units/public-security")
    forged = central / "units" / "naxi" / place
    forged.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(SUBS / "public-security.yaml", forged)
    commit(central / "units" / "naxi")
    args = ("check", "units", "--plan", "plan/plan.yaml", "--as-of", "2011-12-31")
    result = invoke(*args, "--format", "json", cwd=central)
    assert result.exit_code == 2
    standing = {u["id"]: u["status"] for u in json.loads(result.stdout)["units"]}
    assert standing["public-security"] == "not_submitted"
    assert standing["naxi"] == "compliant"
    assert (
        f"units/naxi/{place}:1:1: error: this file claims unit 'public-security', "
        "but its place binds it to 'naxi'" in result.stderr
    )
