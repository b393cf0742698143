"""A large report is read a unit at a time (lzplan.followup.stream): the same units as
a whole read, whatever the chunk size, each problem where JSON says, and never the
whole file held."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from pydantic import BaseModel

from lzplan.errors import InputError
from lzplan.followup import stream


class Head(BaseModel):
    schema_version: int
    as_of: str


class Unit(BaseModel):
    id: str
    name: str
    outcomes: list[dict[str, Any]]


UNITS = [
    {"id": "jiangyang", "name": "江阳区人民政府", "outcomes": [{"status": "met", "n": 3}]},
    {"id": "naxi", "name": "纳溪区人民政府", "outcomes": [{"status": "missed", "n": 1.5e3}]},
    {"id": "gulin", "name": "古蔺县人民政府", "outcomes": []},
]
REPORT = {"schema_version": 3, "as_of": "2011-12-31", "units": UNITS, "problems": [], "n": 12}


def walk(text: str, chunk: int, monkeypatch: pytest.MonkeyPatch) -> tuple[Any, list[Any]]:
    monkeypatch.setattr(stream, "CHUNK", chunk)
    head, units = stream.walk(io.BytesIO(text.encode("utf-8")), "r.json", Head, Unit)
    return head, list(units)


@pytest.mark.parametrize("indent", [None, 1])
@pytest.mark.parametrize("chunk", [1, 2, 3, 7, 64, 1 << 20])
def test_any_chunk_size_reads_the_same_units(
    chunk: int, indent: int | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Chunks of 1, 2, 3 bytes cut every Chinese character (3 bytes) and every number."""
    text = json.dumps(REPORT, ensure_ascii=False, indent=indent)
    head, units = walk(text, chunk, monkeypatch)
    assert head == Head(schema_version=3, as_of="2011-12-31")
    assert [unit.model_dump() for unit in units] == UNITS


def test_units_come_one_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "CHUNK", 64)
    many = {**REPORT, "units": [{**UNITS[0], "id": f"u{i}"} for i in range(1000)]}
    file = io.BytesIO(json.dumps(many, ensure_ascii=False).encode("utf-8"))
    _, units = stream.walk(file, "r.json", Head, Unit)
    assert next(units).id == "u0"
    assert file.tell() < 1000  # of about 90,000 bytes
    assert sum(1 for _ in units) == 999


def test_a_head_written_after_the_units_is_still_read(monkeypatch: pytest.MonkeyPatch) -> None:
    text = json.dumps({"units": UNITS, "as_of": "2011-12-31", "schema_version": 3})
    head, units = walk(text, 5, monkeypatch)
    assert head.as_of == "2011-12-31"
    assert [unit.id for unit in units] == ["jiangyang", "naxi", "gulin"]


def problem(text: str, chunk: int, monkeypatch: pytest.MonkeyPatch) -> str:
    with pytest.raises(InputError) as caught:
        walk(text, chunk, monkeypatch)
    (only,) = caught.value.problems
    return f"{only.location.line}:{only.location.column}: {only.message.render('en')}"


BROKEN = [
    ('{"schema_version": 3,\n "as_of": "2011-12-31",\n "units": [\n  {"id": "naxi"', "4:16"),
    ('{"schema_version": 3,\n "as_of": "2011-12-31",\n "units": [\n  {"id": 5}]}', "4:3"),
    ('{"schema_version": 3,\n "as_of": "2011-12-31",\n "units": []} extra', "3:15"),
    ('{"schema_version": 3,\n "as_of": "2011-12-31"}', "0:0"),
    ('{"schema_version": 3,\n "as_of": "2011-12-31",\n 7: []}', "3:2"),
    ('{"schema_version": 3 "as_of": "2011-12-31"}', "1:22"),
    ('["not", "a report"]', "1:1"),
]


@pytest.mark.parametrize(("text", "where"), BROKEN)
def test_a_problem_is_located_as_json_says_whatever_the_chunk(
    text: str, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = {problem(text, chunk, monkeypatch) for chunk in (1, 4, 1 << 20)}
    assert len(found) == 1, found
    assert found.pop().startswith(where + ": "), found


def test_a_unit_twice_and_a_unit_of_the_wrong_shape_are_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    twice = json.dumps({**REPORT, "units": [UNITS[0], UNITS[1], UNITS[0]]}, indent=1)
    assert "appears twice" in problem(twice, 16, monkeypatch)
    wrong = json.dumps({**REPORT, "units": [UNITS[0], {"id": "naxi"}]})
    assert "units.1.name" in problem(wrong, 16, monkeypatch)
    head = json.dumps({"schema_version": "three", "as_of": "x", "units": UNITS})
    assert "schema_version" in problem(head, 16, monkeypatch)


def test_bytes_that_are_not_utf8_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stream, "CHUNK", 8)
    raw = b'{"schema_version": 3, "as_of": "\xff\xfe", "units": []}'
    with pytest.raises(InputError):
        stream.walk(io.BytesIO(raw), "r.json", Head, Unit)
