"""Which lzplan is running (its version, and the state of its own modules), and the
digests that keys made with it are named by."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

from lzplan import __version__


@functools.cache
def fingerprint() -> bytes:
    """The version alone would let an edited checkout reuse what older code worked out
    (a kept verdict, a plan noted as traced): the name, size and modification time of
    every module count too (a stat per file, no read)."""
    digest = hashlib.sha256(f"lzplan {__version__}\n".encode())
    package = Path(__file__).resolve().parent
    for module in sorted(package.rglob("*.py")):
        info = module.stat()
        digest.update(f"{module.relative_to(package)} {info.st_size} {info.st_mtime_ns}\n".encode())
    return digest.digest()


def digest(*parts: bytes | str) -> bytes:
    """The sha256 of ``parts``, each prefixed by its length so that no two lists of
    parts hash alike; text as UTF-8 (a file name that is not UTF-8 keeps its bytes)."""
    found = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogateescape") if isinstance(part, str) else part
        found.update(len(data).to_bytes(8, "big") + data)
    return found.digest()
