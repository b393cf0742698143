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


def ascii_left(text: str) -> set[str]:
    """ASCII letters in a Chinese report once what is rightly ASCII is out: file paths,
    a sha256, the tool's name and its options (lzplan, --all), the date format."""
    text = re.sub(r"[\w./-]+\.(ya?ml|html|md|json)(:\d+:\d+)?", " ", text)
    text = re.sub(r"\b[0-9a-f]{12,64}\b", " ", text)
    text = re.sub(r"lzplan [0-9.]+|lzplan|sha256|--[a-z-]+|YYYY-MM-DD", " ", text)
    return set(re.findall(r"[A-Za-z][A-Za-z0-9_.-]*", text))


BULLETIN_TERMS = [  # the wording a 通报 attachment uses
    "已完成", "逾期完成", "未到期", "未完成", "未报送", "核减", "零报告", "不涉及",
    "全部完成（含逾期）", "有未完成事项", "正在推进", "未完成事项清单",
    "通知未列名，依通知对市政府各部门的要求或任务分解", "未报送落实情况（涉及20项）",
    "2011年12月31日", "一（一）", "二（三）之一",
]  # fmt: skip
OLD_TERMS = ["合规", "待办", "已豁免", "证明材料", "差距清单", "编码者推定", "无此任务"]


def test_a_chinese_clerk_reads_the_check_without_english() -> None:
    result = invoke("check", *YEAR_END, "--lang", "zh")
    assert result.exit_code == 1
    assert ascii_left(result.stdout) == set()
    assert (
        "共53个单位：全部完成46个，全部完成（含逾期）2个，正在推进1个，有未完成事项3个，"
        "未报送1个，文件无效0个。" in result.stdout
    )
    assert "市旅游局＊" in result.stdout


@pytest.mark.parametrize("name", ["terminal", "markdown", "html"])
def test_the_year_end_reads_as_a_bulletin_attachment(name: str) -> None:
    out = invoke("check", *YEAR_END, "--lang", "zh", "--format", name).stdout
    if name == "html":
        out = re.sub(r"<style>.*?</style>|<[^>]+>", " ", out, flags=re.S)
    assert ascii_left(out) == set()
    found = [term for term in BULLETIN_TERMS if term in out]
    assert len(found) >= len(BULLETIN_TERMS) - (3 if name == "html" else 0), found
    assert [term for term in OLD_TERMS if term in out] == []


def test_the_language_comes_from_the_environment() -> None:
    by_option = invoke("check", *YEAR_END, "--lang", "zh").stdout
    assert invoke("check", *YEAR_END, env={"LZPLAN_LANG": "zh"}).stdout == by_option


@pytest.mark.parametrize(
    ("env", "lang"),
    [
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # a Chinese desktop: 通报 in Chinese
        ({"LC_ALL": "", "LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "C.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL wins, as in gettext
        ({"LC_ALL": "", "LANG": "fr_FR.UTF-8"}, "en"),  # no catalogue: the reference
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8", "LZPLAN_LANG": "en"}, "en"),
    ],
)
def test_the_language_follows_the_locale(env: dict[str, str], lang: str) -> None:
    out = invoke("plan", "validate", env=env).stdout
    assert out.startswith("plan/2011.yaml：有效" if lang == "zh" else "plan/2011.yaml: valid")


def test_explain_in_chinese() -> None:
    out = invoke("explain", "gulin", "t1-5", *YEAR_END, "--lang", "zh").stdout
    assert out.startswith("古蔺县人民政府：有未完成事项\n")
    assert "行政复议规范化建设基本完成：未完成 - 尚未完成" in out
    assert "类别：完成节点；要求：" in out
    assert "期限：2011年11月30日（2011年11月底）" in out
    assert ascii_left(out) == set()
    assumed = invoke("explain", "tourism", *YEAR_END, "--lang", "zh").stdout
    assert "＊ 通知未列名，依通知对市政府各部门的要求或任务分解（泸府法〔2011〕8号）承担" in assumed
    audit = invoke("explain", "legal-affairs", "t2-4", *YEAR_END, "--lang", "zh").stdout
    assert "评查案卷率：达标 - 350/1437，比例24.4%（要求不低于20%）" in audit
    assert "  - 市畜牧局：9/59，比例15.3%，单独计算未达20%" in audit
    assert "评查市级行政执法部门16个（要求不少于15个）" in audit  # the notice's own verb
    assert ascii_left(audit) == set()


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
    assert invoke("plan", "validate", "--lang", "zh").stdout.startswith("plan/2011.yaml：有效。")
    units = invoke("units", "--lang", "zh").stdout
    assert units.splitlines()[-1] == (
        "共53个单位，其中33个通知未列名，依通知对市政府各部门的要求或任务分解（泸府法〔2011〕8号）承担"
    )
    shown = invoke("plan", "show", "--lang", "zh").stdout
    assert "任务13项，事项59项" in shown.splitlines()
    assert english_words(shown.splitlines()[1]) == set()
    # owners by name, quotas in words, sections as the notice writes them
    assert ascii_left(shown) == set()
    assert "市级行政执法部门不少于15个" in shown
    assert "不低于20%" in shown
    assert "二（三）之一 深化行政管理体制改革" in shown
