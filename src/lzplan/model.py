"""The building blocks every file format shares: strict models, dates, ids.

Every model forbids unknown fields and is strict about types: a quoted number is not
a number, and a date is written ``YYYY-MM-DD``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Annotated, Any, cast

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, create_model
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError

from lzplan.messages import REFERENCE, catalogue

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CHINESE_DATE = re.compile(r"^\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?\s*$")


def rule(key: str, **params: object) -> PydanticCustomError:
    """A validation error whose type is a message key, so it can be shown in any language."""
    return PydanticCustomError(key, catalogue(REFERENCE)[key], params)


def _to_date(value: Any) -> Any:
    """Accept a YAML date or an ISO ``YYYY-MM-DD`` string; explain anything else."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str):
        if _ISO_DATE.match(value):
            return dt.date.fromisoformat(value)
        chinese = _CHINESE_DATE.match(value)
        if chinese:
            year, month, day = (int(part) for part in chinese.groups())
            raise rule("date.chinese", value=value, iso=f"{year:04d}-{month:02d}-{day:02d}")
    raise rule("date.format", value=repr(value))


Date = Annotated[dt.date, BeforeValidator(_to_date)]
Id = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=64)]
NonEmpty = Annotated[str, Field(min_length=1)]
Positive = Annotated[int, Field(ge=1)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


def own_fields(model: type[BaseModel], base: type[BaseModel]) -> list[str]:
    """The fields ``model`` adds to ``base``, in declaration order."""
    return [name for name in model.model_fields if name not in base.model_fields]


def optional_fields(
    models: Iterable[type[BaseModel]], base: type[BaseModel]
) -> dict[str, tuple[Any, FieldInfo]]:
    """The fields the models add to ``base``, each made optional (default None), for a
    flat model that holds them all. A field two models add must be declared alike."""
    fields: dict[str, tuple[Any, FieldInfo]] = {}
    seen: dict[str, FieldInfo] = {}
    for model in models:
        for name in own_fields(model, base):
            info = model.model_fields[name]
            if name in seen:
                if repr(seen[name]) != repr(info):  # pragma: no cover - declared anew
                    raise TypeError(f"{model.__name__}.{name} differs from its other declaration")
                continue
            seen[name] = info
            if info.is_required():  # required by its kind, absent from the others
                optional = cast(FieldInfo, Field(None, description=info.description))
                fields[name] = (info.rebuild_annotation() | None, optional)
            else:
                fields[name] = (info.rebuild_annotation(), info)
    return fields


def fields_of(model: type[BaseModel], names: Iterable[str]) -> dict[str, tuple[Any, FieldInfo]]:
    """Some of a model's fields, as they are declared, for ``create_model``."""
    return {name: (model.model_fields[name].rebuild_annotation(), model.model_fields[name])
            for name in names}  # fmt: skip


def flat_model(
    name: str,
    module: str,
    fields: dict[str, tuple[Any, FieldInfo]],
    *,
    base: type[BaseModel] = Model,
    doc: str | None = None,
) -> type[BaseModel]:
    """A model made of ``fields`` in their order: one flat model for what several
    models (one per kind) declare, as a file writes it."""
    made: type[BaseModel] = create_model(  # type: ignore[call-overload]
        name, __base__=base, __module__=module, __doc__=doc, **fields
    )
    return made
