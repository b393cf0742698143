"""文号 (document numbers) as one identity, however they are spelled.

古府发〔2011〕34号, 古府发〔２０１１〕３４号 (full-width digits), 古府发[2011]34号,
古府发(2011)34号, 古府发【2011】34号, 古府发〈2011〉34号, 古府发〔二〇一一〕34号 (the year in
Chinese numerals), 古府发〔2011〕034号 (a leading zero), 古府发〔2011〕第34号, 古府发〔2011〕34號,
古府发2011-34号; with a zero-width space, a blank, a Hangul filler, a Braille blank, a
variation selector or a combining mark inside, in NFD or with a compatibility ideograph:
one document. A 文号 the grammar reads (issuer, year, number) compares as that triple;
one it cannot read compares as its text with the invisible characters taken out. The
canonical form is what compares; the spelling a file used is what messages show.

An item with no 文号 is one document with another of the same title and date (``title``).
"""

from __future__ import annotations

import re
import unicodedata

from lzplan.grammar.numbers import value

_OPEN = "〔[【(（［﹝〖〘｟〈<＜《«⟨"
_CLOSE = "〕]】)）］﹞〗〙｠〉>＞》»⟩"
_BRACKETS = str.maketrans(_OPEN + _CLOSE + "號", "〔" * len(_OPEN) + "〕" * len(_CLOSE) + "号")
# Characters that show nothing: format and control characters, blanks, combining marks
# and variation selectors (categories), and letters that render blank.
_DROPPED = ("Cf", "Cc", "Zs", "Zl", "Zp", "Mn", "Me")
_BLANK_LETTERS = frozenset("\u3164\u115f\u1160\uffa0\u2800")
# What isprintable() lets through but shows nothing: combining marks, variation
# selectors and the blank letters (the fast path looks for these alone).
_RARE = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u302a-\u302f"
    "\u3099\u309a\ufe00-\ufe0f\ufe20-\ufe2f\U000e0100-\U000e01ef"
    "\u3164\u115f\u1160\uffa0\u2800]"
)
_YEAR = r"[0-9]{4}|[〇○零一二三四五六七八九]{4}"
_READ = re.compile(rf"^(?P<issuer>.+?)〔(?P<year>{_YEAR})〕第?(?P<n>[0-9]+)号$")
_DASHED = re.compile(rf"^(?P<issuer>.+?)(?P<year>{_YEAR})[-‐‑–—―－](?P<n>[0-9]+)号$")


def canonical(doc_no: str) -> str:
    """The form two spellings of one 文号 share: 古府函〔2011〕61号."""
    text = visible(doc_no).translate(_BRACKETS)
    match = _READ.match(text) or _DASHED.match(text)
    if match is None:
        return text
    year = int(value(match.group("year")))
    return f"{match.group('issuer')}〔{year}〕{int(match.group('n'))}号"


def title(text: str) -> str:
    """A title as it compares: NFKC, with everything invisible taken out."""
    return visible(text)


def visible(text: str) -> str:
    """``text`` in NFKC with the characters that show nothing taken out."""
    text = unicodedata.normalize("NFKC", text)
    # isprintable() is False for every Cf, Cc, Zl, Zp and Zs but the plain space; the
    # rest are rare: when none is there, nothing is to drop (the common case, at C speed)
    if text.isprintable() and " " not in text and not _RARE.search(text):
        return text
    return "".join(
        ch for ch in text if unicodedata.category(ch) not in _DROPPED and ch not in _BLANK_LETTERS
    )
