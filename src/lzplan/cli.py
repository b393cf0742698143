"""The command line. The only module that knows about typer and exit codes."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from lzplan import __version__
from lzplan.errors import (
    EXIT_FAILED,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    InputError,
    LzplanError,
    UsageError,
)
from lzplan.i18n import msg

EXIT_CODES_HELP = (
    "Exit codes: 0 nothing missed; 1 something missed or not submitted after its due date "
    "(with --strict, also anything pending); 2 invalid input or usage; 3 a bug in lzplan."
)
if TYPE_CHECKING:
    from lzplan import run

DEFAULT_PLAN = Path("plan/2011.yaml")

app = typer.Typer(
    name="lzplan",
    help=(
        "Check each responsible unit's submission against an annual rule-of-law work plan "
        "(泸州市人民政府2011年度依法行政工作安排).\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
plan_app = typer.Typer(help="Validate and show a plan file.", no_args_is_help=True)
app.add_typer(plan_app, name="plan")


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


PlanOption = Annotated[
    Path,
    typer.Option(
        "--plan",
        envvar="LZPLAN_PLAN",
        help="The plan file (env LZPLAN_PLAN).",
        show_default=True,
    ),
]
ColorOption = Annotated[
    Color, typer.Option("--color", help="Colour the output: auto (when a terminal), always, never.")
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the Python traceback of an internal error.")
]


class Language(StrEnum):
    en = "en"
    zh = "zh"


LangOption = Annotated[
    Language,
    typer.Option(
        "--lang",
        envvar="LZPLAN_LANG",
        help="Language of labels, statuses, summaries and messages: en or zh (env LZPLAN_LANG). "
        "The plan's own text stays as written.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"lzplan {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    """lzplan: the work plan as data, and every unit checked against it."""


def _use_color(choice: Color) -> bool:
    if choice is Color.auto:
        return sys.stdout.isatty() and "NO_COLOR" not in os.environ
    return choice is Color.always


def _count_line(count: int, lang: Language) -> str:
    if lang is Language.zh:
        return f"发现 {count} 个问题"
    return f"{count} problem{'s' if count != 1 else ''} found"


def _fail(error: LzplanError, lang: Language) -> NoReturn:
    for line in error.lines(lang.value):
        typer.echo(line, err=True)
    if isinstance(error, InputError):
        typer.echo(_count_line(len(error.problems), lang), err=True)
    raise typer.Exit(error.exit_code)


_BUG = {
    Language.en: "internal error: {error}\nThis is a bug in lzplan. Please report it with the "
    "command you ran; --debug shows the traceback.",
    Language.zh: "内部错误：{error}\n这是 lzplan 的缺陷，请连同所运行的命令一起报告；"
    "加 --debug 可显示调用栈。",
}


def _run(debug: bool, lang: Language, action: Callable[[], int]) -> None:
    """Run a command; turn lzplan's errors into messages and exit codes."""
    try:
        code = action()
    except LzplanError as error:
        _fail(error, lang)
    except Exception as error:
        if debug:
            raise
        typer.echo(_BUG[lang].format(error=f"{type(error).__name__}: {error}"), err=True)
        raise typer.Exit(EXIT_INTERNAL) from None
    raise typer.Exit(code)


def _console(color: Color):  # type: ignore[no-untyped-def]
    from lzplan.reporters import console

    return console.make(sys.stdout, color=_use_color(color))


@plan_app.command("validate")
def plan_validate(
    plan: Annotated[Path | None, typer.Argument(help="Plan file; default: --plan.")] = None,
    plan_option: PlanOption = DEFAULT_PLAN,
    debug: DebugOption = False,
    lang: LangOption = Language.en,
) -> None:
    """Check a plan: its schema, its cross-references, and its quotes against the notice.

    Exit 0 when valid; 2 with every problem listed as file:line:column otherwise.
    """

    def action() -> int:
        from lzplan import plan as plans

        path = plan or plan_option
        loaded = plans.load(path)
        from lzplan.reporters import labels

        requirements = sum(len(task.requirements) for task in loaded.plan.tasks)
        summary = labels.ui(
            "pv.valid",
            lang.value,
            file=loaded.display,
            units=len(loaded.plan.units),
            groups=len(loaded.plan.groups),
            tasks=len(loaded.plan.tasks),
            requirements=requirements,
        )
        typer.echo(summary)
        return 0

    _run(debug, lang, action)


@plan_app.command("show")
def plan_show(
    plan: Annotated[Path | None, typer.Argument(help="Plan file; default: --plan.")] = None,
    plan_option: PlanOption = DEFAULT_PLAN,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = Language.en,
) -> None:
    """Show the plan's tasks and requirements: who owes what, how much, and by when."""

    def action() -> int:
        from lzplan import plan as plans
        from lzplan.reporters import plan_view

        plan_view.show_plan(_console(color), plans.load(plan or plan_option), lang.value)
        return 0

    _run(debug, lang, action)


@app.command("units")
def units(
    plan_option: PlanOption = DEFAULT_PLAN,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = Language.en,
) -> None:
    """List the plan's units: id, Chinese name, kind, tags and the groups they belong to."""

    def action() -> int:
        from lzplan import plan as plans
        from lzplan.reporters import plan_view

        plan_view.show_units(_console(color), plans.load(plan_option), lang.value)
        return 0

    _run(debug, lang, action)


class Format(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"
    junit = "junit"
    github = "github"
    parsable = "parsable"
    html = "html"


class SchemaName(StrEnum):
    plan = "plan"
    submission = "submission"
    waivers = "waivers"
    report = "report"


@app.command("schema")
def schema(
    name: Annotated[SchemaName, typer.Argument(help="Which file format.")],
) -> None:
    """Print the JSON Schema of a file format.

    Editors use it to autocomplete and check the YAML through a first line such as
    `# yaml-language-server: $schema=../schemas/plan.schema.json`.
    """
    from lzplan import schemas

    typer.echo(json.dumps(schemas.build(name.value), ensure_ascii=False, indent=2))


def _date(value: str | None, option: str = "--as-of") -> dt.date:
    if value is None:
        return dt.date.today()  # the only place lzplan reads the clock
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(msg("usage.date", option=option, value=value)) from None


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Judge the submissions as on this date: evidence dated later does not count, "
        "and what is due later is pending. Default: today.",
    ),
]
WaiversOption = Annotated[
    Path | None,
    typer.Option(
        "--waivers",
        help="Waiver file granted by the plan's owner. Default: waivers-<plan name>.yaml "
        "beside the plan, when it exists.",
    ),
]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Submission files or folders (folders are searched for *.yaml and *.yml). "
        "Default: submissions/.",
        show_default=False,
    ),
]


def _print_report(
    outcome: run.Outcome, output_format: Format, color: Color, lang: Language, show_all: bool
) -> None:
    from lzplan import reporters

    if output_format is Format.json:  # the one format large enough to stream
        chunks = reporters.stream("json")(outcome.result, outcome.plan, lang.value)
        sys.stdout.writelines(chunks)
        return
    reporter = reporters.get(output_format.value)
    text = reporter(
        outcome.result,
        outcome.plan,
        color=_use_color(color),
        lang=lang.value,
        show_all=show_all,
    )
    sys.stdout.write(text)


def _report_problems(outcome: run.Outcome, lang: Language) -> None:
    for problem in outcome.result.problems:
        typer.echo(problem.render(lang.value), err=True)
    if outcome.result.problems:
        typer.echo(_count_line(len(outcome.result.problems), lang), err=True)


def _exit_code(outcome: run.Outcome, *, strict: bool) -> int:
    if outcome.result.problems:
        return EXIT_INPUT
    return EXIT_FAILED if outcome.result.failing(strict=strict) else EXIT_OK


@app.command("check", epilog=EXIT_CODES_HELP)
def check(
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    plan_option: PlanOption = DEFAULT_PLAN,
    waivers: WaiversOption = None,
    unit: Annotated[
        str | None,
        typer.Option("--unit", help="Check only this unit (what a unit's own repository runs)."),
    ] = None,
    filed_only: Annotated[
        bool,
        typer.Option(
            "--filed-only",
            help="Check only the units whose files are given (what a pre-commit hook runs "
            "on the files it is handed).",
        ),
    ] = False,
    strict: Annotated[
        bool, typer.Option("--strict", help="Also fail (exit 1) on pending requirements.")
    ] = False,
    show_all: Annotated[
        bool,
        typer.Option(
            "--all",
            help="Show every unit and shortfall; by default a matrix of more than 60 units "
            "shows only those behind, not submitted or invalid, and says how many it hid.",
        ),
    ] = False,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            min=0,
            help="Processes to read and judge files with; 0 (default) uses every core once "
            "there are enough files. The result is the same either way.",
        ),
    ] = 0,
    output_format: Annotated[
        Format, typer.Option("--format", "-f", help="What to print on standard output.")
    ] = Format.terminal,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FORMAT:PATH",
            help="Also write a report to a file, e.g. markdown:STATUS.md or json:status.json. "
            "Repeat for several.",
        ),
    ] = None,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = Language.en,
) -> None:
    """Check the submissions against the plan and print the compliance matrix.

    Rows are units (districts and counties first, then departments), columns are the
    plan's tasks; each cell shows the worst status of that task's requirements for that
    unit. Below it: a summary, the shortfalls (worst first) and notices such as unused
    waivers. Input problems are printed to stderr as file:line:column.
    """

    def action() -> int:
        from lzplan import outputs, run

        inputs = tuple(paths or [Path("submissions")])
        files = [outputs.parse(spec, inputs) for spec in output or []]
        request = run.Request(inputs, plan_option, _date(as_of), waivers, unit, filed_only, jobs)
        with run.no_gc():
            outcome = run.check(request)
            _print_report(outcome, output_format, color, lang, show_all)
            outputs.write(files, outcome.result, outcome.plan, lang.value)
        if "github" in {output_format.value, *(f.format for f in files)}:
            outputs.step_summary(outcome.result, outcome.plan, os.environ, lang.value)
        _report_problems(outcome, lang)
        return _exit_code(outcome, strict=strict)

    _run(debug, lang, action)


@app.command("explain", epilog=EXIT_CODES_HELP)
def explain(
    unit: Annotated[str, typer.Argument(help="The unit id (see `lzplan units`).")],
    task: Annotated[str | None, typer.Argument(help="Only this task, e.g. t1-1.")] = None,
    paths: Annotated[
        list[Path] | None,
        typer.Option("--submissions", "-s", help="Submission files or folders."),
    ] = None,
    as_of: AsOfOption = None,
    plan_option: PlanOption = DEFAULT_PLAN,
    waivers: WaiversOption = None,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = Language.en,
) -> None:
    """Explain one unit's standing, requirement by requirement.

    For each requirement: its status and numbers, the threshold, the due date, the
    source sentence from the notice, and every evidence item with whether it counted
    and why not (outside the period, after the as-of date, duplicate 文号, late).
    """

    def action() -> int:
        from lzplan import run
        from lzplan.reporters import terminal

        request = run.Request(
            tuple(paths or [Path("submissions")]), plan_option, _date(as_of), waivers, unit
        )
        outcome = run.check(request)
        task_ids = [t.id for t in outcome.plan.plan.tasks]
        if task is not None and task not in task_ids:
            raise UsageError(msg("usage.unknown_task", task=task, known=task_ids))
        terminal.explain(_console(color), outcome.result, outcome.plan.index, task, lang.value)
        _report_problems(outcome, lang)
        return _exit_code(outcome, strict=False)

    _run(debug, lang, action)


@app.command("init")
def init(
    unit: Annotated[str, typer.Argument(help="The unit id (see `lzplan units`).")],
    plan_option: PlanOption = DEFAULT_PLAN,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the template here instead of printing it."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")] = False,
    reported: Annotated[
        str | None,
        typer.Option("--reported", metavar="YYYY-MM-DD", help="The report date. Default: today."),
    ] = None,
    schema_ref: Annotated[
        str,
        typer.Option("--schema", help="Where editors find the submission schema."),
    ] = "submission.schema.json",
    debug: DebugOption = False,
    lang: LangOption = Language.en,
) -> None:
    """Write a submission template listing exactly what UNIT owes.

    Each requirement comes with comments quoting the notice and giving its due date.
    The template is a valid submission with nothing reported yet; fill in the evidence.
    Write the schema beside it with `lzplan schema submission > submission.schema.json`.
    """

    def action() -> int:
        from lzplan import plan as plans
        from lzplan import template

        loaded = plans.load(plan_option)
        if unit not in loaded.index.units:
            raise UsageError(msg("usage.unknown_unit_short", unit=unit))
        reported_on = _date(reported, "--reported")
        text = template.render(loaded, unit, reported_on, schema_ref, lang.value)
        if output is None:
            sys.stdout.write(text)
            return EXIT_OK
        if output.exists() and not force:
            raise UsageError(msg("usage.exists", path=output))
        output.write_text(text, encoding="utf-8")
        typer.echo(f"wrote {output}", err=True)
        return EXIT_OK

    _run(debug, lang, action)


@app.command("extract")
def extract(
    notice: Annotated[Path, typer.Argument(help="The notice's text (UTF-8).")],
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="The plan year, where the text gives none. Default: the text's."
        ),
    ] = None,
    units: Annotated[
        Path | None,
        typer.Option(
            "--units",
            help="Unit registry: a YAML file with `units:` and `groups:` (a plan file will do). "
            "Default: the --plan file's.",
        ),
    ] = None,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the draft here.")
    ] = None,
    compare_with: Annotated[
        Path | None,
        typer.Option(
            "--compare",
            help="A reviewed plan: print precision and recall of the draft's tasks, owners, "
            "quotas and due dates against it.",
        ),
    ] = None,
    plan_option: PlanOption = DEFAULT_PLAN,
    force: Annotated[bool, typer.Option("--force", help="Overwrite an existing draft.")] = False,
    debug: DebugOption = False,
    lang: LangOption = Language.en,
) -> None:
    """Draft a plan from the text of a 依法行政工作安排 notice.

    Rule-based and offline. Every task, owner, quota and due date in the draft quotes
    the sentence it came from; what is uncertain (an unknown unit, a vague 有关部门, a
    deadline with no year) is marked with a `# REVIEW:` comment. Review the draft, then
    check it with `lzplan plan validate`.
    """

    def action() -> int:
        from lzplan import extracting

        draft_text = extracting.run(notice, units or plan_option, year, output)
        if output is not None:
            if output.exists() and not force:
                raise UsageError(msg("usage.exists", path=output))
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(draft_text, encoding="utf-8")
            typer.echo(f"wrote {output}", err=True)
        elif compare_with is None:
            sys.stdout.write(draft_text)
        if compare_with is not None:
            sys.stdout.write(extracting.scores(draft_text, str(output or notice), compare_with))
        return EXIT_OK

    _run(debug, lang, action)


def main() -> None:
    app()
