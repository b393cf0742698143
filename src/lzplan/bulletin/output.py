"""Where a 通报 or 整改通知 goes: ``-o 通报.docx``, ``-o 通报.md`` (the format read from
the suffix, or named: ``docx:PATH``), else markdown on standard output."""

from __future__ import annotations

from pathlib import Path

from lzplan.bulletin.document import Draft
from lzplan.errors import UsageError
from lzplan.messages import msg
from lzplan.reporters.write import Output

SUFFIXES = {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}
FORMATS = ("docx", "markdown")


def parse(spec: str) -> Output:
    """``通报.docx`` or ``docx:通报-定稿`` → where and how to write it (the same value as a
    report's ``--output``); anything else is a usage error."""
    name, sep, rest = spec.partition(":")
    if sep and name in FORMATS and rest:
        return Output(name, Path(rest))
    path = Path(spec)
    found = SUFFIXES.get(path.suffix.lower())
    if found is None:
        raise UsageError(msg("usage.bulletin_output", spec=spec, known=sorted(SUFFIXES)))
    return Output(found, path)


def render(target_format: str, document: Draft, author: str) -> bytes:
    """The document in a format; python-docx is imported only for a .docx."""
    if target_format == "docx":
        from lzplan.bulletin import docx

        return docx.render(document, author)
    from lzplan.bulletin import markdown

    return markdown.render(document).encode("utf-8")
