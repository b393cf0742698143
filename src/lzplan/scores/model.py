"""The scores file (``scores-2011.yaml``, beside the plan):

```yaml
plan: luzhou-2011
points:                      # per requirement id or task id; the rest: default
  default: 2
  t1-5: 10                   # a task's points shared among the requirements owed
  t2-4.case-file-share: 5
deductions:                  # the share of a requirement's points lost, by its status
  met_late: 0.5
  missed: 1
  not_submitted: 1
  invalid: 1
rankings: [districts, departments]   # groups ranked apart, in this order
```
A waived requirement (核减) leaves the assessment; a nil return counts as done; a
requirement not yet due (pending) loses what ``pending`` says (0 by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Annotated

from pydantic import Field

from lzplan.model import Id, Model

Share = Annotated[float, Field(ge=0, le=1)]


class Deductions(Model):
    met_late: Share = Field(0.5, description="Share lost when done after the due date.")
    missed: Share = Field(1.0, description="Share lost when missed.")
    not_submitted: Share = Field(1.0, description="Share lost when nothing was reported.")
    invalid: Share = Field(1.0, description="Share lost when the unit's file is invalid.")
    pending: Share = Field(0.0, description="Share lost while not yet due.")


class ScoresFile(Model):
    plan: Id = Field(description="The plan's id the weights are for.")
    points: dict[Id, Annotated[float, Field(ge=0, allow_inf_nan=False)]] = Field(
        description="Points per requirement or task id; `default` for every other "
        "requirement. A task's points are shared equally among the requirements of it "
        "a unit owes that have no points of their own."
    )
    deductions: Deductions = Deductions()
    rankings: list[Id] = Field(
        min_length=1, description="The groups ranked apart (each unit in the first it is in)."
    )


@dataclass(frozen=True)
class UnitScore:
    """One unit's score: points kept of the most it could keep, its rank in its group."""

    unit: str
    group: str  # the ranking it is in
    points: float
    most: float
    rank: int  # 1 = first in its group; equal shares share a rank

    @property
    def percent(self) -> float:
        return 100 * self.points / self.most if self.most else 100.0


@dataclass(frozen=True)
class Scored:
    """The scores of a check, and the file whose weights made them."""

    file: str
    sha256: str
    rankings: tuple[str, ...]
    units: tuple[UnitScore, ...]

    def of(self, unit: str) -> UnitScore | None:
        return self._by_unit.get(unit)

    @cached_property
    def _by_unit(self) -> dict[str, UnitScore]:
        return {score.unit: score for score in self.units}
