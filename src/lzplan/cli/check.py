"""`check` and `explain`: the compliance matrix of every unit, and one unit's standing
requirement by requirement."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from lzplan.cli.common import (
    echo,
    find_plan,
    finish,
    fit_width,
    guarded,
    parse_date,
    plan_files,
    print_problems,
    terminal_console,
    use_color,
)
from lzplan.cli.options import (
    DEFAULT_SUBMISSIONS,
    EXIT_CODES_HELP,
    AllOption,
    AsOfOption,
    BindOption,
    CacheDirOption,
    CheckFixByOption,
    Color,
    ColorOption,
    DebugOption,
    FailOnChoice,
    FailOnOption,
    FiledOnlyOption,
    FormatOption,
    JobsOption,
    LangOption,
    NoCacheOption,
    OutputOption,
    PathsArgument,
    PlanOption,
    ScoresOption,
    StrictOption,
    SubmissionsOption,
    TaskArgument,
    UnitArgument,
    UnitOption,
    VerifyOption,
    WaiversOption,
    WidthOption,
)
from lzplan.cli.root import app
from lzplan.errors import (
    EXIT_INPUT,
    OutputError,
    UsageError,
)
from lzplan.messages import REFERENCE, Lang, msg

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from lzplan.check.run import Request, StreamedCheck
    from lzplan.check.stream import Lines
    from lzplan.plan.load import LoadedPlan
    from lzplan.reporters import Options
    from lzplan.reporters.write import Output


@app.command("check", epilog=EXIT_CODES_HELP)
@guarded
def check(
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    plan_option: PlanOption = None,
    waivers: WaiversOption = None,
    unit: UnitOption = None,
    filed_only: FiledOnlyOption = False,
    strict: StrictOption = False,
    fail_on: FailOnOption = FailOnChoice.missed,
    show_all: AllOption = False,
    fix_by: CheckFixByOption = None,
    width: WidthOption = None,
    jobs: JobsOption = 0,
    bind: BindOption = None,
    verify_evidence: VerifyOption = False,
    scores: ScoresOption = None,
    cache_dir: CacheDirOption = None,
    no_cache: NoCacheOption = False,
    output_format: FormatOption = "terminal",
    output: OutputOption = None,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Check the submissions against the plan and print the compliance matrix (a row a
    unit, a column a task), a summary, the shortfalls and notices; problems to stderr."""
    from lzplan.check import run

    inputs = tuple(paths or [DEFAULT_SUBMISSIONS])
    plan_path = find_plan(plan_option, lang, inputs)
    outputs = _outputs(output_format, output or [], inputs, plan_path, (waivers, scores))
    cache = None if no_cache else run.cache_folder(cache_dir, inputs)
    request = run.Request(inputs, plan_path, parse_date(as_of), waivers, unit, filed_only, jobs,
                          tuple(bind or ()), True, verify_evidence, scores, cache,
                          parse_date(fix_by, "--fix-by") if fix_by else None)  # fmt: skip
    level = "pending" if strict else fail_on.value
    return _report(request, outputs, _options(lang, color, show_all, level, width))


def _options(lang: Lang, color: Color, show_all: bool, level: str, width: int | None) -> Options:
    """How the reports are rendered: the colour and width a terminal allows."""
    from lzplan.reporters import Options

    return Options(lang, use_color(color), show_all, level, fit_width(width))


def _outputs(
    shown: str,
    specs: list[str],
    inputs: tuple[Path, ...],
    plan: Path,
    beside: tuple[Path | None, Path | None],
) -> Outputs:
    """Where the reports go, each refused when it would land on an input (the plan's
    folder, ``beside`` it the waivers and scores given, a folder being checked): the
    --output files, and GitHub's step summary when a format implies it. The waivers,
    too, are refused from a folder being checked."""
    from lzplan.check import run
    from lzplan.reporters import write

    run.refuse_waivers_inside(beside[0], inputs)
    read = [*inputs, *plan_files(plan, *beside)]
    write.refuse_terminal(shown, sys.stdout)
    targets = [write.parse(spec) for spec in specs]
    for spec, target in zip(specs, targets, strict=True):
        write.refuse_inputs([target.path], read, spec)
    formats = [shown, *(target.format for target in targets)]
    summary = write.summary_target(formats, os.environ)
    if summary is not None:
        write.refuse_inputs([summary], read, "$GITHUB_STEP_SUMMARY")
    return Outputs(shown, targets, formats)


@dataclass(frozen=True)
class Outputs:
    shown: str  # the format on standard output
    targets: list[Output]  # --output's files
    formats: list[str]  # every format asked for


def _report(request: Request, outputs: Outputs, options: Options) -> int:
    """Run the check, write every report, and say how it ended. A check whose reports
    all stream (terminal, JSON) streams its units through them."""
    from lzplan import reporters
    from lzplan.check import run
    from lzplan.reporters import write

    with run.no_gc():
        names = reporters.streaming(outputs.formats)
        if names is None:
            checked: run.Checked | run.StreamedCheck = run.check(request)
        else:
            checked = run.check_streamed(request, partial(_lines, names, options.lang))
        try:
            if isinstance(checked, run.StreamedCheck):
                assert names is not None
                report: write.Report = partial(_streamed, names, checked, options)
            else:
                report = write.reports(checked.result, checked.plan, options)
            write.emit(report, outputs.shown, outputs.targets, sys.stdout)
            if isinstance(checked, run.Checked):  # a format of the step summary never streams
                write.step_summary(checked.result, checked.plan, outputs.formats, options,
                                   os.environ)  # fmt: skip
        except OutputError as error:  # the run's own input problems still come first
            print_problems(checked, options.lang)
            for line in error.lines(options.lang):
                echo(line, err=True)
            return EXIT_INPUT
        finally:
            if isinstance(checked, run.StreamedCheck):
                checked.result.close()
    return finish(checked, options.lang, fail_on=options.fail_on)


def _lines(names: tuple[str, ...], lang: Lang, loaded: LoadedPlan, as_of: dt.date) -> Lines:
    """Each unit's lines, in every format streamed (joined when there are several)."""
    from lzplan import reporters
    from lzplan.check.stream import Several

    made = [reporters.streamer(name).lines(loaded, lang, as_of) for name in names]
    return made[0] if len(made) == 1 else Several(made)


def _streamed(
    names: tuple[str, ...], checked: StreamedCheck, options: Options, name: str
) -> Iterable[str]:
    from lzplan import reporters

    streamed = checked.result if len(names) == 1 else checked.result.of(names.index(name))
    return reporters.streamer(name).render_streamed(streamed, checked.plan, options)


@app.command("explain", epilog=EXIT_CODES_HELP)
@guarded
def explain(
    unit: UnitArgument,
    task: TaskArgument = None,
    paths: SubmissionsOption = None,
    as_of: AsOfOption = None,
    plan_option: PlanOption = None,
    waivers: WaiversOption = None,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Explain one unit's standing, requirement by requirement.

    For each requirement: its status and numbers, the threshold, the due date, the
    source sentence from the notice, and every evidence item with whether it counted
    and why not (outside the period, after the as-of date, duplicate 文号, late).
    """
    from lzplan.check import run
    from lzplan.reporters.explain import explain

    inputs = tuple(paths or [DEFAULT_SUBMISSIONS])
    plan_path = find_plan(plan_option, lang, inputs)
    checked = run.check(run.Request(inputs, plan_path, parse_date(as_of), waivers, unit))
    task_ids = [t.id for t in checked.plan.plan.tasks]
    if task is not None and task not in task_ids:
        raise UsageError(msg("usage.unknown_task", task=task, known=task_ids))
    explain(terminal_console(color), checked.result, checked.plan.index, task, lang)
    return finish(checked, lang)
