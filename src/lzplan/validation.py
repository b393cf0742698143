"""Turn loaded YAML into a model; pydantic's errors become ``file:line:column`` problems."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lzplan.errors import InputError, Problem
from lzplan.loader import Document

M = TypeVar("M", bound=BaseModel)


def to_model(document: Document, model: type[M]) -> M:
    """Validate ``document`` as ``model``, reporting every problem with its position."""
    if not isinstance(document.data, dict):
        what = type(document.data).__name__ if document.data is not None else "nothing"
        where = document.positions.find(())
        raise InputError([Problem(where, f"expected a mapping at the top level, got {what}")])
    try:
        return model.model_validate(document.data)
    except ValidationError as exc:
        raise InputError(problems(exc, document)) from None


def problems(exc: ValidationError, document: Document) -> list[Problem]:
    """One problem per error; of a union's alternatives, only the most specific."""
    errors = [(data_path(tuple(e["loc"]), document), e) for e in exc.errors(include_url=False)]
    paths = {path for path, _ in errors}
    found = []
    for path, error in errors:
        if any(other[: len(path)] == path and len(other) > len(path) for other in paths):
            continue  # a deeper error explains this one (e.g. int | dict: the dict's key)
        if error["type"] == "missing":
            path = (*path, error["loc"][-1])
        where = document.positions.find(path)
        found.append(Problem(where, describe(error, path)))
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


def describe(error: Any, path: tuple[str | int, ...]) -> str:
    """A message a clerk can act on, naming the field by its dotted path."""
    kind = error["type"]
    field = ".".join(str(part) for part in path) or "document"
    if kind == "extra_forbidden":
        return f"unknown field {field!r}"
    if kind == "missing":
        return f"missing required field {field!r}"
    message = str(error["msg"]).removeprefix("Value error, ")
    if kind in ("string_type", "int_type", "float_type", "bool_type", "list_type", "dict_type"):
        message += f", got {_shown(error.get('input'))}"
    return f"{field}: {message}"


def _shown(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    return f"{type(value).__name__} {value!r}"
