"""One finding a line, as linters print them: ``file:line:col: [level] rule: message``."""

from __future__ import annotations

from collections.abc import Iterable

from lzplan.check.result import Result
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import Options, common


def render(result: Result, loaded: LoadedPlan, options: Options) -> Iterable[str]:
    lang = options.lang
    lines = [
        f"{f.location.file}:{f.location.line}:{f.location.column}: [{f.level}] {f.rule}: "
        f"{f.message}"
        for f in common.findings(result, loaded, lang, options.fail_on)
    ]
    return ["".join(line + "\n" for line in lines)]
