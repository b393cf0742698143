"""The message catalogues: complete, used, and enough on their own to add a language.

A language is one file in ``lzplan/messages/``. The last tests prove it: a
pseudo-language (every English template wrapped in ⟦…⟧) is dropped into the package's
path as ``xx.py``, and every command and every report format is rendered with it.
Once the wrapped text is taken out, nothing may remain but the inputs' own text, ids,
paths and numbers: any word lzplan printed from somewhere else would be a fallback.
"""

from __future__ import annotations

import ast
import json
import re
import string
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzplan import messages
from lzplan.messages import REFERENCE, catalogue, languages
from lzplan.reporters import FORMATS
from tests.conftest import CASES, ROOT, Run, invoke
from tests.office import xlsx_text

SRC = ROOT / "src" / "lzplan"
KEYED = ("msg", "say", "plural")  # functions whose first argument is a message key


def fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_the_shipped_languages() -> None:
    assert languages() == ("en", "zh")


@pytest.mark.parametrize("lang", [lang for lang in languages() if lang != REFERENCE])
def test_every_language_has_every_key(lang: str) -> None:
    reference, other = catalogue(REFERENCE), catalogue(lang)
    assert sorted(set(reference) - set(other)) == []  # missing
    assert sorted(set(other) - set(reference)) == []  # unknown
    assert all(other[key] for key in reference)


@pytest.mark.parametrize("lang", languages())
def test_a_template_uses_only_what_the_code_passes(lang: str) -> None:
    """Where every call of a key passes its parameters by name, a template (in any
    language) names only those: a language may leave one out (zh the id, en the name),
    never use one that does not exist."""
    passed = passed_params()
    for key, template in catalogue(lang).items():
        if key in passed:
            assert fields(template) <= passed[key], (key, template)


def passed_params() -> dict[str, set[str]]:
    """key → the parameters every literal call of it passes (keys called with ** left out)."""
    found: dict[str, set[str]] = {}
    opaque: set[str] = set()
    for path in source_files():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ("msg", "say") or not node.args:
                continue
            first = node.args[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                continue
            if any(k.arg is None for k in node.keywords):
                opaque.add(first.value)
            found.setdefault(first.value, set()).update(k.arg for k in node.keywords if k.arg)
    return {key: params for key, params in found.items() if key not in opaque}


def source_files() -> Iterator[Path]:
    for path in sorted(SRC.rglob("*.py")):
        if path.parent.name != "messages" or path.name == "__init__.py":
            yield path


def keys_in_source() -> tuple[set[str], list[re.Pattern[str]], list[tuple[str, str]]]:
    """String literals, f-string patterns, and (file, key) first arguments of msg/say."""
    literals: set[str] = set()
    patterns: list[re.Pattern[str]] = []
    called: list[tuple[str, str]] = []
    for path in source_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                literals.add(node.value)
            elif isinstance(node, ast.JoinedStr):
                patterns.append(_pattern(node))
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in KEYED
                and node.args
            ):
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    called.append((f"{path.name}:{node.lineno}", first.value))
    return literals, patterns, called


def _pattern(node: ast.JoinedStr) -> re.Pattern[str]:
    parts = [
        re.escape(part.value) if isinstance(part, ast.Constant) else r"[\w./-]+"
        for part in node.values
    ]
    return re.compile("".join(parts))


def test_every_key_used_exists() -> None:
    keys = set(catalogue(REFERENCE))
    _, _, called = keys_in_source()
    missing = [
        (where, key)
        for where, key in called
        if key not in keys and not {f"{key}.one", f"{key}.other"} <= keys
    ]
    assert missing == []


def test_no_key_is_unused() -> None:
    literals, patterns, _ = keys_in_source()
    unused = [
        key
        for key in catalogue(REFERENCE)
        if key not in literals and not any(p.fullmatch(key) for p in patterns)
    ]
    assert unused == []


def test_no_language_is_chosen_outside_the_catalogues() -> None:
    """A language shows only through its catalogue: no `lang == "zh"` anywhere else."""
    for path in source_files():
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""lang\s*[!=]=\s*["']""", text), path
        assert not re.search(r"""_zh\b""", text), path


def test_an_unknown_key_is_a_bug() -> None:
    with pytest.raises(KeyError):
        messages.msg("no.such.key")


def test_an_unknown_language_is_a_usage_error() -> None:
    result = invoke("check", "--as-of", "2011-12-31", "--lang", "fr")
    assert result.exit_code == 2
    assert "'fr' is not one of 'en', 'zh'" in result.stderr


# ---------------------------------------------------------------- a third language


@pytest.fixture
def pseudo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The language ``xx``: one file, each English template wrapped in ⟦…⟧."""
    folder = tmp_path / "catalogues"
    folder.mkdir()
    wrapped = {key: f"⟦{value}⟧" for key, value in catalogue(REFERENCE).items()}
    (folder / "xx.py").write_text(
        f"MESSAGES = {json.dumps(wrapped, ensure_ascii=False)}\n", encoding="utf-8"
    )
    monkeypatch.setattr(messages, "__path__", [*messages.__path__, str(folder)])
    messages.catalogue.cache_clear()
    yield "xx"
    messages.catalogue.cache_clear()


def without_catalogue(text: str) -> str:
    """``text`` with every ⟦…⟧ (nested or not) taken out."""
    while True:
        shorter = re.sub(r"⟦[^⟦⟧]*⟧", " ", text)
        if shorter == text:
            return text
        text = shorter


def input_text(*folders: Path) -> str:
    """Everything the inputs say themselves: plans, notices, submissions, waivers."""
    files = [p for folder in folders for p in folder.rglob("*") if p.suffix in (".yaml", ".txt")]
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in files)


def leftovers(output: str, inputs: str) -> tuple[set[str], list[str]]:
    """English words, and Chinese runs the inputs do not hold, once the catalogue's
    text is out: what lzplan printed from somewhere other than the catalogue."""
    rest = without_catalogue(output)
    rest = re.sub(r"<style>.*?</style>", " ", rest, flags=re.DOTALL)  # the page's CSS
    rest = re.sub(r"<[!?/]?[A-Za-z][^<>]*>", " ", rest)  # HTML and XML markup
    rest = re.sub(r"[\w./-]+\.(ya?ml|txt|md|json|xml|html)(:\d+:\d+)?", " ", rest)
    rest = re.sub(r"\b[0-9a-f]{12,64}\b", " ", rest)  # the plan's sha256
    rest = re.sub(r"\b[a-z][a-z0-9_]*([-.][a-z0-9_]+)*\b", " ", rest)  # ids and YAML keys
    english = set(re.findall(r"[A-Za-z]{2,}", rest)) - ALLOWED
    english -= set(re.findall(r"[A-Za-z]{2,}", inputs))
    chinese = [run for run in re.findall(r"[\u4e00-\u9fff]+", rest) if run not in inputs]
    return english, chinese


# Tokens that are the same in every language: the date pattern a template shows, and
# the draft's review marker (a fixed token to search for).
ALLOWED = {"YYYY", "MM", "DD", "REVIEW"}


def _as_text(name: str, run: Run) -> Run:
    """A workbook's cells stand in for its bytes."""
    if name.endswith("xlsx"):
        return Run(run.exit_code, xlsx_text(run.raw), run.stderr, run.raw)
    return run


def _diff(lang: str, fmt: str) -> Run:
    with tempfile.TemporaryDirectory() as folder:
        old, new = Path(folder) / "old.json", Path(folder) / "new.json"
        for day, path in (("2011-06-30", old), ("2011-12-31", new)):
            invoke("check", "--as-of", day, "--lang", lang, "-o", f"json:{path}")
        return invoke("diff", str(old), str(new), "--lang", lang, "-f", fmt)


def run_everything(lang: str) -> list[tuple[str, str]]:
    """(name, output) of every command, and of every report format."""
    year_end = ("--as-of", "2011-12-31", "--lang", lang)
    runs = [
        ("plan validate", invoke("plan", "validate", "--lang", lang)),
        ("plan show", invoke("plan", "show", "--lang", lang)),
        ("units", invoke("units", "--lang", lang)),
        ("explain", invoke("explain", "gulin", *year_end)),
        ("explain none", invoke("explain", "tourism", *year_end)),
        ("init", invoke("init", "gulin", "--reported", "2011-12-01", "--lang", lang)),
        ("usage", invoke("check", "--as-of", "someday", "--lang", lang)),
        ("extract", invoke("extract", "plan/2011.source.txt", "--lang", lang)),
        ("compare", invoke("extract", "plan/2011.source.txt", "--compare", "plan/2011.yaml",
                           "--lang", lang)),
    ]  # fmt: skip
    runs += [(f"check {name}", invoke("check", *year_end, "--format", name)) for name in FORMATS]
    mid_year = ("--as-of", "2011-06-30", "--lang", lang, "--scores", "plan/scores-2011.yaml")
    runs += [(f"mid-year {name}", invoke("check", *mid_year, "--format", name))
             for name in ("terminal", "markdown", "html")]  # fmt: skip
    runs += [
        ("bulletin", invoke("bulletin", *year_end, "--scores", "plan/scores-2011.yaml",
                            "--fix-by", "2012-01-31")),
        ("mid-year bulletin", invoke("bulletin", *mid_year)),
        ("rectification", invoke("bulletin", *year_end, "--unit", "gulin")),
        ("nothing to rectify", invoke("bulletin", *year_end, "--unit", "jiangyang")),
        ("due", invoke("due", "--as-of", "2011-11-05", "--lang", lang)),
        ("due markdown", invoke("due", "--as-of", "2011-11-05", "--lang", lang, "-f", "markdown")),
    ]  # fmt: skip
    runs += [(f"diff {fmt}", _diff(lang, fmt)) for fmt in ("terminal", "markdown")]
    runs = [(name, _as_text(name, run)) for name, run in runs]
    broken = CASES / "report" / "mixed"
    args = ("check", "submissions", "--plan", "../../check/_plan/plan.yaml", *year_end)
    runs.append(("input problems", invoke(*args, cwd=broken)))
    plan_case = CASES / "plan" / "unknown-kind"
    runs.append(("plan problems", invoke("plan", "validate", "plan.yaml", "--lang", lang,
                                         cwd=plan_case)))  # fmt: skip
    return [(name, run.stdout + run.stderr) for name, run in runs]


def test_a_language_is_one_catalogue_file(pseudo: str) -> None:
    inputs = input_text(ROOT / "plan", ROOT / "submissions", CASES / "report", CASES / "check")
    inputs += input_text(CASES / "plan" / "unknown-kind")
    english_runs = dict(run_everything(REFERENCE))
    for name, output in run_everything(pseudo):
        assert "⟦" in output, name
        assert output != english_runs[name], name
        english, chinese = leftovers(output, inputs)
        assert (name, english) == (name, set())
        assert (name, chinese) == (name, [])


def test_the_pseudo_language_is_a_choice(pseudo: str) -> None:
    assert pseudo in languages()
    assert invoke("units", env={"LZPLAN_LANG": pseudo}).stdout.endswith("⟧\n")


def test_choices_are_worded_the_language_s_way() -> None:
    choices = ["'count'", "'activity'", "'ratio'"]
    assert str(messages.msg("schema.choice", field="kind", expected=messages.either(choices))) == (
        "kind: Input should be 'count', 'activity' or 'ratio'"
    )
    zh = messages.msg("schema.choice", field="kind", expected=messages.either(choices)).render("zh")
    assert zh == "kind：应为 'count'、'activity' 或 'ratio'"
    assert messages.either(["'only'"]) == "'only'"


def test_a_language_without_a_catalogue_is_refused() -> None:
    with pytest.raises(LookupError):
        messages.catalogue("fr")
