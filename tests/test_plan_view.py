"""How a requirement's quota reads in `lzplan plan show`."""

from __future__ import annotations

from typing import Any

import pytest

from lzplan.plan.model import Requirement
from lzplan.reporters.plan_view import quota

BASE: dict[str, Any] = {
    "id": "r",
    "title": "t",
    "source": "s",
    "units": ["u"],
    "due": {"date": "2011-12-31"},
}


@pytest.mark.parametrize(
    ("fields", "shown"),
    [
        ({"kind": "count", "min": 3}, "≥3"),
        ({"kind": "count", "min": {"districts": 3, "relevant": 1}}, "≥3 districts, ≥1 relevant"),
        ({"kind": "distinct_units", "min": 15, "of_group": "enforcement"}, "≥15 of enforcement"),
        ({"kind": "ratio", "min_share": 0.2}, "≥20%"),
        ({"kind": "activity"}, ""),
    ],
)
def test_quota(fields: dict[str, Any], shown: str) -> None:
    assert quota(Requirement.model_validate({**BASE, **fields})) == shown


def test_distinct_units_takes_one_number() -> None:
    with pytest.raises(ValueError, match="takes a single number"):
        Requirement.model_validate(
            {**BASE, "kind": "distinct_units", "min": {"u": 15}, "of_group": "g"}
        )
