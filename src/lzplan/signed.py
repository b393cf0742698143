"""Entries only lzplan can have written: a pickled value kept under a key, signed.

The verdict cache (``check.cache``) and the loaded-plan cache (``plan.load``) keep
values in a folder anyone with the right to write it (a CI cache restored from another
branch, a shared runner) could fill. An entry is its kind's magic line, its key, an
HMAC-SHA256 of key and payload, then the payload. The HMAC's secret is kept outside
the folder, so an entry lzplan did not write is never used. Reading trusts nothing:
anything but a regular file of bounded size, a wrong magic, another key, a signature
that does not match (a torn, edited or planted file) or a payload naming a class the
caller does not allow is a miss (None), never an error: the cache only saves time.
Entries are written whole (a temporary file, then a rename); a folder that cannot be
written only costs the saving.
"""

from __future__ import annotations

import hashlib
import hmac
import io
import os
import pickle
import tempfile
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from lzplan.inputs.loader import read_regular

Allowed = Callable[[str, str], bool]  # (module, name) -> may an entry name this class?


def sign(secret: bytes, key: str, payload: bytes) -> bytes:
    return hmac.new(secret, key.encode() + b"\n" + payload, hashlib.sha256).hexdigest().encode()


def write(target: Path, magic: bytes, key: str, value: object, secret: bytes) -> None:
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    data = magic + key.encode() + b"\n" + sign(secret, key, payload) + b"\n" + payload
    with suppress(OSError):
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=".", dir=target.parent)
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(temporary, target)
        finally:
            with suppress(FileNotFoundError):
                os.unlink(temporary)


def read(
    path: Path, magic: bytes, key: str, secret: bytes, allowed: Allowed, limit: int
) -> Any | None:
    """The value kept at ``path`` under ``key``, or None: missing, torn, foreign or forged."""
    try:
        data = read_regular(path, limit)
    except OSError:
        return None
    head, _, rest = data.partition(b"\n" + key.encode() + b"\n")
    if head + b"\n" != magic or len(rest) < 65:
        return None
    signature, payload = rest[:64], rest[65:]
    if not hmac.compare_digest(sign(secret, key, payload), signature):
        return None
    try:
        return _Unpickler(io.BytesIO(payload), allowed).load()
    except Exception:  # whatever a bad entry raises, it is only a miss
        return None


class _Unpickler(pickle.Unpickler):
    """Only the classes the caller allows: an entry cannot run code."""

    def __init__(self, file: io.BytesIO, allowed: Allowed) -> None:
        super().__init__(file)
        self.allowed = allowed

    def find_class(self, module: str, name: str) -> Any:
        if not self.allowed(module, name):
            raise pickle.UnpicklingError(f"{module}.{name} may not be kept")
        return super().find_class(module, name)
