"""Putting reports where they go: standard output, ``--output FORMAT:PATH`` files, and
GitHub's $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from lzplan import reporters
from lzplan.check.result import Result
from lzplan.errors import UsageError
from lzplan.messages import msg
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import FORMATS, Options


@dataclass(frozen=True)
class Output:
    format: str
    path: Path


def parse(spec: str, inputs: Sequence[Path]) -> Output:
    """``markdown:STATUS.md`` → Output; refuses unknown formats and paths inside inputs."""
    name, sep, path = spec.partition(":")
    if not sep or not path:
        raise UsageError(msg("usage.output_form", spec=spec))
    if name not in FORMATS:
        raise UsageError(msg("usage.output_format", spec=spec, name=name, known=list(FORMATS)))
    target = Path(path)
    for folder in inputs:
        if folder.is_dir() and target.resolve().is_relative_to(folder.resolve()):
            raise UsageError(msg("usage.output_inside", spec=spec, folder=folder))
    return Output(name, target)


def emit(
    result: Result,
    loaded: LoadedPlan,
    shown: str,
    outputs: Sequence[Output],
    options: Options,
    stdout: TextIO,
) -> None:
    """Print format ``shown``, then write each requested report, UTF-8, creating its
    folder if need be."""
    stdout.writelines(reporters.get(shown).render(result, loaded, options))
    for output in outputs:
        output.path.parent.mkdir(parents=True, exist_ok=True)
        with output.path.open("w", encoding="utf-8", newline="\n") as file:
            file.writelines(reporters.get(output.format).render(result, loaded, options))


def step_summary(
    result: Result,
    loaded: LoadedPlan,
    formats: Sequence[str],
    options: Options,
    environ: Mapping[str, str],
) -> None:
    """Append the markdown report to $GITHUB_STEP_SUMMARY when GitHub Actions set it and a
    format that implies it (github) was asked for."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target and any(FORMATS[name].step_summary for name in formats):
        with Path(target).open("a", encoding="utf-8") as summary:
            summary.write(reporters.text("markdown", result, loaded, options))
