"""Verdicts you can defend: forged, careless and faulty inputs (tests/cases/trust/).

Every case starts from _base/ (a plan with its notice, and five units' sound files),
changes what case.json says (files written, removed or made: FIFOs, symbolic links,
names that are not UTF-8; entries planted in the verdict cache), runs `lzplan check`
(or the command it names: bulletin, due, explain, diff, extract) from that folder and
compares the exit code, standard error and every unit's standing (a check's JSON
report, after the case's run) with expected.json. Whatever the case,
lzplan must not: print a traceback, print ESC or a line starting with `::` on standard
error, change any input file, or leave a report half written. Regenerate with
LZPLAN_UPDATE_CASES=1 and review the diff.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests import forge
from tests.conftest import CASES, case_dirs, invoke

TRUST = case_dirs("trust")
BASE = CASES / "trust" / "_base"
COMMON = ["--plan", "plan/plan.yaml", "--as-of", "2011-12-31"]


def test_there_are_enough_cases() -> None:
    assert len(TRUST) >= 90


def make(kind: str, root: Path) -> None:
    subs = root / "submissions"
    if kind == "fifo":
        os.mkfifo(subs / "finance.yaml")
    elif kind == "dev-zero":
        (root / "zero.yaml").symlink_to("/dev/zero")
    elif kind == "bad-utf8-name":
        os.rename(subs / "naxi.yaml", os.fsencode(subs) + b"/\xff\xfe.yaml")
    elif kind == "newline-name":
        (subs / "naxi.yaml").rename(subs / "x\n::error file=a::forged.yaml")
    elif kind == "control-name":
        (subs / "naxi.yaml").rename(subs / "na\x01xi.yaml")
    elif kind == "link-to-notice":
        (root / "report.json").symlink_to(root / "plan" / "notice.txt")
    elif kind == "folder-in-the-way":
        (root / "out").mkdir()
        (root / "out" / "report.md").mkdir()
    elif kind == "previous-report":
        (root / "out").mkdir()
        (root / "out" / "report.md").write_text("the last good report\n", encoding="utf-8")
        (root / "out" / "report.md.lock").mkdir()  # nothing lzplan writes is named so
    elif kind == "fifo-report":
        os.mkfifo(root / "old.json")
    elif kind == "attachment":
        (subs / "naxi").mkdir()
        (subs / "naxi.yaml").rename(subs / "naxi" / "naxi.yaml")
        (subs / "naxi" / "report.pdf").write_bytes(b"%PDF-1.4 the real report\n")
    else:  # pragma: no cover - a typo in case.json
        raise ValueError(kind)


def plant(how: str, cache: Path, file_name: str) -> None:
    """Replace the verdict kept for ``file_name`` as somebody able to write the cache
    folder would (a CI cache restored from another branch, a shared runner)."""
    entry = forge.entry_of(cache, file_name)
    if how in ("fifo", "dev-zero", "folder"):
        entry.unlink()
    if how == "public-digest":
        payload = forge.all_met(entry)
        entry.write_bytes(
            forge.framed(entry, hashlib.sha256(payload).hexdigest().encode(), payload)
        )
    elif how == "guessed-secret":
        entry.write_bytes(forge.guessed(entry, forge.all_met(entry), b"lzplan"))
    elif how == "fifo":
        os.mkfifo(entry)
    elif how == "dev-zero":
        entry.symlink_to("/dev/zero")
    elif how == "folder":
        entry.mkdir()
    elif how == "torn":
        entry.write_bytes(entry.read_bytes()[:-40])
    elif how == "wrong-shape":
        entry.write_bytes(forge.signed(entry, pickle.dumps(("verdict", "only")), cache))
    elif how == "unknown-message":
        entry.write_bytes(forge.signed(entry, forge.unknown_message(entry), cache))
    else:  # pragma: no cover - a typo in case.json
        raise ValueError(how)


def fingerprint(root: Path) -> dict[str, str]:
    """Every input file and its hash (links as their target)."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_symlink():
            found[str(path)] = "-> " + os.readlink(path)
        elif path.is_file():
            found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


def run_case(case: Path, tmp_path: Path) -> dict[str, Any]:
    root = tmp_path / "root"
    shutil.copytree(BASE, root, symlinks=True)
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    for name in spec.get("remove", []):
        (root / name).unlink()
    for name, text in spec.get("files", {}).items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    if "make" in spec:
        make(spec["make"], root)
    standing = [*spec.get("args", ["submissions"]), *COMMON]
    if "cache" in spec:
        cache = tmp_path / "cache"
        standing += ["--cache-dir", str(cache)]
        invoke("check", *standing, cwd=root)  # fills it
        plant(spec["cache"]["plant"], cache, spec["cache"]["file"])
    before = fingerprint(root)
    command = spec.get("command", ["check", *standing])
    args = [*command, *spec.get("extra", [])]
    env = {key: value.replace("<root>", str(root)) for key, value in spec.get("env", {}).items()}
    result = invoke(*args, cwd=root, env=env)
    shown = str(root)
    # every unit's standing: the case's own check with a JSON report, or a plain check
    # after another command (which must have changed nothing)
    judged = args if "command" not in spec else ["check", *standing]
    report = "" if "json" in args else invoke(*judged, "--format", "json", cwd=root).stdout
    outcome: dict[str, Any] = {
        "exit_code": result.exit_code,
        "stderr": result.stderr.replace(shown, "<root>").splitlines(),
        "units": _units(report),
        "notices": _notices(report),
    }
    _every_case(result.stdout, result.stderr, spec)
    after = fingerprint(root)
    changed = sorted(
        name.replace(shown, "<root>")
        for name in set(before) | set(after)
        if before.get(name) != after.get(name)
    )
    outcome["written"] = changed
    for name, expected in spec.get("outputs", {}).items():
        outcome.setdefault("outputs", {})[name] = _output(root / name, expected)
    return outcome


def _units(report: str) -> dict[str, str] | None:
    try:
        data = json.loads(report)
    except ValueError:
        return None
    return {unit["id"]: unit["status"] for unit in data["units"]}


def _notices(report: str) -> list[str]:
    try:
        data = json.loads(report)
    except ValueError:
        return []
    return [f"{n['location']['file']}: {n['message']}" for n in data.get("notices", [])]


def _every_case(stdout: str, stderr: str, spec: dict[str, Any]) -> None:
    assert "Traceback" not in stdout + stderr
    assert "\x1b" not in stdout + stderr
    assert not any(line.startswith("::") for line in stderr.splitlines())
    if "github" not in spec.get("extra", []):
        assert not any(line.startswith("::") for line in stdout.splitlines())
    stdout.encode("utf-8")  # valid UTF-8, whatever the file names
    stderr.encode("utf-8")


def _output(path: Path, expected: str) -> str:
    """What a report file looks like: absent, its first line, or how it parses."""
    if not path.exists():
        return "absent"
    if path.is_dir():
        return "a folder"
    text = path.read_text(encoding="utf-8")
    if expected == "xml":
        ET.fromstring(text)  # a JUnit reader can read it
        return "valid xml"
    if expected.startswith("contains:"):
        return expected if expected[len("contains:") :] in text else text
    return text.splitlines()[0] if text else ""


@pytest.mark.parametrize("case", TRUST, ids=[case.name for case in TRUST])
def test_trust_case(case: Path, tmp_path: Path) -> None:
    actual = run_case(case, tmp_path)
    expected_file = case / "expected.json"
    if os.environ.get("LZPLAN_UPDATE_CASES"):
        text = json.dumps(actual, ensure_ascii=False, indent=2) + "\n"
        expected_file.write_text(text, encoding="utf-8")
    assert actual == json.loads(expected_file.read_text(encoding="utf-8"))
    spec = json.loads((case / "case.json").read_text(encoding="utf-8"))
    allowed = [f"<root>/{name}" for name in spec.get("outputs", {})]
    assert all(name in allowed for name in actual["written"]), actual["written"]
