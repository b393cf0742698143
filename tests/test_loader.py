"""The YAML loader: positions, and every kind of input it refuses."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from lzplan.errors import InputError
from lzplan.inputs import loader


def error_of(text: str) -> str:
    with pytest.raises(InputError) as raised:
        loader.parse(text, "f.yaml")
    return str(raised.value)


def test_positions_are_one_based_and_point_at_keys() -> None:
    doc = loader.parse(
        "单位: 江阳区\nitems:\n  - title: 风险评估\n    date: 2011-06-30\n", "f.yaml"
    )
    assert doc.data == {
        "单位": "江阳区",
        "items": [{"title": "风险评估", "date": dt.date(2011, 6, 30)}],
    }
    assert str(doc.positions.find(("items", 0, "date"))) == "f.yaml:4:5"
    assert str(doc.positions.find(("items", 0, "missing"))) == "f.yaml:3:5"
    assert str(doc.positions.find(("nowhere",))) == "f.yaml:1:1"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("a: 1\na: 2\n", "f.yaml:2:1: error: duplicate key 'a' (first defined at f.yaml:1:1)"),
        ("x:\n  y: {a: 1, a: 2}\n", "f.yaml:2:13: error: duplicate key 'a'"),
        ("a:\n\tb: 1\n", "(a tab: YAML indentation must use spaces)"),
        ("a: 'open\n", "f.yaml:2:1: error: invalid YAML: while scanning a quoted scalar"),
        ("", "f.yaml:1:1: error: file is empty"),
        ("a: &x [1]\nb: *x\n", "anchors and aliases"),
        ("a: !!python/object:os.system x\n", "tag 'tag:yaml.org,2002:python/object:os.system'"),
        ("a: !custom 1\n", "tag '!custom' is not allowed"),
        ("a: !!set {x}\n", "tag 'tag:yaml.org,2002:set' is not allowed"),
        ("a: !!seq-like [1]\n", "is not allowed"),
        ("a: !!omap [{x: 1}]\n", "tag 'tag:yaml.org,2002:omap' is not allowed"),
        ("d: 2011-13-01\n", "f.yaml:1:4: error: '2011-13-01' is not a valid date"),
        ("a: 1\n---\nb: 2\n", "expected a single document"),
        ("[1]: x\n", "mapping keys must be plain strings"),
        # the parser's rules for anchors, kept now that no node tree is composed
        ("a: &x 1\nb: &x 2\n", "f.yaml:2:4: error: invalid YAML: found duplicate anchor"),
        ("a: *nowhere\n", "f.yaml:1:4: error: invalid YAML: found undefined alias"),
        ("a: !!set {x: *y}\n", "f.yaml:1:14: error: invalid YAML: found undefined alias"),
        ("[1]: *y\n", "f.yaml:1:6: error: invalid YAML: found undefined alias"),
        ("a: &x k\n*x : 1\n", "f.yaml:1:4: error: anchors and aliases"),
        ("a: 1\n<<: {b: 2}\n", "f.yaml:2:1: error: merge keys"),
        ("a: !!seq {b: 1}\n", "tag 'tag:yaml.org,2002:seq' is not allowed"),
        ("a: {[1, &z 2]: 3, b: *z}\n", "f.yaml:1:5: error: mapping keys must be plain strings"),
    ],
)
def test_refused(text: str, message: str) -> None:
    assert message in error_of(text)


def test_scalars_keep_their_yaml_types() -> None:
    text = "a: true\nb: 16\nc: 1.5\nd: ~\ne: '2011-06-30'\nf: 2011-06-30 10:00\ng: -3\n"
    doc = loader.parse(text, "f")
    assert doc.data == {"a": True, "b": 16, "c": 1.5, "d": None, "e": "2011-06-30",
                        "f": "2011-06-30 10:00", "g": -3}  # fmt: skip


def test_yaml_1_2_words_are_text() -> None:
    doc = loader.parse("a: yes\nb: No\nc: on\nd: OFF\ne: FALSE\n", "f")
    assert doc.data == {"a": "yes", "b": "No", "c": "on", "d": "OFF", "e": False}


@pytest.mark.parametrize("number", ["0x10", "017", "1_000", "190:20:30", ".inf", ".NaN",
                                    "1_0.5", "1" * 16])  # fmt: skip
def test_numbers_yaml_1_1_reads_otherwise_are_refused(number: str) -> None:
    with pytest.raises(InputError, match="is not a plain decimal number"):
        loader.parse(f"n: {number}\n", "f")


def test_a_utf8_bom_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + "单位: 泸县\n".encode())
    assert loader.load_file(path).data == {"单位": "泸县"}


@pytest.mark.parametrize(
    ("raw", "hint"),
    [
        ("单位: 泸县\n".encode("gb18030"), "GB18030/GBK"),
        ("单位: 泸县\n".encode("utf-16"), "UTF-16"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\xff\xff\xfe", "binary data"),
        (b"a: \xff\xfe\xfd\xfc\x80\x80", "binary data"),
    ],
)
def test_other_encodings_are_named(tmp_path: Path, raw: bytes, hint: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(raw)
    with pytest.raises(InputError) as raised:
        loader.load_file(path, "s.yaml")
    assert hint in str(raised.value)
    assert str(raised.value).startswith("s.yaml:1:")


def test_files_over_the_limit_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" * 300_000)
    with pytest.raises(InputError, match="larger than the 1 MiB limit"):
        loader.load_file(path)


def test_a_folder_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is a folder"):
        loader.load_file(tmp_path)


def test_control_characters_are_unicodes_cc_zl_and_zp_but_the_tab() -> None:
    """The one search that replaced a category look-up per character finds exactly the
    same characters, over all of Unicode."""
    import sys
    import unicodedata

    from lzplan.inputs.loader import CONTROL

    for code in range(sys.maxunicode + 1):
        char = chr(code)
        expected = char != "\t" and unicodedata.category(char) in ("Cc", "Zl", "Zp")
        found = CONTROL.search(f"标题{char}")
        assert (found is not None and found.group() == char) is expected, hex(code)


def test_a_document_number_keeps_its_identity_on_the_fast_path() -> None:
    from lzplan.grammar.docno import canonical

    assert canonical("古府发〔2011〕34号") == canonical("古府发 [２０１１] 3\u200b4号")
    assert canonical("古府发(2011)34号") == "古府发〔2011〕34号"
