"""JUnit XML: a test suite per unit, a test case per requirement.

``missed`` and ``not_submitted`` are failures, an invalid file is an error, and
``pending``, waived and nil-return (零报告) requirements are skipped: none of them is met,
and none has failed. No timestamps: the same check gives
the same bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from xml.etree import ElementTree as ET

from lzplan.check.result import FailOn, Outcome, Result, Status, UnitResult, fails
from lzplan.messages import Lang, say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, labels

_PASSED = (Status.MET, Status.MET_LATE)


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    judge = _Judge(result, FailOn(options.fail_on))
    root = ET.Element("testsuites", name=f"lzplan {result.plan_id} as of {result.as_of}")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for unit in result.units:
        suite = _suite(unit, loaded, lang, judge)
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


class _Judge:
    """What each outcome is to a JUnit reader, as the run's exit code sees it: a
    failure only if it fails the run, an error only for an invalid file."""

    def __init__(self, result: Result, level: FailOn) -> None:
        self.as_of = result.as_of
        self.level = level
        self.problems: dict[str, list[str]] = {}
        for problem in result.problems:
            self.problems.setdefault(problem.location.file, []).append(str(problem))

    def kind(self, outcome: Outcome) -> str:
        if outcome.status is Status.INVALID:
            return "error"
        if fails(outcome, self.as_of, self.level):
            return "failure"
        return "passed" if outcome.status in _PASSED else "skipped"


def _suite(unit: UnitResult, loaded: LoadedPlan, lang: Lang, judge: _Judge) -> ET.Element:
    name = loaded.index.units[unit.unit].name
    outcomes = unit.outcomes
    kinds = [judge.kind(o) for o in outcomes]
    suite = ET.Element(
        "testsuite",
        name=f"{unit.unit} {name}",
        tests=str(len(outcomes)),
        failures=str(kinds.count("failure")),
        errors=str(kinds.count("error")),
        skipped=str(kinds.count("skipped")),
    )
    if unit.file:
        suite.set("file", unit.file)
    for outcome, kind in zip(outcomes, kinds, strict=True):
        suite.append(_case(unit, outcome, kind, loaded, lang, judge))
    return suite


def _case(
    unit: UnitResult, outcome: Outcome, kind: str, loaded: LoadedPlan, lang: Lang, judge: _Judge
) -> ET.Element:
    _, req = loaded.index.requirements[outcome.requirement]
    case = ET.Element("testcase", classname=unit.unit, name=f"{req.id} {req.title}")
    word, detail = labels.word(outcome.status, lang), outcome.detail.render(lang)
    # a detail that already says its status (nil return: …, waived by …) is not prefixed
    key = "report.outcome_detail" if detail.lower().startswith(word.lower()) else "report.outcome"
    message = say(key, lang, word=word, detail=detail, due=outcome.due)
    body = "\n".join([message, labels.labelled("report.source", req.source, lang)])
    if kind == "failure":
        ET.SubElement(case, "failure", type=str(outcome.status), message=message).text = body
    elif kind == "error":
        found = judge.problems.get(unit.file or "", [])
        text = "\n".join(found) or message
        ET.SubElement(
            case, "error", type="invalid", message=found[0] if found else message
        ).text = text
    elif kind == "skipped":
        ET.SubElement(case, "skipped", message=message)
    elif outcome.status is Status.MET_LATE:
        ET.SubElement(case, "system-out").text = message
    return case
