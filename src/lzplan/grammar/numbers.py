"""Numbers as notices write them: 15, 十五, 二十, 九十五, 一百, 二〇一三, 百分之五十."""

from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
          "六": 6, "七": 7, "八": 8, "九": 9}  # fmt: skip
UNITS = {"十": 10, "百": 100, "千": 1000}
# A number in digits (full- or half-width, with a decimal part) or in Chinese numerals.
NUMBER = r"(?:[0-9０-９]+(?:[.．][0-9０-９]+)?|[零〇○一二两三四五六七八九十百千]+)"
YEAR = r"(?:[12][0-9]{3}|[一二][〇○零一二三四五六七八九]{3})"
_WIDE = str.maketrans("０１２３４５６７８９．", "0123456789.")


def value(text: str) -> float:
    """'15', '１５', '1.5', '十五', '二十', '九十五', '一百', '百', '三' → the number."""
    text = text.translate(_WIDE)
    if re.fullmatch(r"[0-9]+(\.[0-9]+)?", text):
        return float(text) if "." in text else int(text)
    if all(char in DIGITS for char in text) and len(text) > 1:  # 二〇一三: digit by digit
        return int("".join(str(DIGITS[char]) for char in text))
    total, current = 0, 0
    for char in text:
        if char in UNITS:
            total += (current or 1) * UNITS[char]
            current = 0
        else:
            current = DIGITS[char]
    return total + current


def integer(text: str) -> int:
    return int(value(text))


def percent(text: str) -> float | None:
    """'20%', '20％', '百分之五十', '百分之百' → the percentage; None when not one."""
    text = text.strip()
    if text in ("百分之百", "百分之一百"):
        return 100
    match = re.fullmatch(rf"百分之({NUMBER})", text) or re.fullmatch(rf"({NUMBER})\s*[%％]", text)
    return value(match.group(1)) if match else None
