"""Forked workers that judge chunks of files, with one pipe each.

Not ``multiprocessing.Pool``: its workers share one result queue guarded by a lock
between processes, and ``Pool.terminate`` kills workers that may hold it, half-way
through sending a result. Its own threads then wait on that lock, or on the rest of
that result, for ever: a Ctrl-C or a cancelled CI job hung the run now and then.
Here each worker has its own pipe and the parent alone reads it, so stopping is
killing the workers and closing the pipes; nothing the parent waits on can be left
held. The parent runs no thread either, so nothing is forked half-locked.
"""

from __future__ import annotations

import multiprocessing
import signal
import traceback
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from lzplan.errors import LzplanError
from lzplan.messages import msg

# Ctrl-C, a cancelled job (SIGTERM), a closed terminal (SIGHUP): held while workers fork.
STOPPING = {
    signal.SIGINT,
    *(getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)),
}

Work = Callable[[Any], Any]


class WorkerDied(LzplanError):
    """A worker ended without sending its chunk's results: killed from outside (the
    system short of memory, a user's kill), the machine's doing, not a bug."""


def in_order(work: Work, chunks: Sequence[Sequence[Any]], processes: int) -> Iterator[Any]:
    """``work`` done on each item of each chunk by ``processes`` forked workers; the
    results in the items' order. At most ``2 * processes`` chunks are out or waiting
    at once, so finished results never pile up ahead of the reader."""
    workers: list[_Worker] = []
    try:  # a Ctrl-C that lands as the workers start still stops those that stand
        _start(work, processes, workers)
        yield from _results(workers, chunks, 2 * processes)
    finally:
        _stop(workers)


class _Worker:
    def __init__(self, process: BaseProcess, pipe: Connection) -> None:
        self.process = process
        self.pipe = pipe
        self.chunk = -1  # the chunk it is working on; -1 when idle


def _start(work: Work, processes: int, workers: list[_Worker]) -> None:
    """Fork the workers into ``workers``, with Ctrl-C and friends held: a signal that
    reached a worker before it could ignore it would kill it. Held, it lands when they
    stand, in the parent, which then stops each worker in the list."""
    context = multiprocessing.get_context("fork")
    held = signal.pthread_sigmask(signal.SIG_BLOCK, STOPPING)
    try:
        for _ in range(processes):
            mine, theirs = context.Pipe()
            others = [w.pipe for w in workers]  # inherited by the fork; not its to hold
            process = context.Process(target=_serve, args=(theirs, work, others), daemon=True)
            process.start()
            theirs.close()
            workers.append(_Worker(process, mine))
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _results(workers: list[_Worker], chunks: Sequence[Sequence[Any]], ahead: int) -> Iterator[Any]:
    done: dict[int, list[Any]] = {}
    sent = wanted = 0
    while wanted < len(chunks):
        for worker in workers:  # keep every idle worker busy, within ``ahead``
            if worker.chunk < 0 and sent < len(chunks) and sent - wanted < ahead:
                worker.pipe.send(chunks[sent])
                worker.chunk, sent = sent, sent + 1
        if wanted in done:
            yield from done.pop(wanted)
            wanted += 1
            continue
        for worker in _ready(workers):
            done[worker.chunk] = _received(worker)
            worker.chunk = -1


def _ready(workers: list[_Worker]) -> list[_Worker]:
    """The busy workers with something to read, waiting until one has."""
    busy = [w for w in workers if w.chunk >= 0]
    ready = set(wait([w.pipe for w in busy] + [w.process.sentinel for w in busy]))
    return [w for w in busy if w.pipe in ready or w.process.sentinel in ready]


def _received(worker: _Worker) -> list[Any]:
    """A worker's results for its chunk, or what it raised, raised here."""
    try:
        raised, value = worker.pipe.recv()
    except (EOFError, OSError):
        worker.process.join()
        raise WorkerDied(msg("cli.worker_died", code=str(worker.process.exitcode))) from None
    if raised:
        raise value
    results: list[Any] = value
    return results


def _stop(workers: list[_Worker]) -> None:
    """Kill what still runs and reap it: no lock or pipe of theirs is waited on."""
    for worker in workers:
        if worker.process.exitcode is None:
            worker.process.kill()
    for worker in workers:
        worker.process.join()
        worker.pipe.close()
        worker.process.close()


def _serve(  # pragma: no cover - runs in a worker
    pipe: Connection, work: Work, others: list[Connection]
) -> None:
    """A worker: take a chunk, send back its results or what it raised, until the
    parent closes the pipe."""
    _quiet()
    for other in others:
        other.close()
    while True:
        try:
            chunk = pipe.recv()
        except EOFError:
            return
        pipe.send(_outcome(work, chunk))


def _outcome(work: Work, chunk: Sequence[Any]) -> tuple[bool, Any]:  # pragma: no cover
    try:
        return False, [work(item) for item in chunk]
    except Exception as error:  # a bug: the parent raises it, with where it happened
        error.add_note("in a worker:\n" + traceback.format_exc())
        try:
            import pickle

            pickle.dumps(error)
        except Exception:
            error = RuntimeError(f"{type(error).__name__}: {error}")
        return True, error


def _quiet() -> None:  # pragma: no cover - runs in a worker
    """Ctrl-C is the parent's to handle: a worker neither stops on it nor prints."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # the parent's handlers unwind the parent, not us
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOPPING)
