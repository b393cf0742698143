"""Turn loaded YAML into a model; pydantic's errors become ``file:line:column`` problems."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lzplan.errors import InputError, Problem
from lzplan.inputs.loader import Document
from lzplan.location import PathKey
from lzplan.messages import REFERENCE, Message, catalogue, either, msg

M = TypeVar("M", bound=BaseModel)


def to_model(document: Document, model: type[M]) -> M:
    """Validate ``document`` as ``model``, reporting every problem with its position."""
    if not isinstance(document.data, dict):
        what = type(document.data).__name__ if document.data is not None else "nothing"
        where = document.positions.find(())
        raise InputError([Problem(where, msg("yaml.top_level", what=what))])
    controls = [problem for _, problem in _located_controls(document)]
    if controls:
        raise InputError(controls)
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(problems(exc, document)) from None


def every_problem(
    document: Document, model: type[M]
) -> tuple[M | None, list[Problem], set[PathKey]]:
    """Every problem of a leniently read document at once: the builder's, control
    characters, and the schema's (less those at a spot already reported); the model
    when there are none; and the paths the problems are at, so that a caller can
    still check what is sound."""
    found = list(document.problems)
    broken = set(document.broken)
    if not isinstance(document.data, dict):
        what = type(document.data).__name__ if document.data is not None else "nothing"
        return (
            None,
            [*found, Problem(document.positions.find(()), msg("yaml.top_level", what=what))],
            {()},
        )
    for path, problem in _located_controls(document):
        found.append(problem)
        broken.add(path)
    try:
        model_found = model.model_validate(document.data)
    except ValidationError as exc:
        for path, problem in _located(exc, document):
            if not any(path[: len(spot)] == spot for spot in document.broken):
                found.append(problem)
            broken.add(path)
        return None, found, broken
    return (None if found else model_found), found, broken


def _located_controls(document: Document) -> Iterator[tuple[PathKey, Problem]]:
    """A control character in any key or text (a line break or ESC written with a YAML
    escape, "\\n", "\\e"): no title, 文号 or note holds one, and printed it could forge
    a line of lzplan's output or steer a terminal. The loader notes them as it reads."""
    for path, char in document.controls:
        yield path, Problem(document.positions.find(path), _message(char))


def _message(char: str) -> Message:
    return msg("text.control", code=f"U+{ord(char):04X}")


def problems(exc: ValidationError, document: Document) -> list[Problem]:
    """One problem per error; of a union's alternatives, only the most specific."""
    return [problem for _, problem in _located(exc, document)]


def _located(exc: ValidationError, document: Document) -> list[tuple[PathKey, Problem]]:
    errors = [(data_path(tuple(e["loc"]), document), e) for e in exc.errors(include_url=False)]
    paths = {path for path, _ in errors}
    found = []
    for path, error in errors:
        if any(other[: len(path)] == path and len(other) > len(path) for other in paths):
            continue  # a deeper error explains this one (e.g. int | dict: the dict's key)
        if error["type"] == "missing":
            path = (*path, error["loc"][-1])
        where = document.positions.find(path)
        found.append((path, Problem(where, describe(error, path))))
    return found


def data_path(loc: tuple[str | int, ...], document: Document) -> tuple[str | int, ...]:
    """The part of pydantic's ``loc`` that names keys in the file.

    ``loc`` also holds union branches and validator names ("int",
    "function-before[...]"), which are not in the file and are skipped.
    """
    path: tuple[str | int, ...] = ()
    for part in loc:
        if (*path, part) in document.positions.positions:
            path = (*path, part)
    return path


_TYPES = {  # pydantic's *_type errors → the message naming what was expected
    "string_type": "type.string_type",
    "int_type": "type.int_type",
    "int_from_float": "type.int_from_float",
    "float_type": "type.float_type",
    "bool_type": "type.bool_type",
    "list_type": "type.list_type",
    "dict_type": "type.dict_type",
    "model_type": "type.model_type",
    "date_type": "type.date_type",
}
_LIMITS = {"greater_than_equal": ("schema.ge", "ge"), "less_than_equal": ("schema.le", "le"),
           "greater_than": ("schema.gt", "gt")}  # fmt: skip


def describe(error: Any, path: tuple[str | int, ...]) -> Message:
    """A message a clerk can act on, naming the field by its dotted path."""
    kind = error["type"]
    field = ".".join(str(part) for part in path) or "document"
    ctx = error.get("ctx") or {}
    if kind in catalogue(REFERENCE):  # our own rules, raised as PydanticCustomError
        return msg("schema.rule", field=field, message=msg(kind, **ctx))
    if kind == "extra_forbidden":
        return msg("schema.unknown_field", field=field)
    if kind == "missing":
        return msg("schema.missing", field=field)
    if kind in _TYPES:
        got = _shown(error.get("input"))
        return msg("schema.type", field=field, expected=msg(_TYPES[kind]), got=got)
    if kind in _LIMITS:
        key, name = _LIMITS[kind]
        limit = ctx[name]
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)  # "1", as written in the schema, not "1.0"
        return msg(key, field=field, limit=limit)
    if kind == "literal_error":
        # "'met', 'missed' or 'nil'", or numbers: "2 or 3"
        found = re.findall(r"'[^']*'|[^\s,']+", str(ctx["expected"]))
        choices = [choice for choice in found if choice != "or"]
        return msg("schema.choice", field=field, expected=either(choices))
    if kind == "string_pattern_mismatch":
        return msg("schema.pattern", field=field, pattern=ctx["pattern"])
    if kind in ("too_short", "string_too_short"):
        return msg("schema.empty", field=field, message=error["msg"])
    return msg("schema.other", field=field, message=error["msg"])  # pragma: no cover


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    text = repr(value)
    if len(text) > _SHOWN:  # a nested value would fill the screen
        text = text[: _SHOWN - 1] + "…"
    return f"{type(value).__name__} {text}"


_SHOWN = 60
