"""One check from files on disk to a Result: the I/O around the pure engine."""

from __future__ import annotations

import datetime as dt
import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from lzplan.check import attachments, collect, engine, jobs, stream, wire
from lzplan.check.binding import Binding, compile_patterns
from lzplan.check.cache import Cache, context, default_folder, secret
from lzplan.check.result import Result
from lzplan.check.waivers import Granted, bind
from lzplan.errors import InputError, Problem, UsageError, sorted_problems
from lzplan.inputs import loader
from lzplan.messages import msg
from lzplan.plan.load import LoadedPlan, load


@dataclass(frozen=True)
class Request:
    paths: tuple[Path, ...]
    plan: Path
    as_of: dt.date
    waivers: Path | None = None
    unit: str | None = None
    filed_only: bool = False
    jobs: int = 0  # 0: one process per idle core once there are enough files
    bind: tuple[str, ...] = ()  # patterns binding files to units ('repos/{unit}/**')
    unit_repository: bool = False  # --unit binds every file to that unit (check)
    verify_evidence: bool = False  # read each named document and compare its sha256
    scores: Path | None = None  # the 考核 weights: score and rank each unit
    cache: Path | None = None  # keep each file's verdict here; None: judge every file
    fix_by: dt.date | None = None  # the 整改 deadline: what is done after the year, by it
    fix_by_in_period: bool = False  # a 整改通知's deadline may fall in the year (bulletin)


@dataclass(frozen=True)
class Checked:
    """A check's result, and the plan it was checked against."""

    plan: LoadedPlan
    result: Result


def default_waivers(plan_path: Path) -> Path:
    """plan/2011.yaml → plan/waivers-2011.yaml"""
    return plan_path.with_name(f"waivers-{plan_path.stem}.yaml")


# The judge (and cache) a forked worker inherits from its parent (fork copies memory,
# so the plan is never pickled).
_WORKER_JUDGE: engine.Judge | None = None
_WORKER_CACHE: Cache | None = None
_WORKER_LINES: stream.Lines | None = None
T = TypeVar("T")

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


@dataclass(frozen=True)
class StreamedCheck:
    """A check streamed through one format's lines (``check.stream``): close it once
    its report is written."""

    plan: LoadedPlan
    result: stream.Streamed


LinesFor = Callable[[LoadedPlan, dt.date], stream.Lines]


def check_streamed(request: Request, lines_for: LinesFor) -> Checked | StreamedCheck:
    """The check, each unit's lines made where its file is judged: a run over every unit.
    A run of some units (--unit, --filed-only), one with --scores, or one that cannot be
    settled from summaries (``stream.Replay``) is checked the plain way."""
    if request.unit is not None or request.filed_only or request.scores is not None:
        return check(request)
    with no_gc():
        try:
            return _streamed(request, lines_for)
        except stream.Replay:
            return _check(request)


def _streamed(request: Request, lines_for: LinesFor) -> StreamedCheck:
    loaded, files, problems, judge, signing = _prepare(request)
    lines = lines_for(loaded, request.as_of)
    cache = _cache(request, loaded, signing, lines.tag)
    merge = stream.Merge(judge, lines, problems)
    try:
        for found in _pieces(judge, files, jobs.count(request.jobs, len(files)), cache, lines):
            merge.add(found)
        return StreamedCheck(loaded, merge.done())
    except BaseException:
        merge.spool.close()
        raise


def _prepare(
    request: Request,
) -> tuple[LoadedPlan, list[collect.Found], list[Problem], engine.Judge, bytes]:
    """The plan loaded, the files found, the waivers bound: a check ready to judge files;
    and the cache's secret."""
    signing = secret(os.environ, request.cache) if request.cache is not None else b""
    loaded = load(request.plan, None, None if request.verify_evidence else request.cache, signing)
    if request.unit is not None and request.unit not in loaded.index.units:
        known = sorted(loaded.index.units)
        raise UsageError(msg("usage.unknown_unit", unit=request.unit, known=known))
    end = loaded.plan.plan.period.end
    if request.fix_by is not None and request.fix_by <= end and not request.fix_by_in_period:
        # 整改 is work done after the year: a deadline inside it would silently judge nothing
        raise UsageError(msg("usage.fix_by_in_period", fix_by=request.fix_by, end=end))
    files, problems = collect.find_files(request.paths)
    if not files and request.paths and len(problems) == len(request.paths):
        # nothing given exists (a run outside the folder it means): say so, and only so,
        # rather than a matrix of every unit "not submitted" above the error
        raise InputError(problems)
    granted = bind(loaded.index, _waivers(request, loaded, problems), request.as_of)
    only = request.unit if request.unit_repository else None
    binding = Binding(compile_patterns(request.bind), only)
    judge = engine.Judge(loaded.index, request.as_of, granted, binding)
    judge.verify_evidence = request.verify_evidence
    judge.fix_by = request.fix_by
    return loaded, files, problems, judge, signing


def _check(request: Request) -> Checked:
    loaded, files, problems, judge, signing = _prepare(request)
    cache = _cache(request, loaded, signing)
    verdicts: list[engine.FileVerdict] = []
    rejected: list[engine.Rejected] = []
    for item in _judge_files(judge, files, jobs.count(request.jobs, len(files)), cache):
        if item is None:
            continue  # a copy of the plan or a waiver file: no submission
        if isinstance(item, engine.FileVerdict):
            verdicts.append(item)
        else:
            problems += item[0]
            rejected.append(item[1])
    result = judge.merge(verdicts, rejected, _only_units(request, verdicts, rejected))
    problems += result.problems
    if request.unit is not None:  # explain X, check --unit X: X's file alone must be sound
        problems = _about(request.unit, problems, verdicts, rejected)
    result = replace(result, problems=tuple(sorted_problems(problems)))
    if request.scores is not None:
        from lzplan.scores.load import scored  # only a run with --scores needs it

        result = replace(result, scored=scored(request.scores, result, loaded.index))
    return Checked(loaded, result)


def cache_folder(asked: Path | None, inputs: tuple[Path, ...]) -> Path:
    """--cache-dir, else the default; never inside a folder lzplan reads."""
    folder = asked or default_folder(os.environ)
    given = _input_folder_holding(folder, inputs)
    if given is not None:
        raise UsageError(msg("usage.cache_inside", cache=str(folder), folder=str(given)))
    return folder


def _cache(request: Request, loaded: LoadedPlan, signing: bytes, lines: str = "") -> Cache | None:
    """The verdict cache for this check's context (``lines``: the format and language
    of a streamed check's lines, which its entries hold); none when asked for none, or
    when evidence is verified (the documents an item names are not in the key)."""
    if request.cache is None or request.verify_evidence:
        return None
    waivers = request.waivers or default_waivers(request.plan)
    try:
        waived = waivers.read_bytes()
    except OSError:
        waived = b""  # none, or unreadable: then _waivers reports it, and none are granted
    only = (request.unit if request.unit_repository else None) or ""
    fix_by = request.fix_by.isoformat() if request.fix_by else ""
    parts = (loaded.sha256, loaded.display, waived, request.as_of.isoformat(),
             "\0".join(request.bind), only, fix_by, lines)  # fmt: skip
    return Cache(request.cache, context(*parts), signing)


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
    folder = None if waivers is None else _input_folder_holding(waivers, inputs)
    if folder is not None:
        raise UsageError(msg("usage.waivers_inside", waivers=str(waivers), folder=str(folder)))


def _input_folder_holding(path: Path, inputs: tuple[Path, ...]) -> Path | None:
    """The input folder ``path`` lies in (by real path), if any."""
    real = path.resolve()
    return next((f for f in inputs if f.is_dir() and real.is_relative_to(f.resolve())), None)


def _judge_files(
    judge: engine.Judge, files: list[collect.Found], processes: int, cache: Cache | None = None
) -> Iterator[FileResult]:
    """Load and judge each file (or take its kept verdict), in this process or in
    ``processes`` forked workers.

    Each file is dropped once judged, so memory does not grow with its YAML.
    """
    if processes <= 1:
        yield from (_cached(judge, file, cache) for file in files)
        return
    packed: Iterator[wire.Packed] = _in_workers(_worker, files, processes, judge, cache)
    yield from (wire.unpack(item) for item in packed)


def _pieces(
    judge: engine.Judge,
    files: list[collect.Found],
    processes: int,
    cache: Cache | None,
    lines: stream.Lines,
) -> Iterator[stream.Found]:
    """The same, each file's verdict made a piece: its unit's line and summary."""
    if processes <= 1:
        yield from (_piece(judge, file, cache, lines) for file in files)
        return
    yield from _in_workers(_piece_worker, files, processes, judge, cache, lines)


def _in_workers(
    work: Callable[[collect.Found], Any],
    files: list[collect.Found],
    processes: int,
    judge: engine.Judge,
    cache: Cache | None,
    lines: stream.Lines | None = None,
) -> Iterator[Any]:
    """``work`` done on each file by ``processes`` forked workers, in the files' order."""
    from lzplan.check import workers  # multiprocessing: only a parallel run pays for it

    global _WORKER_JUDGE, _WORKER_CACHE, _WORKER_LINES
    _WORKER_JUDGE, _WORKER_CACHE, _WORKER_LINES = judge, cache, lines
    try:
        size = max(1, min(64, len(files) // (processes * 8)))
        chunks = [files[start : start + size] for start in range(0, len(files), size)]
        yield from workers.in_order(work, chunks, processes)
    finally:
        _WORKER_JUDGE = _WORKER_CACHE = _WORKER_LINES = None


def _worker(file: collect.Found) -> wire.Packed:  # pragma: no cover - runs in a worker
    assert _WORKER_JUDGE is not None
    return _packed(_WORKER_JUDGE, file, _WORKER_CACHE)


def _piece_worker(file: collect.Found) -> stream.Found:  # pragma: no cover - in a worker
    assert _WORKER_JUDGE is not None
    assert _WORKER_LINES is not None
    return _piece(_WORKER_JUDGE, file, _WORKER_CACHE, _WORKER_LINES)


def _cached(judge: engine.Judge, file: collect.Found, cache: Cache | None) -> FileResult:
    """A file's verdict: kept from an earlier run when its key is there and sound, else
    judged now (and kept)."""
    return _through_cache(file, cache, partial(_load_and_judge, judge, file), wire.pack,
                          wire.checked)  # fmt: skip


def _packed(  # pragma: no cover - runs in a worker (tests/test_cache.py runs it there)
    judge: engine.Judge, file: collect.Found, cache: Cache | None
) -> wire.Packed:
    """The same, packed, for a worker to send back."""

    def judged(data: bytes | None) -> wire.Packed:
        return wire.pack(_load_and_judge(judge, file, data))

    return _through_cache(file, cache, judged, _same, lambda kept: (wire.sound(kept), kept))


def _piece(
    judge: engine.Judge, file: collect.Found, cache: Cache | None, lines: stream.Lines
) -> stream.Found:
    """A file's piece (``check.stream``): kept from an earlier run, else judged and
    rendered now (and kept)."""

    def judged(data: bytes | None) -> stream.Found:
        return stream.piece(_load_and_judge(judge, file, data), lines, judge.as_of)

    return _through_cache(file, cache, judged, stream.packed, _sound_piece)


def _sound_piece(kept: wire.Packed) -> tuple[bool, stream.Found]:
    ok, found = stream.kept(kept)
    if isinstance(found, stream.Piece):  # its messages: the rest is text and figures
        ok = ok and wire.renders((found.problems, found.notices))
    return (True, found) if ok else (False, None)


def _same(value: wire.Packed) -> wire.Packed:  # pragma: no cover - runs in a worker
    return value


def _through_cache(
    file: collect.Found,
    cache: Cache | None,
    judged: Callable[[bytes | None], T],
    pack: Callable[[T], wire.Packed],
    unpack: Callable[[wire.Packed], tuple[bool, T]],
) -> T:
    """What a file comes to: kept from an earlier run when its key is there and sound,
    else ``judged`` now (and kept). The file is read once: its key and its verdict come
    from the same bytes, so a file rewritten during the run cannot have one content's
    verdict kept under another's key."""
    data = _read(cache, file)
    if cache is None or data is None:
        return judged(None)
    key = cache.key(data, file[1], file[2])
    entry = cache.get(key)
    if entry is not None:
        ok, found = unpack(entry)
        if ok:
            return found
    found = judged(data)
    cache.put(key, pack(found))
    return found


def _read(cache: Cache | None, file: collect.Found) -> bytes | None:
    """The file's bytes, when there is a cache; None without one, or for what the loader
    refuses to read (a FIFO, a device, a folder, a huge file): judging it then says why,
    located."""
    if cache is None:
        return None
    path, display, _ = file
    try:
        return loader.read_bytes(path, display)
    except InputError:
        return None


def _load_and_judge(
    judge: engine.Judge, file: collect.Found, data: bytes | None = None
) -> FileResult:
    """One file judged: from ``data`` when its bytes are already read."""
    path, display, place = file
    loaded = collect.load_one(path, display, place, data)
    if isinstance(loaded, engine.Filed):
        found = attachments.verify(loaded, path) if judge.verify_evidence else []
        return judge.file(loaded, found)
    if loaded is None:
        return None
    problems = loaded.problems
    if loaded.document is not None:
        document = loaded.document
        problems += engine.sound_parts_problems(
            judge.index, document.data, document.positions, set(loaded.broken)
        )
    return problems, judge.rejected(loaded.rejected.file, place)


def _about(
    unit: str,
    problems: list[Problem],
    verdicts: list[engine.FileVerdict],
    rejected: list[engine.Rejected],
) -> list[Problem]:
    """The problems that bear on ``unit``: all but those of files another unit's place
    binds (a file bound to no one may be anyone's, so its problems stay)."""
    owners = {v.file: v.unit for v in verdicts} | {r.file: r.unit for r in rejected}
    return [p for p in problems if owners.get(p.location.file) in (None, unit)]


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
