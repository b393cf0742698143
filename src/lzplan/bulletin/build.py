"""The 通报 and the 整改通知 of a check, in the words of the output language.

The 通报 names, kind by kind of unit (区县, then 市级部门), the units that finished on
time, late, not at all (each with what is missing), and those that never reported;
then the waivers granted, the progress against time while the year runs, the scores
with --scores, and what the units behind must do. A 整改通知 lists one unit's open
gaps, what each needs and its due date, and the date to remedy them by.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lzplan import __version__
from lzplan.bulletin.document import Block, Draft, Role, block, table
from lzplan.bulletin.settings import Settings
from lzplan.check.result import Outcome, Result, Status, UnitResult, UnitStatus
from lzplan.messages import Lang, Message, numeral, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import common, labels
from lzplan.scores.model import SpotCheck

# The standings 三、存在的问题 names, in its order (those finished on time, or under way
# with nothing overdue, are no problem: 四、表扬与批评 and 附件1 name them).
CATEGORIES = (
    (UnitStatus.COMPLIANT_LATE, "bulletin.late"),
    (UnitStatus.BEHIND, "bulletin.behind"),
    (UnitStatus.NOT_SUBMITTED, "bulletin.not_submitted"),
    (UnitStatus.INVALID, "bulletin.invalid"),
)
# A unit a 抽查 found reporting untruly: a standing of its own in the documents.
REFUTED = "refuted"
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


@dataclass(frozen=True)
class Issue:
    """How the document goes out: its settings (issuer, 主送, 抄送, 印发机关) and its date
    (成文日期 and 印发日期; None: left blank for the drafter to fill in)."""

    settings: Settings
    date: dt.date | None = None


def bulletin(
    result: Result, loaded: LoadedPlan, lang: Lang, fix_by: dt.date | None, issue: Issue
) -> Draft:
    """The 通报 as a draft for its issuer (代拟稿): 一、基本情况, 二、主要成效 (left for
    the drafter), 三、存在的问题, 四、表扬与批评, 五、下一步工作要求, the attachments
    listed and attached, 落款, 成文日期 and 版记."""
    plan = loaded.plan.plan
    title = say("bulletin.title", lang, issuer=issue.settings.issuer, plan=plan.title)
    numbers = Numbers(lang)
    annexes = _annexes(result, loaded, lang)
    blocks = [
        block(Role.TITLE, title),
        block(
            Role.TO,
            say("bulletin.to", lang, to=say("bulletin.to_sep", lang).join(issue.settings.to)),
        ),
        block(Role.BODY, _lead(result, loaded, lang, issue)),
        numbers.heading(say("bulletin.basic", lang)),
        *_basic(result, loaded, lang),
        *_waived(result, loaded, lang),
        *_progress(result, loaded, lang),
        numbers.heading(say("bulletin.results", lang)),
        block(Role.BODY, say("bulletin.results_placeholder", lang, plan=plan.title)),
        numbers.heading(say("bulletin.problems", lang)),
        *_problems(result, loaded, numbers, lang),
        numbers.heading(say("bulletin.praise_blame", lang)),
        *_praise_blame(result, loaded, lang, issue.settings.issuer_unit),
        *_asks(result, loaded, numbers, lang, fix_by),
        *_attachment_list(annexes, lang),
        *_ending(lang, issue),
        *(part for annex in annexes for part in annex),
        *_edition(lang, issue),
    ]
    return Draft(title, issue.date or result.as_of, tuple(blocks), issue.settings.issuer,
                 _provenance(result, loaded, lang, "bulletin"))  # fmt: skip


def _kind(unit: UnitResult, loaded: LoadedPlan) -> str:
    return loaded.index.units[unit.unit].kind


def _owes(unit: UnitResult) -> bool:
    return unit.status is not UnitStatus.NOTHING_OWED


def _kind_heading(loaded: LoadedPlan, kind: str, lang: Lang) -> str:
    """区县, 市级部门: the plan's own name for a kind it declares."""
    declared = {k.id: k.name for k in loaded.plan.unit_kinds}
    return declared.get(kind) or say(f"bulletin.kind.{kind}", lang)


def addressees(loaded: LoadedPlan, lang: Lang) -> list[str]:
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


def _lead(result: Result, loaded: LoadedPlan, lang: Lang, issue: Issue) -> str:
    owner = loaded.index.units[loaded.plan.plan.owner].name
    return say("bulletin.lead", lang, plan=loaded.plan.plan.title, owner=owner,
               to=say("bulletin.sep_and", lang).join(issue.settings.to),
               as_of=labels.date(result.as_of, lang))  # fmt: skip


# The standings 一、基本情况 counts units by, in its order.
# Of the units that reported, in this order (those that never did are said apart).
_COUNTED = ("compliant", "compliant_late", "on_track", "behind", REFUTED, "invalid")
# The verdicts a 抽查 that refutes a report overrides (what is worse stays as it is).
_SOUND = (UnitStatus.COMPLIANT, UnitStatus.COMPLIANT_LATE, UnitStatus.ON_TRACK)
# What a requirement done looks like: met, late or not, waived, or nothing to do (nil).
_DONE = (Status.MET, Status.MET_LATE, Status.WAIVED, Status.NIL)


def standings(result: Result) -> dict[str, str]:
    """Each unit's standing as the documents state it: its verdict's, except that a unit
    a 抽查 found reporting untruly is not counted as finished (or under way)."""
    refuted = {checked.unit for checked in _refuted(result)}
    return {
        u.unit: REFUTED if u.status in _SOUND and u.unit in refuted else u.status.name.lower()
        for u in result.units
    }


def _basic(result: Result, loaded: LoadedPlan, lang: Lang) -> list[Block]:
    """Units and tasks counted as officials count them: so many units, so many reported
    and not; of those that reported, so many finished; so many of the plan's tasks done
    by every unit owing them."""
    owing = [u for u in result.units if _owes(u)]
    standing = standings(result)
    counts = Counter(standing[u.unit] for u in owing)
    silent = counts["not_submitted"]
    parts = say("bulletin.part_sep", lang).join(
        say(f"bulletin.part.{key}", lang, count=counts[key]) for key in _COUNTED if counts[key]
    )
    key = "bulletin.basic_units" if silent else "bulletin.basic_units_all"
    units = say(key, lang, count=len(owing), filed=len(owing) - silent, silent=silent,
                parts=parts)  # fmt: skip
    tasks = loaded.plan.tasks
    owed = [o for o in result.outcomes() if o.status is not Status.NOT_APPLICABLE]
    done = [t for t in tasks if all(o.status in _DONE for o in owed if o.task == t.id)]
    line = say("bulletin.basic_tasks", lang, plan=loaded.plan.plan.title, tasks=len(tasks),
               done=len(done))  # fmt: skip
    return [block(Role.BODY, units), block(Role.BODY, line)]


def _problems(result: Result, loaded: LoadedPlan, numbers: Numbers, lang: Lang) -> Iterator[Block]:
    """Kind by kind of unit, the units late, behind, silent or in error, each with what
    it lacks; "none" when every unit finished on time."""
    found = False
    for kind in loaded.plan.kind_ids():
        units = [u for u in result.units if _kind(u, loaded) == kind and _owes(u)]
        lines = list(_categories(units, loaded, lang))
        if lines:
            found = True
            yield numbers.subheading(_kind_heading(loaded, kind, lang))
            yield from lines
    refuted = _refuted(result)
    if refuted:
        found = True
        yield numbers.subheading(say("bulletin.spot_checks", lang))
        for checked in refuted:
            req = loaded.index.requirements[checked.requirement][1]
            yield block(Role.BODY, say("bulletin.refuted", lang, name=_name(checked.unit, loaded),
                                       title=_nest(req.title), note=checked.note))  # fmt: skip
    if not found:
        yield block(Role.BODY, say("bulletin.no_problems", lang))


def _categories(units: list[UnitResult], loaded: LoadedPlan, lang: Lang) -> Iterator[Block]:
    """1.逾期完成任务的单位（2个） and each of them with what it lacks; the units that
    never reported, named in one line."""
    n = 0
    for standing, key in CATEGORIES:
        members = [u for u in units if u.status is standing]
        if not members:
            continue
        n += 1
        label = say("bulletin.h3", lang, n=n, text=say(key, lang, count=len(members)))
        if standing is UnitStatus.NOT_SUBMITTED:
            names = _join([_name(u.unit, loaded) for u in members], lang)
            yield block(Role.BODY, say("bulletin.named", lang, label=label, names=names))
            continue
        yield block(Role.BODY, label)
        for unit in members:
            yield block(Role.BODY, _unit_text(unit, standing, loaded, lang))


def _refuted(result: Result) -> list[SpotCheck]:
    """The 抽查 (of a --scores file) that did not confirm what a unit reported."""
    checks = result.scored.spot_checks if result.scored is not None else ()
    return [checked for checked in checks if checked.found == "not_confirmed"]


def _unit_text(unit: UnitResult, standing: UnitStatus, loaded: LoadedPlan, lang: Lang) -> str:
    if standing is UnitStatus.INVALID:
        return say("bulletin.invalid_unit", lang, name=_name(unit.unit, loaded),
                   file=unit.file or "")  # fmt: skip
    statuses = (Status.MET_LATE,) if standing is UnitStatus.COMPLIANT_LATE else (Status.MISSED,)
    items = [_item(o, loaded, lang) for o in unit.outcomes if o.status in statuses]
    return say("bulletin.unit_items", lang, name=_name(unit.unit, loaded),
               items=say("bulletin.item_sep", lang).join(items))  # fmt: skip


def _name(unit: str, loaded: LoadedPlan) -> str:
    """A unit as a 公文 names it: its full name, no mark of how it came to owe."""
    return loaded.index.units[unit].name


def _nest(text: str) -> str:
    """Quotes inside quotes: the templates put a title in “”, so its own “” become ‘’."""
    return text.replace("“", "‘").replace("”", "’")


def _item(outcome: Outcome, loaded: LoadedPlan, lang: Lang) -> str:
    """“title” what was done, its due date; and, missed for the year but done after it
    by the 整改 deadline, the day it was remedied (the year's verdict stands)."""
    req = loaded.index.requirements[outcome.requirement][1]
    text = say("bulletin.item", lang, title=_nest(req.title), detail=_detail(outcome, lang),
               due=labels.date(outcome.due, lang))  # fmt: skip
    if outcome.remedied is not None:
        text += say("bulletin.remedied", lang, date=labels.date(outcome.remedied, lang))
    return text


def _detail(outcome: Outcome, lang: Lang) -> str:
    """Where a duty stands, as a 公文 says it: an activity without its record is one
    未报送开展情况, not lzplan's count of a clerk's evidence items."""
    detail = outcome.detail
    if detail.key == "detail.after_as_of":  # said as it stood on the cutoff day
        inner = dict(detail.params)["detail"]
        assert isinstance(inner, Message)
        outcome = outcome._replace(detail=inner)
    if outcome.detail.key == "kind.milestone.completed_later":
        return say("bulletin.not_done", lang)  # what came after the cutoff is not yet known
    if outcome.detail.key != "kind.activity.detail_short":
        return outcome.detail.render(lang)
    given = dict(outcome.detail.params)
    if not given["actual"]:
        missed = outcome.status is Status.MISSED  # only then is it judged not done
        return say("bulletin.activity_none" if missed else "bulletin.activity_none_yet", lang)
    return say("bulletin.activity_short", lang, actual=given["actual"], need=given["need"])


def _apart(loaded: LoadedPlan, issuer_unit: str | None) -> dict[str, str]:
    """Units a 通报 neither praises nor criticises, and why: the plan's owner, who
    organises the work; the document's own issuer; Party bodies."""
    owner = loaded.plan.plan.owner
    found = {}
    for unit in loaded.plan.units:
        if unit.id == owner:
            found[unit.id] = "owner"
        elif unit.id == issuer_unit:
            found[unit.id] = "issuer"
        elif "party" in unit.tags:
            found[unit.id] = "party"
    return found


def _praise_blame(
    result: Result, loaded: LoadedPlan, lang: Lang, issuer_unit: str | None
) -> list[Block]:
    """表扬 the units that finished everything on time, 批评 those behind, silent or in
    error; the plan's owner (who organises the work) and Party bodies (not a 市政府
    document's to judge) are left out of both, and the document says so once."""
    apart = _apart(loaded, issuer_unit)
    judged = [u for u in result.units if _owes(u) and u.unit not in apart]
    standing = standings(result)
    praised = [_name(u.unit, loaded) for u in judged if standing[u.unit] == "compliant"]
    groups = []
    for key in _BLAMED:  # each named for what it failed in, as a 通报 criticises
        names = [_name(u.unit, loaded) for u in judged if standing[u.unit] == key]
        if names:
            groups.append(say(f"bulletin.blame.{key}", lang, names=_join(names, lang)))
    blocks = []
    if praised:
        text = say("bulletin.praise", lang, names=_join(praised, lang), count=len(praised))
        blocks.append(block(Role.BODY, text))
    if groups:
        who = say("bulletin.part_sep", lang).join(groups)
        key = "bulletin.blame" if len(groups) == 1 else "bulletin.blame_many"
        blocks.append(block(Role.BODY, say(key, lang, groups=who)))
    owing = {u.unit for u in result.units if _owes(u)}
    left = [say(f"bulletin.apart.{why}", lang, name=_name(unit, loaded))
            for unit, why in apart.items() if unit in owing]  # fmt: skip
    if left:
        who = say("bulletin.part_sep", lang).join(left)
        blocks.append(block(Role.BODY, say("bulletin.apart", lang, who=who)))
    return blocks or [block(Role.BODY, say("bulletin.none", lang))]


def _waived(result: Result, loaded: LoadedPlan, lang: Lang) -> list[Block]:
    """经审核同意不列入年度考核: a 考核 waiver has no period of validity."""
    waived = [o for o in result.outcomes() if o.status is Status.WAIVED and o.waiver]
    if not waived:
        return []
    items = []
    for o in waived:
        req = loaded.index.requirements[o.requirement][1]
        assert o.waiver is not None
        given = dict(o.waiver.params)
        items.append(say("bulletin.waived_item", lang, name=_name(o.unit, loaded),
                         title=_nest(req.title), number=given.get("approved_by", ""),
                         reason=given.get("reason", "")))  # fmt: skip
    owner = loaded.index.units[loaded.plan.plan.owner].name
    return [block(Role.BODY, say("bulletin.waivers", lang, count=len(waived), owner=owner,
                                 items=say("bulletin.item_sep", lang).join(items)))]  # fmt: skip


def _progress(result: Result, loaded: LoadedPlan, lang: Lang) -> list[Block]:
    """While the year runs: time gone against work done (时间过半、任务过半)."""
    rows = common.progress(result, loaded)
    if not rows:
        return []
    behind = [say("bulletin.share", lang, name=_name(r.unit, loaded),
                  share=common.percent(r.share)) for r in rows if not r.on_pace]  # fmt: skip
    line = (
        say("bulletin.behind_pace", lang, names=_join(behind, lang))
        if behind
        else say("bulletin.all_on_pace", lang)
    )
    return [block(Role.BODY, common.progress_line(result, loaded, lang) + line)]


def _annexes(result: Result, loaded: LoadedPlan, lang: Lang) -> list[tuple[Block, ...]]:
    """附件1, the table of every unit's standing; 附件2 with --scores, the points."""
    plan = loaded.plan.plan.title
    found = [(say("bulletin.annex.table", lang, plan=plan), _standing_table(result, loaded, lang))]
    rows = common.score_rows(result, loaded, lang)
    if rows:
        header = tuple(say(k, lang) for k in ("report.ranking", "report.rank", "report.name",
                                              "report.points", "report.percent"))  # fmt: skip
        scores: list[tuple[str, ...]] = [
            (r.ranking, str(r.rank), _name(r.unit, loaded), r.points, r.percent) for r in rows
        ]
        found.append((say("bulletin.annex.scores", lang, plan=plan), table(header, scores)))
    annexes: list[tuple[Block, ...]] = [
        (block(Role.ANNEX, say("bulletin.annex", lang, n=i)), block(Role.ANNEX_TITLE, title), part)
        for i, (title, part) in enumerate(found, start=1)
    ]
    note = block(Role.BODY, say("bulletin.annex.table_note", lang))
    annexes[0] = (*annexes[0], note)
    if rows:  # the 考核办法 it follows and who is not ranked, above the points
        basis = block(Role.BODY, common.scores_line(result, loaded, lang))
        annexes[-1] = (*annexes[-1][:2], basis, annexes[-1][2])
    return annexes


def _standing_table(result: Result, loaded: LoadedPlan, lang: Lang) -> Block:
    """Each unit's duties, net of those 核减, in columns that add up to them."""
    owing = [u for u in result.units if _owes(u)]
    counted = [Counter(o.status for o in u.outcomes if o.status not in common.UNCOUNTED)
               for u in owing]  # fmt: skip
    pending = any(counts[Status.PENDING] for counts in counted)  # a column only when any
    columns = ("number", "unit", "owed", "done", "late", "missed", "not_submitted",
               *(("pending",) if pending else ()), "standing")  # fmt: skip
    header = tuple(say(f"bulletin.col.{c}", lang) for c in columns)
    rows: list[tuple[str, ...]] = []
    standing = standings(result)
    for unit, counts in zip(owing, counted, strict=True):
        numbers = [counts.total(), counts[Status.MET] + counts[Status.NIL],
                   counts[Status.MET_LATE], counts[Status.MISSED],
                   counts[Status.NOT_SUBMITTED] + counts[Status.INVALID]]  # fmt: skip
        numbers += [counts[Status.PENDING]] if pending else []
        rows.append((str(len(rows) + 1), _name(unit.unit, loaded), *map(str, numbers),
                     _standing(unit, standing[unit.unit], result, loaded, lang)))  # fmt: skip
    return table(header, rows)


def _standing(
    unit: UnitResult, standing: str, result: Result, loaded: LoadedPlan, lang: Lang
) -> str:
    """A unit behind has 未完成事项 while the year runs, and is 未完成 once it is over;
    one a 抽查 refuted is 抽查不实."""
    over = result.as_of >= loaded.plan.plan.period.end
    if standing == REFUTED:
        return say("bulletin.col.refuted", lang)
    if unit.status is UnitStatus.BEHIND and over:
        return say("bulletin.col.unfinished", lang)
    return labels.unit_status(unit.status, lang)


def _attachment_list(annexes: list[tuple[Block, ...]], lang: Lang) -> list[Block]:
    """附件：1.…, with the next ones under the first's number."""
    titles = [annex[1].text for annex in annexes]
    lines = [say("bulletin.attachments_first", lang, n=1, title=titles[0])]
    lines += [say("bulletin.attachments_next", lang, n=i, title=t)
              for i, t in enumerate(titles[1:], start=2)]  # fmt: skip
    return [block(Role.ATTACHMENTS, "\n".join(lines))]


def _asks(
    result: Result, loaded: LoadedPlan, numbers: Numbers, lang: Lang, fix_by: dt.date | None
) -> list[Block]:
    """What the units behind are asked to do, and by when."""
    owner = loaded.index.units[loaded.plan.plan.owner].name
    found = set(standings(result).values())
    who = [say(f"bulletin.who.{key}", lang) for key in _BLAMED if key in found]
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


# The standings a 通报 criticises and asks to remedy, in the order it names them.
_BLAMED = ("behind", REFUTED, "not_submitted", "invalid")


def _either(parts: list[str], lang: Lang) -> str:
    """a; a 和 b; a、b 和 c (a, b or c)."""
    if len(parts) == 1:
        return parts[0]
    return say("bulletin.sep", lang).join(parts[:-1]) + say("bulletin.or", lang) + parts[-1]


def _ending(lang: Lang, issue: Issue) -> list[Block]:
    """落款 (the issuer, in full) and 成文日期 (the date given; blank for the drafter to
    fill in, never the day the statistics stop)."""
    date = labels.date(issue.date, lang) if issue.date else say("bulletin.date_blank", lang)
    return [block(Role.SIGNATURE, issue.settings.issuer), block(Role.DATE, date)]


def _edition(lang: Lang, issue: Issue, *, notice: bool = False) -> list[Block]:
    """版记: 抄送 (when the settings name any; a 整改通知, about one unit, its own list),
    印发机关 and 印发日期."""
    settings = issue.settings
    copy_to = settings.copy_to
    if notice and settings.notice_copy_to is not None:
        copy_to = settings.notice_copy_to
    blocks = []
    if copy_to:
        names = say("bulletin.to_sep", lang).join(copy_to)
        blocks.append(block(Role.COPY_TO, say("bulletin.copy_to", lang, names=names)))
    when = (say("bulletin.printed", lang, date=labels.date(issue.date, lang)) if issue.date
            else say("bulletin.printed_blank", lang))  # fmt: skip
    return [*blocks, block(Role.PRINTED, f"{settings.printed_by}\t{when}")]


def _provenance(result: Result, loaded: LoadedPlan, lang: Lang, what: str) -> str:
    """What the document was made from: for the file's properties, not its text."""
    return say("bulletin.made_from", lang, what=say(f"bulletin.this.{what}", lang),
               file=loaded.display, sha=loaded.sha256, as_of=labels.date(result.as_of, lang),
               version=__version__)  # fmt: skip


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


def rectification(
    result: Result, loaded: LoadedPlan, unit: str, fix_by: dt.date, lang: Lang, issue: Issue
) -> Draft:
    """The 通知 asking one unit to remedy its gaps by ``fix_by``: each gap with what the
    notice requires; a unit that never reported is asked, in one paragraph, to 补报."""
    plan = loaded.plan.plan
    name = loaded.index.units[unit].name
    open_gaps, soon = gaps(result, unit), due_soon(result, unit, fix_by)
    title = say("bulletin.fix_title", lang, issuer=issue.settings.issuer, plan=plan.title)
    unit_result = next(u for u in result.units if u.unit == unit)
    owner = loaded.index.units[plan.owner].name
    as_of, by = labels.date(result.as_of, lang), labels.date(fix_by, lang)
    you = _you(name, lang)
    blocks = [block(Role.TITLE, title), block(Role.TO, say("bulletin.to", lang, to=name))]
    if unit_result.status is UnitStatus.NOT_SUBMITTED:
        silent = say("bulletin.fix_silent", lang, plan=plan.title, as_of=as_of, date=by,
                     owner=owner, you=you)  # fmt: skip
        blocks.append(block(Role.BODY, silent))
    else:
        lead_key = "bulletin.fix_lead" if open_gaps else "bulletin.fix_lead_ahead"
        blocks.append(block(Role.BODY, say(lead_key, lang, plan=plan.title, you=you,
                                           count=len(open_gaps), as_of=as_of)))  # fmt: skip
        numbers = Numbers(lang)
        for outcome in open_gaps:
            blocks += _gap(outcome, loaded, numbers, lang)
        if soon:
            soon_key = "bulletin.fix_soon" if open_gaps else "bulletin.fix_soon_only"
            blocks.append(numbers.heading(say(soon_key, lang, date=by)))
            stop = say("bulletin.stop", lang)
            blocks += [block(Role.BODY, _item(o, loaded, lang) + stop) for o in soon]
        ask = "bulletin.fix_ask" if open_gaps else "bulletin.fix_ask_ahead"
        blocks.append(block(Role.BODY, say(ask, lang, owner=owner, date=by, you=you)))
    blocks += [*_ending(lang, issue), *_edition(lang, issue, notice=True)]
    return Draft(title, issue.date or result.as_of, tuple(blocks), issue.settings.issuer,
                 _provenance(result, loaded, lang, "rectification"))  # fmt: skip


# How a 通知 addresses the unit it is sent to: 你县, 你区, 你局, 你委, 你办.
_YOU = (("区人民政府", "区"), ("县人民政府", "县"), ("市人民政府", "市"), ("委员会", "委"),
        ("委", "委"), ("局", "局"), ("办公室", "办"), ("办", "办"), ("中心", "中心"))  # fmt: skip


def _you(name: str, lang: Lang) -> str:
    """你县 for a county government, 你局 for a bureau…; 你单位 for any other (a
    language without such forms says "your unit" whatever the kind)."""
    kind = next((short for ending, short in _YOU if name.endswith(ending)), "单位")
    return say("bulletin.you", lang, kind=kind)


def _asked(source: str, plan: str, lang: Lang) -> str:
    """《工作安排》要求：“…” — the notice's sentence in a 公文's punctuation (full-width
    marks between Chinese words, as the notice was printed), a clause closed after the
    quote."""
    quoted = _FULL_WIDTH.sub(lambda m: _MARKS[m.group(0)], _nest(source))
    text = say("bulletin.fix_source", lang, source=quoted, plan=plan)
    return text if quoted.endswith(("。", "；", "！", "？")) else text + say("bulletin.stop", lang)


_MARKS = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）"}
_FULL_WIDTH = re.compile(
    r"(?<=[\u4e00-\u9fff\d%）])[,;:]|[(](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[)]"
)


def _gap(outcome: Outcome, loaded: LoadedPlan, numbers: Numbers, lang: Lang) -> list[Block]:
    """The duty in the notice's own words, then where the unit stands: what the notice
    asks, not lzplan's rule for a clerk's evidence."""
    req = loaded.index.requirements[outcome.requirement][1]
    detail, due = _detail(outcome, lang), labels.date(outcome.due, lang)
    return [
        numbers.heading(req.title),
        block(Role.BODY, _asked(req.source, loaded.plan.plan.title, lang)),
        block(Role.BODY, say("bulletin.fix_state", lang, detail=detail, due=due)),
    ]
