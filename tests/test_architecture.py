"""The shape of the code, read from its imports (AST, no dependency).

Imports go one way: cli → check.run / plan.load / extract / reporters → the engine and
the kinds → the plan's model and index → messages, model, location, errors. The pure
core (engine, kinds, plan model and index, grammar) reads no file, no clock and no
terminal, so the same inputs always give the same result.
"""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

import pytest

from tests.conftest import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "lzplan"

# Modules that must stay pure, and everything they import from lzplan with them.
PURE_ROOTS = (
    "lzplan.check.engine",
    "lzplan.check.waivers",
    "lzplan.kinds",
    "lzplan.plan.index",
    "lzplan.plan.crossref",
    "lzplan.plan.trace",
    "lzplan.grammar.deadlines",
)
# What reads files, the clock, the terminal or the process: none of it in the pure core.
IMPURE_MODULES = {
    "os", "sys", "io", "pathlib", "shutil", "subprocess", "socket", "time", "tempfile",
    "glob", "signal", "multiprocessing", "atexit", "rich", "typer", "click", "yaml",
}  # fmt: skip
IMPURE_CALLS = {"open", "print", "input"}
CLOCK = {"today", "now", "utcnow", "time", "perf_counter", "monotonic"}


def module_name(path: Path) -> str:
    parts = path.relative_to(SRC).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def _runtime_nodes(tree: ast.Module) -> list[ast.AST]:
    """Every node, leaving out ``if TYPE_CHECKING:`` blocks (types only, never run)."""
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped |= {id(child) for stmt in node.body for child in ast.walk(stmt)}
    return [node for node in ast.walk(tree) if id(node) not in skipped]


@cache
def imports(name: str) -> tuple[set[str], set[str]]:
    """(lzplan modules, other top-level modules) that ``name`` imports when it runs."""
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    ours, theirs = set(), set()
    for node in _runtime_nodes(tree):
        found = []
        if isinstance(node, ast.Import):
            found = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found = [node.module]
            found += [f"{node.module}.{alias.name}" for alias in node.names]
        for target in found:
            if target.startswith("lzplan"):
                ours |= {target} if target in MODULES else set()
            else:
                theirs.add(target.split(".")[0])
    return ours, theirs


def closure(name: str) -> set[str]:
    seen, todo = set(), [name]
    while todo:
        current = todo.pop()
        if current not in seen:
            seen.add(current)
            todo += imports(current)[0]
    return seen


def pure_modules() -> set[str]:
    found: set[str] = set()
    for root in PURE_ROOTS:
        found |= {m for m in MODULES if m == root or m.startswith(root + ".")}
    return {m for root in found for m in closure(root)}


@pytest.mark.parametrize("name", sorted(pure_modules()))
def test_the_pure_core_reads_no_file_clock_or_terminal(name: str) -> None:
    _, theirs = imports(name)
    assert theirs & IMPURE_MODULES == set()
    tree = ast.parse(MODULES[name].read_text(encoding="utf-8"))
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Call):
            func = node.func
            if isinstance(func, ast.Name):
                assert func.id not in IMPURE_CALLS, f"{name}:{node.lineno}"
            if isinstance(func, ast.Attribute):
                assert func.attr not in CLOCK, f"{name}:{node.lineno}"


def test_the_pure_core_is_what_it_says() -> None:
    pure = pure_modules()
    assert {"lzplan.check.engine", "lzplan.kinds.count", "lzplan.plan.model"} <= pure
    io_modules = ("lzplan.plan.load", "lzplan.check.run", "lzplan.check.collect",
                  "lzplan.inputs.loader", "lzplan.cli.common",
                  "lzplan.reporters.terminal")  # fmt: skip
    assert pure.isdisjoint(io_modules)


@pytest.mark.parametrize(
    ("area", "may_not_import"),
    [
        ("lzplan.messages", ("lzplan.",)),  # the catalogues stand alone
        ("lzplan.kinds", ("lzplan.check.engine", "lzplan.check.run", "lzplan.reporters")),
        ("lzplan.plan", ("lzplan.check.engine", "lzplan.check.run", "lzplan.reporters")),
        ("lzplan.check", ("lzplan.reporters", "lzplan.cli", "lzplan.extract")),
        ("lzplan.reporters", ("lzplan.cli", "lzplan.check.run", "lzplan.extract")),
        ("lzplan.extract", ("lzplan.cli", "lzplan.check", "lzplan.reporters")),
    ],
)
def test_imports_go_one_way(area: str, may_not_import: tuple[str, ...]) -> None:
    for name in MODULES:
        if name == area or name.startswith(area + "."):
            bad = [m for m in imports(name)[0] if m.startswith(may_not_import)]
            bad = [m for m in bad if not m.startswith(area)]
            assert bad == [], name


def test_only_the_cli_knows_typer() -> None:
    users = [name for name in MODULES if "typer" in imports(name)[1]]
    assert users
    assert all(name.startswith("lzplan.cli.") for name in users)


def test_no_two_public_classes_share_a_name() -> None:
    seen: dict[str, str] = {}
    for name, path in MODULES.items():
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                assert node.name not in seen, f"{node.name}: {seen.get(node.name)} and {name}"
                seen[node.name] = name
