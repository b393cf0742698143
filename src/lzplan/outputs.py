"""Writing reports to files: ``--output FORMAT:PATH`` and $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lzplan import reporters
from lzplan.errors import UsageError
from lzplan.i18n import Lang, msg
from lzplan.plan import LoadedPlan
from lzplan.result import Result


@dataclass(frozen=True)
class Output:
    format: str
    path: Path


def parse(spec: str, inputs: Sequence[Path]) -> Output:
    """``markdown:STATUS.md`` → Output; refuses unknown formats and paths inside inputs."""
    name, sep, path = spec.partition(":")
    if not sep or not path:
        raise UsageError(msg("usage.output_form", spec=spec))
    if name not in reporters.FORMATS:
        raise UsageError(
            msg("usage.output_format", spec=spec, name=name, known=list(reporters.FORMATS))
        )
    target = Path(path)
    for folder in inputs:
        if folder.is_dir() and target.resolve().is_relative_to(folder.resolve()):
            raise UsageError(msg("usage.output_inside", spec=spec, folder=folder))
    return Output(name, target)


def write(outputs: Sequence[Output], result: Result, loaded: LoadedPlan, lang: Lang) -> None:
    """Write each requested report, UTF-8, creating its folder if need be."""
    for output in outputs:
        output.path.parent.mkdir(parents=True, exist_ok=True)
        with output.path.open("w", encoding="utf-8", newline="\n") as file:
            file.writelines(reporters.stream(output.format)(result, loaded, lang))


def step_summary(
    result: Result, loaded: LoadedPlan, environ: Mapping[str, str], lang: Lang
) -> None:
    """Append the markdown report to $GITHUB_STEP_SUMMARY, when GitHub Actions set it."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as summary:
            summary.write(reporters.get("markdown")(result, loaded, lang=lang))
