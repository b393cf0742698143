"""`lzplan init`: a template of what one unit owes, valid as it stands."""

from __future__ import annotations

from pathlib import Path

from lzplan.inputs import loader
from tests.conftest import invoke


def test_the_template_lists_exactly_what_the_unit_owes(tmp_path: Path) -> None:
    result = invoke("init", "gulin", "--reported", "2011-12-20")
    assert result.exit_code == 0
    text = result.stdout
    assert text.startswith("# yaml-language-server: $schema=gulin.schema.json\n")
    data = loader.parse(text, "gulin.yaml").data
    assert data["unit"] == "gulin"
    owed = list(data["requirements"])
    assert owed[0] == "t1-1.decision-procedure"
    assert "t1-1.risk-assessment" in owed
    assert "t2-4.case-file-share" not in owed  # the lead's, not a county's
    assert len(owed) == 36
    assert "# count: at least 3 dated evidence items; due 2011-12-31" in text
    assert "# 《通知》: 各区县评估不少于3件,市级有关部门评估不少于1件。\n" in text
    assert "due 2011-11-30 (2011年11月底)" in text


def test_the_template_is_a_valid_submission_with_nothing_met(tmp_path: Path) -> None:
    path = tmp_path / "legal-affairs.yaml"
    created = invoke("init", "legal-affairs", "-o", str(path), "--reported", "2011-12-20")
    assert created.exit_code == 0
    schema = tmp_path / "legal-affairs.schema.json"
    assert created.stderr == f"wrote {path}\nwrote {schema}\n"  # the schema its first line names
    result = invoke("check", str(path), "--unit", "legal-affairs", "--as-of", "2011-03-01")
    assert result.stderr == ""
    assert result.exit_code == 0  # nothing is due on 2011-03-01
    assert "0 met" in result.stdout
    assert (
        invoke("check", str(path), "--unit", "legal-affairs", "--as-of", "2012-07-01").exit_code
        == 1
    )


def test_init_does_not_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "naxi.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = invoke("init", "naxi", "-o", str(path))
    assert result.exit_code == 2
    assert "exists; use --force" in result.stderr
    assert path.read_text(encoding="utf-8") == "mine\n"
    assert invoke("init", "naxi", "-o", str(path), "--force").exit_code == 0
    assert path.read_text(encoding="utf-8").startswith("# yaml-language-server")


def test_init_unknown_unit_and_bad_date() -> None:
    assert "'chengdu' is not a unit" in invoke("init", "chengdu").stderr
    assert "--reported '2011-02-30'" in invoke("init", "naxi", "--reported", "2011-02-30").stderr


def test_the_template_in_chinese() -> None:
    text = invoke("init", "gulin", "--reported", "2011-12-20", "--lang", "zh").stdout
    assert "# 请逐项填写佐证材料；`lzplan check` 据此核查。" in text
    assert "  # 数量：不少于3件注明日期的佐证材料；期限 2011-12-31" in text
    # a conditional duty says when it applies, and how to say it did not
    assert (
        "  # 本项有适用条件（通知原文：“对资源开发、环境污染、公共安全事故等方面的民事纠纷,以及涉及"
        "人数较多、影响较大、可能影响社会稳定的纠纷”）；当年未发生的，将 evidence 改为 nil_return: "
        "并写明理由（零报告）。" in text
    )
    # a condition for the departments concerned only is not offered to a county
    assert "（通知原文：“对关系到群众切身利益和社会普遍关注的重大事项”）" not in text
    assert loader.parse(text, "gulin.yaml").data["unit"] == "gulin"
