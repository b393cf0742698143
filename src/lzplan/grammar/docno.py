"""文号 (document numbers) as one identity, however they are spelled.

古府发〔2011〕34号, 古府发〔２０１１〕３４号 (full-width digits), 古府发[2011]34号,
古府发(2011)34号, 古府发【2011】34号, with a zero-width space or a blank inside, in NFD or
with a compatibility ideograph: one document. The canonical form is what compares; the
spelling a file used is what messages show.
"""

from __future__ import annotations

import unicodedata

_OPEN = "〔[【(（［﹝〖〘｟"
_CLOSE = "〕]】)）］﹞〗〙｠"
_BRACKETS = str.maketrans(_OPEN + _CLOSE, "〔" * len(_OPEN) + "〕" * len(_CLOSE))


def canonical(doc_no: str) -> str:
    """The form two spellings of one 文号 share."""
    text = unicodedata.normalize("NFKC", doc_no)
    # isprintable() is False for every Cf, Cc, Zl, Zp and Zs but the plain space: when
    # it holds and there is no space, nothing is to drop (the common case, at C speed)
    if not text.isprintable() or " " in text:
        text = "".join(ch for ch in text if unicodedata.category(ch) not in _DROPPED)
    return text.translate(_BRACKETS)


_DROPPED = ("Cf", "Cc", "Zs", "Zl", "Zp")
