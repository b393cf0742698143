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
from dataclasses import dataclass

from lzplan import kinds
from lzplan.messages import Message, msg
from lzplan.plan.index import PlanIndex
from lzplan.plan.model import Plan

# Quotes compare whatever the width of their punctuation, and without blanks.
_WIDTH = str.maketrans("（）〔〕【】：，；“”‘’《》、。！？", "()()[]:,;\"\"''<>,.!?")


def key(text: str) -> str:
    return "".join(text.translate(_WIDTH).split())


FIELDS = ("requirements", "tasks", "owners", "kinds", "quotas", "due_dates")
Item = tuple[object, ...]


@dataclass(frozen=True)
class Score:
    field: str
    draft: int
    reviewed: int
    matched: int

    @property
    def precision(self) -> float:
        return self.matched / self.draft if self.draft else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.reviewed if self.reviewed else 1.0


@dataclass(frozen=True)
class _Req:
    id: str
    source: str
    task: str
    owners: frozenset[tuple[str, str]]
    kind: str
    quotas: frozenset[tuple[object, ...]]
    due: tuple[dt.date, str | None]


def _flatten(plan: Plan, unowned: frozenset[str] = frozenset()) -> list[_Req]:
    """``unowned``: requirements whose owner the draft left for review (owed by none)."""
    found = []
    members = PlanIndex(plan).members
    for task in plan.tasks:
        supporting = {("supporting", unit) for unit in task.owners.supporting}
        for req in task.requirements:
            owners = () if req.id in unowned else (*req.units, *req.groups)
            owed = {("owes", unit) for unit in _covered(owners, members)}
            # an activity's one item is no quota the notice states
            encoded = kinds.of(req).encoded(req) if req.kind != "activity" else []
            stated = frozenset((s.subject, s.value, s.measure, s.at_most) for s in encoded)
            every = req.recurs.every if req.recurs is not None else None
            found.append(
                _Req(req.id, key(req.source), key(task.owners.source),
                     frozenset(owed | supporting), req.kind, stated, (req.due.date, every))
            )  # fmt: skip
    return found


def _covered(owners: tuple[str, ...], members: dict[str, tuple[str, ...]]) -> set[str]:
    """The owners as they mean units: a unit also owed as a member of a listed group
    (市政府法制办 beside 市政府各部门) is one owner, as ``plan validate`` compares them."""
    in_groups = {unit for key in owners if key in members for unit in members[key]}
    return {key for key in owners if key in members or key not in in_groups}


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
        values["kinds"].add((rid, req.kind))
        values["quotas"] |= {(rid, *stated) for stated in req.quotas}
        values["due_dates"].add((rid, *req.due))
    return values


def compare(draft: Plan, reviewed: Plan, unowned: frozenset[str] = frozenset()) -> list[Score]:
    drafted, truth = _flatten(draft, unowned), _flatten(reviewed)
    paired = pairs(drafted, truth)
    mine = _values(drafted, paired)
    theirs = _values(truth, {r.id: r.id for r in truth})
    return [
        Score(field, len(mine[field]), len(theirs[field]), len(mine[field] & theirs[field]))
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
        for field, mine, theirs in (
            ("task", d.task, r.task),
            ("owners", _shown(d.owners), _shown(r.owners)),
            ("kind", d.kind, r.kind),
            ("quota", _shown(d.quotas), _shown(r.quotas)),
            ("due", _shown({d.due}), _shown({r.due})),
        ):
            if mine != theirs:
                found.append(msg("extract.miss.field", id=r.id, field=field, draft=mine,
                                 reviewed=theirs))  # fmt: skip
    return found


def _excerpt(text: str) -> str:
    return text if len(text) <= 24 else text[:24] + "…"


def _shown(values: frozenset[tuple[object, ...]] | set[tuple[object, ...]]) -> str:
    return "; ".join(sorted(" ".join(str(v) for v in value if v is not None) for value in values))
