"""The year's documents, end to end: tests/cases/year/<case>/case.json runs a command
(after its setup commands, `{tmp}` a fresh folder) from the repository's root, on the
shipped plan and samples; expected.txt is its standard output, byte for byte, or, when
the case names a "file" it writes (a .docx or .xlsx), that file's content as text.

Regenerate after a deliberate change: ``LZPLAN_UPDATE_CASES=1 pytest tests/test_year.py``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.conftest import case_dirs, invoke
from tests.office import docx_text, xlsx_text

READERS = {".docx": docx_text, ".xlsx": xlsx_text}

CASES = case_dirs("year")


def _args(args: list[str], tmp: Path) -> list[str]:
    return [arg.replace("{tmp}", str(tmp)) for arg in args]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_year_case(case: Path, tmp_path: Path) -> None:
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    for step in spec.get("setup", []):
        invoke(*_args(step, tmp_path))
    result = invoke(*_args(spec["args"], tmp_path))
    assert "Traceback" not in result.stderr
    assert result.exit_code == spec["exit"], result.stderr
    shown, written = _shown(spec, result.stdout, tmp_path)
    assert shown.strip(), "a case must show something: an empty golden checks nothing"
    golden = case / "expected.txt"
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        golden.write_text(shown, encoding="utf-8")
    assert shown == golden.read_text(encoding="utf-8")
    again = invoke(*_args(spec["args"], tmp_path))
    # the same inputs, the same bytes
    assert (again.stdout, _shown(spec, again.stdout, tmp_path)[1]) == (result.stdout, written)


def _shown(spec: dict[str, object], stdout: str, tmp: Path) -> tuple[str, bytes]:
    """What the case compares (its text) and the bytes written, if it names a file."""
    if "file" not in spec:
        return stdout, b""
    path = Path(_args([str(spec["file"])], tmp)[0])
    data = path.read_bytes()
    return READERS[path.suffix](data), data
