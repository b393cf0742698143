"""What lzplan promises, whatever the machine: it never writes where it reads, and the
same inputs give the same bytes across runs, file orders, locales, time zones and
terminal widths."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

ARGS = ["check", "--as-of", "2011-12-31", "--color", "never"]


def lzplan(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> bytes:
    done = subprocess.run(
        [sys.executable, "-m", "lzplan", *args],
        cwd=cwd,
        env={**os.environ, **(env or {})},
        capture_output=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with a digest of its content and its mtime."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        + str(p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_checker_never_writes_into_the_folders_it_reads(tmp_path: Path) -> None:
    work = tmp_path / "work"
    shutil.copytree(ROOT / "plan", work / "plan")
    shutil.copytree(ROOT / "submissions", work / "submissions")
    before = (tree(work / "plan"), tree(work / "submissions"))
    out = tmp_path / "out"
    for fmt in ("markdown", "json", "junit", "html", "github", "parsable"):
        lzplan(*ARGS, "--output", f"{fmt}:{out / fmt}", cwd=work)
    lzplan("explain", "gulin", "--as-of", "2011-12-31", cwd=work)
    lzplan("plan", "validate", cwd=work)
    assert (tree(work / "plan"), tree(work / "submissions")) == before
    assert sorted(p.name for p in work.iterdir()) == ["plan", "submissions"]


@pytest.mark.parametrize("fmt", ["terminal", "json", "html"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_same_bytes_whatever_the_locale_time_zone_and_terminal(fmt: str, lang: str) -> None:
    """The language is chosen (--lang; without it the locale chooses it, as gettext's
    tools do); given it, nothing else of the locale, the time zone or the terminal
    changes a byte."""
    runs = [
        lzplan(*ARGS, "--format", fmt, "--lang", lang, env=env)
        for env in (
            {"LANG": "C", "LC_ALL": "C", "TZ": "UTC", "COLUMNS": "40"},
            {"LANG": "zh_CN.UTF-8", "LC_ALL": "zh_CN.UTF-8", "TZ": "Asia/Shanghai",
             "COLUMNS": "250"},
            {"LANG": "en_US.UTF-8", "TZ": "America/Los_Angeles", "COLUMNS": "80",
             "LINES": "10", "TERM": "dumb"},
        )
    ]  # fmt: skip
    assert runs[0] == runs[1] == runs[2]
    assert runs[0] == lzplan(*ARGS, "--format", fmt, "--lang", lang)  # and across runs


def test_same_bytes_whatever_order_the_folder_lists_its_files(tmp_path: Path) -> None:
    forward, backward = tmp_path / "a", tmp_path / "b"
    files = sorted((ROOT / "submissions").glob("*.yaml"))
    for folder, order in ((forward, files), (backward, list(reversed(files)))):
        folder.mkdir()
        for path in order:  # creation order is what a directory listing tends to follow
            shutil.copy(path, folder / path.name)
    plan = str(ROOT / "plan" / "2011.yaml")
    first = lzplan(*ARGS, "a", "--plan", plan, "--format", "json", cwd=tmp_path)
    second = lzplan(*ARGS, "b", "--plan", plan, "--format", "json", cwd=tmp_path)
    assert first.count(b'"a/') > 41  # every unit's file and item positions
    assert first.replace(b'"a/', b'"X/') == second.replace(b'"b/', b'"X/')
