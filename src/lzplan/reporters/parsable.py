"""One finding a line, as linters print them: ``file:line:col: [level] rule: message``."""

from __future__ import annotations

from lzplan.i18n import Lang
from lzplan.plan import LoadedPlan
from lzplan.reporters import common
from lzplan.result import Result


def render(
    result: Result,
    loaded: LoadedPlan,
    *,
    color: bool = False,
    lang: Lang = "en",
    show_all: bool = False,
) -> str:
    del color, show_all  # no terminal colours; every format but terminal shows all
    lines = [
        f"{f.location.file}:{f.location.line}:{f.location.column}: [{f.level}] {f.rule}: "
        f"{f.message}"
        for f in common.findings(result, loaded, lang)
    ]
    return "".join(line + "\n" for line in lines)
