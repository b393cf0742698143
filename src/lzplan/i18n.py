"""Messages in English and Chinese (`--lang en|zh`, `LZPLAN_LANG`).

A message is kept as a key and its parameters until it is printed, so the same
result can be shown in either language; the plan's own text is never translated.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Lang = Literal["en", "zh"]
LANGS: tuple[Lang, ...] = ("en", "zh")


@dataclass(frozen=True, slots=True)
class Text:
    """A translatable message: a catalogue key and its parameters."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: Lang = "en") -> str:
        en, zh = CATALOG[self.key]
        values = {name: _value(value, lang) for name, value in self.params}
        return (zh if lang == "zh" else en).format(**values)

    def __str__(self) -> str:
        return self.render("en")


def msg(key: str, /, **params: object) -> Text:
    if key not in CATALOG:  # a typo in a key is a bug; fail where it is made
        raise KeyError(key)
    return Text(key, tuple(sorted(params.items())))


def _value(value: object, lang: Lang) -> object:
    if isinstance(value, Text):
        return value.render(lang)
    if isinstance(value, list | tuple):
        return ("、" if lang == "zh" else ", ").join(str(_value(v, lang)) for v in value)
    return value


CATALOG: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------ reading files
    "file.too_large": ("file is larger than the {limit} MiB limit", "文件超过 {limit} MiB 上限"),
    "file.is_folder": ("is a folder, expected a YAML file", "这是一个文件夹，应为 YAML 文件"),
    "file.unreadable": ("cannot read file: {reason}", "无法读取文件：{reason}"),
    "file.missing": ("no such file or folder", "文件或文件夹不存在"),
    "file.symlink_outside": (
        "symbolic link leads outside the folder being checked; not read",
        "符号链接指向被检查文件夹之外，未读取",
    ),
    "file.empty": ("file is empty, expected a mapping", "文件为空，应为键值映射"),
    "encoding.utf16": (
        "file is not valid UTF-8: it looks like UTF-16; re-save it as UTF-8",
        "文件不是有效的 UTF-8 编码：看起来是 UTF-16，请另存为 UTF-8",
    ),
    "encoding.binary": (
        "file is not valid UTF-8: it looks like binary data, expected a YAML text file",
        "文件不是有效的 UTF-8 编码：看起来是二进制数据，应为 YAML 文本文件",
    ),
    "encoding.gb18030": (
        "file is not valid UTF-8: it looks like GB18030/GBK (common for Chinese text on "
        "Windows); re-save it as UTF-8 (e.g. `iconv -f GB18030 -t UTF-8 in.yaml > out.yaml`)",
        "文件不是有效的 UTF-8 编码：看起来是 GB18030/GBK（Windows 中文文本常见），请另存为 UTF-8"
        "（例如 `iconv -f GB18030 -t UTF-8 in.yaml > out.yaml`）",
    ),
    # ------------------------------------------------------------ YAML
    "yaml.invalid": ("invalid YAML: {what}", "YAML 格式错误：{what}"),
    "yaml.tab": (
        "{what} (a tab: YAML indentation must use spaces)",
        "{what}（制表符：YAML 缩进必须使用空格）",
    ),
    "yaml.alias": (
        "anchors and aliases (&name / *name) are not allowed",
        "不允许使用锚点和别名（&name / *name）",
    ),
    "yaml.tag": (
        "tag '{tag}' is not allowed; only plain YAML values are",
        "不允许使用标签 '{tag}'，只接受普通 YAML 值",
    ),
    "yaml.key": ("mapping keys must be plain strings", "键必须是普通字符串"),
    "yaml.control": (
        "control character {code} is not allowed in YAML text",
        "YAML 文本中不允许出现控制字符 {code}",
    ),
    "yaml.too_deep": (
        "nested more than {limit} levels deep",
        "嵌套超过 {limit} 层",
    ),
    "yaml.merge": ("merge keys (<<) are not allowed", "不允许使用合并键（<<）"),
    "yaml.duplicate_key": (
        "duplicate key '{key}' (first defined at {first})",
        "重复的键 '{key}'（首次定义于 {first}）",
    ),
    "yaml.bad_date": (
        "'{value}' is not a valid date: {reason}",
        "'{value}' 不是有效日期：{reason}",
    ),
    "yaml.top_level": (
        "expected a mapping at the top level, got {what}",
        "顶层应为键值映射，实际为 {what}",
    ),
    # ------------------------------------------------------------ schema
    "schema.unknown_field": ("unknown field '{field}'", "未知字段 '{field}'"),
    "schema.missing": ("missing required field '{field}'", "缺少必填字段 '{field}'"),
    "schema.type": (
        "{field}: Input should be a valid {expected}, got {got}",
        "{field}：应为{expected_zh}，实际为 {got}",
    ),
    "schema.ge": (
        "{field}: Input should be greater than or equal to {limit}",
        "{field}：应大于或等于 {limit}",
    ),
    "schema.le": (
        "{field}: Input should be less than or equal to {limit}",
        "{field}：应小于或等于 {limit}",
    ),
    "schema.gt": ("{field}: Input should be greater than {limit}", "{field}：应大于 {limit}"),
    "schema.choice": ("{field}: Input should be {expected}", "{field}：应为 {expected_zh}"),
    "schema.pattern": (
        "{field}: String should match pattern '{pattern}'",
        "{field}：应为小写字母、数字和 - _ . 组成的标识（{pattern}）",
    ),
    "schema.empty": ("{field}: {message}", "{field}：不能为空"),
    "schema.other": ("{field}: {message}", "{field}：{message}"),
    "schema.rule": ("{field}: {message}", "{field}：{message}"),
    "date.chinese": (
        "write dates as YYYY-MM-DD: '{value}' should be {iso}",
        "日期请写作 YYYY-MM-DD：'{value}' 应写为 {iso}",
    ),
    "date.format": (
        "expected a date written YYYY-MM-DD, got {value}",
        "应为 YYYY-MM-DD 格式的日期，实际为 {value}",
    ),
    # ------------------------------------------------------------ plan
    "plan.period": ("period end is before its start", "计划期结束日期早于开始日期"),
    "plan.group_selects": (
        "a group must select by kind, tags or units",
        "分组必须按 kind、tags 或 units 选择单位",
    ),
    "plan.requirement_owners": (
        "a requirement needs at least one unit or group",
        "事项至少需要一个单位或分组",
    ),
    "plan.field_not_for_kind": (
        "'{name}' does not apply to a {kind} requirement",
        "'{name}' 不适用于 {kind} 类事项",
    ),
    "plan.field_for_kind": ("a {kind} requirement needs '{name}'", "{kind} 类事项需要 '{name}'"),
    "plan.distinct_min": (
        "a distinct_units requirement takes a single number as 'min'",
        "distinct_units 类事项的 'min' 应为单个数字",
    ),
    "plan.unknown_id": ("unknown {what} id '{value}'", "未知的{what_zh}标识 '{value}'"),
    "plan.duplicate_id": (
        "duplicate {what} id '{value}' (first defined at {first})",
        "重复的{what_zh}标识 '{value}'（首次定义于 {first}）",
    ),
    "plan.tag_unused": ("no unit carries tag '{tag}'", "没有单位带有标签 '{tag}'"),
    "plan.group_empty": ("group '{group}' selects no unit", "分组 '{group}' 没有选中任何单位"),
    "plan.threshold_uncovered": (
        "threshold for '{key}', which this requirement does not cover",
        "为 '{key}' 设了指标，但本事项不涉及它",
    ),
    "plan.threshold_missing": ("no threshold for '{key}'", "'{key}' 没有指标"),
    "plan.due_range": (
        "due date {due} is outside the plausible range {start} to {end} "
        "(the plan period plus one year)",
        "期限 {due} 超出合理范围 {start} 至 {end}（计划期加一年）",
    ),
    "plan.notice": ("source notice: {problem}", "通知原文：{problem}"),
    "trace.quote": (
        "quoted text does not occur in the notice {notice}",
        "引文未出现在通知 {notice} 中",
    ),
    "trace.bracket": (
        "责任单位 bracket is not encoded by any task: {bracket}",
        "责任单位括号未被任何任务编码：{bracket}",
    ),
    "trace.quota": (
        "quota '{quota}' is not encoded by a requirement quoting it",
        "指标 '{quota}' 没有被引用它的事项编码",
    ),
    "trace.deadline": (
        "deadline '{phrase}' is not the due wording of a requirement quoting it",
        "期限 '{phrase}' 不是引用它的事项的期限措辞",
    ),
    "trace.due_mismatch": (
        "due date {due} does not match '{wording}' ({meant})",
        "期限 {due} 与 '{wording}'（{meant}）不符",
    ),
    "trace.sentence": (
        "sentence is quoted by no requirement or unreported entry: {excerpt}…",
        "该句未被任何事项或不报告条目引用：{excerpt}…",
    ),
    # ------------------------------------------------------------ submissions
    "sub.wrong_plan": (
        "plan '{got}' is not this plan ('{plan}')",
        "计划 '{got}' 不是本计划（'{plan}'）",
    ),
    "sub.unit_claimed": (
        "unit '{unit}' is already claimed by {first}; one file per unit",
        "单位 '{unit}' 已由 {first} 报送；每个单位只能有一个文件",
    ),
    "sub.not_owed": ("'{unit}' does not owe '{requirement}'", "'{unit}' 没有事项 '{requirement}'"),
    "sub.field_not_for_kind": (
        "'{name}' does not apply to '{requirement}', a {kind} requirement",
        "'{name}' 不适用于 {kind} 类事项 '{requirement}'",
    ),
    "sub.ratio_pair": (
        "'{requirement}' needs both 'numerator' and 'denominator', or neither",
        "'{requirement}' 的 'numerator' 和 'denominator' 须同时填写或同时不填",
    ),
    "sub.ratio_exceeds": (
        "numerator {numerator} exceeds denominator {denominator}",
        "分子 {numerator} 大于分母 {denominator}",
    ),
    "sub.not_in_group": ("'{unit}' is not in group '{group}'", "'{unit}' 不属于分组 '{group}'"),
    "waiver.wrong_owner": (
        "waivers are granted by the plan's owner '{owner}', not '{got}'",
        "豁免应由计划责任单位 '{owner}' 批准，而不是 '{got}'",
    ),
    "waiver.expired": (
        "waiver expired on {expires}; it does not apply",
        "豁免已于 {expires} 到期，不再适用",
    ),
    "waiver.unused": (
        "waiver for '{unit}' on '{requirement}' is unused: the requirement is met",
        "'{unit}' 的事项 '{requirement}' 的豁免未使用：该事项已达标",
    ),
    "notice.duplicate_doc_no": (
        "文号 {doc_no} appears twice in '{requirement}'; it counts once",
        "文号 {doc_no} 在 '{requirement}' 中重复出现，只计一次",
    ),
    # ------------------------------------------------------------ outcome details
    "detail.count": ("{actual}/{need}", "{actual}/{need}"),
    "detail.count_short": ("{actual}/{need}, needs {more}", "{actual}/{need}，还差 {more}"),
    "detail.units": ("{actual}/{need} units", "{actual}/{need} 个单位"),
    "detail.units_short": (
        "{actual}/{need} units, needs {more}",
        "{actual}/{need} 个单位，还差 {more} 个",
    ),
    "detail.ratio": (
        "{numerator}/{denominator} = {share} of {need}",
        "{numerator}/{denominator} = {share}，须达 {need}",
    ),
    "detail.ratio_short": (
        "{numerator}/{denominator} = {share} of {need}, needs {more} more",
        "{numerator}/{denominator} = {share}，须达 {need}，还差 {more} 件",
    ),
    "detail.ratio_none": ("no figures, needs {need}", "未填数据，须达 {need}"),
    "detail.after_as_of": (
        "{detail} (reported {reported}, after the as-of date: not counted)",
        "{detail}（报送日期 {reported} 晚于截止日期，不计入）",
    ),
    "detail.completed": ("completed {date}", "已于 {date} 完成"),
    "detail.completed_later": (
        "completion dated {date}, after the as-of date",
        "完成日期 {date} 晚于截止日期",
    ),
    "detail.completed_unbacked": (
        "completed {date}, but no evidence counts",
        "填报 {date} 完成，但没有可计入的证明材料",
    ),
    "detail.not_completed": ("not completed", "未完成"),
    "detail.no_file": ("no file", "未报送文件"),
    "detail.file_invalid": ("file invalid", "文件无效"),
    "detail.waived": (
        "waived by {approved_by} until {expires}: {reason}",
        "已豁免（{approved_by}，至 {expires}）：{reason}",
    ),
    "detail.whole_unit": (
        "{detail}: {count} requirements owed",
        "{detail}：共 {count} 项应办事项",
    ),
    "extract.registry": (
        "expected a unit registry: a YAML file with `units:` (and `groups:`), e.g. a plan",
        "应为单位名录：含 `units:`（及 `groups:`）的 YAML 文件，例如一个计划文件",
    ),
    # ------------------------------------------------------------ usage
    "usage.date": (
        "{option} '{value}' is not a date written YYYY-MM-DD",
        "{option} '{value}' 不是 YYYY-MM-DD 格式的日期",
    ),
    "usage.unknown_unit": (
        "'{unit}' is not a unit of the plan; known: {known}",
        "'{unit}' 不是本计划的单位；已知单位：{known}",
    ),
    "usage.unknown_unit_short": (
        "'{unit}' is not a unit of the plan; see `lzplan units`",
        "'{unit}' 不是本计划的单位；见 `lzplan units`",
    ),
    "usage.unknown_task": (
        "'{task}' is not a task of the plan; known: {known}",
        "'{task}' 不是本计划的任务；已知任务：{known}",
    ),
    "usage.exists": (
        "{path} exists; use --force to overwrite it",
        "{path} 已存在；覆盖请加 --force",
    ),
    "usage.output_form": (
        "--output '{spec}': expected FORMAT:PATH, e.g. markdown:STATUS.md",
        "--output '{spec}'：应为 格式:路径，例如 markdown:STATUS.md",
    ),
    "usage.output_format": (
        "--output '{spec}': unknown format '{name}'; known: {known}",
        "--output '{spec}'：未知格式 '{name}'；已知格式：{known}",
    ),
    "usage.output_inside": (
        "--output '{spec}': lzplan does not write into a folder it reads ({folder})",
        "--output '{spec}'：lzplan 不会写入它读取的文件夹（{folder}）",
    ),
}
