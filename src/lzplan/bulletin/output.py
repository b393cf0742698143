"""Where a 通报 or 整改通知 goes: ``-o 通报.docx``, ``-o 通报.md`` (the format read from
the suffix, or named: ``docx:PATH``), else markdown on standard output."""

from __future__ import annotations

from pathlib import Path

from lzplan.bulletin.document import Draft
from lzplan.errors import UsageError
from lzplan.messages import msg
from lzplan.reporters.write import Output

SUFFIXES = {".docx": "docx", ".md": "markdown", ".markdown": "markdown"}


def parse(spec: str) -> Output:
    """``通报.docx`` or ``docx:通报-定稿`` → where and how to write it (the same value as a
    report's ``--output``); anything else is a usage error."""
    return target(spec, SUFFIXES, "usage.bulletin_output")


def target(spec: str, suffixes: dict[str, str], refused: str) -> Output:
    """An office document's ``-o``: ``PATH`` with a known suffix, or ``FORMAT:PATH``;
    anything else is a usage error (``refused`` its message key)."""
    name, sep, rest = spec.partition(":")
    if sep and name in suffixes.values() and rest:
        return Output(name, Path(rest))
    path = Path(spec)
    found = suffixes.get(path.suffix.lower())
    if found is None:
        raise UsageError(msg(refused, spec=spec, known=sorted(suffixes)))
    return Output(found, path)


def render(target_format: str, document: Draft, author: str) -> bytes:
    """The document in a format; python-docx is imported only for a .docx."""
    if target_format == "docx":
        from lzplan.bulletin import docx

        return docx.render(document, author)
    from lzplan.bulletin import markdown

    return markdown.render(document).encode("utf-8")
