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
method: {title: 泸州市依法行政考核办法, number: 泸府办发〔2011〕20号}  # what it follows
grades:                      # 等次 by the share of points kept, highest first
  - {name: 优秀, at_least: 0.95}
  - {name: 合格, at_least: 0.6}
  - {name: 不合格, at_least: 0}
ties: [late, nil, evidence]  # equal shares: fewer late, fewer nil returns, more evidence
excluded:                    # units not ranked, each with the reason the 通报 gives
  - {unit: legal-affairs, reason: 组织实施单位}
spot_checks:                 # 抽查: what the office verified, unit by unit
  - {unit: water, requirement: t2-5.proactive-mediation, found: confirmed}
  - {unit: grain, requirement: t2-2.cleanup, found: not_confirmed,
     note: 抽查发现该局2011年制发规范性文件1件，零报告与实际不符}
```
A waived requirement (核减) leaves the assessment; a nil return counts as done, less
``nil_unverified`` unless a 抽查 confirmed it; what a 抽查 did not confirm (a nil
return not true, evidence not real) loses ``not_confirmed``; a requirement not yet due
(pending) loses what ``pending`` says (0 by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Literal

from pydantic import Field

from lzplan.model import Id, Model

Share = Annotated[float, Field(ge=0, le=1)]


class Deductions(Model):
    met_late: Share = Field(0.5, description="Share lost when done after the due date.")
    missed: Share = Field(1.0, description="Share lost when missed.")
    not_submitted: Share = Field(1.0, description="Share lost when nothing was reported.")
    invalid: Share = Field(1.0, description="Share lost when the unit's file is invalid.")
    pending: Share = Field(0.0, description="Share lost while not yet due.")
    nil_unverified: Share = Field(
        0.0, description="Share a nil return loses unless a 抽查 (spot_checks) confirmed it."
    )
    not_confirmed: Share = Field(
        1.0, description="Share lost by what a 抽查 did not confirm (done on paper only)."
    )


class Method(Model):
    """The 考核办法 the weights follow: the 通报 cites it, not this file."""

    title: str = Field(min_length=1, description="Its title, e.g. 泸州市依法行政考核办法.")
    number: str | None = Field(None, description="Its 文号.")


class Grade(Model):
    name: str = Field(min_length=1, description="The 等次: 优秀, 良好, 合格, 不合格.")
    at_least: Share = Field(description="The least share of points it takes.")


class Excluded(Model):
    unit: Id = Field(description="A unit not ranked (the plan's owner, a Party body…).")
    reason: str = Field(min_length=1, description="Why, as the 通报 says it.")


class SpotCheck(Model):
    """One 抽查: the office verified what a unit reported for one requirement."""

    unit: Id = Field(description="The unit checked.")
    requirement: Id = Field(description="The requirement whose report was checked.")
    found: Literal["confirmed", "not_confirmed"] = Field(
        description="confirmed: the report holds (a nil return true, the evidence real); "
        "not_confirmed: it does not."
    )
    note: str | None = Field(None, min_length=1, description="What the 抽查 found.")


TieBreak = Literal["late", "nil", "evidence"]


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
    method: Method | None = Field(None, description="The 考核办法 these weights follow.")
    grades: list[Grade] = Field(
        [], description="等次 by the share of points kept, highest first; the last at 0."
    )
    ties: list[TieBreak] = Field(
        [],
        description="Equal shares, ordered by these, in turn: late (fewer late items first), "
        "nil (fewer nil returns), evidence (more evidence items counted). Units still equal "
        "share a rank.",
    )
    excluded: list[Excluded] = Field(
        [], description="Units not ranked, each with its reason (the 通报 lists them)."
    )
    example: bool = Field(
        False, description="True for a file of example weights: the reports say so."
    )
    spot_checks: list[SpotCheck] = Field(
        [], description="The office's 抽查, each a unit's report for one requirement verified."
    )


@dataclass(frozen=True)
class UnitScore:
    """One unit's score: points kept of the most it could keep, its rank in its group."""

    unit: str
    group: str  # the ranking it is in
    points: float
    most: float
    rank: int  # 1 = first in its group; equal shares share a rank
    grade: str | None = None  # 等次, when the file sets grades

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
    method: Method | None = None
    excluded: tuple[Excluded, ...] = ()
    example: bool = False
    spot_checks: tuple[SpotCheck, ...] = ()
    deductions: Deductions = field(default_factory=Deductions)
    ties: tuple[str, ...] = ()

    def of(self, unit: str) -> UnitScore | None:
        return self._by_unit.get(unit)

    @cached_property
    def _by_unit(self) -> dict[str, UnitScore]:
        return {score.unit: score for score in self.units}
