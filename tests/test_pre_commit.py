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


def plan_repository(tmp_path: Path) -> Path:
    """The 法制办's plan repository: the plan, its notice and waivers at its root."""
    repo = tmp_path / "plan-repo"
    if not repo.exists():
        repo.mkdir()
        for name in ("2011.yaml", "2011.source.txt", "2011.breakdown.yaml", "waivers-2011.yaml"):
            shutil.copy(ROOT / "plan" / name, repo / name)
        git(repo, "init", "-q")
        git(repo, "add", ".")
        git(
            repo, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-qm", "plan"
        )
    return repo


def unit_repo(tmp_path: Path, unit: str, layout: str) -> Path:
    """A unit's repository as docs/ci.md lays it out: its own file, and the plan as a
    submodule of the plan repository, or no plan at all (the one lzplan ships)."""
    repo = tmp_path / f"{unit}-repo"
    (repo / "submissions").mkdir(parents=True)
    shutil.copy(ROOT / "submissions" / f"{unit}.yaml", repo / "submissions" / f"{unit}.yaml")
    git(repo, "init", "-q")
    if layout == "submodule":
        plan = plan_repository(tmp_path)
        git(repo, "-c", "protocol.file.allow=always", "submodule", "add", "-q", str(plan), "plan")
        assert (repo / "plan" / "2011.yaml").exists()  # plan/2011.yaml, not plan/plan/…
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
@pytest.mark.parametrize(
    ("unit", "layout", "broken", "passes"),
    [
        ("jiangyang", "submodule", False, True),
        ("gulin", "submodule", False, True),  # missed items: CI's to enforce, not a commit's
        ("gulin", "shipped", False, True),
        ("gulin", "shipped", True, False),  # a file error is the clerk's to fix now
    ],
)
def test_the_hook_in_a_unit_repository(
    unit: str, layout: str, broken: bool, passes: bool, tmp_path: Path
) -> None:
    repo = unit_repo(tmp_path, unit, layout)
    if broken:
        path = repo / "submissions" / f"{unit}.yaml"
        text = path.read_text(encoding="utf-8").replace("date: 2011-03-", "date: 2011年3月")
        path.write_text(text, encoding="utf-8")
        git(repo, "add", ".")
    done = try_repo(repo, tmp_path)
    output = done.stdout + done.stderr
    assert (done.returncode == 0) is passes, output
    assert ("Passed" if passes else "Failed") in output
    if broken:
        assert f"submissions/{unit}.yaml:" in output
        assert "write 2011-03-" in output or "YYYY-MM-DD" in output


def docs_snippet() -> str:
    """The first yaml block under docs/ci.md's pre-commit heading, verbatim."""
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text[text.index("### pre-commit") :]
    return section.split("```yaml\n", 1)[1].split("```", 1)[0]


@pytest.mark.parametrize(("broken", "passes"), [(False, True), (True, False)])
def test_the_docs_snippet_works_when_pasted(broken: bool, passes: bool, tmp_path: Path) -> None:
    """A clerk copies docs/ci.md's snippet into a fresh repository and commits."""
    pytest.importorskip("pre_commit")
    repo = unit_repo(tmp_path, "gulin", "shipped")
    (repo / ".pre-commit-config.yaml").write_text(docs_snippet(), encoding="utf-8")
    if broken:
        path = repo / "submissions" / "gulin.yaml"
        text = path.read_text(encoding="utf-8").replace("date: 2011-03-", "date: 2011年3月")
        path.write_text(text, encoding="utf-8")
    git(repo, "add", ".")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.invalid",
        "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.invalid",
    }  # fmt: skip
    subprocess.run([*PRE_COMMIT, "install"], cwd=repo, env=env, check=True, capture_output=True)
    done = subprocess.run(["git", "commit", "-qm", "2011年落实情况"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=600, check=False)  # fmt: skip
    output = done.stdout + done.stderr
    assert (done.returncode == 0) is passes, output
    if broken:
        assert "submissions/gulin.yaml:" in output
        assert "YYYY-MM-DD" in output or "write 2011-03-" in output
