"""What the office formats (.xlsx, .docx) share: text an XML part can hold, and a zip
that is the same bytes for the same content.

Both formats are zip archives, and both libraries stamp each member with the time of
writing; a report must not change when nothing it says changed, so every member is
re-stamped with one fixed time (zip's epoch, 1980-01-01) in the order it was written.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Mapping

# Control characters no XML 1.0 document may hold (a tab, a new line and a carriage
# return it may). A title that carries one is already an input problem; its text is
# still shown, without the character.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_EPOCH = (1980, 1, 1, 0, 0, 0)


def clean(text: str) -> str:
    """Text any XML part can hold."""
    return _NOT_XML.sub("", text)


def fixed_zip(data: bytes, edits: Mapping[str, Callable[[bytes], bytes]] | None = None) -> bytes:
    """The archive again, each member stamped 1980-01-01 and deflated alike; ``edits``
    rewrites the members it names."""
    edits = edits or {}
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            content = source.read(member)
            if member.filename in edits:
                content = edits[member.filename](content)
            target.writestr(info, content)
    return out.getvalue()
