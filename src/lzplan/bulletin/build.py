"""The 通报 and the 整改通知 of a check, in the words of the output language.

The 通报 names, kind by kind of unit (区县, then 市级部门), the units that finished on
time, late, not at all (each with what is missing), and those that never reported;
then the waivers granted, the progress against time while the year runs, the scores
with --scores, and what the units behind must do. A 整改通知 lists one unit's open
gaps, what each needs and its due date, and the date to remedy them by.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from lzplan import __version__, kinds
from lzplan.bulletin.document import Block, Draft, Role, block, table
from lzplan.check.result import Outcome, Result, Status, UnitResult, UnitStatus
from lzplan.messages import Lang, numeral, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import common, labels

# The standings a 通报 names, in its order; the first four always (无 when empty).
CATEGORIES = (
    (UnitStatus.COMPLIANT, "bulletin.on_time"),
    (UnitStatus.COMPLIANT_LATE, "bulletin.late"),
    (UnitStatus.BEHIND, "bulletin.behind"),
    (UnitStatus.NOT_SUBMITTED, "bulletin.not_submitted"),
    (UnitStatus.INVALID, "bulletin.invalid"),
    (UnitStatus.ON_TRACK, "bulletin.on_track"),
)
ALWAYS = 4
# What a 整改通知 asks a unit to remedy.
OPEN = (Status.MISSED, Status.INVALID, Status.NOT_SUBMITTED)


class Numbers:
    """一、二、… for headings, （一）（二）… under each, restarting per heading."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self.top = self.sub = 0

    def heading(self, text: str) -> Block:
        self.top, self.sub = self.top + 1, 0
        return block(Role.HEADING, say("bulletin.h1", self.lang, n=_numeral(self.top), text=text))

    def subheading(self, text: str) -> Block:
        self.sub += 1
        return block(Role.SUBHEADING,
                     say("bulletin.h2", self.lang, n=_numeral(self.sub), text=text))  # fmt: skip


def _numeral(n: int) -> object:
    return numeral(n)


# ---------------------------------------------------------------- the 通报


def bulletin(
    result: Result, loaded: LoadedPlan, lang: Lang, fix_by: dt.date | None = None
) -> Draft:
    plan = loaded.plan.plan
    title = say("bulletin.title", lang, plan=plan.title)
    numbers = Numbers(lang)
    blocks = [
        block(Role.TITLE, title),
        block(
            Role.TO,
            say(
                "bulletin.to", lang, to=say("bulletin.to_sep", lang).join(_addressees(loaded, lang))
            ),
        ),
        block(Role.BODY, _lead(result, loaded, lang)),
    ]
    for kind in loaded.plan.kind_ids():
        units = [u for u in result.units if _kind(u, loaded) == kind and _owes(u)]
        if units:
            blocks.append(numbers.heading(_kind_heading(loaded, kind, lang)))
            blocks += _categories(units, loaded, numbers, lang)
    blocks += _waived(result, loaded, numbers, lang)
    blocks += _progress(result, loaded, numbers, lang)
    blocks += _scores(result, loaded, numbers, lang)
    blocks += _asks(result, loaded, numbers, lang, fix_by)
    named = {u.unit for u in result.units if _owes(u)}
    blocks += _ending(result, loaded, lang, named)
    return Draft(title, result.as_of, tuple(blocks))


def _kind(unit: UnitResult, loaded: LoadedPlan) -> str:
    return loaded.index.units[unit.unit].kind


def _owes(unit: UnitResult) -> bool:
    return unit.status is not UnitStatus.NOTHING_OWED


def _kind_heading(loaded: LoadedPlan, kind: str, lang: Lang) -> str:
    """区县, 市级部门: the plan's own name for a kind it declares."""
    declared = {k.id: k.name for k in loaded.plan.unit_kinds}
    return declared.get(kind) or say(f"bulletin.kind.{kind}", lang)


def _addressees(loaded: LoadedPlan, lang: Lang) -> list[str]:
    """Each kind of unit as the notice addresses it: the name of the plan's group that
    selects that kind alone (各区县人民政府, 市政府各部门), else the kind's name."""
    found = []
    for kind in loaded.plan.kind_ids():
        group = next(
            (g for g in loaded.plan.groups if g.kind == kind and not g.tags and not g.units), None
        )
        if group is not None:
            found.append(group.names[0])
        elif any(u.kind == kind for u in loaded.plan.units):
            found.append(_kind_heading(loaded, kind, lang))
    return found


def _join(names: list[str], lang: Lang) -> str:
    return say("bulletin.sep", lang).join(names)


def _lead(result: Result, loaded: LoadedPlan, lang: Lang) -> str:
    owing = [u for u in result.units if _owes(u)]
    filed = sum(u.status is not UnitStatus.NOT_SUBMITTED for u in owing)
    statuses = Counter(o.status for o in result.outcomes())
    parts = say("report.sep", lang).join(
        say("report.part_item", lang, count=statuses[s], word=labels.word(s, lang))
        for s in Status
        if statuses[s] and s is not Status.NOT_APPLICABLE
    )
    owner = loaded.index.units[loaded.plan.plan.owner].name
    return say("bulletin.lead", lang, plan=loaded.plan.plan.title, owner=owner,
               to=say("bulletin.sep_and", lang).join(_addressees(loaded, lang)),
               as_of=labels.date(result.as_of, lang), count=len(owing), filed=filed,
               total=sum(statuses.values()) - statuses[Status.NOT_APPLICABLE],
               parts=parts)  # fmt: skip


def _categories(
    units: list[UnitResult], loaded: LoadedPlan, numbers: Numbers, lang: Lang
) -> Iterator[Block]:
    for i, (standing, key) in enumerate(CATEGORIES):
        members = [u for u in units if u.status is standing]
        if not members and i >= ALWAYS:
            continue
        yield numbers.subheading(say(key, lang, count=len(members)))
        if not members:
            yield block(Role.BODY, say("bulletin.none", lang))
        elif standing is UnitStatus.COMPLIANT_LATE:
            yield from (_unit_gaps(u, (Status.MET_LATE,), loaded, lang) for u in members)
        elif standing is UnitStatus.BEHIND:
            yield from (_unit_gaps(u, (Status.MISSED,), loaded, lang) for u in members)
        elif standing is UnitStatus.INVALID:
            yield from (_invalid(u, loaded, lang) for u in members)
        else:
            names = [_name(u.unit, loaded, lang) for u in members]
            yield block(Role.BODY, say("bulletin.names", lang, names=_join(names, lang)))


def _name(unit: str, loaded: LoadedPlan, lang: Lang) -> str:
    return labels.unit_name(loaded.index.units[unit], lang)


def _unit_gaps(
    unit: UnitResult, statuses: tuple[Status, ...], loaded: LoadedPlan, lang: Lang
) -> Block:
    """古蔺县人民政府：社会稳定风险评估（2件（要求不少于3件），还差1件，期限…）；…。"""
    items = [_item(o, loaded, lang) for o in unit.outcomes if o.status in statuses]
    return block(Role.BODY, say("bulletin.unit_items", lang, name=_name(unit.unit, loaded, lang),
                                items=say("bulletin.item_sep", lang).join(items)))  # fmt: skip


def _nest(text: str) -> str:
    """Quotes inside quotes: the templates put a title in “”, so its own “” become ‘’."""
    return text.replace("“", "‘").replace("”", "’")


def _item(outcome: Outcome, loaded: LoadedPlan, lang: Lang) -> str:
    req = loaded.index.requirements[outcome.requirement][1]
    return say("bulletin.item", lang, title=_nest(req.title), detail=outcome.detail.render(lang),
               due=labels.date(outcome.due, lang))  # fmt: skip


def _invalid(unit: UnitResult, loaded: LoadedPlan, lang: Lang) -> Block:
    name = _name(unit.unit, loaded, lang)
    return block(Role.BODY, say("bulletin.invalid_unit", lang, name=name, file=unit.file or ""))


def _waived(result: Result, loaded: LoadedPlan, numbers: Numbers, lang: Lang) -> list[Block]:
    waived = [o for o in result.outcomes() if o.status is Status.WAIVED and o.waiver]
    if not waived:
        return []
    blocks = [numbers.heading(say("bulletin.waivers", lang))]
    for o in waived:
        req = loaded.index.requirements[o.requirement][1]
        assert o.waiver is not None
        blocks.append(block(Role.BODY, say("bulletin.waived_item", lang,
                                           name=_name(o.unit, loaded, lang), title=_nest(req.title),
                                           waiver=o.waiver.render(lang))))  # fmt: skip
    return blocks


def _progress(result: Result, loaded: LoadedPlan, numbers: Numbers, lang: Lang) -> list[Block]:
    """While the year runs: time gone against work done (时间过半、任务过半)."""
    rows = common.progress(result, loaded)
    if not rows:
        return []
    behind = [
        say("bulletin.share", lang, name=_name(r.unit, loaded, lang), share=common.percent(r.share))
        for r in rows
        if not r.on_pace
    ]
    line = (
        say("bulletin.behind_pace", lang, names=_join(behind, lang))
        if behind
        else say("bulletin.all_on_pace", lang)
    )
    return [
        numbers.heading(say("report.progress", lang)),
        block(Role.BODY, common.progress_line(result, loaded, lang)),
        block(Role.BODY, line),
    ]


def _scores(result: Result, loaded: LoadedPlan, numbers: Numbers, lang: Lang) -> list[Block]:
    rows = common.score_rows(result, loaded, lang)
    if not rows:
        return []
    blocks = [numbers.heading(say("report.scores", lang)),
              block(Role.BODY, common.scores_line(result, lang))]  # fmt: skip
    header = tuple(say(k, lang) for k in ("report.rank", "report.name", "report.points",
                                          "report.percent"))  # fmt: skip
    for ranking in dict.fromkeys(row.ranking for row in rows):
        blocks.append(numbers.subheading(ranking))
        mine: list[tuple[str, ...]] = [
            (str(r.rank), r.name, r.points, r.percent) for r in rows if r.ranking == ranking
        ]
        blocks.append(table(header, mine))
    return blocks


def _asks(
    result: Result, loaded: LoadedPlan, numbers: Numbers, lang: Lang, fix_by: dt.date | None
) -> list[Block]:
    """What the units behind are asked to do, and by when."""
    owner = loaded.index.units[loaded.plan.plan.owner].name
    standings = {u.status for u in result.units}
    who = [say(f"bulletin.who.{s.name.lower()}", lang) for s in _TO_REMEDY if s in standings]
    asks = []
    if who:
        key = "bulletin.ask" if fix_by is None else "bulletin.ask_by"
        date = labels.date(fix_by, lang) if fix_by else ""
        asks.append(say(key, lang, who=_either(who, lang), owner=owner, date=date))
    if any(not r.on_pace for r in common.progress(result, loaded)):
        asks.append(say("bulletin.ask_pace", lang))
    if not asks:
        asks.append(say("bulletin.ask_keep_on", lang))
    return [numbers.heading(say("bulletin.asks", lang)), *(block(Role.BODY, a) for a in asks)]


_TO_REMEDY = (UnitStatus.BEHIND, UnitStatus.NOT_SUBMITTED, UnitStatus.INVALID)


def _either(parts: list[str], lang: Lang) -> str:
    """a; a 和 b; a、b 和 c (a, b or c)."""
    if len(parts) == 1:
        return parts[0]
    return say("bulletin.sep", lang).join(parts[:-1]) + say("bulletin.or", lang) + parts[-1]


def _ending(
    result: Result, loaded: LoadedPlan, lang: Lang, named: set[str], what: str = "bulletin"
) -> list[Block]:
    """署名, 成文日期 (the as-of day, so the same inputs give the same document), 附注:
    what the document was made from, and the mark of the units ``named`` that the
    notice does not name."""
    owner = loaded.index.units[loaded.plan.plan.owner].name
    note = say("bulletin.made_from", lang, what=say(f"bulletin.this.{what}", lang),
               file=loaded.display, sha=loaded.sha256[:12],
               as_of=labels.date(result.as_of, lang), version=__version__)  # fmt: skip
    if any(not loaded.index.units[u].named_in_notice for u in named):
        ref = loaded.plan.plan.breakdown
        mark = say("mark.assumed", lang)
        note += (say("bulletin.assumed", lang, mark=mark) if ref is None
                 else say("bulletin.breakdown", lang, mark=mark, number=ref.number))  # fmt: skip
    return [
        block(Role.SIGNATURE, owner),
        block(Role.DATE, labels.date(result.as_of, lang)),
        block(Role.NOTE, say("bulletin.note", lang, text=note)),
    ]


# ---------------------------------------------------------------- the 整改通知


def gaps(result: Result, unit: str) -> list[Outcome]:
    """A unit's open gaps: missed, invalid, or not reported when due."""
    (found,) = [u for u in result.units if u.unit == unit]
    return [
        o
        for o in found.outcomes
        if o.status in OPEN and (o.status is not Status.NOT_SUBMITTED or o.due <= result.as_of)
    ]


def due_soon(result: Result, unit: str, fix_by: dt.date) -> list[Outcome]:
    """What falls due after the as-of day and by the remedy date, not yet done."""
    (found,) = [u for u in result.units if u.unit == unit]
    return [
        o
        for o in found.outcomes
        if o.status in (Status.PENDING, Status.NOT_SUBMITTED) and result.as_of < o.due <= fix_by
    ]


# (reported nothing, has open gaps) -> the lead: never "the following 0 items".
_FIX_LEADS = {
    (False, True): "bulletin.fix_lead",
    (False, False): "bulletin.fix_lead_ahead",
    (True, True): "bulletin.fix_lead_none",
    (True, False): "bulletin.fix_lead_silent",
}


def rectification(
    result: Result, loaded: LoadedPlan, unit: str, fix_by: dt.date, lang: Lang
) -> Draft:
    plan = loaded.plan.plan
    name = loaded.index.units[unit].name
    open_gaps, soon = gaps(result, unit), due_soon(result, unit, fix_by)
    title = say("bulletin.fix_title", lang, unit=name, plan=plan.title)
    unit_result = next(u for u in result.units if u.unit == unit)
    silent = unit_result.status is UnitStatus.NOT_SUBMITTED
    lead_key = _FIX_LEADS[silent, bool(open_gaps)]
    numbers = Numbers(lang)
    as_of = labels.date(result.as_of, lang)
    blocks = [
        block(Role.TITLE, title),
        block(Role.TO, say("bulletin.to", lang, to=name)),
        block(Role.BODY, say(lead_key, lang, plan=plan.title, count=len(open_gaps), as_of=as_of)),
    ]
    for outcome in open_gaps:
        blocks += _gap(outcome, loaded, numbers, lang)
    if soon:
        soon_key = "bulletin.fix_soon" if open_gaps else "bulletin.fix_soon_only"
        blocks.append(numbers.heading(say(soon_key, lang,
                                          date=labels.date(fix_by, lang))))  # fmt: skip
        blocks += [block(Role.BODY, _item(o, loaded, lang)) for o in soon]
    owner = loaded.index.units[plan.owner].name
    blocks.append(block(Role.BODY, say("bulletin.fix_ask", lang, owner=owner,
                                       date=labels.date(fix_by, lang))))  # fmt: skip
    ending = _ending(result, loaded, lang, {unit}, "rectification")
    return Draft(title, result.as_of, (*blocks, *ending))


def _gap(outcome: Outcome, loaded: LoadedPlan, numbers: Numbers, lang: Lang) -> list[Block]:
    req = loaded.index.requirements[outcome.requirement][1]
    needs = kinds.of(req).needs(req, outcome.required).render(lang)
    detail, due = outcome.detail.render(lang), labels.date(outcome.due, lang)
    return [
        numbers.heading(req.title),
        block(Role.BODY, say("bulletin.fix_state", lang, detail=detail, due=due, needs=needs)),
        block(Role.BODY, say("bulletin.fix_source", lang, source=_nest(req.source))),
    ]
