"""Reading a plan file: the schema, the cross-references, then the notice it quotes."""

from __future__ import annotations

import dataclasses
import enum
import hashlib
import importlib
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from lzplan import signed
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

MAGIC = b"lzplan-plan 1\n"
MAX_ENTRY_BYTES = 4 * loader.MAX_PLAN_BYTES  # a plan, its notice and its index, pickled


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

    With a cache folder and a secret, a plan that passed every check before, under the
    same name, with the same bytes, notice and 任务分解 and the same lzplan, is read
    back as it was loaded (no schema, cross-reference or trace to run again): the entry
    is signed with ``secret`` (the verdict cache's, kept outside the folder), so an
    entry anyone else planted is never used (``lzplan.signed``)."""
    name = display or str(path)
    text = loader.read_text(path, name, loader.MAX_PLAN_BYTES)
    key = digest(fingerprint(), name, str(path), text).hex() if cache and secret else ""
    entry = cache / "plans" / key[:2] / key if cache and key else None
    kept = _kept(entry, key, secret, path, name)
    if kept is not None:
        return kept
    loaded = _load(path, name, text)
    if entry is not None:
        signed.write(entry, MAGIC, key, (_cited_digests(loaded), loaded), secret)
    return loaded


def _load(path: Path, name: str, text: str) -> LoadedPlan:
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
    from lzplan.plan import trace  # the dearest check's code, loaded only when it runs

    problems = trace.check(index, document.positions, notice, str(notice_path), broken_down)
    if problems:
        raise InputError(problems)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    positions = _reported(document.positions, plan, index)
    return LoadedPlan(path, name, sha, plan, index, positions, notice, broken_down)


def _reported(positions: PositionMap, plan: Plan, index: PlanIndex) -> PositionMap:
    """The positions a report points at once the plan is loaded: each unit's entry and
    each requirement. The others served the checks that ran, and were most of a large
    plan's memory (15 of 34 MiB for 10,000 units), in the parent and every worker."""
    paths = [*(("units", i) for i in range(len(plan.units))), *index.paths.values()]
    kept = {}
    for path in paths:
        at = positions.find(path)
        kept[path] = (at.line, at.column)
    return PositionMap(positions.file, kept)


def _cited_digests(loaded: LoadedPlan) -> tuple[tuple[str, str], ...]:
    """The files the plan cites, each with the sha256 of the text it was loaded with."""
    found = [(loaded.plan.plan.source.file, loaded.notice)]
    if loaded.breakdown is not None and loaded.plan.plan.breakdown is not None:
        found.append((loaded.plan.plan.breakdown.file, loaded.breakdown.text))
    return tuple((file, hashlib.sha256(text.encode()).hexdigest()) for file, text in found)


def _kept(entry: Path | None, key: str, secret: bytes, path: Path, name: str) -> LoadedPlan | None:
    """The plan as loaded before, if its entry is lzplan's and its cited files are
    unchanged; else None (load it again)."""
    if entry is None:
        return None
    found = signed.read(entry, MAGIC, key, secret, _allowed, MAX_ENTRY_BYTES)
    if not (isinstance(found, tuple) and len(found) == 2):
        return None
    cited, loaded = found
    if not (isinstance(cited, tuple) and isinstance(loaded, LoadedPlan)):
        return None
    for file, sha in cited:
        try:
            text = loader.read_text(path.parent / file, str(Path(name).parent / file))
        except InputError:
            return None
        if hashlib.sha256(text.encode()).hexdigest() != sha:
            return None
    return loaded


# What a kept plan may name: the plan's own value objects and a few standard values.
_KEPT_MODULES = ("lzplan.plan.", "lzplan.kinds.", "lzplan.location", "lzplan.model")
_KEPT_STANDARD = {("datetime", "date"), ("pathlib", "PosixPath"), ("pathlib", "WindowsPath"),
                  ("decimal", "Decimal"), ("fractions", "Fraction")}  # fmt: skip


def _allowed(module: str, name: str) -> bool:
    """A standard value, or a class of lzplan's plan (a model, a dataclass, an enum):
    never a function, so a kept plan cannot run code."""
    if (module, name) in _KEPT_STANDARD:
        return True
    if not module.startswith(_KEPT_MODULES):
        return False
    found = getattr(importlib.import_module(module), name, None)
    return isinstance(found, type) and (
        issubclass(found, (BaseModel, enum.Enum)) or dataclasses.is_dataclass(found)
    )


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
