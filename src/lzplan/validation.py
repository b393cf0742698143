"""Turn loaded YAML into a model; pydantic's errors become ``file:line:column`` problems."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from lzplan.errors import InputError, Problem
from lzplan.i18n import CATALOG, Text, msg
from lzplan.loader import Document

M = TypeVar("M", bound=BaseModel)


def to_model(document: Document, model: type[M]) -> M:
    """Validate ``document`` as ``model``, reporting every problem with its position."""
    if not isinstance(document.data, dict):
        what = type(document.data).__name__ if document.data is not None else "nothing"
        where = document.positions.find(())
        raise InputError([Problem(where, msg("yaml.top_level", what=what))])
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


_TYPES = {  # pydantic's *_type errors: what was expected, in each language
    "string_type": ("string", "字符串"),
    "int_type": ("integer", "整数"),
    "int_from_float": ("integer", "整数"),
    "float_type": ("number", "数字"),
    "bool_type": ("boolean", "布尔值（true/false）"),
    "list_type": ("list", "列表"),
    "dict_type": ("dictionary", "键值映射"),
    "model_type": ("dictionary", "键值映射"),
    "date_type": ("date", "日期"),
}
_LIMITS = {"greater_than_equal": ("schema.ge", "ge"), "less_than_equal": ("schema.le", "le"),
           "greater_than": ("schema.gt", "gt")}  # fmt: skip


def describe(error: Any, path: tuple[str | int, ...]) -> Text:
    """A message a clerk can act on, naming the field by its dotted path."""
    kind = error["type"]
    field = ".".join(str(part) for part in path) or "document"
    ctx = error.get("ctx") or {}
    if kind in CATALOG:  # our own rules, raised as PydanticCustomError
        return msg("schema.rule", field=field, message=Text(kind, tuple(sorted(ctx.items()))))
    if kind == "extra_forbidden":
        return msg("schema.unknown_field", field=field)
    if kind == "missing":
        return msg("schema.missing", field=field)
    if kind in _TYPES:
        expected, expected_zh = _TYPES[kind]
        got = _shown(error.get("input"))
        return msg("schema.type", field=field, expected=expected, expected_zh=expected_zh, got=got)
    if kind in _LIMITS:
        key, name = _LIMITS[kind]
        limit = ctx[name]
        if isinstance(limit, float) and limit.is_integer():
            limit = int(limit)  # "1", as written in the schema, not "1.0"
        return msg(key, field=field, limit=limit)
    if kind == "literal_error":
        expected = str(ctx["expected"])
        zh = expected.replace(" or ", " 或 ").replace("', '", "'、'")
        return msg("schema.choice", field=field, expected=expected, expected_zh=zh)
    if kind == "string_pattern_mismatch":
        return msg("schema.pattern", field=field, pattern=ctx["pattern"])
    if kind in ("too_short", "string_too_short"):
        return msg("schema.empty", field=field, message=error["msg"])
    return msg("schema.other", field=field, message=error["msg"])  # pragma: no cover


def _shown(value: Any) -> str:
    if value is None:
        return "null"
    return f"{type(value).__name__} {value!r}"
