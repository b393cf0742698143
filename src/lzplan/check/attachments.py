"""`--verify-evidence`: the documents a submission names are there, and are what it says.

An evidence item may name its document (``file``, a path inside the submission's own
folder) and that document's SHA-256. Verifying reads each named file — a regular
file, inside the folder, within the size limit — and compares its hash. A path that
leaves the folder (``../``, an absolute path, a symbolic link out) is refused without
reading it.
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path

from lzplan.check.engine import Filed
from lzplan.errors import Problem
from lzplan.messages import Message, msg

MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024
_CHUNK = 1024 * 1024


def verify(filed: Filed, path: Path) -> list[Problem]:
    """A problem for each named document that is missing, outside, too large or not the
    one its hash says."""
    folder = path.parent.resolve()
    problems = []
    for req_id, entry in filed.submission.requirements.items():
        for i, item in enumerate(getattr(entry, "evidence", None) or []):
            if item.file is None:
                continue
            where = filed.positions.find(("requirements", req_id, "evidence", i, "file"))
            for message in _check(folder, item.file, item.sha256):
                problems.append(Problem(where, message))
    return problems


def _check(folder: Path, name: str, expected: str | None) -> Iterator[Message]:
    if expected is None:
        yield msg("attach.no_hash", file=name)
        return
    target = folder / name
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):
        yield msg("attach.missing", file=name)
        return
    if Path(name).is_absolute() or not real.is_relative_to(folder):
        yield msg("attach.outside", file=name)
        return
    info = os.stat(real)
    if not stat.S_ISREG(info.st_mode):
        yield msg("attach.not_a_file", file=name)
    elif info.st_size > MAX_ATTACHMENT_BYTES:
        yield msg("attach.too_large", file=name, limit=MAX_ATTACHMENT_BYTES // (1024 * 1024))
    elif (actual := _sha256(real)) != expected:
        yield msg("attach.mismatch", file=name, expected=expected, actual=actual)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()
