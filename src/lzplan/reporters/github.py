"""GitHub Actions workflow commands: an annotation per finding, the worst first.

GitHub shows at most ten annotations of each kind (error, warning, notice) for a step,
so the errors come first — a broken file before what is missed, then what was never
reported, late, pending — a unit that filed nothing is one annotation (not one per
requirement), and a last line says how many more findings the step summary holds
(the CLI appends the markdown report there).
"""

from __future__ import annotations

from collections.abc import Iterable

from lzplan.check.result import Result
from lzplan.messages import say
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common

LIMIT = 10  # annotations of one kind GitHub shows for a step
_ORDER = {"error": 0, "warning": 1, "notice": 2}


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    found = common.findings(result, loaded, lang, options.fail_on, per_unit=True)
    # stable: within a level and rank, file and line order
    found.sort(key=lambda f: (_ORDER[f.level], f.rank))
    shown: list[common.Finding] = []
    for level in _ORDER:
        of_kind = [f for f in found if f.level == level]
        room = LIMIT - 1 if level == "notice" and len(found) > len(shown) + LIMIT else LIMIT
        shown += of_kind[:room]
    lines = [_line(f) for f in shown]
    hidden = len(found) - len(shown)
    if hidden:
        text = say("report.more_in_summary", lang, count=hidden, limit=LIMIT)
        lines.append(f"::notice title=lzplan::{_data(text)}")
    return ["".join(line + "\n" for line in lines)]


def _line(f: common.Finding) -> str:
    where = f"file={_property(f.location.file)}"
    if f.location.line:
        where += f",line={f.location.line},col={f.location.column}"
    return f"::{f.level} {where},title={_property(f.title)}::{_data(f.message)}"


def _data(text: str) -> str:
    # The escaping GitHub's runner applies to a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
