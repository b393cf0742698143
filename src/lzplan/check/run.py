"""One check from files on disk to a Result: the I/O around the pure engine."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from lzplan.check import attachments, collect, engine, wire
from lzplan.check.binding import Binding, compile_patterns
from lzplan.check.result import Result
from lzplan.check.waivers import Granted, bind
from lzplan.errors import InputError, Problem, UsageError, sorted_problems
from lzplan.messages import msg
from lzplan.plan.load import LoadedPlan, load
from lzplan.scores.load import scored


@dataclass(frozen=True)
class Request:
    paths: tuple[Path, ...]
    plan: Path
    as_of: dt.date
    waivers: Path | None = None
    unit: str | None = None
    filed_only: bool = False
    jobs: int = 0  # 0: one process per core once there are enough files
    bind: tuple[str, ...] = ()  # patterns binding files to units ('repos/{unit}/**')
    unit_repository: bool = False  # --unit binds every file to that unit (check)
    verify_evidence: bool = False  # read each named document and compare its sha256
    scores: Path | None = None  # the 考核 weights: score and rank each unit


@dataclass(frozen=True)
class Checked:
    """A check's result, and the plan it was checked against."""

    plan: LoadedPlan
    result: Result


def default_waivers(plan_path: Path) -> Path:
    """plan/2011.yaml → plan/waivers-2011.yaml"""
    return plan_path.with_name(f"waivers-{plan_path.stem}.yaml")


# Below this many files, starting worker processes costs more than it saves.
PARALLEL_MIN_FILES = 200

# The judge a forked worker inherits from its parent (fork copies memory, so the plan
# is never pickled).
_WORKER_JUDGE: engine.Judge | None = None

FileResult = engine.FileVerdict | tuple[list[Problem], engine.Rejected] | None


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector.

    A check builds hundreds of thousands of small objects and no cycles; with the
    collector on, it rescans the growing heap again and again (10,000 files: 14.1 s
    with it, 8.3 s without). Reference counting still frees everything.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def check(request: Request) -> Checked:
    with no_gc():
        return _check(request)


def _check(request: Request) -> Checked:
    loaded = load(request.plan)
    if request.unit is not None and request.unit not in loaded.index.units:
        known = sorted(loaded.index.units)
        raise UsageError(msg("usage.unknown_unit", unit=request.unit, known=known))
    files, problems = collect.find_files(request.paths)
    granted = bind(loaded.index, _waivers(request, loaded, problems), request.as_of)
    only = request.unit if request.unit_repository else None
    binding = Binding(compile_patterns(request.bind), only)
    judge = engine.Judge(loaded.index, request.as_of, granted, binding)
    judge.verify_evidence = request.verify_evidence
    verdicts: list[engine.FileVerdict] = []
    rejected: list[engine.Rejected] = []
    for item in _judge_files(judge, files, _jobs(request.jobs, len(files))):
        if item is None:
            continue  # a copy of the plan or a waiver file: no submission
        if isinstance(item, engine.FileVerdict):
            verdicts.append(item)
        else:
            problems += item[0]
            rejected.append(item[1])
    result = judge.merge(verdicts, rejected, _only_units(request, verdicts, rejected))
    problems += result.problems
    result = replace(result, problems=tuple(sorted_problems(problems)))
    if request.scores is not None:
        result = replace(result, scored=scored(request.scores, result, loaded.index))
    return Checked(loaded, result)


def _waivers(request: Request, loaded: LoadedPlan, problems: list[Problem]) -> list[Granted]:
    path = request.waivers or default_waivers(request.plan)
    if request.waivers is None and not path.exists():
        return []
    info = loaded.plan.plan
    try:
        return collect.waivers(path, info.id, info.owner)
    except InputError as error:
        problems += error.problems
        return []


def refuse_waivers_inside(waivers: Path | None, inputs: tuple[Path, ...]) -> None:
    """Waivers come from beside the plan, never from a folder whose files units write."""
    if waivers is None:
        return
    real = waivers.resolve()
    for folder in inputs:
        if folder.is_dir() and real.is_relative_to(folder.resolve()):
            raise UsageError(msg("usage.waivers_inside", waivers=str(waivers), folder=str(folder)))


def _jobs(asked: int, files: int) -> int:
    """How many processes: as asked, or (0) one per core once there are enough files."""
    if asked > 0:
        return asked
    import multiprocessing  # here, not at the top: one file's check should not pay for it

    if files < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(os.cpu_count() or 1, 8)


def _judge_files(
    judge: engine.Judge, files: list[collect.Found], jobs: int
) -> Iterator[FileResult]:
    """Load and judge each file, in this process or in ``jobs`` forked workers.

    Each file is dropped once judged, so memory does not grow with its YAML.
    """
    if jobs <= 1:
        yield from (_load_and_judge(judge, file) for file in files)
        return
    import multiprocessing
    import signal

    global _WORKER_JUDGE
    _WORKER_JUDGE = judge
    # Ctrl-C while the workers are being forked would reach a worker before it can
    # ignore it, and a pool whose worker died waits for ever: hold SIGINT until the
    # pool stands; then it interrupts the parent, which stops the pool.
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pool = multiprocessing.get_context("fork").Pool(jobs, initializer=_quiet_worker)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    try:
        chunk = max(1, min(64, len(files) // (jobs * 8)))
        for packed in pool.imap(_worker, files, chunksize=chunk):
            yield wire.unpack(packed)
    finally:
        pool.terminate()
        pool.join()
        _WORKER_JUDGE = None


def _quiet_worker() -> None:  # pragma: no cover - runs in a worker
    """Ctrl-C is the parent's to handle: a worker neither stops on it nor prints."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _worker(file: collect.Found) -> wire.Packed:  # pragma: no cover - runs in a worker
    assert _WORKER_JUDGE is not None
    return wire.pack(_load_and_judge(_WORKER_JUDGE, file))


def _load_and_judge(judge: engine.Judge, file: collect.Found) -> FileResult:
    path, display, place = file
    loaded = collect.load_one(path, display, place)
    if isinstance(loaded, engine.Filed):
        found = attachments.verify(loaded, path) if judge.verify_evidence else []
        return judge.file(loaded, found)
    if loaded is None:
        return None
    problems, rejected = loaded
    return problems, judge.rejected(rejected.file, place)


def _only_units(
    request: Request, verdicts: list[engine.FileVerdict], rejected: list[engine.Rejected]
) -> set[str] | None:
    """--unit: that unit; --filed-only: the units whose files were given; else all."""
    if request.unit is not None:
        return {request.unit}
    if request.filed_only:
        filed = {v.unit for v in verdicts if v.unit is not None}
        return filed | {r.unit for r in rejected if r.unit is not None}
    return None
