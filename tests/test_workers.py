"""The forked workers of a parallel check: results in order, a bug raised where the
user sees it, a killed worker reported (not waited on for ever), nothing left running."""

from __future__ import annotations

import os
import signal

import pytest

from lzplan.check import run
from lzplan.check.workers import WorkerDied, in_order
from tests.conftest import invoke

YEAR_END = ("--as-of", "2011-12-31")


def _square(n: int) -> int:
    return n * n


def _fails_on_seven(n: int) -> int:
    if n == 7:
        raise ValueError("seven")
    return n


def _killed_on_seven(n: int) -> int:
    if n == 7:
        os.kill(os.getpid(), signal.SIGKILL)
    return n


def _children() -> set[int]:
    import multiprocessing

    return {p.pid for p in multiprocessing.active_children() if p.pid is not None}


def test_results_come_in_the_items_order_whichever_worker_ends_first() -> None:
    chunks = [list(range(start, start + 3)) for start in range(0, 60, 3)]
    assert list(in_order(_square, chunks, 3)) == [n * n for n in range(60)]


def test_no_chunk_no_worker_left() -> None:
    assert list(in_order(_square, [], 2)) == []
    assert _children() == set()


def test_what_a_worker_raises_is_raised_with_where_it_happened() -> None:
    chunks = [[n] for n in range(12)]
    with pytest.raises(ValueError, match="seven") as raised:
        list(in_order(_fails_on_seven, chunks, 2))
    assert "in a worker:" in "".join(raised.value.__notes__)
    assert "_fails_on_seven" in "".join(raised.value.__notes__)
    assert _children() == set()


def test_a_killed_worker_ends_the_run_instead_of_hanging_it() -> None:
    with pytest.raises(WorkerDied) as died:
        list(in_order(_killed_on_seven, [[n] for n in range(12)], 2))
    assert "-9" in str(died.value)
    assert _children() == set()


def test_a_reader_that_stops_early_stops_the_workers() -> None:
    results = in_order(_square, [[n] for n in range(100)], 2)
    assert next(results) == 0
    results.close()
    assert _children() == set()


def test_a_ctrl_c_held_while_the_workers_start_stops_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Ctrl-C held while the workers fork lands as the mask is restored: the
    workers already standing are stopped, none is left behind."""
    restore = signal.pthread_sigmask

    def landing(how: int, mask: object) -> object:
        held = restore(how, mask)  # type: ignore[arg-type]
        if how == signal.SIG_SETMASK:
            raise KeyboardInterrupt
        return held

    monkeypatch.setattr(signal, "pthread_sigmask", landing)
    with pytest.raises(KeyboardInterrupt):
        list(in_order(_square, [[n] for n in range(10)], 2))
    assert _children() == set()


def test_a_killed_worker_is_the_machines_doing_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system killing a worker for memory is the user's environment, not a bug."""
    judged = run._load_and_judge

    def killed_at_naxi(judge: object, file: run.collect.Found, data: object) -> object:
        if "naxi" in str(file[0]):
            os.kill(os.getpid(), signal.SIGKILL)
        return judged(judge, file, data)  # type: ignore[arg-type]

    monkeypatch.setattr(run, "_load_and_judge", killed_at_naxi)
    for lang, words in [("en", "a worker process ended"), ("zh", "有一个工作进程")]:
        done = invoke("check", *YEAR_END, "--jobs", "2", "--no-cache", "--lang", lang)
        assert done.exit_code == 2, (done.stdout, done.stderr)
        assert words in done.stderr
        assert "Traceback" not in done.stderr
        assert done.stdout == ""
    assert _children() == set()
