"""The `lzplan-check` pre-commit hook, for real: `pre-commit try-repo` in a temporary
unit repository, once passing and once failing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def unit_repo(tmp_path: Path, unit: str) -> Path:
    """A unit's repository: the central plan beside the unit's own submission."""
    repo = tmp_path / f"{unit}-repo"
    (repo / "plan").mkdir(parents=True)
    (repo / "submissions").mkdir()
    for name in ("2011.yaml", "2011.source.txt"):
        shutil.copy(ROOT / "plan" / name, repo / "plan" / name)
    shutil.copy(ROOT / "submissions" / f"{unit}.yaml", repo / "submissions" / f"{unit}.yaml")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    return repo


def try_repo(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(tmp_path.parent / "pre-commit-home"),  # shared: one install
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }  # fmt: skip
    return subprocess.run(
        [*PRE_COMMIT, "try-repo", str(ROOT), "lzplan-check", "--all-files"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=900, check=False,
    )  # fmt: skip


@pytest.fixture
def hook_source(tmp_path: Path) -> None:
    pytest.importorskip("pre_commit")
    if not (ROOT / ".git").exists():
        pytest.skip("try-repo needs this project as a git repository")


@pytest.mark.usefixtures("hook_source")
@pytest.mark.parametrize(("unit", "passes"), [("jiangyang", True), ("gulin", False)])
def test_the_hook_in_a_unit_repository(unit: str, passes: bool, tmp_path: Path) -> None:
    repo = unit_repo(tmp_path, unit)
    done = try_repo(repo, tmp_path)
    output = done.stdout + done.stderr
    assert (done.returncode == 0) is passes, output
    assert ("Passed" if passes else "Failed") in output
    if not passes:
        assert "gulin" in output
        assert "t1-5.standardization-complete" in output
        assert "jiangyang" not in output  # only the unit whose file was handed over
