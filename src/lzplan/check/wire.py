"""A file's verdict as plain tuples, to send from a worker process to the parent.

Pickling the verdict's objects (named tuples, messages, locations, enums) costs the
parent as much to unpickle as the worker spent judging; tuples of strings, numbers
and dates cost a fraction. `unpack(pack(v)) == v` (tested).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import fields, is_dataclass
from typing import Any

from lzplan.check.engine import FileVerdict, Rejected
from lzplan.check.result import (
    ItemVerdict,
    Outcome,
    PeriodOutcome,
    Reason,
    Status,
    UnitResult,
    UnitStatus,
)
from lzplan.errors import Problem
from lzplan.location import Location
from lzplan.messages import Message, languages

_STATUS = {str(s): s for s in Status}
_UNIT_STATUS = {str(s): s for s in UnitStatus}
_REASON = {str(r): r for r in Reason}
Packed = tuple[Any, ...]


def pack(item: FileVerdict | tuple[list[Problem], Rejected] | None) -> Packed:
    if item is None:
        return ("skipped",)  # no submission: a copy of the plan, a waiver file
    if not isinstance(item, FileVerdict):
        return ("rejected", item)  # rare: pickled as it is
    result = item.result
    packed_result = None
    if result is not None:
        outcomes = tuple(_outcome(o) for o in result.outcomes)
        packed_result = (result.unit, str(result.status), outcomes)
    where = (item.where.line, item.where.column)
    return ("verdict", item.file, item.unit, where, item.problems, item.notices, packed_result)


def _items(items: tuple[ItemVerdict, ...]) -> Packed:
    return tuple(
        (
            i.title,
            i.date.toordinal(),
            i.doc_no,
            str(i.reason),
            i.location.line,
            i.location.column,
            i.sha256,
        )
        for i in items
    )


def _unpack_items(file: str, items: Packed) -> tuple[ItemVerdict, ...]:
    return tuple(
        ItemVerdict(
            title,
            dt.date.fromordinal(date),
            doc_no,
            _REASON[reason],
            Location(file, line, column),
            sha256,
        )
        for title, date, doc_no, reason, line, column, sha256 in items
    )


def _period(p: PeriodOutcome) -> Packed:
    return (p.period, p.due.toordinal(), str(p.status), p.actual, p.required, p.detail.key,
            p.detail.params, _items(p.items))  # fmt: skip


def _unpack_period(file: str, packed: Packed) -> PeriodOutcome:
    period, due, status, actual, required, key, params, items = packed
    return PeriodOutcome(period, dt.date.fromordinal(due), _STATUS[status], actual, required,
                         Message(key, params), _unpack_items(file, items))  # fmt: skip


def _outcome(o: Outcome) -> Packed:
    items = _items(o.items)
    location = (o.location.line, o.location.column) if o.location else None
    waiver = (o.waiver.key, o.waiver.params) if o.waiver else None
    return (o.task, o.requirement, str(o.status), o.actual, o.required, o.due.toordinal(),
            o.detail.key, o.detail.params, items, location, waiver, o.at_most,
            tuple(_period(p) for p in o.periods), o.facts,
            o.remedied.toordinal() if o.remedied else None)  # fmt: skip


def sound(packed: Packed) -> bool:
    """Whether a packed verdict from elsewhere (the cache) unpacks to a verdict whose
    every message renders in every language: an entry naming a message lzplan does not
    have, or with the wrong parameters, is a miss, never a crash at output time."""
    return checked(packed)[0]


def checked(packed: Packed) -> tuple[bool, FileVerdict | tuple[list[Problem], Rejected] | None]:
    """Whether ``packed`` is sound (see ``sound``), and what it unpacks to: unpacked once."""
    try:
        found = unpack(packed)
    except Exception:  # any shape error means: judge the file again
        return False, None
    return (True, found) if renders(found) else (False, None)


def renders(value: object) -> bool:
    """Whether every message ``value`` holds renders in every language. A message of a
    shape already rendered in this run (its key, its parameters' names and types) is not
    rendered again: a template fails by the key, a name or a type."""
    try:
        langs = languages()
        for message in _messages(value):
            shape = (message.key, tuple((name, _kind(value)) for name, value in message.params))
            if shape not in _RENDERED:
                for lang in langs:
                    message.render(lang)
                _RENDERED.add(shape)
    except Exception:  # a message lzplan does not have, or with the wrong parameters
        return False
    return True


_RENDERED: set[tuple[str, tuple[tuple[str, object], ...]]] = set()


def _kind(value: object) -> object:
    if isinstance(value, (tuple, list)):
        return (type(value), tuple(_kind(item) for item in value))
    return type(value)


def _messages(value: object) -> list[Message]:
    """Every message a verdict holds, however deep: walked with a stack, not recursion,
    since a verdict of 40 outcomes holds some 2,000 values, almost all plain."""
    found: list[Message] = []
    stack = [value]
    while stack:
        item = stack.pop()
        kind = type(item)
        if kind in _PLAIN:
            continue
        if isinstance(item, Message):
            found.append(item)
            stack.extend(param for _, param in item.params)
        elif isinstance(item, (tuple, list)):
            stack.extend(item)
        else:
            stack.extend(getattr(item, name) for name in _fields(kind))
    return found


def _fields(kind: type) -> tuple[str, ...]:
    """A dataclass's field names (none for anything else), looked up once per class."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(f.name for f in fields(kind)) if is_dataclass(kind) else ()
    return found


_FIELDS: dict[type, tuple[str, ...]] = {}


_PLAIN = frozenset({str, int, float, bool, dt.date, type(None)})  # by exact type: fast


def unpack(packed: Packed) -> FileVerdict | tuple[list[Problem], Rejected] | None:
    if packed[0] == "skipped":
        return None
    if packed[0] == "rejected":
        rejected: tuple[list[Problem], Rejected] = packed[1]
        return rejected
    _, file, unit, where, problems, notices, packed_result = packed
    result = None
    if packed_result is not None:
        unit_id, status, outcomes = packed_result
        result = UnitResult(
            unit_id, _UNIT_STATUS[status], file, tuple(_unpack(unit_id, file, o) for o in outcomes)
        )
    return FileVerdict(file, unit, Location(file, *where), problems, notices, result)


def _unpack(unit: str, file: str, o: Packed) -> Outcome:
    (
        task,
        req,
        status,
        actual,
        required,
        due,
        key,
        params,
        items,
        location,
        waiver,
        at_most,
        periods,
        facts,  # rare (a figure's parts): pickled as they are
        remedied,
    ) = o
    return Outcome(
        unit=unit,
        task=task,
        requirement=req,
        status=_STATUS[status],
        actual=actual,
        required=required,
        due=dt.date.fromordinal(due),
        detail=Message(key, params),
        items=_unpack_items(file, items),
        location=Location(file, *location) if location else None,
        waiver=Message(*waiver) if waiver else None,
        at_most=at_most,
        periods=tuple(_unpack_period(file, p) for p in periods),
        facts=facts,
        remedied=dt.date.fromordinal(remedied) if remedied else None,
    )
