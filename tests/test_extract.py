"""`lzplan extract`: notices written for the tests, and the 2011 notice itself.

tests/cases/extract/<case>/ holds notice.txt and expected.yaml (the draft, reviewed);
_registry/units.yaml is the unit registry they draft against. Regenerate with
LZPLAN_UPDATE_CASES=1 and review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from lzplan.extract import notice as extract
from tests.conftest import CASES, ROOT, case_dirs, invoke

EXTRACT = case_dirs("extract")
REGISTRY = CASES / "extract" / "_registry" / "units.yaml"
NOTICE = ROOT / "plan" / "2011.source.txt"


@pytest.mark.parametrize("case", EXTRACT, ids=[case.name for case in EXTRACT])
def test_draft_of_a_test_notice(case: Path, tmp_path: Path) -> None:
    shutil.copy(case / "notice.txt", tmp_path / "notice.txt")
    args = ("extract", "notice.txt", "--units", str(REGISTRY), "-o", "draft.yaml")
    result = invoke(*args, cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    draft = (tmp_path / "draft.yaml").read_text(encoding="utf-8")
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        (case / "expected.yaml").write_text(draft, encoding="utf-8")
    assert draft == (case / "expected.yaml").read_text(encoding="utf-8")
    validated = invoke("plan", "validate", "draft.yaml", cwd=tmp_path)
    # Every quote is traced to the notice; what does not validate is what the draft
    # marks for review (a unit the registry lacks).
    flagged = re.findall(r"# REVIEW: unknown unit '([^']+)'", draft)
    problems = validated.stderr.splitlines()[:-1]
    assert all(any(f"'{name}' in" in line for name in flagged) for line in problems), problems
    assert (validated.exit_code == 0) == (not flagged)


def scores(*args: str, cwd: Path = ROOT) -> dict[str, tuple[float, float, int]]:
    result = invoke("extract", *args, "--compare", str(ROOT / "plan" / "2011.yaml"), cwd=cwd)
    assert result.exit_code == 0, result.stderr
    table = {}
    for line in result.stdout.splitlines()[1:]:
        name, precision, recall, _, _, matched = re.split(r"\s{2,}", line.strip())
        table[name] = (float(precision), float(recall), int(matched))
    return table


def variants(tmp_path: Path) -> dict[str, Path]:
    text = NOTICE.read_text(encoding="utf-8")
    half = text.translate(str.maketrans("（）：，；“”《》、。", '():,;""<>,.'))
    made = {"as issued": NOTICE}
    for name, body in (("no line breaks", text.replace("\n", "")), ("half-width", half)):
        made[name] = tmp_path / f"{name.replace(' ', '-')}.txt"
        made[name].write_text(body, encoding="utf-8")
    return made


def test_the_2011_notice_against_the_reviewed_plan(tmp_path: Path) -> None:
    results = {
        name: scores(str(path), "--year", "2011") for name, path in variants(tmp_path).items()
    }
    first = results["as issued"]
    assert first["tasks"] == (1.0, 1.0, 13)
    for field in ("owners", "quotas", "due dates"):
        precision, recall, _ = first[field]
        assert precision >= 0.95
        assert recall >= 0.95
    assert results["no line breaks"] == first
    assert results["half-width"] == first


def test_the_2011_draft_validates(tmp_path: Path) -> None:
    shutil.copy(NOTICE, tmp_path / "notice.txt")
    assert (
        invoke(
            "extract",
            "notice.txt",
            "-o",
            "draft.yaml",
            "--plan",
            str(ROOT / "plan" / "2011.yaml"),
            cwd=tmp_path,
        ).exit_code
        == 0
    )
    result = invoke("plan", "validate", "draft.yaml", cwd=tmp_path)
    assert result.exit_code == 0, result.stderr
    draft = (tmp_path / "draft.yaml").read_text(encoding="utf-8")
    assert "# REVIEW: '市保密局等' leaves the list open" in draft
    assert "# REVIEW: '市政府有关部门' is vague" in draft


def test_extract_prints_the_draft_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = invoke("extract", str(NOTICE)).stdout
    assert out.startswith("# yaml-language-server: $schema=")
    (tmp_path / "d.yaml").write_text("mine\n", encoding="utf-8")
    result = invoke("extract", str(NOTICE), "-o", str(tmp_path / "d.yaml"))
    assert result.exit_code == 2
    assert "exists; use --force" in result.stderr


def test_a_registry_without_units_is_an_input_error(tmp_path: Path) -> None:
    (tmp_path / "empty.yaml").write_text("groups: []\n", encoding="utf-8")
    result = invoke("extract", str(NOTICE), "--units", str(tmp_path / "empty.yaml"))
    assert result.exit_code == 2
    assert "expected a unit registry" in result.stderr


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("各区县评估不少于3件", "count", 3),
        ("各区县评估不少于三件", "count", 3),
        ("每年开展5次以上", "count", 5),
        ("评查案卷率达到95%以上", "ratio", 95),
        ("评查案卷率达20%以上", "ratio", 20),
        ("评查部门不少于15个", "distinct_units", 15),
        ("评查部门至少十五个", "distinct_units", 15),
        ("原则上不低于10件", "count", 10),
    ],
)
def test_quotas(text: str, kind: str, value: int) -> None:
    clause = extract.Clause(0, len(text), text, [], list(extract.QUOTA.finditer(text)))
    assert extract.quota_kind(clause) == kind
    assert extract.quota_value(clause.quotas[0]) == value


@pytest.mark.parametrize(
    "text",
    [
        "工作。〔责任单位：市政府法制办（牵头），各区县人民政府〕下一项",
        "工作。（责任单位：各市(州)人民政府、市政府法制办）下一项",
        "工作。(责任单位:市政府法制办,各区县人民政府)下一项",
        "工作。（市政府法制办负责）下一项",
        "工作。\n责任单位：市政府法制办、各区县人民政府\n下一项",
    ],
)
def test_brackets(text: str) -> None:
    (found,) = extract.brackets(text)
    assert "市政府法制办" in found.names
    assert found.text.endswith(("〕", "）", ")", "人民政府"))
