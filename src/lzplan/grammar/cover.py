"""A cover letter: the 通知 that issues a plan (关于印发《…》的通知), and what it says.

Notices are often published as the letter that issues them, the plan attached:

    云溪县人民政府办公室关于印发云溪县2016年依法行政工作要点的通知
    云府办发〔2016〕12号
    各乡镇人民政府，县级各部门：
    《云溪县2016年依法行政工作要点》已经县政府同意，现印发给你们，请认真贯彻落实。
    各乡镇人民政府、县级各部门要于4月30日前将…报县政府法制办备案。
    云溪县人民政府办公室
    2016年3月15日
    云溪县2016年依法行政工作要点
    一、…

The letter names the plan's title, its issuer, its 文号 and its date, and may impose
duties of its own (…于4月30日前报…备案): those form a task of the plan like any other,
owed by the letter's addressees (主送) unless a sentence names its own actors. Its
issuing words (已经县政府同意，现印发给你们…) impose nothing. ``lzplan extract`` drafts
from it, and ``lzplan plan validate`` traces the letter's task to it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lzplan.grammar.numbers import NUMBER, YEAR, integer

_TITLE = re.compile(r"^\s*(?P<issuer>\S+?)关于印发(?P<title>\S+?)的通知\s*$", re.MULTILINE)
DOC_NO = re.compile(
    r"[\u4e00-\u9fff]{1,12}[〔\[【(（][0-9〇一二三四五六七八九]{4}[〕\]】)）]第?[0-9]+号"
)
# 主送: the units the letter is addressed to, ending with a colon, at a line's start.
# (A web page's own fields before it — 发布部门：…, 发布时间：… — are no addressees.)
_ADDRESSEES = re.compile(
    r"^[ \t\u3000]*(?!发布|有效性|来源|索引号|主题|成文|文号|生效|政策)"
    r"(?P<names>[^\n：:。]{2,120}?(?:政府|部门|单位|委员会|管委会|局|委|办|厅|处|室|院))[：:]",
    re.MULTILINE,
)
_DATE = re.compile(rf"(?P<year>{YEAR})年(?P<month>{NUMBER})月(?P<day>{NUMBER})日")
# The letter's words that issue the plan and ask it be carried out: no duty of its own.
ISSUING = re.compile(
    r"(?:已经.{1,12}同意|现(?:予|将)?印发|印发给你们|现予印发|请(?:结合实际)?(?:认真)?"
    r"(?:组织实施|贯彻执行|贯彻落实|遵照执行|抓好落实))"
)


@dataclass(frozen=True)
class Cover:
    """Where the letter's parts are in the notice's text (offsets), and what it says."""

    issuer: str
    title: str  # the plan's title, without 《》
    doc_no: str | None
    addressees: tuple[int, int]  # the 主送 names, without the colon
    body: tuple[int, int]  # the letter's own text, after the 主送, before its signature
    issued: dt.date | None
    end: int  # where the letter (its signature and date) ends: the plan begins


def find(text: str) -> Cover | None:
    """The cover letter ``text`` opens with, or None when it opens with no 印发…的通知."""
    first = re.search(r"\S", text)
    heading = _TITLE.match(text, first.start() if first else 0)
    if heading is None:
        return None
    addressed = _ADDRESSEES.search(text, heading.end())
    if addressed is None:
        return None
    title = heading.group("title").strip("《》<>")
    doc_no = DOC_NO.search(text, heading.end(), addressed.start())
    dated = _DATE.search(text, addressed.end())
    plan_starts = _plan_start(text, title, addressed.end())
    if dated is not None and plan_starts is not None and dated.start() > plan_starts:
        dated = None
    end = dated.end() if dated is not None else (plan_starts or addressed.end())
    body_end = _signature_start(text, heading.group("issuer"), addressed.end(), end, dated)
    return Cover(
        issuer=heading.group("issuer"),
        title=title,
        doc_no=doc_no.group(0) if doc_no else None,
        addressees=(addressed.start("names"), addressed.end("names")),
        body=(addressed.end(), body_end),
        issued=_date(dated),
        end=end,
    )


# A signature block's lines: an issuer (…人民政府办公室) with no punctuation, then a date.
_SIGNER = re.compile(
    r"^[ \t\u3000]*[\u4e00-\u9fff（）()]{2,30}"
    r"(?:政府|办公室|办|局|委员会|委|厅|处|中心|所)[ \t\u3000]*$"
)
_DATE_LINE = re.compile(rf"^[ \t\u3000]*{_DATE.pattern}[ \t\u3000]*$")


def signature(text: str) -> int:
    """Where the signature block that ends a notice begins (its issuer's line and its
    date, 落款 and 成文日期), or the text's end when it ends with none."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]
    if not lines or not _DATE_LINE.match(lines[-1][1]):
        return len(text)
    start = lines[-1][0]
    if len(lines) > 1 and _SIGNER.match(lines[-2][1]):
        start = lines[-2][0]
    return start


def signed(text: str) -> tuple[str | None, dt.date | None]:
    """The notice's own 落款 and 成文日期, when it ends with them: (issuer, date)."""
    start = signature(text)
    lines = text[start:].split()
    if not lines:
        return None, None
    issuer = lines[0] if len(lines) > 1 and _SIGNER.match(lines[0]) else None
    return issuer, _date(_DATE.search(lines[-1]))


def _plan_start(text: str, title: str, start: int) -> int | None:
    """Where the plan itself begins: its title on a line of its own, or its first 一、."""
    line = re.compile(rf"^[ \t\u3000]*(?:附件[：:]?\s*)?{re.escape(title)}[ \t\u3000]*$", re.M)
    found = line.search(text, start)
    if found is not None:
        return found.start()
    heading = re.search(r"(?:^|(?<=[。\n]))[ \t\u3000]*一[、，,]", text[start:], re.MULTILINE)
    return start + heading.start() if heading else None


def _signature_start(
    text: str, issuer: str, start: int, end: int, dated: re.Match[str] | None
) -> int:
    """Where the letter's signature block begins: its issuer's name on a line of its
    own before the date, else the date itself, else the letter's end."""
    if dated is None:
        return end
    signed = text.rfind(issuer, start, dated.start())
    if signed >= 0 and not text[signed + len(issuer) : dated.start()].strip():
        return signed
    return dated.start()


def _date(found: re.Match[str] | None) -> dt.date | None:
    if found is None:
        return None
    try:
        year, month, day = (integer(found.group(g)) for g in ("year", "month", "day"))
        return dt.date(year, month, day)
    except ValueError:
        return None
