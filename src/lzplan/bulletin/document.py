"""A document as the official layout sees it: a title, an addressee, numbered headings,
paragraphs, tables, a signature and a date, and a closing note (附注)."""

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


@dataclass(frozen=True)
class Block:
    role: Role
    text: str = ""
    rows: tuple[tuple[str, ...], ...] = ()


@dataclass(frozen=True)
class Draft:
    title: str
    date: dt.date  # 成文日期: the as-of day, so the same inputs give the same document
    blocks: tuple[Block, ...]


def block(role: Role, text: str) -> Block:
    return Block(role, text)


def table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> Block:
    return Block(Role.TABLE, rows=(header, *rows))
