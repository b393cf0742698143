from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lzplan.cli import app

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "cases"

# The verdict cache of every run the tests make (in-process or child) goes to a folder
# of the session's, never the user's ~/.cache; the whole suite then runs warm and cold.
os.environ["LZPLAN_CACHE_DIR"] = tempfile.mkdtemp(prefix="lzplan-test-cache-")
# …and the secret that signs its entries is made in a folder of the session's too.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="lzplan-test-config-")
os.environ.pop("LZPLAN_CACHE_KEY", None)
# lzplan speaks the locale's language by default: the tests expect English unless they
# ask otherwise, whatever the machine running them is set to.
for _name in ("LZPLAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
    os.environ.pop(_name, None)
os.environ["LC_ALL"] = "C.UTF-8"


@dataclass
class Run:
    exit_code: int
    stdout: str
    stderr: str
    raw: bytes = b""  # standard output's bytes: a binary format (xlsx)


def invoke(*args: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run the CLI in-process, as a user would from ``cwd``."""
    previous = Path.cwd()
    os.chdir(cwd or ROOT)
    try:
        result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    finally:
        os.chdir(previous)
    stdout = result.stdout_bytes.decode("utf-8", errors="replace")
    return Run(result.exit_code, stdout, result.stderr, result.stdout_bytes)


def case_dirs(kind: str) -> list[Path]:
    """The data-driven cases under tests/cases/<kind>/, skipping shared bases (_name)."""
    return sorted(p for p in (CASES / kind).iterdir() if p.is_dir() and not p.name.startswith("_"))


@pytest.fixture
def in_tmp(tmp_path: Path) -> Iterator[Path]:
    previous = Path.cwd()
    os.chdir(tmp_path)
    try:
        yield tmp_path
    finally:
        os.chdir(previous)


# Property-based tests: deterministic and bounded in CI; `long` for a deeper local search.
try:
    from hypothesis import HealthCheck, settings
except ImportError:  # pragma: no cover - hypothesis is a test extra
    pass
else:
    settings.register_profile(
        "ci",
        max_examples=60,
        derandomize=True,
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    settings.register_profile("long", max_examples=3000, deadline=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
