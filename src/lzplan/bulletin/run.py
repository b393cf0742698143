"""The I/O around the year's documents: check, then draft the 通报 or one unit's 整改通知
from the result, in the issuer's form (``settings``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from lzplan.bulletin import build
from lzplan.bulletin.document import Draft
from lzplan.bulletin.settings import load as load_settings
from lzplan.check import run
from lzplan.errors import UsageError
from lzplan.messages import Lang, Message, msg


@dataclass(frozen=True)
class DocumentRequest:
    inputs: tuple[Path, ...]
    plan: Path
    as_of: dt.date
    waivers: Path | None
    scores: Path | None
    unit: str | None  # a 整改通知 for this unit; None: the 通报
    fix_by: dt.date | None  # the 整改 deadline (a 整改通知's default: 30 days on)
    date: dt.date | None  # 成文日期 and 印发日期; None: left blank
    lang: Lang


@dataclass(frozen=True)
class Drafted:
    checked: run.Checked
    document: Draft | None  # None: a unit with nothing to remedy gets no notice
    said: Message | None = None  # why there is none


def draft(request: DocumentRequest) -> Drafted:
    if request.fix_by is not None and request.fix_by < request.as_of:
        raise UsageError(msg("usage.fix_by_before", fix_by=request.fix_by, as_of=request.as_of))
    checked = run.check(run.Request(request.inputs, request.plan, request.as_of, request.waivers,
                                    scores=request.scores, fix_by=request.fix_by,
                                    fix_by_in_period=True))  # fmt: skip
    result, loaded, lang = checked.result, checked.plan, request.lang
    issue = build.Issue(load_settings(loaded, build.addressees(loaded, lang)), request.date)
    unit = request.unit
    if unit is None:
        return Drafted(checked, build.bulletin(result, loaded, lang, request.fix_by, issue))
    if unit not in loaded.index.units:
        raise UsageError(msg("usage.unknown_unit", unit=unit, known=sorted(loaded.index.units)))
    fix_by = request.fix_by or request.as_of + dt.timedelta(days=30)
    if not build.gaps(result, unit) and not build.due_soon(result, unit, fix_by):
        name = loaded.index.units[unit].name
        said = msg("bulletin.nothing_to_fix", unit=name, as_of=request.as_of, fix_by=fix_by)
        return Drafted(checked, None, said)
    return Drafted(checked, build.rectification(result, loaded, unit, fix_by, lang, issue))
