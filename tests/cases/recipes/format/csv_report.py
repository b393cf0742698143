"""CSV: one row per unit and requirement, for a spreadsheet.

A format written for tests/test_recipes.py: it shows that a new format is this module
and one line in the registry.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from lzplan.check.result import Result
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, labels


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for outcome in result.outcomes():
        word = labels.word(outcome.status, options.lang)
        detail = outcome.detail.render(options.lang)
        writer.writerow([outcome.unit, outcome.requirement, word, detail])
    return [buffer.getvalue()]
