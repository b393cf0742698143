"""GitHub Actions workflow commands: an annotation per finding.

The markdown report goes to $GITHUB_STEP_SUMMARY; the CLI appends it there.
"""

from __future__ import annotations

from collections.abc import Iterable

from lzplan.check.result import Result
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    lines = []
    for f in common.findings(result, loaded, lang):
        where = f"file={_property(f.location.file)}"
        if f.location.line:
            where += f",line={f.location.line},col={f.location.column}"
        lines.append(f"::{f.level} {where},title={_property(f.title)}::{_data(f.message)}")
    return ["".join(line + "\n" for line in lines)]


def _data(text: str) -> str:
    # The escaping GitHub's runner applies to a command's message.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")
