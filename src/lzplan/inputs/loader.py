"""Safe YAML loading: bytes → text → plain data, with the position of every node.

Only the YAML core types are accepted. Duplicate keys, anchors/aliases, non-standard
tags, non-UTF-8 text and oversized files are errors, each with its position.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

import yaml

from lzplan.errors import InputError, Problem
from lzplan.location import Location, PathKey, PositionMap, at_offset
from lzplan.messages import Message, msg

# A submission is a few kilobytes; a plan some tens. Anything this large is a mistake.
MAX_FILE_BYTES = 5 * 1024 * 1024
# A plan is the 法制办's own file, not a unit's; a province's registry of tens of
# thousands of units (about 110 bytes each) outgrows 5 MiB.
MAX_PLAN_BYTES = 32 * 1024 * 1024
# Plans and submissions nest about six levels deep; deeper is a mistake or an attack.
MAX_DEPTH = 64

_Base: type[yaml.SafeLoader]
try:  # libyaml's C parser where present: several times faster
    _Base = yaml.CSafeLoader  # type: ignore[assignment]
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader

_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """The safe parser, read event by event: the builder makes plain data straight from
    the events, so no node tree (about 40 bytes of text in 300 bytes of nodes and marks)
    is ever held — a plan of 10,000 units parsed in a third of the time and memory."""


_TAG = "tag:yaml.org,2002:"
_MAP, _SEQ, _STR, _MERGE = (_TAG + name for name in ("map", "seq", "str", "merge"))
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")

# Unicode's categories Cc (C0 and C1 controls, DEL), Zl and Zp (the line and paragraph
# separators), less the tab: a fixed set, so one C-speed search per string, not a
# category look-up per character (that was 15% of a check's time).
CONTROL = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Document:
    """A loaded YAML file: its data and where each part of it came from."""

    file: str
    data: Any
    positions: PositionMap
    # Each key or text holding a control character (CONTROL), with the first such
    # character: noted as the file is read, so that no second walk of the data is needed.
    controls: tuple[tuple[PathKey, str], ...]
    # Read leniently (``parse(..., lenient=True)``): what the builder refused, and the
    # paths it left empty for it, so the schema does not report the same spot again.
    problems: tuple[Problem, ...] = ()
    broken: frozenset[PathKey] = frozenset()


def read_text(path: Path, display: str, most: int | None = None) -> str:
    """Read ``path`` as UTF-8 (a BOM is allowed), or explain what it looks like instead;
    a file of more than ``most`` bytes (default MAX_FILE_BYTES) is refused."""
    return decode(read_bytes(path, display, most), display)


def read_bytes(path: Path, display: str, most: int | None = None) -> bytes:
    """The bytes of a regular file of at most ``most`` bytes (default MAX_FILE_BYTES);
    anything else (a folder, a FIFO, a device, a huge file) is an InputError."""
    most = MAX_FILE_BYTES if most is None else most
    with open_bytes(path, display, most) as file:
        try:
            raw = file.read(most + 1)  # the limit holds while reading: a file may grow
        except OSError as exc:
            problem = Problem(Location(display), msg("file.unreadable", reason=exc.strerror))
            raise InputError([problem]) from None
    if len(raw) > most:
        limit = most // (1024 * 1024)
        raise InputError([Problem(Location(display), msg("file.too_large", limit=limit))])
    return raw


class _NotRegular(OSError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def read_regular(path: Path, most: int) -> bytes:
    """The bytes of a regular file of at most ``most`` bytes; anything else raises
    OSError (see open_regular)."""
    with open_regular(path, most) as file:
        raw = file.read(most + 1)  # the limit holds while reading: a file may grow
    if len(raw) > most:
        raise _NotRegular("file.too_large")
    return raw


def open_regular(path: Path, most: int) -> BinaryIO:
    """A regular file of at most ``most`` bytes, open for reading. It is opened without
    waiting (a FIFO would block, a device never ends) and judged by what it is once
    open, so nothing swapped in between the look and the read is read; anything else
    raises OSError."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    handle = os.open(path, flags)
    try:
        info = os.fstat(handle)
        if stat.S_ISDIR(info.st_mode):
            raise _NotRegular("file.is_folder")
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular("file.not_regular")
        if info.st_size > most:
            raise _NotRegular("file.too_large")
    except OSError:
        os.close(handle)
        raise
    return os.fdopen(handle, "rb")


def open_bytes(path: Path, display: str, most: int) -> BinaryIO:
    """open_regular, its refusals an InputError as read_bytes says them."""
    where = Location(display)
    try:
        return open_regular(path, most)
    except _NotRegular as exc:
        limit = most // (1024 * 1024)
        message = msg(exc.key, limit=limit) if exc.key == "file.too_large" else msg(exc.key)
        raise InputError([Problem(where, message)]) from None
    except OSError as exc:
        raise InputError([Problem(where, msg("file.unreadable", reason=exc.strerror))]) from None


def decode(raw: bytes, display: str) -> str:
    """Decode UTF-8 text, naming the likely encoding when it is something else."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        hint = _encoding_hint(raw)
        where = Location(display, 1, 1)
        if hint.key != "encoding.utf16":  # in UTF-16 every line is broken; point at the start
            # the text before the first bad byte is valid UTF-8, so its lines can be counted
            before = raw[: exc.start].decode("utf-8")
            where = at_offset(display, before, len(before))
        raise InputError([Problem(where, hint)]) from None


def _encoding_hint(raw: bytes) -> Message:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or _utf16_without_bom(raw):
        return msg("encoding.utf16")
    if b"\x00" not in raw and _readable(raw, "gb18030"):
        return msg("encoding.gb18030")
    return msg("encoding.binary")


def _utf16_without_bom(raw: bytes) -> bool:
    """YAML keys are ASCII, so UTF-16 text has a NUL in every other byte, on one side."""
    sample = raw[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    if odd >= 0.2 * half and even <= 0.02 * half:
        return _readable(sample, "utf-16-le")
    if even >= 0.2 * half and odd <= 0.02 * half:
        return _readable(sample, "utf-16-be")
    return False


def _readable(raw: bytes, *encodings: str) -> bool:
    """Does ``raw`` decode strictly, in one of ``encodings``, to mostly printable text?"""
    for encoding in encodings:
        sample = raw[: len(raw) - len(raw) % 2] if encoding.startswith("utf-16") else raw
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        printable = sum(c.isprintable() or c in "\r\n\t" for c in text)
        if text and printable >= 0.95 * len(text):
            return True
    return False


def sniff_text(raw: bytes) -> str:
    """Best-effort text of a file that is not valid UTF-8, to find what it claims to be."""
    for encoding in ("utf-8", "utf-16", "utf-16-le", "gb18030"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    return raw.decode("utf-8", errors="replace")


def load_file(path: Path, display: str | None = None, *, lenient: bool = False) -> Document:
    """Load one YAML file from disk."""
    name = display if display is not None else str(path)
    return parse(read_text(path, name), name, lenient=lenient)


def parse(text: str, file: str, *, lenient: bool = False) -> Document:
    """Parse YAML text holding exactly one document. A value the builder refuses (a bad
    date, a tag, a duplicate key) raises, unless ``lenient``: then the document holds
    it as None and carries the problems, so the rest of the file can still be checked."""
    positions = PositionMap(file)
    loader = _Loader(text)
    builder = _Builder(positions, loader.get_event)
    try:
        found, data = builder.document()
    except yaml.MarkedYAMLError as exc:
        raise InputError([_yaml_problem(file, text, exc)]) from None
    except yaml.reader.ReaderError as exc:  # a control character in the text
        where = at_offset(file, text, exc.position)
        raise InputError(
            [Problem(where, msg("yaml.control", code=f"#x{exc.character:04x}"))]
        ) from None
    finally:
        loader.dispose()
    if not found:
        raise InputError([Problem(Location(file, 1, 1), msg("file.empty"))])
    if builder.problems and not lenient:
        raise InputError(builder.problems)
    controls, problems = tuple(builder.controls), tuple(builder.problems)
    return Document(file, data, positions, controls, problems, frozenset(builder.broken))


def _yaml_problem(file: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    what: str | Message = ", ".join(part for part in (exc.context, exc.problem) if part)
    what = what or "syntax error"
    if mark is not None and text[mark.index : mark.index + 1] == "\t":
        what = msg("yaml.tab", what=what)
    return Problem(Location(file, line, column), msg("yaml.invalid", what=what))


_PLAIN = {_TAG + name for name in ("null", "bool", "int", "float")}
_BOOL = _TAG + "bool"
_BOOLS = ("true", "false")  # YAML 1.2: yes/no/on/off are text, not booleans
# Numbers as YAML 1.2 writes them. YAML 1.1 also reads 0x13E, 0o17, 017 (octal), 1_000
# and 190:20:30 (base 60) as numbers: a clerk who writes them means something else.
# Fifteen digits is more than any count or date needs, and far below where converting
# to int gets slow (Python refuses beyond 4,300 digits).
_NUMBERS = {
    _TAG + "int": re.compile(r"[-+]?(0|[1-9][0-9]{0,14})"),
    _TAG + "float": re.compile(
        r"[-+]?([0-9]{1,15}\.[0-9]{0,15}|\.[0-9]{1,15})([eE][-+]?[0-9]{1,3})?"
    ),
}


_Event = Any  # a yaml.Event (PyYAML's events are untyped)
_OPEN = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSE = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


class _Builder:
    """Turns the parser's events into plain data, recording positions and problems.

    This runs once per event of every file, so it is written for speed: positions are
    stored as (line, column) pairs, and the common cases (plain Chinese text) are
    settled first. Anchors and aliases are refused (an alias is reported once), and
    the parser's own rules for them kept: an undefined alias or a duplicate anchor is a
    YAML error, as it was when the file was composed into nodes.
    """

    def __init__(self, positions: PositionMap, events: Callable[[], _Event]) -> None:
        self.positions = positions
        self.problems: list[Problem] = []
        self.broken: set[PathKey] = set()  # where a refused value was left out
        self.controls: list[tuple[PathKey, str]] = []  # see Document.controls
        self._next = events
        self._anchors: dict[str, yaml.Mark] = {}
        self._alias_reported = False

    def _problem(self, event: _Event, message: Message, mark: yaml.Mark | None = None) -> None:
        mark = mark or event.start_mark
        self.problems.append(
            Problem(Location(self.positions.file, mark.line + 1, mark.column + 1), message)
        )

    def document(self) -> tuple[bool, Any]:
        """(whether the stream holds a document, its data); a second one is an error."""
        self._next()  # the stream's start
        start = self._next()
        if isinstance(start, yaml.StreamEndEvent):
            return False, None
        data = self.build(self._next(), ())
        self._next()  # the document's end
        after = self._next()
        if not isinstance(after, yaml.StreamEndEvent):
            raise yaml.composer.ComposerError("expected a single document in the stream",
                                              start.start_mark, "but found another document",
                                              after.start_mark)  # fmt: skip
        return True, data

    def _anchor(self, event: _Event) -> None:
        anchor = event.anchor
        if anchor is None:
            return
        if anchor in self._anchors:
            raise yaml.composer.ComposerError("found duplicate anchor; first occurrence",
                                              self._anchors[anchor], "second occurrence",
                                              event.start_mark)  # fmt: skip
        self._anchors[anchor] = event.start_mark

    def build(self, event: _Event, path: PathKey) -> Any:
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self._anchors:
                _undefined(event)
            # One message, at the anchor: an alias bomb would otherwise list every use.
            if not self._alias_reported:
                self._problem(event, msg("yaml.alias"), self._anchors[str(event.anchor)])
                self._alias_reported = True
            self.broken.add(path)
            return None
        self._anchor(event)
        if len(path) > MAX_DEPTH:
            self._problem(event, msg("yaml.too_deep", limit=MAX_DEPTH))
            self.broken.add(path)
            self._skip(event)
            return None
        if isinstance(event, yaml.ScalarEvent):
            tag = _scalar_tag(event)
            if tag == _STR:
                return self._text(event.value, path)
            before = len(self.problems)
            value = self._scalar(event, tag)
            if len(self.problems) > before:
                self.broken.add(path)
            return self._text(value, path) if isinstance(value, str) else value
        tag = event.tag
        if tag is None or tag == "!" or tag == (_MAP if isinstance(event, _OPEN[0]) else _SEQ):
            if isinstance(event, yaml.MappingStartEvent):
                return self._mapping(path)
            return self._sequence(path)
        self._problem(event, msg("yaml.tag", tag=tag))
        self.broken.add(path)
        self._skip(event)
        return None

    def _skip(self, event: _Event) -> None:
        """Past the rest of a collection left unbuilt (its anchors and aliases still
        follow the parser's rules)."""
        depth = 1 if isinstance(event, _OPEN) else 0
        while depth:
            event = self._next()
            if isinstance(event, _OPEN):
                depth += 1
            elif isinstance(event, _CLOSE):
                depth -= 1
            self._pass(event)

    def _pass(self, event: _Event) -> None:
        """An event left unbuilt: its anchor is still recorded, its alias still checked
        (an alias names an anchor; it is no second one)."""
        if isinstance(event, yaml.AliasEvent):
            if event.anchor not in self._anchors:
                _undefined(event)
        elif not isinstance(event, _CLOSE):
            self._anchor(event)

    def _key(self, event: _Event, path: PathKey) -> str | None:
        """A mapping key, or None (reported) when it is no text: a merge key (<<), a
        number, a collection, an alias."""
        if isinstance(event, yaml.AliasEvent):
            self.build(event, path)  # refused, as every alias is
            return None
        if isinstance(event, yaml.ScalarEvent):
            tag = _scalar_tag(event)
            if tag == _STR:
                self._anchor(event)
                # one object for keys alike (a plan's 10,000 units each have a "name")
                return sys.intern(event.value)
            if tag == _MERGE:
                self._problem(event, msg("yaml.merge"))
                return None
            self._anchor(event)
            key = self._scalar(event, tag)
            if isinstance(key, str):
                return key
        else:
            self._anchor(event)
            self._skip(event)
        self._problem(event, msg("yaml.key"))
        return None

    def _mapping(self, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        positions = self.positions.positions
        events = self._next
        while not isinstance(event := events(), yaml.MappingEndEvent):
            key = self._key(event, path)
            if key is None:
                self._skip_value()
                continue
            key_path = (*path, key)
            if key in result:
                first = self.positions.find(key_path)
                self._problem(event, msg("yaml.duplicate_key", key=key, first=str(first)))
                self._skip_value()
                continue
            mark = event.start_mark
            positions[key_path] = (mark.line + 1, mark.column + 1)
            result[self._text(key, key_path)] = self.build(events(), key_path)
        return result

    def _text(self, text: str, path: PathKey) -> str:
        """``text``, noted in ``controls`` when it holds a control character."""
        found = CONTROL.search(text)
        if found is not None:
            self.controls.append((path, found.group()))
        return text

    def _skip_value(self) -> None:
        """A value whose key was refused: not built, as it was never read."""
        value = self._next()
        self._pass(value)
        self._skip(value)

    def _sequence(self, path: PathKey) -> list[Any]:
        items = []
        positions = self.positions.positions
        events = self._next
        index = 0
        while not isinstance(event := events(), yaml.SequenceEndEvent):
            mark = event.start_mark
            item_path = (*path, index)
            positions[item_path] = (mark.line + 1, mark.column + 1)
            items.append(self.build(event, item_path))
            index += 1
        return items

    def _scalar(self, event: _Event, tag: str) -> Any:
        if tag == _STR:
            return event.value
        if tag == _TAG + "timestamp":
            return self._date(event)
        number = _NUMBERS.get(tag)
        if number is not None and not number.fullmatch(event.value):
            shown = event.value if len(event.value) <= 24 else event.value[:24] + "…"
            self._problem(event, msg("yaml.number", value=shown))
            return None
        if tag in _PLAIN:
            node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark)
            return _CONSTRUCTOR.construct_object(node, deep=False)
        self._problem(event, msg("yaml.tag", tag=tag))
        return None

    def _date(self, event: _Event) -> Any:
        match = _DATE.match(event.value)
        if match is None:  # a timestamp with a time of day: leave it for the schema to reject
            return event.value
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError as exc:
            self._problem(event, msg("yaml.bad_date", value=event.value, reason=str(exc)))
            return None


def _undefined(alias: _Event) -> None:
    """An alias of no anchor: the parser's own error, as when it composed nodes."""
    mark: Any = alias.start_mark
    raise yaml.composer.ComposerError(None, None, "found undefined alias", mark)


def _scalar_tag(event: _Event) -> str:
    """A scalar's tag: its own, else the one its plain text resolves to."""
    tag: str | None = event.tag
    if tag is None or tag == "!":
        return _resolved(event.value, event.implicit)
    return tag


def _resolved(value: str, implicit: tuple[bool, bool]) -> str:
    """A plain scalar's type, as YAML 1.1's implicit resolvers read it (a quoted one is
    text). Most of our scalars are Chinese text, which no implicit type can start with,
    so one dict look-up on the first character settles them."""
    if implicit[0]:
        for tag, regexp in _IMPLICIT.get(value[:1], ()):
            if regexp.match(value):
                return _STR if tag == _BOOL and value.lower() not in _BOOLS else str(tag)
    return _STR
