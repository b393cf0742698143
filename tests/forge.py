"""What a unit that can write the verdict cache would plant there: shared by the cache
tests and the trust cases (tests/cases/trust/cache-*)."""

from __future__ import annotations

import json
import os
import pickle
from dataclasses import replace
from pathlib import Path
from typing import Any

from lzplan.check import stream, wire
from lzplan.check.cache import MAGIC, _sign, secret
from lzplan.check.result import Notice, Status, UnitStatus
from lzplan.location import Location
from lzplan.messages import Message


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


def payload(entry: Path) -> object:
    return pickle.loads(entry.read_bytes().split(b"\n", 3)[3])


def is_piece(value: object) -> bool:
    """A streamed check's entry (``check.stream``: its unit's line and summary), not a
    verdict's."""
    return isinstance(value, tuple) and len(value) == len(stream.Piece._fields)


def verdict(entry: Path) -> wire.FileVerdict:
    found = wire.unpack(payload(entry))  # type: ignore[arg-type]
    assert isinstance(found, wire.FileVerdict)
    assert found.result is not None
    return found


def all_met(entry: Path) -> bytes:
    """The kept verdict (or piece), rewritten as every requirement met."""
    kept = payload(entry)
    if is_piece(kept):
        return pickle.dumps(_piece_met(kept))  # type: ignore[arg-type]
    found = verdict(entry)
    assert found.result is not None
    outcomes = tuple(o._replace(status=Status.MET) for o in found.result.outcomes)
    forged = replace(found, result=replace(found.result, status=UnitStatus.COMPLIANT,
                                           outcomes=outcomes))  # fmt: skip
    return pickle.dumps(wire.pack(forged))


def _piece_met(kept: tuple[Any, ...]) -> tuple[Any, ...]:
    """Each format's line of the piece (a JSON report's, a terminal's, joined when
    both are kept) and its summary, rewritten as every requirement met."""
    file, unit, where, problems, notices, summary, claims, line = kept
    owed = sum(count for _, count in summary[1])
    parts = [_met(json.loads(part)) for part in line.split("\x1e")]
    line = "\x1e".join(json.dumps(doc, ensure_ascii=False, separators=(", ", ": "))
                       if isinstance(doc, dict) else
                       json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
                       for doc in parts)  # fmt: skip
    return (file, unit, where, problems, notices,
            ("compliant", (("met", owed),), (False, False), ()), claims, line)  # fmt: skip


def _met(doc: Any) -> Any:
    if isinstance(doc, list):  # the terminal's: unit, standing, cells, done, owed, shortfalls
        unit, _, cells, _, owed, _ = doc
        return [unit, "compliant", dict.fromkeys(cells, "met"), owed, owed, []]
    doc["status"] = "compliant"
    doc["cells"] = dict.fromkeys(doc["cells"], "met")
    for outcome in doc["outcomes"]:
        outcome["status"] = "met"
    return doc


def unknown_message(entry: Path) -> bytes:
    """The kept verdict (or piece) holding a message no catalogue has."""
    unknown = Message("no.such.message", (("x", 1),))
    kept = payload(entry)
    if is_piece(kept):
        assert isinstance(kept, tuple)
        notice = Notice(Location(kept[0], 1, 1), unknown, kept[1])
        return pickle.dumps((*kept[:4], (*kept[4], notice), *kept[5:]))
    found = verdict(entry)
    assert found.result is not None
    outcomes = tuple(o._replace(detail=unknown) for o in found.result.outcomes)
    forged = replace(found, result=replace(found.result, outcomes=outcomes))
    return pickle.dumps(wire.pack(forged))
