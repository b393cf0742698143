"""Chinese and English: every fixed word switches, the plan's own text does not."""

from __future__ import annotations

import re

import pytest

from lzplan.messages import msg
from tests.conftest import CASES, invoke

YEAR_END = ("--as-of", "2011-12-31")


def english_words(text: str) -> set[str]:
    """ASCII words left once ids, paths and dates are taken out."""
    text = re.sub(r"[\w./-]+\.ya?ml(:\d+:\d+)?", " ", text)  # file paths
    text = re.sub(r"\bt\d-\d[a-c]?(\.[a-z-]+)?", " ", text)  # task and requirement ids
    text = re.sub(r"\b[a-z][a-z0-9]*(-[a-z0-9]+)*\b", " ", text)  # unit and plan ids
    return set(re.findall(r"[A-Za-z]{2,}", text))


def test_a_chinese_clerk_reads_the_check_without_english() -> None:
    result = invoke("check", *YEAR_END, "--lang", "zh")
    assert result.exit_code == 1
    assert english_words(result.stdout) == set()
    assert "单位（42）：合规 37，进行中 0，滞后 4，未报送 1，文件无效 0。" in result.stdout
    assert "差距清单（最严重的在前）：" in result.stdout
    assert "未报送文件：共 17 项应办事项" in result.stdout


def test_the_language_comes_from_the_environment() -> None:
    by_option = invoke("check", *YEAR_END, "--lang", "zh").stdout
    assert invoke("check", *YEAR_END, env={"LZPLAN_LANG": "zh"}).stdout == by_option


def test_explain_in_chinese() -> None:
    out = invoke("explain", "gulin", "t1-5", *YEAR_END, "--lang", "zh").stdout
    assert out.startswith("古蔺县人民政府（gulin）：滞后\n")
    assert "t1-5.standardization-complete 行政复议规范化建设基本完成：未完成 - 未完成" in out
    assert "类型 节点；要求 有证明材料支持的完成日期；期限 2011-11-30 (2011年11月底)" in out
    assert english_words(out) == set()


def test_input_errors_in_chinese() -> None:
    case = CASES / "check" / "unknown-field-unit-invalid"
    result = invoke(
        "check", "submissions", "--plan", "../_plan/plan.yaml", *YEAR_END, "--lang", "zh", cwd=case
    )
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "submissions/naxi.yaml:15:5: 错误: 未知字段 'requirements.t1.risk.evidences'",
        "发现 1 个问题",
    ]


def test_usage_errors_in_chinese() -> None:
    result = invoke("check", "--as-of", "2011年12月31日", "--lang", "zh")
    assert result.exit_code == 2
    assert result.stderr == "错误: --as-of '2011年12月31日' 不是 YYYY-MM-DD 格式的日期\n"


def test_plan_errors_in_chinese() -> None:
    case = CASES / "plan" / "chinese-date"
    result = invoke("plan", "validate", "plan.yaml", "--lang", "zh", cwd=case)
    assert "日期请写作 YYYY-MM-DD：'2011年6月30日' 应写为 2011-06-30" in result.stderr


@pytest.mark.parametrize("name", ["markdown", "html", "junit", "parsable", "github", "json"])
def test_every_format_speaks_chinese(name: str) -> None:
    out = invoke("check", *YEAR_END, "--lang", "zh", "--format", name).stdout
    assert "未完成" in out
    assert "not completed" not in out


def test_an_unknown_message_key_is_a_bug() -> None:
    with pytest.raises(KeyError):
        msg("no.such.key")


def test_plan_commands_in_chinese() -> None:
    assert invoke("plan", "validate", "--lang", "zh").stdout.startswith("plan/2011.yaml：有效：")
    units = invoke("units", "--lang", "zh").stdout
    assert units.splitlines()[-1] == "单位 42 个（其中 22 个为编码者推定）"
    shown = invoke("plan", "show", "--lang", "zh").stdout
    assert shown.splitlines()[-1] == "任务 13 项，事项 48 项"
    assert english_words(shown.splitlines()[1]) == set()
