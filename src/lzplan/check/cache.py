"""Each file's verdict, kept by what it depends on, so a re-check judges only what changed.

A verdict depends on the file's bytes, the name and place it is read under (binding),
and the check's context: the plan's sha256, the waivers file's, the as-of date, the
binding patterns, and lzplan's version. The key is the sha256 of all of these, so a
change to any one misses; nothing is ever invalidated by hand.

An entry is a signed one (``lzplan.signed``): ``MAGIC``, its key, an HMAC-SHA256 of
key and payload, then the packed verdict (``check.wire``) pickled. The HMAC's secret is
not in the cache folder (``secret``): whoever can write the folder — a CI cache
restored from another branch, a shared runner — can compute every key, but cannot sign
an entry, so no entry lzplan did not write decides a verdict. Reading trusts nothing:
a torn, edited, planted or oversized entry, a payload naming any class outside
``_ALLOWED`` (lzplan's value objects: an entry cannot run code), or a verdict whose
messages do not render (``wire.sound``) is a miss, and the verdict is judged again and
written over it. Two runs at once at worst judge a file twice.

The folder is ``--cache-dir``, else ``$LZPLAN_CACHE_DIR``, else
``$XDG_CACHE_HOME/lzplan`` (``~/.cache/lzplan``). A cache that cannot be written (a
read-only home in CI) is used for reading only, silently: it can only ever save time.
"""

from __future__ import annotations

import os
import secrets
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from lzplan import signed
from lzplan.check.wire import Packed
from lzplan.code import digest, fingerprint
from lzplan.inputs.loader import read_regular

MAGIC = b"lzplan-verdict 2\n"
# No verdict of one file comes near this; a larger "entry" (a link to /dev/zero, a
# planted giant) is a miss, not a read until memory runs out.
MAX_ENTRY_BYTES = 16 * 1024 * 1024
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


def key_file(environ: Mapping[str, str]) -> Path:
    """Where the cache's secret is kept: ``$XDG_CONFIG_HOME/lzplan/cache.key``
    (``~/.config/lzplan/cache.key``), never the cache folder."""
    base = environ.get("XDG_CONFIG_HOME") or str(Path(environ.get("HOME", "~")) / ".config")
    return Path(base).expanduser() / "lzplan" / "cache.key"


def secret(environ: Mapping[str, str], folder: Path) -> bytes:
    """The secret entries are signed with: ``$LZPLAN_CACHE_KEY`` (a CI's secret, so jobs
    share a cache), else the key file, made on first use (0600, its folder 0700). A key
    file that is not the user's alone, or that lies inside the cache folder, is not
    used: then this run's secret is random, and the cache only costs a re-judging."""
    given = environ.get("LZPLAN_CACHE_KEY", "")
    if given:
        return given.encode("utf-8")
    path = key_file(environ)
    try:
        if path.resolve().is_relative_to(folder.resolve()):
            return os.urandom(32)
        return _own_key(path)
    except (OSError, RuntimeError, ValueError):
        return os.urandom(32)


def _own_key(path: Path) -> bytes:
    try:
        return _read_key(path)
    except FileNotFoundError:
        pass
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags, 0o600)
    except FileExistsError:  # another run made it first
        return _read_key(path)
    with os.fdopen(handle, "wb") as file:
        file.write(secrets.token_bytes(32))
    return _read_key(path)


def _read_key(path: Path) -> bytes:
    info = os.lstat(path)
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise PermissionError(f"{path}: not a key of this user's alone")
    key = read_regular(path, 4096)
    if len(key) < 16:
        raise ValueError(f"{path}: too short to be a key")
    return key


@dataclass(frozen=True)
class Cache:
    folder: Path
    context: bytes
    secret: bytes  # signs the entries; kept outside the folder (``secret``)

    def key(self, data: bytes, display: str, place: str) -> str:
        return digest(self.context, display, place, data).hex()

    def path(self, key: str) -> Path:
        return self.folder / "verdicts" / key[:2] / key

    def get(self, key: str) -> Packed | None:
        """The verdict kept under ``key``, or None: missing, torn, foreign or forged."""
        found = signed.read(self.path(key), MAGIC, key, self.secret, _allowed, MAX_ENTRY_BYTES)
        return found if isinstance(found, tuple) and found else None

    def put(self, key: str, packed: Packed) -> None:
        """Keep a verdict; a folder that cannot be written only costs the saving."""
        signed.write(self.path(key), MAGIC, key, packed, self.secret)


def _allowed(module: str, name: str) -> bool:
    return (module, name) in _ALLOWED


_sign = signed.sign  # how an entry is signed (the tests forge with it)
