"""What a unit that can write the verdict cache would plant there: shared by the cache
tests and the trust cases (tests/cases/trust/cache-*)."""

from __future__ import annotations

import os
import pickle
from dataclasses import replace
from pathlib import Path

from lzplan.check import wire
from lzplan.check.cache import MAGIC, _sign, secret
from lzplan.check.result import Status, UnitStatus


def entries(cache: Path) -> list[Path]:
    return sorted((cache / "verdicts").glob("*/*"))


def entry_of(cache: Path, file_name: str) -> Path:
    """The one entry holding the verdict of the file of this name."""
    found = [e for e in entries(cache) if file_name.encode() in e.read_bytes()]
    assert len(found) == 1, found
    return found[0]


def framed(entry: Path, signature: bytes, payload: bytes) -> bytes:
    return MAGIC + entry.name.encode() + b"\n" + signature + b"\n" + payload


def signed(entry: Path, payload: bytes, cache: Path) -> bytes:
    """An entry as lzplan writes it, signed with this machine's own secret: what only
    lzplan (or whoever holds the secret) can make."""
    return framed(entry, _sign(secret(os.environ, cache), entry.name, payload), payload)


def guessed(entry: Path, payload: bytes, guess: bytes) -> bytes:
    """An entry signed with a secret somebody guessed."""
    return framed(entry, _sign(guess, entry.name, payload), payload)


def verdict(entry: Path) -> wire.FileVerdict:
    found = wire.unpack(pickle.loads(entry.read_bytes().split(b"\n", 3)[3]))
    assert isinstance(found, wire.FileVerdict)
    assert found.result is not None
    return found


def all_met(entry: Path) -> bytes:
    """The kept verdict, rewritten as every requirement met."""
    kept = verdict(entry)
    assert kept.result is not None
    outcomes = tuple(o._replace(status=Status.MET) for o in kept.result.outcomes)
    forged = replace(kept, result=replace(kept.result, status=UnitStatus.COMPLIANT,
                                          outcomes=outcomes))  # fmt: skip
    return pickle.dumps(wire.pack(forged))
