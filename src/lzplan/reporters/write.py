"""Putting reports where they go: standard output, ``--output FORMAT:PATH`` files, and
GitHub's $GITHUB_STEP_SUMMARY.

A report never lands on an input (a submission, the plan, its waivers or notice) nor
inside a folder being read, compared by real path. Each file is written whole or not
at all: into a temporary file beside it, then renamed over it, so an interrupted or
failed run leaves the last good report where it was. A write that fails (a full disk,
no permission, a folder in the way) is an OutputError: one line, exit 2.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TextIO

from lzplan import reporters
from lzplan.check.result import Result
from lzplan.errors import OutputError, UsageError
from lzplan.messages import msg
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import FORMATS, Options


@dataclass(frozen=True)
class Output:
    format: str
    path: Path


def parse(spec: str) -> Output:
    """``markdown:STATUS.md`` → Output; refuses unknown formats."""
    name, sep, path = spec.partition(":")
    if not sep or not path:
        raise UsageError(msg("usage.output_form", spec=spec))
    if name not in FORMATS:
        raise UsageError(msg("usage.output_format", spec=spec, name=name, known=list(FORMATS)))
    return Output(name, Path(path))


def refuse_inputs(targets: Iterable[Path], inputs: Iterable[Path], spec: str = "") -> None:
    """A usage error when a target is an input file or lies inside an input folder, by
    real path (a symbolic link or ../ cannot get around it)."""
    real_inputs = [(_real(path), path.is_dir()) for path in inputs]
    for target in targets:
        real = _real(target)
        for source, folder in real_inputs:
            if real == source or (folder and real.is_relative_to(source)):
                shown = spec or str(target)
                key = "usage.output_inside" if folder else "usage.output_onto_input"
                raise UsageError(msg(key, spec=shown, folder=str(source), path=str(source)))


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


Report = Callable[[str], Iterable[str] | Iterable[bytes]]  # a format's name → its pieces


def reports(result: Result, loaded: LoadedPlan, options: Options) -> Report:
    """Each format's report of a check."""
    return partial(reporters.chunks, result=result, loaded=loaded, options=options)


def emit(report: Report, shown: str, outputs: Sequence[Output], stdout: TextIO) -> None:
    """Print format ``shown``, then write each requested report, UTF-8, creating its
    folder if need be. A binary format goes to standard output's bytes (``> file.xlsx``;
    the command line refuses it at a terminal)."""
    printed = report(shown)
    if FORMATS[shown].binary:
        stdout.flush()
        for piece in _bytes(printed):
            for start in range(0, len(piece), _PIECE):
                stdout.buffer.write(piece[start : start + _PIECE])
        stdout.buffer.flush()
    else:
        for text in _text(printed):
            for start in range(0, len(text), _PIECE // 4):  # ≤ 4 bytes a character
                stdout.write(text[start : start + _PIECE // 4])
    for output in outputs:
        atomic_write(output.path, report(output.format))


# What standard output is given at a time: no more than its buffer holds. Python drops
# the rest of a larger write, silently, when the pipe's reader leaves mid-write (`| head`
# after 64 KiB of a 600 KiB page): the run then ends as if all was written, not with 141.
_PIECE = 8192


def _bytes(chunks: Iterable[str] | Iterable[bytes]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8") if isinstance(chunk, str) else chunk


def _text(chunks: Iterable[str] | Iterable[bytes]) -> Iterator[str]:
    for chunk in chunks:
        yield chunk if isinstance(chunk, str) else chunk.decode("utf-8")


def refuse_terminal(name: str, stdout: TextIO) -> None:
    """A binary format is no sight for a terminal: say how to write it instead."""
    if FORMATS[name].binary and stdout.isatty():
        raise UsageError(msg("usage.binary_to_terminal", format=name))


def atomic_write(path: Path, chunks: Iterable[str] | Iterable[bytes]) -> None:
    """Write ``path`` whole or not at all. A device or a pipe (/dev/stdout, a FIFO) is
    written as it is: there is no earlier report to keep, and a device node must never
    be replaced by a file."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise OutputError(msg("output.failed", path=str(path), reason=_reason(error))) from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, chunks)
        return
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp",
                                             dir=path.parent)  # fmt: skip
        with os.fdopen(handle, "wb") as file:
            file.writelines(_bytes(chunks))
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, _mode(info))
        os.replace(temporary, path)
        temporary = None
    except OSError as error:
        raise OutputError(msg("output.failed", path=str(path), reason=_reason(error))) from None
    finally:
        if temporary is not None:  # a failed or interrupted write: no half report left
            with suppress(OSError):
                os.unlink(temporary)


def _mode(info: os.stat_result | None) -> int:
    """The report's permissions: the earlier report's, else what a plain ``open`` would
    give (0666 less the umask) — mkstemp's private 0600 would hide it from the office."""
    if info is not None:
        return stat.S_IMODE(info.st_mode)
    umask = os.umask(0o022)  # read it: the only way is to set it, then put it back
    os.umask(umask)
    return 0o666 & ~umask


def _write_through(path: Path, chunks: Iterable[str] | Iterable[bytes]) -> None:
    try:
        with path.open("wb") as file:
            file.writelines(_bytes(chunks))
    except OSError as error:
        raise OutputError(msg("output.failed", path=str(path), reason=_reason(error))) from None


def _reason(error: OSError) -> str:
    return error.strerror or type(error).__name__


def step_summary(
    result: Result,
    loaded: LoadedPlan,
    formats: Sequence[str],
    options: Options,
    environ: Mapping[str, str],
) -> None:
    """Append the markdown report to $GITHUB_STEP_SUMMARY when GitHub Actions set it and a
    format that implies it (github) was asked for."""
    target = summary_target(formats, environ)
    if target is None:
        return
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        handle = os.open(target, flags, 0o644)  # never waits: a FIFO without reader fails
        with os.fdopen(handle, "a", encoding="utf-8") as summary:
            summary.write(reporters.text("markdown", result, loaded, options))
    except OSError as error:
        message = msg("output.failed", path=str(target), reason=_reason(error))
        raise OutputError(message) from None


def summary_target(formats: Sequence[str], environ: Mapping[str, str]) -> Path | None:
    """The step summary a run will append to: $GITHUB_STEP_SUMMARY, when set and a format
    that implies it (github) is asked for."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target and any(FORMATS[name].step_summary for name in formats):
        return Path(target)
    return None
