"""A clerk's editor: yaml-language-server, spoken to over LSP, on a file `lzplan init`
made. It finds the schema the file's first line names (written beside it), reports a
misspelled requirement id and a wrong type, and explains a field on hover."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, invoke
from tests.lsp import Client

SERVER = ROOT / ".ci-cache" / "npm" / "node_modules" / ".bin" / "yaml-language-server"


def server() -> list[str]:
    found = os.environ.get("LZPLAN_YAML_LS") or (str(SERVER) if SERVER.exists() else None)
    found = found or shutil.which("yaml-language-server")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("yaml-language-server is missing; .ci/run installs it with npm")
        pytest.skip("yaml-language-server is not installed (npm install yaml-language-server)")
    return [found, "--stdio"]


def position(text: str, needle: str) -> dict[str, int]:
    before = text[: text.index(needle)]
    return {"line": before.count("\n"), "character": len(before.split("\n")[-1]) + 1}


def test_the_editor_checks_and_explains_a_template(tmp_path: Path) -> None:
    command = server()
    made = invoke("init", "gulin", "-o", "submissions/gulin.yaml", "--reported", "2011-12-20",
                  "--plan", str(ROOT / "plan" / "2011.yaml"), cwd=tmp_path)  # fmt: skip
    assert made.exit_code == 0, made.stderr
    path = tmp_path / "submissions" / "gulin.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=gulin.schema.json\n")
    text = text.replace("  t1-1.risk-rules:\n", "  t1-1.risk-rule:\n", 1)  # a misspelled id
    not_owed = "  t2-4.case-file-share:\n    numerator: 1\n    denominator: 5\n"
    text = text.replace("requirements:\n", "requirements:\n" + not_owed, 1)  # the 法制办's
    text = text.replace("reported: 2011-12-20", "reported: 20111220", 1)  # not a date string
    text = text.replace(
        "  t2-1.study-plan:\n    evidence: []",
        "  t2-1.study-plan:\n    evidence:\n    - title: 学法计划\n      date: 2011-03-26\n"
        "      doc_no: 古府办发〔2011〕34号",
        1,
    )
    path.write_text(text, encoding="utf-8")
    client = Client(command, tmp_path)
    try:
        uri = path.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})  # fmt: skip
        found = client.diagnostics(uri)
        messages = [d["message"] for d in found]
        assert any("t1-1.risk-rule" in m and "not allowed" in m for m in messages), messages
        assert any("t2-4.case-file-share" in m and "not allowed" in m for m in messages)
        assert any("Incorrect type" in m for m in messages), messages
        hover = client.request("textDocument/hover", {
            "textDocument": {"uri": uri}, "position": position(text, "doc_no: 古府")})  # fmt: skip
        shown = str(hover["contents"])
        assert "文号" in shown
        assert "document's number" in shown
        at_id = position(text, "t2-1.study-plan:")
        over_id = client.request(
            "textDocument/hover", {"textDocument": {"uri": uri}, "position": at_id}
        )
        assert "制定并落实年度学法计划" in str(over_id["contents"])  # the plan's own words
    finally:
        client.close()


def test_the_editor_completes_what_the_unit_owes(tmp_path: Path) -> None:
    """Under `requirements:` the editor offers exactly the ids the unit owes, with the
    plan's title for each: a county is not offered the departments' duties."""
    from lzplan.plan.load import load

    command = server()
    made = invoke("init", "gulin", "-o", "gulin.yaml", "--reported", "2011-12-20",
                  "--plan", str(ROOT / "plan" / "2011.yaml"), cwd=tmp_path)  # fmt: skip
    assert made.exit_code == 0, made.stderr
    path = tmp_path / "gulin.yaml"
    head = path.read_text(encoding="utf-8").split("requirements:")[0]
    text = head + "requirements:\n  \n"
    path.write_text(text, encoding="utf-8")
    owed = {o.requirement.id for o in load(ROOT / "plan" / "2011.yaml").index.owed_by("gulin")}
    client = Client(command, tmp_path)
    try:
        uri = path.as_uri()
        client.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "yaml", "version": 1, "text": text}})  # fmt: skip
        at = {"line": text.count("\n") - 1, "character": 2}
        found = client.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": at})  # fmt: skip
        items = found["items"] if isinstance(found, dict) else found
        offered = {item["label"] for item in items}
        assert offered == owed
        assert len(owed) > 20
    finally:
        client.close()
