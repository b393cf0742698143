"""Reading a large JSON report a unit at a time: a province's report runs to hundreds
of MiB, and a comparison needs one unit of it at once, never the whole text.

The report's top-level object is walked by hand; every other value (the plan, each
unit) is decoded whole by the json module from a window of text that grows only as far
as that value needs. A problem is located at the line and column where JSON says."""

from __future__ import annotations

import codecs
import json
from collections.abc import Iterator
from typing import Any, BinaryIO

from pydantic import BaseModel, ValidationError

from lzplan.errors import InputError, Problem
from lzplan.inputs.validation import describe
from lzplan.location import Location
from lzplan.messages import Message, msg

CHUNK = 1024 * 1024
_DECODER = json.JSONDecoder()
_BLANK = " \t\r\n"


class Text:
    """A file's text, decoded a chunk at a time; what has been read is dropped, its
    lines counted so that positions stay those of the file."""

    def __init__(self, file: BinaryIO, shown: str) -> None:
        self.file, self.shown = file, shown
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.buffer, self.pos, self.ended = "", 0, False
        self.line, self.column = 1, 1  # where buffer[0] is in the file
        self.starts: dict[str, Location] = {}  # where each top-level value starts

    def more(self) -> bool:
        """Read the next chunk (dropping what was read); False at the end of the file."""
        if self.ended:
            return False
        self._drop()
        raw = self.file.read(CHUNK)
        self.ended = not raw
        try:
            self.buffer += self.decoder.decode(raw, final=self.ended)
        except UnicodeDecodeError:
            raise self.error(len(self.buffer), msg("encoding.binary")) from None
        return True

    def _drop(self) -> None:
        gone = self.buffer[: self.pos]
        lines = gone.count("\n")
        if lines:
            self.line += lines
            self.column = len(gone) - gone.rfind("\n")
        else:
            self.column += len(gone)
        self.buffer, self.pos = self.buffer[self.pos :], 0

    def where(self, pos: int) -> Location:
        lines = self.buffer.count("\n", 0, pos)
        if not lines:
            return Location(self.shown, self.line, self.column + pos)
        return Location(self.shown, self.line + lines, pos - self.buffer.rfind("\n", 0, pos))

    def error(self, pos: int, message: Message) -> InputError:
        return InputError([Problem(self.where(pos), message)])

    def peek(self) -> str:
        """The next character that is not blank ('' at the end of the file)."""
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in _BLANK:
                self.pos += 1
            if self.pos < len(self.buffer) or not self.more():
                return self.buffer[self.pos : self.pos + 1]

    def expect(self, mark: str) -> None:
        if self.peek() != mark:
            found = self.peek() or "the end of the file"
            what = f"expected {mark!r}, found {found!r}"
            raise self.error(self.pos, msg("yaml.invalid", what=what))
        self.pos += 1

    def value(self) -> tuple[Any, int]:
        """The next JSON value, whole, and where it starts."""
        self.peek()
        while True:
            start = self.pos
            try:
                value, end = _DECODER.raw_decode(self.buffer, start)
            except json.JSONDecodeError as exc:
                if self._cut(exc) and self.more():
                    continue
                raise self.error(exc.pos, msg("yaml.invalid", what=exc.msg)) from None
            whole = isinstance(value, (dict, list, str))
            if end == len(self.buffer) and not whole and self.more():
                continue  # a number or a word may go on in the next chunk
            self.pos = end
            return value, start

    def _cut(self, exc: json.JSONDecodeError) -> bool:
        """Whether the value may only be cut short by the chunk's end."""
        return len(self.buffer) - exc.pos <= CHUNK or exc.msg.startswith("Unterminated string")


def walk(
    file: BinaryIO, shown: str, head: type[BaseModel], unit: type[BaseModel]
) -> tuple[Any, Iterator[Any]]:
    """The report's head (every top-level field but ``units``, validated by ``head``)
    and its units one at a time (each validated by ``unit``). The head must come first,
    as lzplan writes it; a report that lists its units first is read whole."""
    text = Text(file, shown)
    text.expect("{")
    fields: dict[str, Any] = {}
    if _next_key(text, fields, first=True) != "units":
        raise InputError([Problem(Location(shown), msg("schema.missing", field="units"))])
    try:
        found = head.model_validate(fields)
    except ValidationError:  # the head may come after the units: read them first
        units = list(_units(text, unit))
        _rest(text, fields)
        return _validated(text, head, fields), iter(units)
    return found, _then(_units(text, unit), text, fields)


def _next_key(text: Text, fields: dict[str, Any], *, first: bool) -> str | None:
    """Read fields up to the key ``units`` (returned, its value not read) or the end."""
    while True:
        if text.peek() == "}":
            text.pos += 1
            return None
        if not first:
            text.expect(",")
        first = False
        key, start = text.value()
        if not isinstance(key, str):
            raise text.error(start, msg("yaml.invalid", what="expected a key in double quotes"))
        text.expect(":")
        if key == "units":
            return key
        fields[key], start = text.value()
        text.starts[key] = text.where(start)


def _units(text: Text, unit: type[BaseModel]) -> Iterator[Any]:
    text.expect("[")
    index = 0
    seen: set[str] = set()
    while text.peek() != "]":
        if index:
            text.expect(",")
        data, start = text.value()
        found = _one(text, unit, data, start, index)
        name = getattr(found, "id", None)
        if name in seen:
            raise text.error(start, msg("diff.unit_twice", unit=name))
        seen.add(str(name))
        index += 1
        yield found
    text.pos += 1


def _one(text: Text, model: type[BaseModel], data: Any, start: int, index: int) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        path = ("units", index, *(p for p in first["loc"] if isinstance(p, (str, int))))
        raise text.error(start, describe(first, path)) from None


def _then(units: Iterator[Any], text: Text, fields: dict[str, Any]) -> Iterator[Any]:
    yield from units
    _rest(text, fields)


def _rest(text: Text, fields: dict[str, Any]) -> None:
    """The fields after the units, the closing brace, and nothing after it."""
    _next_key(text, fields, first=False)
    if text.peek():
        raise text.error(text.pos, msg("yaml.invalid", what="extra data after the report"))


def _validated(text: Text, model: type[BaseModel], fields: dict[str, Any]) -> Any:
    try:
        return model.model_validate(fields)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        path = tuple(p for p in first["loc"] if isinstance(p, (str, int)))
        where = (
            text.starts.get(str(path[0]), Location(text.shown)) if path else Location(text.shown)
        )
        raise InputError([Problem(where, describe(first, path))]) from None
