"""JUnit XML: a test suite per unit, a test case per requirement.

``missed`` and ``not_submitted`` are failures, an invalid file is an error, and
``pending`` (and waived) requirements are skipped. No timestamps: the same check gives
the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.etree import ElementTree as ET

from lzplan.check.result import Outcome, Result, Status, UnitResult
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, labels

_FAILURE = (Status.MISSED, Status.NOT_SUBMITTED)
_SKIPPED = (Status.PENDING, Status.WAIVED)


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    root = ET.Element("testsuites", name=f"lzplan {result.plan_id} as of {result.as_of}")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for unit in result.units:
        suite = _suite(unit, loaded, lang)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key, "0"))
    for key in ("tests", "failures", "errors"):
        root.set(key, str(totals[key]))
    ET.indent(root)
    text = ET.tostring(root, encoding="unicode", xml_declaration=True)
    return [_NOT_XML.sub("\ufffd", text) + "\n"]


# Characters XML 1.0 forbids anywhere (ElementTree writes them as they are): from a
# file name or a message, they would make the whole report unreadable.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _suite(unit: UnitResult, loaded: LoadedPlan, lang: Lang) -> ET.Element:
    name = loaded.index.units[unit.unit].name
    outcomes = unit.outcomes
    suite = ET.Element(
        "testsuite",
        name=f"{unit.unit} {name}",
        tests=str(len(outcomes)),
        failures=str(sum(o.status in _FAILURE for o in outcomes)),
        errors=str(sum(o.status is Status.INVALID for o in outcomes)),
        skipped=str(sum(o.status in _SKIPPED for o in outcomes)),
    )
    if unit.file:
        suite.set("file", unit.file)
    for outcome in outcomes:
        suite.append(_case(unit, outcome, loaded, lang))
    return suite


def _case(unit: UnitResult, outcome: Outcome, loaded: LoadedPlan, lang: Lang) -> ET.Element:
    _, req = loaded.index.requirements[outcome.requirement]
    case = ET.Element("testcase", classname=unit.unit, name=f"{req.id} {req.title}")
    message = say(
        "report.outcome",
        lang,
        word=labels.word(outcome.status, lang),
        detail=outcome.detail.render(lang),
        due=outcome.due,
    )
    if outcome.status in _FAILURE:
        ET.SubElement(case, "failure", type=str(outcome.status), message=message)
    elif outcome.status is Status.INVALID:
        ET.SubElement(case, "error", type="invalid", message=message)
    elif outcome.status in _SKIPPED:
        ET.SubElement(case, "skipped", message=message)
    elif outcome.status is Status.MET_LATE:
        ET.SubElement(case, "system-out").text = message
    return case
