"""`lzplan extract --compare`: a draft against a reviewed plan, requirement by requirement.

Requirements are paired by the text they quote (the same text, else one holding the
other), one to one. For each field — the pairing itself, the task a requirement sits
in, who owes it (leads and supporting), its kind, its quota, its due date and
recurrence — precision is the share of the draft's values the reviewed plan has, and
recall the share of the reviewed plan's values the draft has. A requirement the draft
drops or garbles costs on every field: its values are missing or wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from lzplan import kinds
from lzplan.messages import Message, msg
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan

# Quotes compare whatever the width of their punctuation, and without blanks.
_WIDTH = str.maketrans("（）〔〕【】：，；“”‘’《》、。！？", "()()[]:,;\"\"''<>,.!?")


def key(text: str) -> str:
    return "".join(text.translate(_WIDTH).split())


# A list's marker before a duty (三是, （1）, ①): some reviewers quote it, some do not.
_MARKER = re.compile(
    r"^(?:[一二三四五六七八九十]+是|[（(][0-9一二三四五六七八九十]{1,2}[）)]|[①-⑳])[，,]?"
)


def _quote(source: str) -> str:
    """A requirement's quote as it compares: its words, without a list marker."""
    return _MARKER.sub("", key(source))


FIELDS = ("requirements", "tasks", "owners", "roles", "kinds", "quotas", "conditions", "due_dates")
Item = tuple[object, ...]


@dataclass(frozen=True)
class Score:
    field: str
    draft: int
    reviewed: int
    matched: int  # the draft's values the reviewed plan has
    found: int | None = None  # the reviewed plan's values the draft has (default: matched)

    @property
    def precision(self) -> float:
        return self.matched / self.draft if self.draft else 1.0

    @property
    def recall(self) -> float:
        found = self.matched if self.found is None else self.found
        return found / self.reviewed if self.reviewed else 1.0


@dataclass(frozen=True)
class _Req:
    id: str
    source: str
    task: str
    owners: frozenset[tuple[str, str]]
    roles: frozenset[tuple[str, str]]
    owned: tuple[tuple[str, frozenset[str]], ...]  # each owner id and the units it means
    kind: str
    quotas: frozenset[tuple[object, ...]]
    due: tuple[dt.date, str | None]
    condition: str | None = None  # its words, compared whatever their punctuation's width


def _flatten(plan: Plan, unowned: frozenset[str] = frozenset()) -> list[_Req]:
    """``unowned``: requirements whose owner the draft left for review (owed by none)."""
    found = []
    members = PlanIndex(plan).members
    for task in plan.tasks:
        supporting = frozenset(("supporting", unit) for unit in task.owners.supporting)
        for req in task.requirements:
            owners = () if req.id in unowned else (*req.units, *req.groups)
            owed = frozenset(("owes", unit) for unit in owners)
            owned = tuple((o, frozenset(members.get(o, (o,)))) for o in owners)
            # an activity's one item is no quota the notice states
            encoded = kinds.of(req).encoded(req) if req.kind != "activity" else []
            stated = frozenset((s.subject, s.value, s.measure, s.at_most) for s in encoded)
            every = req.recurs.every if req.recurs is not None else None
            found.append(
                _Req(req.id, _quote(req.source), key(task.owners.source), owed, supporting,
                     owned, req.kind, stated, (req.due.date, every),
                     _condition(req.condition))
            )  # fmt: skip
    return found


def _condition(words: str | None) -> str | None:
    """A condition as it compares: its words, less the 对 or 凡 it may open with."""
    return re.sub(r"^(?:对|凡)", "", key(words)) if words else None


def _has_owner(owner: str, units: frozenset[str], other: _Req | None) -> bool:
    """The other plan's requirement has this owner: by its id, or every unit it means."""
    if other is None:
        return False
    if any(owner == theirs for theirs, _ in other.owned):
        return True
    return units <= frozenset().union(*(u for _, u in other.owned))


def _owner_score(drafted: list[_Req], truth: list[_Req], paired: dict[str, str]) -> Score:
    """Owners compared as the units they mean, as ``plan validate`` compares them: a
    drafted owner is right when every unit it means owes the duty in the reviewed plan
    (市政府法制办 beside 市政府各部门 is no error), and a reviewed owner is found when
    every unit it means owes it in the draft."""
    by_id = {r.id: r for r in truth}
    right = found = 0
    drafted_for = {paired[d.id]: d for d in drafted if d.id in paired}
    for mine in drafted:
        reviewed = by_id.get(paired.get(mine.id, ""))
        right += sum(_has_owner(owner, units, reviewed) for owner, units in mine.owned)
    for theirs in truth:
        draft = drafted_for.get(theirs.id)
        found += sum(_has_owner(owner, units, draft) for owner, units in theirs.owned)
    total = (sum(len(d.owned) for d in drafted), sum(len(r.owned) for r in truth))
    return Score("owners", total[0], total[1], right, found)


def pairs(drafted: list[_Req], reviewed: list[_Req]) -> dict[str, str]:
    """Draft requirement id → reviewed requirement id: same quote first, then a quote
    holding the other."""
    paired: dict[str, str] = {}
    taken: set[str] = set()
    for d in drafted:
        same = next((r for r in reviewed if r.id not in taken and r.source == d.source), None)
        if same is not None:
            paired[d.id] = same.id
            taken.add(same.id)
    near = [
        (d.kind == r.kind, _likeness(d.source, r.source), -i, -j, d.id, r.id)
        for i, d in enumerate(drafted)
        for j, r in enumerate(reviewed)
        if d.id not in paired and r.id not in taken and _holds(d.source, r.source)
    ]
    for *_, d_id, r_id in sorted(near, reverse=True):  # the likeliest pairs first
        if d_id not in paired and r_id not in taken:
            paired[d_id] = r_id
            taken.add(r_id)
    for d in drafted:  # a piece of a requirement the reviewer quoted whole: the same one
        whole = next((r for r in reviewed if r.id in taken and _holds(d.source, r.source)
                      and len(d.source) <= len(r.source)), None)  # fmt: skip
        if d.id not in paired and whole is not None:
            paired[d.id] = whole.id
    return paired


def _holds(a: str, b: str) -> bool:
    """One quote holds the other, and the shorter says enough to be a duty."""
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 6 and shorter in longer


def _likeness(a: str, b: str) -> float:
    return min(len(a), len(b)) / max(len(a), len(b), 1)


def _values(reqs: list[_Req], name: dict[str, str]) -> dict[str, set[Item]]:
    """Each field's values, each tagged with the (reviewed) requirement it belongs to."""
    values: dict[str, set[Item]] = {field: set() for field in FIELDS}
    for req in reqs:
        rid = name.get(req.id, f"?{req.id}")
        values["requirements"].add((rid,))
        values["tasks"].add((rid, req.task))
        values["owners"] |= {(rid, *owner) for owner in req.owners}
        values["roles"] |= {(rid, *role) for role in req.roles}
        values["kinds"].add((rid, req.kind))
        values["quotas"] |= {(rid, *stated) for stated in req.quotas}
        values["conditions"] |= {(rid, req.condition)} if req.condition else set()
        values["due_dates"].add((rid, *req.due))
    return values


def compare(draft: Plan, reviewed: Plan, unowned: frozenset[str] = frozenset()) -> list[Score]:
    drafted, truth = _flatten(draft, unowned), _flatten(reviewed)
    paired = pairs(drafted, truth)
    mine = _values(drafted, paired)
    theirs = _values(truth, {r.id: r.id for r in truth})
    return [
        _owner_score(drafted, truth, paired)
        if field == "owners"
        else Score(field, len(mine[field]), len(theirs[field]), len(mine[field] & theirs[field]))
        for field in FIELDS
    ]


def misses(draft: Plan, reviewed: Plan, unowned: frozenset[str] = frozenset()) -> list[Message]:
    """What the draft got wrong, requirement by requirement."""
    drafted, truth = _flatten(draft, unowned), _flatten(reviewed)
    paired = pairs(drafted, truth)
    by_id = {r.id: r for r in truth}
    found: list[Message] = []
    matched = set(paired.values())
    for r in truth:
        if r.id not in matched:
            found.append(msg("extract.miss.dropped", id=r.id, source=_excerpt(r.source)))
    for d in drafted:
        if d.id not in paired:
            found.append(msg("extract.miss.extra", id=d.id, source=_excerpt(d.source)))
            continue
        r = by_id[paired[d.id]]
        found += _owner_misses(d, r)
        for field, mine, theirs in (
            ("task", d.task, r.task),
            ("roles", _shown(d.roles), _shown(r.roles)),
            ("kind", d.kind, r.kind),
            ("quota", _shown(d.quotas), _shown(r.quotas)),
            ("condition", d.condition or "-", r.condition or "-"),
            ("due", _shown({d.due}), _shown({r.due})),
        ):
            if mine != theirs:
                found.append(msg("extract.miss.field", id=r.id, field=field, draft=mine,
                                 reviewed=theirs))  # fmt: skip
    return found


def _owner_misses(drafted: _Req, reviewed: _Req) -> list[Message]:
    """The owners that cost the score, as it counts them (by the units they mean): the
    draft's owners not owed in the reviewed plan, and the reviewed ones not drafted."""
    wrong = sorted(o for o, units in drafted.owned if not _has_owner(o, units, reviewed))
    missed = sorted(o for o, units in reviewed.owned if not _has_owner(o, units, drafted))
    found = [msg("extract.miss.owners_extra", id=reviewed.id, owners=", ".join(wrong))]
    found += [msg("extract.miss.owners_missing", id=reviewed.id, owners=", ".join(missed))]
    return [m for m, names in zip(found, (wrong, missed), strict=True) if names]


def _excerpt(text: str) -> str:
    return text if len(text) <= 24 else text[:24] + "…"


def _shown(values: frozenset[tuple[object, ...]] | set[tuple[object, ...]]) -> str:
    return "; ".join(sorted(" ".join(str(v) for v in value if v is not None) for value in values))
