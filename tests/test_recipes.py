"""The recipes of docs/architecture.md, applied to a copy of the package.

Each recipe under tests/cases/recipes/ lists the files it adds and the lines it adds
to existing files; the test applies exactly that to a copy of ``lzplan`` and runs the
copy. If a recipe needed one more file, the copy would fail here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CASES, ROOT

RECIPES = CASES / "recipes"


def apply(recipe: str, tmp_path: Path) -> Path:
    """A copy of the package with ``recipe`` applied; returns the folder to import from."""
    src = tmp_path / "src"
    package = src / "lzplan"
    shutil.copytree(ROOT / "src" / "lzplan", package, ignore=shutil.ignore_patterns("__pycache__"))
    spec = json.loads((RECIPES / recipe / "recipe.json").read_text(encoding="utf-8"))
    for name, target in spec["files"].items():
        shutil.copy(RECIPES / recipe / name, package / target)
    for target, edits in spec["edits"].items():
        text = (package / target).read_text(encoding="utf-8")
        for old, new in edits:
            assert text.count(old) == 1, (target, old)
            text = text.replace(old, new)
        (package / target).write_text(text, encoding="utf-8")
    for lang, added in spec["messages"].items():
        catalogue = package / "messages" / f"{lang}.py"
        text = catalogue.read_text(encoding="utf-8").rstrip().removesuffix("}")
        lines = "".join(f"    {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n"
                        for k, v in added.items())  # fmt: skip
        catalogue.write_text(text + lines + "}\n", encoding="utf-8")
    return src


def lzplan(src: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(src), "COLUMNS": "200"}
    return subprocess.run(
        [sys.executable, "-m", "lzplan", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_a_kind_is_a_module_a_registry_line_and_its_words(tmp_path: Path) -> None:
    src = apply("kind", tmp_path)
    case = RECIPES / "kind"
    plan = ("--plan", str(case / "plan" / "plan.yaml"))
    validated = lzplan(src, "plan", "validate", str(case / "plan" / "plan.yaml"), cwd=case)
    assert validated.returncode == 0, validated.stderr
    check = lzplan(src, "check", "submissions", *plan, "--as-of", "2014-01-05", "--format",
                   "json", cwd=case)  # fmt: skip
    assert check.returncode == 1, check.stderr
    report = json.loads(check.stdout)
    found = {u["id"]: (u["outcomes"][0]["status"], u["outcomes"][0]["detail"])
             for u in report["units"]}  # fmt: skip
    assert found == {
        "jiangyang": ("met", "42/40 hours"),
        "naxi": ("missed", "30/40 hours, needs 10"),
    }
    zh = lzplan(src, "explain", "naxi", *plan, "--as-of", "2014-01-05", "--lang", "zh", cwd=case)
    assert "类别：学时；要求：不少于 40 学时" in zh.stdout
    assert "30/40 学时，还差 10 学时" in zh.stdout
    shown = lzplan(src, "plan", "show", str(case / "plan" / "plan.yaml"), cwd=case)
    assert "≥40 h" in shown.stdout
    schema = json.loads(lzplan(src, "schema", "plan", cwd=case).stdout)
    assert "hours" in schema["$defs"]["Requirement"]["properties"]["kind"]["enum"]
    wrong = lzplan(src, "check", "submissions", *plan, "--as-of", "2014-01-05", cwd=tmp_path)
    assert wrong.returncode == 2  # no submissions/ here: the usual errors still work


def test_a_format_is_a_module_and_a_registry_line(tmp_path: Path) -> None:
    src = apply("format", tmp_path)
    done = lzplan(src, "check", "--as-of", "2011-12-31", "--format", "csv", cwd=ROOT)
    assert done.returncode == 1, done.stderr
    assert "gulin,t1-5.standardization-complete,missed,not completed\n" in done.stdout
    out = tmp_path / "status.csv"
    lzplan(src, "check", "--as-of", "2011-12-31", "--output", f"csv:{out}", cwd=ROOT)
    assert out.read_text(encoding="utf-8") == done.stdout


@pytest.mark.parametrize("recipe", ["kind", "format"])
def test_a_recipe_adds_no_file_it_does_not_list(recipe: str) -> None:
    spec = json.loads((RECIPES / recipe / "recipe.json").read_text(encoding="utf-8"))
    shipped = {p.name for p in (RECIPES / recipe).iterdir() if p.suffix == ".py"}
    assert shipped == set(spec["files"])
