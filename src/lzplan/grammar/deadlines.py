"""DeadlinePhrase phrases of Chinese government notices, and what they mean.

One grammar serves `lzplan plan validate` (tracing a plan to its notice) and
`lzplan extract`. It reads:

- dates: 6月底前, 12月底, 于2013年9月30日前, 二〇一三年十月底前, 10月份, 次年1月15日前,
  年底前, 2014年底前 (keeps its year), 上半年, 下半年, 第三季度, 全年, 年内 (not 三年内, a
  length of time), 2015年6月 alone as a time limit (a table's 完成时限 cell, …完成);
- recurrences: 每月, 每季度, 每半年, 每年 (when each occurrence falls due not stated);
  每年12月10日前 (each year's on its own day);
  每月底, 每季度末, 每半年末, 每年底 (due at each period's end); 每季度结束后10日内,
  每季度终了后10日内, 每季度后15日内, 季后10日内, 每月结束后5日内, 每半年结束后15日内
  (due so many days after it); 次月10日前, 每月10日前报送上月… (due on the 10th of the
  next month: 10 days after the month's end);
- relative deadlines: 15日内, 10个工作日内 (no date of their own).

A phrase followed by 制定的, 出台的… (对2012年底前制定的规范性文件) is a scope, not a
deadline; 10月份起 is a start. ``TRIGGER`` finds what looks like a deadline, so that
text the grammar cannot read is reported instead of skipped.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from lzplan.grammar.numbers import NUMBER, YEAR, integer

_BEFORE = r"(?:前|之前|以前)"
# Days after a period's end, in calendar days: 10个工作日 is no fixed number of them, so
# 每季度结束后10个工作日内 is read as 每季度 and a relative 10个工作日内.
_DAYS_AFTER = rf"(?:结束|终了)?后(?P<after>{NUMBER})(?:日|天)内"
# 每月10日前 is due after the month it reports on only when that is 上月; 每月10日前报送
# 当月计划 falls due within its own month, which no days-after number can say.
_NTH_OF_NEXT = rf"(?P<mday>{NUMBER})[日号]{_BEFORE}(?=[^，,。；;：:]{{0,12}}?上(?:一|个)?月)"
_RECURS = (
    rf"每(?P<every>月|季度|半年|年)(?:{_DAYS_AFTER}|(?P<atend>末|底){_BEFORE}?|{_NTH_OF_NEXT}"
    rf"|(?P<onm>{NUMBER})月(?P<ond>{NUMBER})[日号]{_BEFORE})?"  # 每年12月10日前
    rf"|季后(?P<qafter>{NUMBER})(?:日|天)内"  # 季后: short for 每季度终了后
    rf"|次月(?P<nday>{NUMBER})[日号]{_BEFORE}"
)
# A count of years before 年内 makes a length of time (三年内), not this year.
_NOT_A_COUNT = r"(?<![0-9０-９零〇○一二两三四五六七八九十百])"
PATTERN = re.compile(
    rf"(?:(?P<yyear>{YEAR})|(?P<ynext>次年|明年)|{_NOT_A_COUNT})年(?:底|末|内){_BEFORE}?"
    rf"|(?:(?:(?P<year>{YEAR})年|(?P<next>次年|明年)))?(?:"
    rf"(?P<month>{NUMBER})月(?:(?P<day>{NUMBER})[日号]{_BEFORE}|(?P<mend>底{_BEFORE}?|末|份(?!起)))"
    rf"|(?P<half>[上下])半年{_BEFORE}?"
    rf"|第?(?P<quarter>[一二三四1-4])季度末?"
    r")"
    # a month alone, with its year, standing as a time limit (a table's 完成时限: 2015年6月)
    rf"|(?P<ayear>{YEAR})年(?P<amonth>{NUMBER})月(?=[ \t\u3000]*(?:\n|$)|[ \t\u3000]{{2}}|完成)"
    r"|(?P<whole>全年)"
    rf"|{_RECURS}"
    rf"|(?P<within>{NUMBER})个?(?:日|天|工作日)内"
)
SCOPE = re.compile(r"(?:制定|出台|印发|发布|颁布|形成|作出)的")
# What looks like a deadline: a date or a length of time, and "before" or "within".
# Any of it no phrase above accounts for is reported.
TRIGGER = re.compile(
    rf"{NUMBER}\s*(?:个)?(?:月|日|号|天|工作日)(?:底|末)?(?:前|之前|以前|内)|年底|年末|年内|月底"
)
EVERY = {"月": "month", "季度": "quarter", "半年": "half-year", "年": "year"}


@dataclass(frozen=True)
class DeadlinePhrase:
    """A deadline phrase found in a text, and what it means in the plan year."""

    start: int
    end: int
    text: str
    date: dt.date | None  # the last day it allows; None when relative or recurring
    every: str | None = None  # month | quarter | half-year | year
    # Recurring: the days after each period's end that each occurrence falls due
    # (每季度末 0, 季后10日内 10, 次月10日前 10); None when the notice does not say.
    due_after: int | None = None
    on: str | None = None  # 每年12月10日前: the day each year's falls due (MM-DD)
    year_given: bool = False
    relative: bool = False
    scope: bool = False  # 2012年底前制定的: which documents, not by when
    standing: bool = False  # 长期坚持: the whole period, judged at its end


# A standing duty's time: the whole period, judged at its end (长期坚持, 持续推进). Read
# only as a due wording or a table's 完成时限 cell: in a sentence (持续推进依法行政) it
# is no deadline the plan must encode.
STANDING = re.compile(r"^(?:长期坚持|长期|持续推进|持续开展|持续|常态化推进|常态化|经常性)$")


def find(text: str, year: int) -> list[DeadlinePhrase]:
    """Every deadline phrase in ``text``; ``year`` is the plan's (for 6月底前)."""
    found = []
    for match in PATTERN.finditer(text):
        deadline = _read(match, year, text)
        if deadline is not None:
            found.append(deadline)
    return found


def limit(cell: str, year: int) -> list[DeadlinePhrase]:
    """The deadlines of a time limit standing on its own (a due wording, a 完成时限
    cell): those of ``find``, or a standing duty's (长期坚持: the period's end)."""
    text = cell.strip()
    if STANDING.match(text):
        return [DeadlinePhrase(0, len(text), text, dt.date(year, 12, 31), standing=True)]
    return find(cell, year)


def date_of(phrase: str, year: int) -> dt.date | None:
    """The date a whole phrase means (a due ``wording``), or None when it means none."""
    for deadline in limit(phrase.removeprefix("于").removeprefix("在"), year):
        if deadline.date is not None and not deadline.scope:
            return deadline.date
    return None


def _read(match: re.Match[str], plan_year: int, text: str) -> DeadlinePhrase | None:
    scope = bool(SCOPE.match(text, match.end()))
    start, end, phrase = match.start(), match.end(), match.group(0)
    every = _every(match)
    if every is not None and match.group("onm"):
        on = _on(match)
        if every != "year" or on is None:
            return None  # 每月3月5日前, 每年2月30日前: no day of each year
        return DeadlinePhrase(start, end, phrase, None, every=every, on=on)
    if every is not None:
        after = _due_after(match)
        if after is not None and not _possible(match, after):
            return None  # 次月40日前: not a day, so not a deadline
        return DeadlinePhrase(start, end, phrase, None, every=every, due_after=after)
    if match.group("within"):
        return DeadlinePhrase(start, end, phrase, None, relative=True)
    given = any(match.group(g) for g in ("year", "next", "yyear", "ynext", "ayear"))
    year = _year(match, plan_year)
    try:
        date = _date(match, year)
    except ValueError:  # 13月, 2月30日: not a date, so not a deadline
        return None
    return DeadlinePhrase(start, end, phrase, date, year_given=given, scope=scope)


def _every(match: re.Match[str]) -> str | None:
    if match.group("every"):
        return EVERY[match.group("every")]
    if match.group("qafter"):
        return "quarter"
    return "month" if match.group("nday") else None


def _on(match: re.Match[str]) -> str | None:
    """每年12月10日前: the day, MM-DD, when it is one of every year (not 2月29日)."""
    month, day = integer(match.group("onm")), integer(match.group("ond"))
    try:
        dt.date(2001, month, day)
    except ValueError:
        return None
    return f"{month:02d}-{day:02d}"


def _due_after(match: re.Match[str]) -> int | None:
    """Days after each period's end; the Nth of the next month is N days after the end."""
    if match.group("atend"):
        return 0
    for group in ("after", "qafter", "mday", "nday"):
        if match.group(group):
            return integer(match.group(group))
    return None


def _possible(match: re.Match[str], after: int) -> bool:
    """A day of the month (次月10日前) must be one; 结束后45日内 may be any number."""
    if match.group("mday") or match.group("nday"):
        return 1 <= after <= 31
    return True


def _year(match: re.Match[str], plan_year: int) -> int:
    written = match.group("year") or match.group("yyear") or match.group("ayear")
    if written:
        return integer(written)
    if match.group("next") or match.group("ynext"):
        return plan_year + 1
    return plan_year


def _date(match: re.Match[str], year: int) -> dt.date:
    if match.group("amonth"):
        return month_end(year, integer(match.group("amonth")))
    if match.group("month"):
        month = integer(match.group("month"))
        if match.group("day"):
            return dt.date(year, month, integer(match.group("day")))
        return month_end(year, month)
    if match.group("half") == "上":
        return dt.date(year, 6, 30)
    if match.group("quarter"):
        quarter = integer(match.group("quarter"))
        if not 1 <= quarter <= 4:  # pragma: no cover - the pattern allows 1-4 only
            raise ValueError(quarter)
        return month_end(year, quarter * 3)
    return dt.date(year, 12, 31)


def month_end(year: int, month: int) -> dt.date:
    if not 1 <= month <= 12:
        raise ValueError(month)
    return dt.date(year, month, calendar.monthrange(year, month)[1])
