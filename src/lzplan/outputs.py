"""Writing reports to files: ``--output FORMAT:PATH`` and $GITHUB_STEP_SUMMARY."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lzplan import reporters
from lzplan.errors import UsageError
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
        raise UsageError(f"--output {spec!r}: expected FORMAT:PATH, e.g. markdown:STATUS.md")
    if name not in reporters.FORMATS:
        known = ", ".join(reporters.FORMATS)
        raise UsageError(f"--output {spec!r}: unknown format {name!r}; known: {known}")
    target = Path(path)
    for folder in inputs:
        if folder.is_dir() and target.resolve().is_relative_to(folder.resolve()):
            raise UsageError(
                f"--output {spec!r}: lzplan does not write into a folder it reads ({folder})"
            )
    return Output(name, target)


def write(outputs: Sequence[Output], result: Result, loaded: LoadedPlan) -> None:
    """Write each requested report, UTF-8, creating its folder if need be."""
    for output in outputs:
        output.path.parent.mkdir(parents=True, exist_ok=True)
        text = reporters.get(output.format)(result, loaded)
        output.path.write_text(text, encoding="utf-8")


def step_summary(result: Result, loaded: LoadedPlan, environ: Mapping[str, str]) -> None:
    """Append the markdown report to $GITHUB_STEP_SUMMARY, when GitHub Actions set it."""
    target = environ.get("GITHUB_STEP_SUMMARY")
    if target:
        with Path(target).open("a", encoding="utf-8") as summary:
            summary.write(reporters.get("markdown")(result, loaded))
