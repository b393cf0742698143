"""Reading a plan file: the schema, the cross-references, then the notice it quotes."""

from __future__ import annotations

import hashlib
import hmac
import os
import tempfile
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from lzplan.code import digest, fingerprint
from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.location import Location, PositionMap
from lzplan.messages import msg
from lzplan.plan import breakdown, crossref
from lzplan.plan.breakdown import LoadedBreakdown
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan


@dataclass(frozen=True)
class LoadedPlan:
    path: Path
    display: str
    sha256: str
    plan: Plan
    index: PlanIndex
    positions: PositionMap
    notice: str
    breakdown: LoadedBreakdown | None = None


def load(
    path: Path, display: str | None = None, cache: Path | None = None, secret: bytes = b""
) -> LoadedPlan:
    """Load and fully validate a plan file; raise InputError listing every problem.

    With a cache folder, tracing the plan against its notice (the dearest check, and a
    pure function of the two texts) is skipped when the same texts passed it before:
    the note of that pass is signed with ``secret`` (the verdict cache's, kept outside
    the folder), so a note anyone else planted skips nothing."""
    name = display or str(path)
    text = loader.read_text(path, name, loader.MAX_PLAN_BYTES)
    document = loader.parse(text, name)
    plan = to_model(document, Plan)
    index = PlanIndex(plan)
    problems = crossref.check(plan, document.positions, index)
    if problems:
        raise InputError(problems)
    notice_path = path.parent / plan.plan.source.file
    at = document.positions.find(("plan", "source", "file"))
    notice = _cited(path, name, plan.plan.source.file, at, "plan.notice")
    broken_down = _breakdown(path, name, plan, document.positions)
    extra = [broken_down.text] if broken_down else []
    passed = _traced_marker(cache, text, notice, *extra, name, str(notice_path))
    if passed is None or not _signed(passed, secret):
        from lzplan.plan import trace  # the dearest check's code, loaded only when it runs

        problems = trace.check(index, document.positions, notice, str(notice_path), broken_down)
        if problems:
            raise InputError(problems)
        _mark(passed, secret)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return LoadedPlan(path, name, digest, plan, index, document.positions, notice, broken_down)


def _breakdown(
    path: Path, display: str, plan: Plan, positions: PositionMap
) -> LoadedBreakdown | None:
    """The 任务分解 the plan cites, validated against the plan; None when it cites none."""
    ref = plan.plan.breakdown
    if ref is None:
        return None
    name = str(Path(display).parent / ref.file)
    at = positions.find(("plan", "breakdown", "file"))
    text = _cited(path, display, ref.file, at, "plan.breakdown")
    document = loader.parse(text, name)
    parsed = to_model(document, breakdown.Breakdown)
    loaded = LoadedBreakdown(name, parsed, document.positions, text)
    problems = list(breakdown.check(loaded, plan))
    if problems:
        raise InputError(problems)
    return loaded


def _cited(path: Path, display: str, file: str, at: Location, key: str) -> str:
    """The text of a file the plan cites (its notice, its 任务分解), beside the plan; a
    file that cannot be read is a problem at the plan's citation of it."""
    try:
        return loader.read_text(path.parent / file, str(Path(display).parent / file))
    except InputError as exc:
        raise InputError([Problem(at, msg(key, problem=exc.problems[0].message))]) from None


def _traced_marker(cache: Path | None, *texts: str) -> Path | None:
    """Where a pass of the trace over these texts is noted: named by their sha256 (and
    lzplan's code), so another plan, notice or lzplan never finds it."""
    if cache is None:
        return None
    return cache / "traced" / digest(fingerprint(), *texts).hex()


def _signature(marker: Path, secret: bytes) -> bytes:
    return hmac.new(secret, marker.name.encode(), hashlib.sha256).hexdigest().encode()


def _signed(marker: Path, secret: bytes) -> bool:
    """Whether the note holds this run's signature of its name (no secret: never)."""
    if not secret:
        return False
    try:
        found = loader.read_regular(marker, 128)
    except OSError:
        return False
    return hmac.compare_digest(found, _signature(marker, secret))


def _mark(marker: Path | None, secret: bytes) -> None:
    if marker is not None and secret:
        with suppress(OSError):  # a cache that cannot be written only costs the saving
            marker.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(prefix=".", dir=marker.parent)
            try:
                with os.fdopen(handle, "wb") as file:
                    file.write(_signature(marker, secret))
                os.replace(temporary, marker)
            finally:
                with suppress(FileNotFoundError):
                    os.unlink(temporary)
