"""Each file's verdict, kept by what it depends on, so a re-check judges only what changed.

A verdict depends on the file's bytes, the name and place it is read under (binding),
and the check's context: the plan's sha256, the waivers file's, the as-of date, the
binding patterns, and lzplan's version. The key is the sha256 of all of these, so a
change to any one misses; nothing is ever invalidated by hand.

An entry is ``MAGIC``, its key, the sha256 of its payload, then the payload: the packed
verdict (``check.wire``) pickled. Reading trusts nothing: a wrong magic, another key,
a digest that does not match (a torn or edited file) or a payload naming any class
outside lzplan's value objects is a miss, and the verdict is judged again and written
over it. The unpickler resolves only the classes in ``_ALLOWED``, so an entry cannot
run code. Entries are written whole (a temporary file, then a rename): two runs at
once at worst judge a file twice.

The folder is ``--cache-dir``, else ``$LZPLAN_CACHE_DIR``, else
``$XDG_CACHE_HOME/lzplan`` (``~/.cache/lzplan``). A cache that cannot be written (a
read-only home in CI) is used for reading only, silently: it can only ever save time.
"""

from __future__ import annotations

import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lzplan.check.wire import Packed
from lzplan.code import digest, fingerprint

MAGIC = b"lzplan-verdict 1\n"
_ALLOWED = {
    ("datetime", "date"),
    ("lzplan.errors", "Problem"),
    ("lzplan.location", "Location"),
    ("lzplan.messages", "Message"),
    ("lzplan.check.engine", "Rejected"),
    ("lzplan.check.result", "Notice"),
    ("lzplan.check.result", "Status"),
    ("lzplan.check.result", "UnitStatus"),
    ("lzplan.check.result", "Reason"),
    ("fractions", "Fraction"),
    ("decimal", "Decimal"),
}


def default_folder(environ: Mapping[str, str]) -> Path:
    """$LZPLAN_CACHE_DIR, else the XDG cache folder's ``lzplan``."""
    if environ.get("LZPLAN_CACHE_DIR"):
        return Path(environ["LZPLAN_CACHE_DIR"])
    base = environ.get("XDG_CACHE_HOME") or str(Path(environ.get("HOME", "~")) / ".cache")
    return Path(base).expanduser() / "lzplan"


def context(*parts: bytes | str) -> bytes:
    """The check's part of every key: which lzplan (``code.fingerprint``), and what the
    caller names."""
    return digest(fingerprint(), *parts)


@dataclass(frozen=True)
class Cache:
    folder: Path
    context: bytes

    def key(self, data: bytes, display: str, place: str) -> str:
        return digest(self.context, display, place, data).hex()

    def path(self, key: str) -> Path:
        return self.folder / "verdicts" / key[:2] / key

    def get(self, key: str) -> Packed | None:
        """The verdict kept under ``key``, or None: missing, torn, foreign or forged."""
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        return _entry(data, key)

    def put(self, key: str, packed: Packed) -> None:
        """Keep a verdict; a folder that cannot be written only costs the saving."""
        payload = pickle.dumps(packed, protocol=pickle.HIGHEST_PROTOCOL)
        head = MAGIC + key.encode() + b"\n" + hashlib.sha256(payload).hexdigest().encode()
        target = self.path(key)
        with suppress(OSError):
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".", dir=target.parent)
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(head + b"\n" + payload)
                os.replace(temporary, target)
            finally:
                with suppress(FileNotFoundError):
                    os.unlink(temporary)


def _entry(data: bytes, key: str) -> Packed | None:
    head, _, rest = data.partition(b"\n" + key.encode() + b"\n")
    if head + b"\n" != MAGIC or len(rest) < 65:
        return None
    digest, payload = rest[:64], rest[65:]
    if hashlib.sha256(payload).hexdigest().encode() != digest:
        return None
    try:
        found = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # whatever a bad entry raises, it is only a miss
        return None
    return found if isinstance(found, tuple) and found else None


class _Unpickler(pickle.Unpickler):
    """Only lzplan's value objects and a few standard values: an entry cannot run code."""

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) not in _ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not a verdict's")
        return super().find_class(module, name)
