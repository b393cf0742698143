"""Deadline phrases of Chinese government notices, and the dates they mean.

One grammar serves both the plan's traceability check and `lzplan extract`:
N月底前, 于YYYY年N月底前, 年底前, 上半年/下半年, 第N季度/二季度, 于YYYY年M月D日前, N月份, 全年.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}  # fmt: skip
NUMBER = r"(?:\d+|[零〇一二两三四五六七八九十百]+)"
PATTERN = re.compile(
    rf"(?:(?P<year>\d{{4}})年)?(?:"
    rf"(?P<month>{NUMBER})月(?:(?P<day>{NUMBER})日前|底前?|份)"
    r"|(?P<yearend>年底前?)"
    r"|(?P<half>[上下]半年)"
    r"|第?(?P<quarter>[一二三四1-4])季度"
    r"|(?P<whole>全年))"
)


def chinese_number(text: str) -> int:
    """'15', '十五', '二十', '三' → int."""
    if text.isdigit():
        return int(text)
    total, current = 0, 0
    for char in text:
        if char in "十百":
            total += (current or 1) * (10 if char == "十" else 100)
            current = 0
        else:
            current = CN_DIGITS[char]
    return total + current


def find(text: str) -> list[re.Match[str]]:
    """Every deadline phrase in ``text``."""
    return [match for match in PATTERN.finditer(text) if _valid(match)]


def _valid(match: re.Match[str]) -> bool:
    if match.group("month"):
        return 1 <= chinese_number(match.group("month")) <= 12
    return True


def date_of(phrase: str, default_year: int) -> dt.date | None:
    """The last day a phrase allows, or None when ``phrase`` is not a deadline."""
    match = PATTERN.fullmatch(phrase.removeprefix("于"))
    if match is None or not _valid(match):
        return None
    return date_of_match(match, default_year)


def date_of_match(match: re.Match[str], default_year: int) -> dt.date:
    year = int(match.group("year") or default_year)
    if match.group("month"):
        month = chinese_number(match.group("month"))
        if match.group("day"):
            return dt.date(year, month, chinese_number(match.group("day")))
        return _month_end(year, month)
    if match.group("half") == "上半年":
        return dt.date(year, 6, 30)
    if match.group("quarter"):
        return _month_end(year, chinese_number(match.group("quarter")) * 3)
    return dt.date(year, 12, 31)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])
