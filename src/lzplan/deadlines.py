"""Deadline phrases of Chinese government notices, and the dates they mean."""

from __future__ import annotations

import calendar
import datetime as dt
import re

# 6月底前, 于6月底前, 2011年11月底, 12月底前, 年底前, 2012年上半年
PATTERN = re.compile(
    r"(?:(?P<year>\d{4})年)?(?:(?P<month>\d{1,2})月底前?|(?P<yearend>年底前?)|(?P<half>[上下]半年))"
)


def find(text: str) -> list[re.Match[str]]:
    """Every deadline phrase in ``text``."""
    return list(PATTERN.finditer(text))


def date_of(phrase: str, default_year: int) -> dt.date | None:
    """The last day a phrase allows, or None when ``phrase`` is not a deadline."""
    match = PATTERN.fullmatch(phrase.removeprefix("于"))
    if match is None:
        return None
    year = int(match.group("year") or default_year)
    if match.group("month"):
        month = int(match.group("month"))
        if not 1 <= month <= 12:
            return None
        return dt.date(year, month, calendar.monthrange(year, month)[1])
    if match.group("half") == "上半年":
        return dt.date(year, 6, 30)
    return dt.date(year, 12, 31)
