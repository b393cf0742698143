"""One finding a line, as linters print them: ``file:line:col: [level] rule: message``."""

from __future__ import annotations

from lzplan.i18n import Lang
from lzplan.plan import LoadedPlan
from lzplan.reporters import common
from lzplan.result import Result


def render(result: Result, loaded: LoadedPlan, lang: Lang = "en") -> str:
    lines = [
        f"{f.location.file}:{f.location.line}:{f.location.column}: [{f.level}] {f.rule}: "
        f"{f.message}"
        for f in common.findings(result, loaded, lang)
    ]
    return "".join(line + "\n" for line in lines)
