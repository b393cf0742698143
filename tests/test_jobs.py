"""--jobs 0: one process per idle core, and one on a busy machine (where workers would
only fight the other work for the same cores)."""

from __future__ import annotations

import os

import pytest

from lzplan.check import jobs


def _idle(monkeypatch: pytest.MonkeyPatch, busy: int, total: int) -> None:
    samples = iter([(0, 0), (busy, total)])
    monkeypatch.setattr(jobs, "_cpu_times", lambda: next(samples))
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)


@pytest.mark.parametrize(
    ("busy", "total", "expected"),
    [(0, 200, 2), (20, 200, 2), (100, 200, 1), (190, 200, 1), (0, 0, 2)],
    ids=["idle", "nearly-idle", "one-core-busy", "all-busy", "no-time-passed"],
)
def test_auto_jobs_follow_the_idle_cores(
    monkeypatch: pytest.MonkeyPatch, busy: int, total: int, expected: int
) -> None:
    _idle(monkeypatch, busy, total)
    assert jobs.count(0, 10_000) == expected


def test_few_files_or_an_explicit_count_need_no_measure(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail() -> tuple[int, int]:
        raise AssertionError("measured")

    monkeypatch.setattr(jobs, "_cpu_times", fail)
    assert jobs.count(0, jobs.PARALLEL_MIN_FILES - 1) == 1
    assert jobs.count(3, 10_000) == 3


def test_without_proc_stat_the_load_average_decides(monkeypatch: pytest.MonkeyPatch) -> None:
    def missing() -> tuple[int, int]:
        raise OSError("no /proc")

    monkeypatch.setattr(jobs, "_cpu_times", missing)
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: {0, 1, 2, 3}, raising=False)
    monkeypatch.setattr(os, "getloadavg", lambda: (3.0, 3.0, 3.0))
    assert jobs.idle_cores() == 1.0
    monkeypatch.setattr(os, "getloadavg", lambda: (0.2, 0.2, 0.2))
    assert jobs.count(0, 10_000) == 4


def test_this_machine_can_be_measured() -> None:
    cores = len(os.sched_getaffinity(0))
    assert 0.0 <= jobs.idle_cores(pause=0.01) <= cores
