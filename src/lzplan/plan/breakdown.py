"""The 任务分解 (责任分工): the document that makes a unit answerable for general words.

After a 工作安排, the 法制办 issues a table, with a 文号, naming which units the notice's
general words mean task by task (市级有关部门, 行政执法部门, 面向社会服务的政府部门,
"市保密局等"). A plan cites it (``plan.breakdown``); ``plan validate`` then checks that
every group the plan selects by judgement (tags or a list of units, not a whole kind)
has, in every task that uses it, exactly the units the breakdown assigns, and that every
unit the notice does not name owes only what the notice's own words or the breakdown
give it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field

from lzplan.errors import Problem
from lzplan.location import PositionMap
from lzplan.messages import msg
from lzplan.model import Date, Id, Model, NonEmpty
from lzplan.plan.model import Plan


class BreakdownInfo(Model):
    plan: Id = Field(description="The id of the plan it breaks down.")
    title: NonEmpty = Field(description="Its title: 泸州市人民政府2011年度依法行政工作任务分解.")
    issuer: NonEmpty = Field(description="Its 发文机关, written in full.")
    number: NonEmpty = Field(description="Its 文号.")
    date: Date = Field(description="Its 成文日期.")
    main_to: list[NonEmpty] = Field(
        [], description="Its 主送机关 (default: the notice's own addressees)."
    )
    note: str | None = None


class Row(Model):
    """One row of the table: in one task, which units the notice's words mean."""

    task: Id
    words: NonEmpty = Field(description="The notice's general words in that task, quoted.")
    units: list[Id] = Field(min_length=1)
    note: str | None = None


class Breakdown(Model):
    breakdown: BreakdownInfo
    rows: list[Row] = Field(min_length=1)

    def assigned(self, task: str) -> dict[str, frozenset[str]]:
        """The words of one task and the units each is assigned."""
        return {row.words: frozenset(row.units) for row in self.rows if row.task == task}


@dataclass(frozen=True)
class LoadedBreakdown:
    display: str
    breakdown: Breakdown
    positions: PositionMap
    text: str


def check(loaded: LoadedBreakdown, plan: Plan) -> Iterator[Problem]:
    """The breakdown against the plan that cites it: its plan id, 文号 and date, and
    every task and unit id of its rows."""
    info, where = loaded.breakdown.breakdown, loaded.positions.find
    ref = plan.plan.breakdown
    assert ref is not None
    if info.plan != plan.plan.id:
        yield Problem(where(("breakdown", "plan")),
                      msg("sub.wrong_plan", got=info.plan, plan=plan.plan.id))  # fmt: skip
    for field, cited, given in (("number", ref.number, info.number),
                                ("date", str(ref.date), str(info.date))):  # fmt: skip
        if cited != given:
            message = msg("breakdown.cited", field=field, cited=cited, given=given)
            yield Problem(where(("breakdown", field)), message)
    tasks = {task.id for task in plan.tasks}
    units = {unit.id for unit in plan.units}
    for r, row in enumerate(loaded.breakdown.rows):
        if row.task not in tasks:
            message = msg("plan.unknown_id", what=msg("what.task"), value=row.task)
            yield Problem(where(("rows", r, "task")), message)
        for u, unit in enumerate(row.units):
            if unit not in units:
                message = msg("plan.unknown_id", what=msg("what.unit"), value=unit)
                yield Problem(where(("rows", r, "units", u)), message)
