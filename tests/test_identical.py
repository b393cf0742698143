"""Every report format gives the same bytes however the check ran: in one process or in
workers, with no cache, filling one, or reading one back — each format alone (the
terminal, markdown and JSON stream) and all at once (which takes the plain path)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lzplan.reporters import FORMATS
from tests.conftest import ROOT, invoke

RUNS = {
    "one process, no cache": ("--jobs", "1", "--no-cache"),
    "workers, no cache": ("--jobs", "2", "--no-cache"),
    "workers, filling the cache": ("--jobs", "2", "--cache-dir", "{cache}"),
    "one process, from the cache": ("--jobs", "1", "--cache-dir", "{cache}"),
    "workers, from the cache": ("--jobs", "2", "--cache-dir", "{cache}"),
}


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "plan", tmp_path / "plan")
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    return tmp_path


def _reports(folder: Path, formats: list[str], run: str) -> dict[str, bytes]:
    """Each format's report of one run, written with --output."""
    out = folder / "out" / run.replace(" ", "-").replace(",", "")
    out.mkdir(parents=True)
    args = [a.format(cache=folder / "cache") for a in RUNS[run]]
    outputs = [a for fmt in formats for a in ("--output", f"{fmt}:{out / fmt}")]
    done = invoke("check", "submissions", "--plan", "plan/2011.yaml", "--as-of", "2011-12-31",
                  "--lang", "zh", *args, *outputs, cwd=folder)  # fmt: skip
    assert done.exit_code == 1, done.stderr  # the samples hold shortfalls
    return {fmt: (out / fmt).read_bytes() for fmt in formats}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_each_format_is_the_same_however_the_check_ran(samples: Path, fmt: str) -> None:
    reports = {run: _reports(samples, [fmt], run) for run in RUNS}
    first = reports["one process, no cache"][fmt]
    assert first
    for run, written in reports.items():
        assert written[fmt] == first, run


def test_every_format_at_once_is_each_alone(samples: Path) -> None:
    formats = sorted(FORMATS)
    together = _reports(samples, formats, "workers, no cache")
    (samples / "out").rename(samples / "together")
    for fmt in formats:
        assert _reports(samples, [fmt], "one process, no cache")[fmt] == together[fmt], fmt
        shutil.rmtree(samples / "out")
