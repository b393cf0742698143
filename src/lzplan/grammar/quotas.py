"""QuotaPhrase phrases of Chinese government notices: how many, of what, at least or at most.

Reads 不少于3件, 不得少于2件, 至少组织1次, 不低于80%, 不得低于95%, 不得低于百分之九十五,
不高于5%, 达到100%, 达20%以上, 达百分之五十以上, 十五个以上, 不少于200人次, 40学时, 3名,
2场; a share with 以上 and no quota word (办结率95%以上, 结案率百分之九十以上: at least
that share); a share stated as the target (报备率为100%, 公开率为百分之百: at least that
share, as 达到100% is); and a quota each period (每季度至少1次, 每季度不少于1次,
每半年至少开展1次, 每年至少组织2次). ``TRIGGER`` finds what looks like a quota, so text
the grammar cannot read is reported instead of skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lzplan.grammar.numbers import NUMBER, percent, value

# Measures, longest first (人次 before 人). Counted items (件, 次…) and amounts (学时,
# 人次…) are told apart by the plan's kind, not here.
MEASURES = ("人次", "学时", "课时", "小时", "件", "个", "次", "项", "份", "家", "场", "名", "人",
            "期", "篇", "条", "卷")  # fmt: skip
ITEMS = {"件", "个", "次", "项", "份", "家", "场", "期", "篇", "条", "卷"}  # one evidence item each
_MEASURE = "|".join(MEASURES)
_SHARE = rf"(?:百分之(?:百|{NUMBER})|{NUMBER}\s*[%％])"
_AT_MOST = "不高于|不得高于|不超过|不得超过|低于"
_AT_LEAST = "不少于|不得少于|不低于|不得低于|至少|达到|达"
# A measure followed by these is a length of time (不少于5个工作日), not a quota.
_TIME = r"(?!工作日|月|小时|日|天|年)"
# 为5%以下, 为5%左右: not a floor, so left unread (and reported) rather than read as one.
_NOT_A_FLOOR = r"(?!\s*(?:以下|以内|左右))"
PATTERN = re.compile(
    # A quota word, then a share (不低于80%) or a count, maybe after a verb (至少组织1次).
    # No verb before a share: in 达到…80% the share belongs to another part of the sentence.
    rf"(?:每(?P<every>月|季度|半年|年))?"
    rf"(?:(?P<most>{_AT_MOST})|(?P<least>{_AT_LEAST}))"
    rf"(?:(?P<share>{_SHARE})"
    rf"|(?P<verb>[\u4e00-\u9fff]{{0,4}}?)(?P<n>{NUMBER})\s*(?P<measure>{_MEASURE}){_TIME})"
    rf"(?P<more>以上)?"
    # No quota word: 以上 says "at least" (十五个以上, 95%以上); 为 states the target share.
    rf"|(?P<n2>{NUMBER})\s*(?P<measure2>{_MEASURE})以上"
    rf"|为\s*(?P<stated>{_SHARE}){_NOT_A_FLOOR}(?:以上)?"
    rf"|(?P<share2>{_SHARE})\s*以上"
)
# A length of time after a quota word (公示期不少于5个工作日): read, and not a quota.
DURATION = re.compile(
    rf"(?:{_AT_MOST}|{_AT_LEAST})[\u4e00-\u9fff]{{0,4}}?{NUMBER}\s*个?(?:工作日|月|小时|日|天|年)"
)
# What looks like a quota: a quota word with a number close after it, a share stated
# with 为, or a share with 以上. Any of it no phrase above accounts for is reported.
# A number alone (第246号令, 11项任务, 5部门) is a name, not a quota.
TRIGGER = re.compile(
    rf"(?:{_AT_LEAST}|{_AT_MOST})[\u4e00-\u9fff]{{0,4}}?"
    rf"(?:[0-9０-９]|百分之|[一二三四五六七八九十百两]+\s*(?:{_MEASURE}|[%％]))"
    rf"|为\s*{_SHARE}"
    rf"|(?<![0-9０-９.．]){_SHARE}\s*以上"  # from the number's first digit, not 0%以上 of 20%以上
)
EVERY = {"月": "month", "季度": "quarter", "半年": "half-year", "年": "year"}


@dataclass(frozen=True)
class QuotaPhrase:
    """A quota phrase found in a text."""

    start: int
    end: int
    text: str
    value: float
    measure: str  # "%" for a share; else the measure word (件, 学时…)
    at_most: bool = False
    every: str | None = None  # 每季度至少1次: a quota each quarter

    @property
    def counts_items(self) -> bool:
        return self.measure in ITEMS


def find(text: str) -> list[QuotaPhrase]:
    """Every quota phrase in ``text``."""
    found = []
    for match in PATTERN.finditer(text):
        number, measure = _amount(match)
        every = EVERY.get(match.group("every") or "")
        found.append(QuotaPhrase(match.start(), match.end(), match.group(0), number, measure,
                           bool(match.group("most")), every))  # fmt: skip
    return found


def _amount(match: re.Match[str]) -> tuple[float, str]:
    """The number and its measure ("%" for a share), whichever form the phrase took."""
    share = match.group("share") or match.group("stated") or match.group("share2")
    if share:
        return percent(share) or 0, "%"  # the pattern only lets a share through
    if match.group("n2"):
        return value(match.group("n2")), match.group("measure2")
    return value(match.group("n")), match.group("measure")
