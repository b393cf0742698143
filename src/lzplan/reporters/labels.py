"""Fixed words, symbols and sentences of the reports, in English and Chinese."""

from __future__ import annotations

from lzplan.i18n import Lang
from lzplan.result import Reason, Status

# Matrix cells: short, distinct without colour; in Chinese, two characters (4 columns).
_SYMBOL = {
    Status.MET: ("ok", "达标"),
    Status.MET_LATE: ("late", "逾期"),
    Status.PENDING: ("open", "待办"),
    Status.MISSED: ("MISS", "未达"),
    Status.NOT_SUBMITTED: ("none", "未报"),
    Status.WAIVED: ("wvd", "豁免"),
    Status.NOT_APPLICABLE: ("-", "-"),
    Status.INVALID: ("BAD", "无效"),
}
_WORD = {
    Status.MET: ("met", "达标"),
    Status.MET_LATE: ("met late", "逾期完成"),
    Status.PENDING: ("pending", "未到期"),
    Status.MISSED: ("missed", "未完成"),
    Status.NOT_SUBMITTED: ("not submitted", "未报送"),
    Status.WAIVED: ("waived", "已豁免"),
    Status.NOT_APPLICABLE: ("not owed", "无此任务"),
    Status.INVALID: ("invalid file", "文件无效"),
}
_UNIT_STATUS = {
    "compliant": ("compliant", "合规"),
    "on_track": ("on track", "进行中"),
    "behind": ("behind", "滞后"),
    "not_submitted": ("not submitted", "未报送"),
    "invalid": ("invalid", "文件无效"),
    "n/a": ("owes nothing", "无任务"),
}
UNIT_STATUSES = tuple(_UNIT_STATUS)
_REASON = {
    Reason.COUNTED: ("counted", "计入"),
    Reason.LATE: ("counted, late (after the due date)", "计入，逾期（晚于期限）"),
    Reason.AFTER_AS_OF: ("not counted: dated after the as-of date", "不计入：日期晚于截止日期"),
    Reason.OUTSIDE_PERIOD: ("not counted: outside the plan period", "不计入：不在计划期内"),
    Reason.DUPLICATE_DOC_NO: ("not counted: duplicate 文号", "不计入：文号重复"),
}
# Phrases of the reports; {name} fields are filled by ui().
_UI: dict[str, tuple[str, str]] = {
    "title": ("{title} ({plan}), as of {as_of}", "{title}（{plan}），截至 {as_of}"),
    "legend": ("Legend", "图例"),
    "hidden_units": (
        "{count} units compliant or on track are not shown; --all shows every row.",
        "另有 {count} 个合规或进行中的单位未列出；加 --all 显示全部。",
    ),
    "hidden_rows": (
        "{count} more rows not shown; --all shows every row.",
        "另有 {count} 行未列出；加 --all 显示全部。",
    ),
    "units": ("Units ({count}): {parts}.", "单位（{count}）：{parts}。"),
    "requirements": ("Requirements owed ({count}): {parts}.", "应办事项（{count}）：{parts}。"),
    "part": ("{count} {word}", "{word} {count}"),
    "sep": (", ", "，"),
    "shortfalls": ("Shortfalls, worst first", "差距清单（最严重的在前）"),
    "notices": ("Notices", "提示"),
    "problems": ("Input problems", "输入错误"),
    "unit": ("unit", "单位"),
    "name": ("name", "名称"),
    "status": ("status", "状态"),
    "requirement": ("requirement", "事项"),
    "detail": ("detail", "情况"),
    "due": ("due", "期限"),
    "all": ("(all)", "（全部）"),
    "file": ("file: {file}; as of {as_of}", "文件：{file}；截至 {as_of}"),
    "unit_line": ("{name} ({id}): {status}", "{name}（{id}）：{status}"),
    "no_file": ("none", "无"),
    "kind_line": ("kind {kind}; needs {needs}; due {due}", "类型 {kind}；要求 {needs}；期限 {due}"),
    "source": ("source", "通知原文"),
    "reported_at": ("reported at {where}", "填报位置 {where}"),
    "needs.ratio": ("a share of at least {share}", "比例不低于 {share}"),
    "needs.distinct_units": ("at least {n} distinct units", "不少于 {n} 个不同单位"),
    "needs.milestone": ("a completion date backed by evidence", "有证明材料支持的完成日期"),
    "needs.count": ("at least {n} dated evidence item(s)", "不少于 {n} 件注明日期的证明材料"),
    "finding": (
        "{unit} {name}: {title}: {word} ({detail}), due {due}",
        "{unit} {name}：{title}：{word}（{detail}），期限 {due}",
    ),
    "invalid_input": ("invalid input", "输入错误"),
    "notice": ("notice", "提示"),
    "outcome": ("{word}: {detail}; due {due}", "{word}：{detail}；期限 {due}"),
    "md.title": ("{title}: compliance as of {as_of}", "{title}：截至 {as_of} 的落实情况"),
    "md.plan": (
        "Plan `{plan}` (`{file}`, sha256 `{sha}`), encoded from {source}.",
        "计划 `{plan}`（`{file}`，sha256 `{sha}`），依据《{source}》编码。",
    ),
    "md.matrix": ("Matrix", "落实情况矩阵"),
    "html.as_of": ("Compliance as of", "统计截止日期"),
    "html.plan": (
        "Plan {plan} ({file}, sha256 {sha}), encoded from {source}, published by "
        "{publisher} on {published}.",
        "计划 {plan}（{file}，sha256 {sha}），依据《{source}》编码，{publisher} "
        "于 {published} 发布。",
    ),
    "html.units": ("Units", "各单位明细"),
    "html.made_by": ("Made by lzplan {version}.", "由 lzplan {version} 生成。"),
    "pv.issued": (
        "issued {issued} by {issuer}; period {start} to {end}",
        "{issuer} {issued} 印发；计划期 {start} 至 {end}",
    ),
    "pv.id": ("id", "标识"),
    "pv.task": ("task / requirement", "任务 / 事项"),
    "pv.kind": ("kind", "类型"),
    "pv.owed_by": ("owed by", "责任单位"),
    "pv.quota": ("quota", "指标"),
    "pv.totals": (
        "{tasks} tasks, {requirements} requirements",
        "任务 {tasks} 项，事项 {requirements} 项",
    ),
    "pv.tags": ("tags", "标签"),
    "pv.groups": ("groups", "分组"),
    "pv.in_notice": ("in notice", "通知所列"),
    "pv.named": ("yes", "是"),
    "pv.assumed": ("assumed", "推定"),
    "pv.district": ("district", "区县"),
    "pv.department": ("department", "部门"),
    "pv.units": (
        "{units} units ({assumed} assumed by the encoder)",
        "单位 {units} 个（其中 {assumed} 个为编码者推定）",
    ),
    "pv.valid": (
        "{file}: valid: {units} units, {groups} groups, {tasks} tasks, {requirements} "
        "requirements; every quote, bracket, quota and deadline traced to the notice",
        "{file}：有效：单位 {units} 个，分组 {groups} 个，任务 {tasks} 项，事项 {requirements} 项；"
        "所有引文、责任单位括号、指标和期限均与通知原文核对一致",
    ),
}


def pick(pair: tuple[str, str], lang: Lang) -> str:
    """The English or the Chinese of a pair."""
    return pair[1] if lang == "zh" else pair[0]


def symbol(status: Status, lang: Lang) -> str:
    return pick(_SYMBOL[status], lang)


def word(status: Status, lang: Lang) -> str:
    return pick(_WORD[status], lang)


def unit_status(key: str, lang: Lang) -> str:
    return pick(_UNIT_STATUS[key], lang)


def reason(value: Reason, lang: Lang) -> str:
    return pick(_REASON[value], lang)


def ui(key: str, lang: Lang, **fields: object) -> str:
    return pick(_UI[key], lang).format(**fields)


def heading(key: str, lang: Lang) -> str:
    """A label followed by a colon, full-width in Chinese."""
    return ui(key, lang) + colon(lang).rstrip()


def colon(lang: Lang) -> str:
    return "：" if lang == "zh" else ": "


def labelled(key: str, value: object, lang: Lang) -> str:
    """'Legend: …' / '图例：…'"""
    return f"{ui(key, lang)}{colon(lang)}{value}"


_KIND = {
    "count": "数量",
    "activity": "工作",
    "milestone": "节点",
    "distinct_units": "覆盖单位",
    "ratio": "比例",
}


def kind(name: str, lang: Lang) -> str:
    return _KIND[name] if lang == "zh" else name


def legend(lang: Lang) -> str:
    return "  ".join(f"{symbol(s, lang)} {word(s, lang)}" for s in Status)


STYLE = {
    Status.MET: "green",
    Status.MET_LATE: "yellow",
    Status.PENDING: "cyan",
    Status.MISSED: "bold red",
    Status.NOT_SUBMITTED: "red",
    Status.WAIVED: "blue",
    Status.NOT_APPLICABLE: "dim",
    Status.INVALID: "bold magenta",
}
UNIT_STYLE = {
    "compliant": "green",
    "on_track": "cyan",
    "behind": "bold red",
    "not_submitted": "red",
    "invalid": "bold magenta",
    "n/a": "dim",
}
