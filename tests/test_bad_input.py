"""Broken and hostile input: tests/cases/bad-input/<case>/.

Each case holds submissions/ (a good jiangyang.yaml beside the bad file), case.json (a
note, and `make` for files that cannot live in git: a 50 MB file, symlinks, an
unreadable file) and expected.json: the exit code, the exact messages, and every
unit's standing. The contract for every case: the documented exit code, messages that
name the file (and line and column where they apply), no traceback, and the other
units still checked. Regenerate with LZPLAN_UPDATE_CASES=1 and review the diff.
"""

from __future__ import annotations

import json
import os
import shutil
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from lzplan.errors import InputError
from lzplan.inputs import loader
from tests.conftest import CASES, case_dirs, invoke

BAD = case_dirs("bad-input")
PLAN = CASES / "check" / "_plan" / "plan.yaml"


def make(kind: str, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    subs = root / "submissions"
    if kind == "huge":
        with (subs / "naxi.yaml").open("wb") as f:  # sparse: 50 MB on paper, instant
            f.seek(50 * 1024 * 1024 - 1)
            f.write(b"\n")
    elif kind == "symlink-outside":
        shutil.copy(CASES / "check" / "all-met" / "submissions" / "naxi.yaml", root / "naxi.yaml")
        (subs / "naxi.yaml").symlink_to(root / "naxi.yaml")
    elif kind == "symlink-loop":
        (subs / "loop.yaml").symlink_to(subs / "loop.yaml")
        (subs / "again").symlink_to(subs, target_is_directory=True)
    elif kind == "folder-yaml":
        (subs / "archive.yaml").mkdir()
        shutil.copy(
            CASES / "check" / "all-met" / "submissions" / "naxi.yaml", subs / "archive.yaml"
        )
    elif kind == "unreadable":
        target = subs / "naxi.yaml"
        shutil.copy(CASES / "check" / "all-met" / "submissions" / "naxi.yaml", target)
        real = os.open

        def opened(path: Any, *args: Any, **kwargs: Any) -> Any:
            if Path(path).name == target.name:  # as chmod 000 does, even for root
                raise PermissionError(13, "Permission denied")
            return real(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", opened)
    else:  # pragma: no cover - a typo in case.json
        raise ValueError(kind)


def run_case(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    root = tmp_path / case.name
    shutil.copytree(case, root, symlinks=True)
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    if "make" in spec:
        make(spec["make"], root, monkeypatch)
    args = ("check", "submissions", "--plan", str(PLAN), "--as-of", "2011-12-31")
    result = invoke(*args, "--format", "json", cwd=root)
    report = json.loads(result.stdout)
    return {
        "exit_code": result.exit_code,
        "messages": result.stderr.splitlines(),
        "units": {unit["id"]: unit["status"] for unit in report["units"]},
    }


def test_there_are_enough_cases() -> None:
    assert len(BAD) >= 40


@pytest.mark.parametrize("case", BAD, ids=[case.name for case in BAD])
def test_bad_input(case: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    actual = run_case(case, tmp_path, monkeypatch)
    expected_file = case / "expected.json"
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        text = json.dumps(actual, ensure_ascii=False, indent=2) + "\n"
        expected_file.write_text(text, encoding="utf-8")
    assert actual == json.loads(expected_file.read_text(encoding="utf-8"))
    # The contract, whatever the expectation says:
    assert not any("Traceback" in line for line in actual["messages"])
    assert actual["units"]["jiangyang"] == "compliant"  # the good file is still checked
    problems = actual["messages"][:-1]
    assert all(line.startswith("submissions/") for line in problems)
    if problems:
        assert actual["exit_code"] == 2
        assert actual["messages"][-1].endswith("found")


def test_every_case_says_what_it_is() -> None:
    for case in BAD:
        assert (case / "expected.json").exists(), case.name
        assert "note" in json.loads((case / "case.json").read_text(encoding="utf-8"))


def test_an_alias_bomb_is_refused_in_bounded_memory() -> None:
    text = (BAD[0].parent / "billion-laughs" / "submissions" / "naxi.yaml").read_text()
    tracemalloc.start()
    with pytest.raises(InputError, match="anchors and aliases"):
        loader.parse(text, "naxi.yaml")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert peak < 5 * 1024 * 1024  # expanded, it would be 9**9 strings
