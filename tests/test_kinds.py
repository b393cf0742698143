"""The requirement kinds: each registered module has every part, and its words."""

from __future__ import annotations

import types

import pytest

from lzplan import kinds
from lzplan.check.submission import Entry
from lzplan.kinds import KINDS, Kind
from lzplan.kinds.base import EntryBase
from lzplan.messages import catalogue, languages
from lzplan.model import own_fields
from lzplan.plan.model import Requirement
from lzplan.plan.requirement import RequirementBase

PARTS = [name for name in dir(Kind) if not name.startswith("_")]


def missing_parts(module: object) -> list[str]:
    return [part for part in PARTS if not hasattr(module, part)]


@pytest.mark.parametrize("name", list(KINDS))
def test_every_kind_has_every_part(name: str) -> None:
    module = KINDS[name]
    assert isinstance(module, Kind)
    assert missing_parts(module) == []
    assert issubclass(module.Requirement, RequirementBase)
    assert issubclass(module.Entry, EntryBase)


def test_a_kind_that_lacks_a_part_is_caught() -> None:
    half = types.ModuleType("half")
    for part in PARTS:
        if part != "judge":
            setattr(half, part, getattr(kinds.count, part))
    assert not isinstance(half, Kind)
    assert missing_parts(half) == ["judge"]


@pytest.mark.parametrize("name", list(KINDS))
@pytest.mark.parametrize("lang", languages())
def test_every_kind_has_its_words(name: str, lang: str) -> None:
    words = catalogue(lang)
    for key in (f"kind.{name}", f"kind.{name}.needs", f"kind.{name}.template"):
        assert words[key], key


@pytest.mark.parametrize("name", list(KINDS))
def test_the_flat_models_hold_every_kind_s_fields(name: str) -> None:
    module = KINDS[name]
    assert set(own_fields(module.Requirement, RequirementBase)) <= set(Requirement.model_fields)
    assert set(module.Entry.model_fields) <= set(Entry.model_fields)


def test_the_plan_format_names_every_kind() -> None:
    kind = Requirement.model_json_schema()["properties"]["kind"]
    assert kind["enum"] == list(KINDS)


@pytest.mark.parametrize(
    ("source", "verb"),
    [("评查部门不少于15个", "评查"), ("检查单位不少于10个", "检查"), ("督查部门数达到8个", "督查"),
     ("覆盖面不低于90%", None)],
)  # fmt: skip
def test_a_count_of_units_says_the_notices_own_verb(source: str, verb: str | None) -> None:
    """评查部门不少于15个 reads 评查市级行政执法部门16个, not 覆盖…: the notice's word."""
    from lzplan.kinds.distinct_units import verb_of

    assert verb_of(source) == verb
