"""A check whose reports are all JSON streams its units (lzplan.check.stream): each
unit's line is made where its file is judged, and the parent keeps only summaries.
What a user sees must not change: every case's report, stderr and exit code are those
of the plain path (forced here by asking for a second format), in one process and in
workers."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from lzplan.check import run
from lzplan.check.stream import Lines
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import json_report
from tests.conftest import case_dirs, invoke

CASES = case_dirs("check")
PLAN = "../_plan/plan.yaml"


def _both(case: Path, tmp_path: Path, *extra: str) -> tuple[tuple[int, str, str], ...]:
    args = [*json.loads((case / "args.json").read_text(encoding="utf-8")), *extra]
    check = ("check", "submissions", "--plan", PLAN, "--format", "json", "--no-cache", *args)
    streamed = invoke(*check, cwd=case)
    plain = invoke(*check, "--output", f"markdown:{tmp_path / 'report.md'}", cwd=case)
    return tuple((r.exit_code, r.stdout, r.stderr) for r in (streamed, plain))


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_streamed_report_is_the_plain_paths(case: Path, tmp_path: Path, jobs: str) -> None:
    streamed, plain = _both(case, tmp_path, "--jobs", jobs)
    assert streamed == plain


def _lines(loaded: LoadedPlan, as_of: dt.date) -> Lines:
    return json_report.lines(loaded, "zh", as_of)


def _request(case: str, as_of: str = "2011-12-31") -> run.Request:
    folder = CASES[0].parent / case
    return run.Request((folder / "submissions",), folder / PLAN, dt.date.fromisoformat(as_of))


def test_a_run_of_every_unit_streams() -> None:
    checked = run.check_streamed(_request("duplicate-doc-no"), _lines)
    assert isinstance(checked, run.StreamedCheck)
    checked.result.close()


def test_a_second_file_for_a_unit_whose_documents_counted_replays_the_plain_way() -> None:
    """Its first file's 文号 were already counted as first claims: only the plain path
    can take them back, so the check runs that way (and reports the same)."""
    checked = run.check_streamed(_request("two-files-one-unit"), _lines)
    assert isinstance(checked, run.Checked)
    assert "sub.unit_claimed" in {p.message.key for p in checked.result.problems}


@pytest.mark.parametrize("flag", [("--unit", "jiangyang"), ("--filed-only",)])
def test_a_run_of_some_units_is_checked_the_plain_way(flag: tuple[str, ...]) -> None:
    request = _request("all-met")
    if flag[0] == "--unit":
        request = run.Request(request.paths, request.plan, request.as_of, unit=flag[1])
    else:
        request = run.Request(request.paths, request.plan, request.as_of, filed_only=True)
    assert isinstance(run.check_streamed(request, _lines), run.Checked)
