"""Mutation tests on both notices' plans: for every quota and deadline phrase the plan
encodes, changing the encoded value (or swapping two groups' thresholds, or a
recurrence) makes `plan validate` fail, naming that phrase.

The mutations are made from the plans themselves, so a requirement added to either
plan is mutated too.
"""

from __future__ import annotations

import copy
import datetime as dt
import itertools
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from lzplan.errors import InputError
from lzplan.grammar import deadlines, quotas
from lzplan.inputs import loader
from lzplan.plan import load as plans
from tests.conftest import CASES, ROOT

PLANS = {
    "luzhou-2011": ROOT / "plan" / "2011.yaml",
    "tuojiang-2013": CASES / "city" / "plan" / "2013.yaml",
}
Mutation = tuple[str, list[str], list[tuple[int, int, str, Any]]]  # name, phrases, edits


def requirements(data: dict[str, Any]) -> Iterator[tuple[int, int, dict[str, Any]]]:
    for t, task in enumerate(data["tasks"]):
        for r, req in enumerate(task["requirements"]):
            yield t, r, req


def quota_phrases(req: dict[str, Any]) -> list[str]:
    return [q.text for q in quotas.find(req["source"])]


def mutations(data: dict[str, Any], year: int) -> Iterator[Mutation]:
    for t, r, req in requirements(data):
        phrases = quota_phrases(req)
        name = req["id"]
        if isinstance(req.get("min"), int) and phrases:
            yield f"{name} min", phrases, [(t, r, "min", req["min"] + 1)]
        if isinstance(req.get("min"), dict) and phrases:
            for key, value in req["min"].items():
                changed = {**req["min"], key: value + 1}
                yield f"{name} min[{key}]", phrases, [(t, r, "min", changed)]
            values = list(req["min"].items())
            for (a, va), (b, vb) in itertools.pairwise(values):
                if va != vb:
                    swapped = {**req["min"], a: vb, b: va}
                    yield f"{name} swap {a}/{b}", phrases, [(t, r, "min", swapped)]
        for share in ("min_share", "max_share"):
            if req.get(share) is not None and phrases:
                changed = round(req[share] - 0.01, 2) if req[share] > 0.01 else 0.02
                yield f"{name} {share}", phrases, [(t, r, share, changed)]
        wording = req["due"].get("wording")
        if wording:
            yield from _deadline_mutations(t, r, req, wording, year)


def _deadline_mutations(
    t: int, r: int, req: dict[str, Any], wording: str, year: int
) -> Iterator[Mutation]:
    found = [d for d in deadlines.find(wording, year) if not d.scope]
    texts = [d.text for d in found]
    if any(d.date is not None for d in found) and not req.get("recurs"):
        later = {**req["due"], "date": req["due"]["date"] + dt.timedelta(days=1)}
        yield f"{req['id']} due date", [wording, *texts], [(t, r, "due", later)]
    if req.get("recurs"):
        other = "month" if req["recurs"]["every"] != "month" else "quarter"
        recurs = {**req["recurs"], "every": other}
        yield f"{req['id']} recurs", texts, [(t, r, "recurs", recurs)]
    if any(text in req["source"] for text in texts):  # its own deadline, not a shared one
        dropped = {key: value for key, value in req["due"].items() if key != "wording"}
        yield f"{req['id']} wording dropped", texts, [(t, r, "due", dropped)]


def cases() -> list[tuple[str, Mutation]]:
    found = []
    for plan_id, path in PLANS.items():
        data = loader.load_file(path).data
        year = data["plan"]["period"]["start"].year
        found += [(plan_id, mutation) for mutation in mutations(data, year)]
    return found


CASES_FOUND = cases()


def test_there_are_mutations_of_every_sort() -> None:
    names = [mutation[0] for _, mutation in CASES_FOUND]
    for sort in ("min", "swap", "min_share", "max_share", "due date", "recurs", "dropped"):
        assert any(sort in name for name in names), sort
    assert len(CASES_FOUND) >= 60


@pytest.mark.parametrize(
    ("plan_id", "mutation"), CASES_FOUND, ids=[f"{p}: {m[0]}" for p, m in CASES_FOUND]
)
def test_a_changed_value_fails_naming_its_phrase(
    plan_id: str, mutation: Mutation, tmp_path: Path
) -> None:
    name, phrases, edits = mutation
    path = PLANS[plan_id]
    data = copy.deepcopy(loader.load_file(path).data)
    for t, r, field, value in edits:
        data["tasks"][t]["requirements"][r][field] = value
    notice = data["plan"]["source"]["file"]
    shutil.copy(path.parent / notice, tmp_path / notice)
    for beside in path.parent.glob("*.breakdown.yaml"):  # the 任务分解 the plan cites
        shutil.copy(beside, tmp_path / beside.name)
    mutated = tmp_path / path.name
    mutated.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), "utf-8")
    with pytest.raises(InputError) as raised:
        plans.load(mutated)
    messages = str(raised.value)
    assert any(f"'{phrase}'" in messages for phrase in phrases), (name, messages)
