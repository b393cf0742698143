"""Ctrl-C and closed pipes, with the real `lzplan` command in a child process.

A parallel check of 1,000 files is interrupted at many points, from Python's start to
the report's writing, by SIGINT to its whole process group (as a terminal's Ctrl-C
reaches the command and its workers). Each time: exit 130 (or the run had finished),
no traceback, no hang, and the report is the previous one or a whole new one, with no
temporary file left. Then `| head` on every format: a quiet exit, no traceback.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

TRIALS = 24
PREVIOUS = "# the previous report\n"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    subprocess.run(
        [sys.executable, str(ROOT / "benches" / "corpus.py"), str(folder), "--units", "1000"],
        check=True,
        capture_output=True,
    )
    return folder


def lzplan(*args: str) -> list[str]:
    return [sys.executable, "-m", "lzplan", *args]


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_ctrl_c_at_any_point_of_a_parallel_check(corpus: Path) -> None:
    report = corpus / "out" / "report.md"
    report.parent.mkdir(exist_ok=True)
    command = lzplan(
        "check", "submissions", "--plan", "plan/2011.yaml", "--as-of", "2011-12-31",
        "--jobs", "4", "--output", f"markdown:{report}", "--format", "json", "--no-cache",
    )  # fmt: skip
    subprocess.run(command, cwd=corpus, capture_output=True, check=False)
    whole = report.read_text(encoding="utf-8")  # what an uninterrupted run writes
    outcomes = []
    for trial in range(TRIALS):
        report.write_text(PREVIOUS, encoding="utf-8")
        child = subprocess.Popen(
            command, cwd=corpus, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True, env={**os.environ, "PYTHONFAULTHANDLER": "1"},
        )  # fmt: skip
        time.sleep(0.05 + trial * 0.08)  # from Python's start to the last writes
        os.killpg(child.pid, signal.SIGINT)
        try:
            _, stderr = child.communicate(timeout=60)
        except subprocess.TimeoutExpired:  # pragma: no cover - the failure this test is for
            tree = subprocess.run(["ps", "-o", "pid,ppid,stat,wchan:24,args", "-g", str(child.pid)],
                                  capture_output=True, text=True, check=False).stdout  # fmt: skip
            os.killpg(child.pid, signal.SIGABRT)  # faulthandler prints where each one hung
            _, stderr = child.communicate(timeout=60)
            pytest.fail(f"trial {trial}: still running 60 s after Ctrl-C\n{tree}\n"
                        f"{stderr.decode('utf-8', 'replace')[-8000:]}")  # fmt: skip
        text = stderr.decode("utf-8")
        assert "Traceback" not in text, text
        # 130, or killed by the signal itself before Python set its handler (the shell
        # shows both as 130); 0 or 1 when the check had finished
        assert child.returncode in (130, -signal.SIGINT, 0, 1), (trial, child.returncode, text)
        written = report.read_text(encoding="utf-8")
        assert written in (PREVIOUS, whole), trial  # the old report, or the new one whole
        assert [p.name for p in report.parent.iterdir()] == ["report.md"]  # no temporary left
        outcomes.append(child.returncode)
    assert outcomes.count(130) >= TRIALS // 2  # most trials interrupted a running check


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "json", "html", "junit", "parsable"])
def test_a_closed_pipe_is_a_quiet_end(fmt: str) -> None:
    head = shutil.which("head")
    if head is None:  # pragma: no cover - every POSIX system has head
        pytest.skip("no head here")
    args = " ".join(lzplan("check", "--as-of", "2011-12-31", "--all", "--format", fmt))
    done = subprocess.run(
        f"{args} | head -n 1", shell=True, cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.stdout.count("\n") == 1
    assert "Traceback" not in done.stderr
    assert "Error" not in done.stderr


@pytest.mark.parametrize("fmt", ["json", "html", "junit", "xlsx"])
def test_a_reader_that_leaves_early_ends_the_run_with_141(fmt: str) -> None:
    """A report larger than the pipe holds, whose reader takes 10 bytes and leaves: the
    run stops at the next write and exits 141, quietly — not 1 as if it had all been
    written (Python drops the rest of one large write without a word)."""
    child = subprocess.Popen(
        lzplan("check", "--as-of", "2011-12-31", "--format", fmt),
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert child.stdout is not None
    assert child.stderr is not None
    assert len(child.stdout.read(10)) == 10
    child.stdout.close()
    stderr = child.stderr.read()
    child.stderr.close()
    assert child.wait(timeout=120) == 141
    assert stderr == b""


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="SIGTERM and SIGHUP are POSIX")
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_a_cancelled_job_or_a_closed_terminal_cleans_up_like_ctrl_c(
    corpus: Path, name: str
) -> None:
    """SIGTERM (a cancelled CI job) and SIGHUP (a closed terminal) to the command: exit
    128 + the signal (or the run had finished), no traceback, and the report is the
    previous one or a whole new one, with no temporary file left."""
    number = getattr(signal, name)
    report = corpus / "out" / f"{name}.md"
    report.parent.mkdir(exist_ok=True)
    command = lzplan(
        "check", "submissions", "--plan", "plan/2011.yaml", "--as-of", "2011-12-31",
        "--jobs", "2", "--output", f"markdown:{report}", "--format", "json", "--no-cache",
    )  # fmt: skip
    subprocess.run(command, cwd=corpus, capture_output=True, check=False)
    whole = report.read_text(encoding="utf-8")
    codes = []
    for trial in range(8):
        report.write_text(PREVIOUS, encoding="utf-8")
        child = subprocess.Popen(command, cwd=corpus, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE)  # fmt: skip
        time.sleep(0.3 + trial * 0.15)  # from the workers' start to the report's writing
        child.send_signal(number)
        _, stderr = child.communicate(timeout=60)
        text = stderr.decode("utf-8")
        assert "Traceback" not in text, text
        assert child.returncode in (128 + number, -number, 0, 1), (trial, child.returncode)
        assert report.read_text(encoding="utf-8") in (PREVIOUS, whole), trial
        assert sorted(p.name for p in report.parent.iterdir() if p.name.startswith(".")) == []
        codes.append(child.returncode)
    assert codes.count(128 + number) >= 3  # most trials stopped a running check
