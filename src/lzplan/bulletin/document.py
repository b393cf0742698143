"""A document as the official layout sees it (GB/T 9704-2012): a title, an addressee,
numbered headings, paragraphs, the list of attachments, a signature and a date, the
attachments themselves (each on a page of its own, its tables), and the 版记: who gets
a copy, who prints it and when."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class Role(StrEnum):
    TITLE = "title"  # 标题: centred, 小标宋 二号
    TO = "to"  # 主送机关: flush left, ends with a colon
    BODY = "body"  # 正文: indented two characters
    HEADING = "heading"  # 一、: 黑体
    SUBHEADING = "subheading"  # （一）: 楷体
    TABLE = "table"  # rows, the first of them the header
    SIGNATURE = "signature"  # 发文机关署名
    DATE = "date"  # 成文日期
    NOTE = "note"  # 附注: in brackets, below the date
    ATTACHMENTS = "attachments"  # 附件说明: 附件：1.… under the body, 2.… aligned below
    ANNEX = "annex"  # 附件N: on a new page, flush left, 黑体
    ANNEX_TITLE = "annex_title"  # the attachment's title, centred
    COPY_TO = "copy_to"  # 版记: 抄送
    PRINTED = "printed"  # 版记: 印发机关 and 印发日期


@dataclass(frozen=True)
class Block:
    role: Role
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Draft:
    title: str
    date: dt.date  # the file's own time: the 成文日期 given, else the as-of day
    blocks: tuple[Block, ...]
    author: str = ""  # the issuer, in the file's properties
    # what it was made from (plan, its sha256, lzplan, as-of): in the file's properties,
    # never in the 公文 itself
    provenance: str = ""


def block(role: Role, text: str) -> Block:
    return Block(role, text)


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Block:
    return Block(Role.TABLE, rows=(header, *rows))
