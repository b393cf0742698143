"""Safe YAML loading: bytes → text → plain data, with the position of every node.

Only the YAML core types are accepted. Duplicate keys, anchors/aliases, non-standard
tags, non-UTF-8 text and oversized files are errors, each with its position.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
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
    """The safe loader with a leaner tag resolver.

    The parser asks the resolver about every node, from Python. Most of our scalars
    are Chinese text, which no implicit type can start with, so one dict look-up on
    the first character settles them; and there are no path resolvers to track.
    """

    def resolve(self, kind: type[yaml.Node], value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return _STR if tag == _BOOL and value.lower() not in _BOOLS else str(tag)
            return _STR
        return _SEQ if kind is yaml.SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_TAG = "tag:yaml.org,2002:"
_MAP, _SEQ, _STR, _MERGE = (_TAG + name for name in ("map", "seq", "str", "merge"))
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_CONSTRUCTOR = yaml.constructor.SafeConstructor()


@dataclass(frozen=True)
class Document:
    """A loaded YAML file: its data and where each part of it came from."""

    file: str
    data: Any
    positions: PositionMap
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
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise InputError([_yaml_problem(file, text, exc)]) from None
    except yaml.reader.ReaderError as exc:  # a control character in the text
        where = at_offset(file, text, exc.position)
        raise InputError(
            [Problem(where, msg("yaml.control", code=f"#x{exc.character:04x}"))]
        ) from None
    except RecursionError:  # pragma: no cover - only the pure-Python composer recurses
        raise InputError([Problem(Location(file), msg("yaml.too_deep", limit=MAX_DEPTH))]) from None
    finally:
        loader.dispose()
    if node is None:
        raise InputError([Problem(Location(file, 1, 1), msg("file.empty"))])
    builder = _Builder(positions)
    data = builder.build(node, ())
    if builder.problems and not lenient:
        raise InputError(builder.problems)
    return Document(file, data, positions, tuple(builder.problems), frozenset(builder.broken))


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


class _Builder:
    """Turns a composed node tree into plain data, recording positions and problems.

    This runs once per node of every file, so it is written for speed: positions are
    stored as (line, column) pairs, and the common cases (string keys and values) are
    tested first.
    """

    def __init__(self, positions: PositionMap) -> None:
        self.positions = positions
        self.problems: list[Problem] = []
        self.broken: set[PathKey] = set()  # where a refused value was left out
        self._seen: set[int] = set()
        self._alias_reported = False

    def _problem(self, node: yaml.Node, message: Message) -> None:
        mark = node.start_mark
        self.problems.append(
            Problem(Location(self.positions.file, mark.line + 1, mark.column + 1), message)
        )

    def build(self, node: yaml.Node, path: PathKey) -> Any:
        if len(path) > MAX_DEPTH:
            self._problem(node, msg("yaml.too_deep", limit=MAX_DEPTH))
            self.broken.add(path)
            return None
        seen = self._seen
        if id(node) in seen:
            # The composer hands back the same node for every alias of an anchor. One
            # message is enough: an alias bomb would otherwise list every use.
            if not self._alias_reported:
                self._problem(node, msg("yaml.alias"))
                self._alias_reported = True
            self.broken.add(path)
            return None
        seen.add(id(node))
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _MAP:
            return self._mapping(node, path)
        if tag == _SEQ:
            return self._sequence(node, path)
        if isinstance(node, yaml.ScalarNode):
            before = len(self.problems)
            value = self._scalar(node)
            if len(self.problems) > before:
                self.broken.add(path)
            return value
        self._problem(node, msg("yaml.tag", tag=tag))
        self.broken.add(path)
        return None

    def _mapping(self, node: yaml.Node, path: PathKey) -> dict[str, Any]:
        result: dict[str, Any] = {}
        positions = self.positions.positions
        for key_node, value_node in node.value:
            if key_node.tag == _STR:
                key = key_node.value
            elif key_node.tag == _MERGE:
                self._problem(key_node, msg("yaml.merge"))
                continue
            else:
                key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str):
                    self._problem(key_node, msg("yaml.key"))
                    continue
            key_path = (*path, key)
            if key in result:
                first = self.positions.find(key_path)
                self._problem(key_node, msg("yaml.duplicate_key", key=key, first=str(first)))
                continue
            mark = key_node.start_mark
            positions[key_path] = (mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, key_path)
        return result

    def _sequence(self, node: yaml.Node, path: PathKey) -> list[Any]:
        items = []
        positions = self.positions.positions
        for index, item in enumerate(node.value):
            mark = item.start_mark
            item_path = (*path, index)
            positions[item_path] = (mark.line + 1, mark.column + 1)
            items.append(self.build(item, item_path))
        return items

    def _scalar(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == _STR:
            return node.value
        if tag == _TAG + "timestamp":
            return self._date(node)
        number = _NUMBERS.get(tag)
        if number is not None and not number.fullmatch(node.value):
            shown = node.value if len(node.value) <= 24 else node.value[:24] + "…"
            self._problem(node, msg("yaml.number", value=shown))
            return None
        if tag in _PLAIN:
            return _CONSTRUCTOR.construct_object(node, deep=False)
        self._problem(node, msg("yaml.tag", tag=tag))
        return None

    def _date(self, node: yaml.Node) -> Any:
        match = _DATE.match(node.value)
        if match is None:  # a timestamp with a time of day: leave it for the schema to reject
            return node.value
        try:
            return dt.date(*(int(part) for part in match.groups()))
        except ValueError as exc:
            self._problem(node, msg("yaml.bad_date", value=node.value, reason=str(exc)))
            return None
