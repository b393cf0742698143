"""`lzplan init`: a submission template listing exactly what one unit owes."""

from __future__ import annotations

import datetime as dt
from functools import partial

from lzplan import kinds
from lzplan.messages import Lang, say
from lzplan.plan.index import Owed
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import labels


def render(
    loaded: LoadedPlan, unit_id: str, reported: dt.date, schema: str, lang: Lang = "en"
) -> str:
    """A valid submission with nothing reported yet, and comments saying what is owed."""
    unit = loaded.index.units[unit_id]
    info = loaded.plan.plan
    lines = [
        f"# yaml-language-server: $schema={schema}",
        f"# {unit.name} ({unit.id}): {info.title}",
        say("template.fill", lang),
        say("template.dates", lang),
        f"unit: {unit.id}",
        f"plan: {info.id}",
        f"reported: {reported.isoformat()}",
        "requirements:",
    ]
    for owed in loaded.index.owed_by(unit_id):
        lines += ["", *_entry(owed, lang, loaded.index.members)]
    return "\n".join(lines) + "\n"


def _entry(owed: Owed, lang: Lang, members: dict[str, tuple[str, ...]]) -> list[str]:
    req = owed.requirement
    due = f"{req.due.date}" + (f" ({req.due.wording})" if req.due.wording else "")
    needs, body = kinds.of(req).template(req, owed.threshold, partial(_say, lang))
    kind, due_word = labels.kind(req.kind, lang), say("template.due", lang)
    head = [
        f"  # {req.id} {req.title} [{owed.task.section}]",
        f"  # {kind}{labels.colon(lang)}{needs}{say('template.sep', lang)}{due_word} {due}",
        f"  # {say('template.notice', lang)}{labels.colon(lang)}{req.source}",
    ]
    if req.condition and _may_file_nil(owed, members):
        head.append(f"  # {say('template.nil_return', lang, condition=req.condition)}")
    return head + body


def _may_file_nil(owed: Owed, members: dict[str, tuple[str, ...]]) -> bool:
    """The condition applies to this unit: ``condition_for`` names it (or is empty), so
    a nil return is open to it; the others owe the duty whatever happens."""
    keys = owed.requirement.condition_for
    unit = owed.unit.id
    return not keys or any(unit == key or unit in members.get(key, ()) for key in keys)


def _say(lang: Lang, key: str, /, **params: object) -> str:
    return say(key, lang, **params)
