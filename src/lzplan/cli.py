"""The command line. The only module that knows about typer and exit codes."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from lzplan import __version__
from lzplan.errors import EXIT_INTERNAL, InputError, LzplanError

EXIT_CODES_HELP = (
    "Exit codes: 0 nothing missed; 1 something missed or not submitted after its due date "
    "(with --strict, also anything pending); 2 invalid input or usage; 3 a bug in lzplan."
)
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


def _fail(error: LzplanError) -> NoReturn:
    if isinstance(error, InputError):
        for problem in error.problems:
            typer.echo(str(problem), err=True)
        count = len(error.problems)
        typer.echo(f"{count} problem{'s' if count != 1 else ''} found", err=True)
    else:
        typer.echo(f"error: {error}", err=True)
    raise typer.Exit(error.exit_code)


def _run(debug: bool, action: Callable[[], int]) -> None:
    """Run a command; turn lzplan's errors into messages and exit codes."""
    try:
        code = action()
    except LzplanError as error:
        _fail(error)
    except Exception as error:
        if debug:
            raise
        typer.echo(
            f"internal error: {type(error).__name__}: {error}\n"
            "This is a bug in lzplan. Please report it with the command you ran; "
            "--debug shows the traceback.",
            err=True,
        )
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
) -> None:
    """Check a plan: its schema, its cross-references, and its quotes against the notice.

    Exit 0 when valid; 2 with every problem listed as file:line:column otherwise.
    """

    def action() -> int:
        from lzplan import plan as plans

        path = plan or plan_option
        loaded = plans.load(path)
        requirements = sum(len(task.requirements) for task in loaded.plan.tasks)
        typer.echo(
            f"{loaded.display}: valid: {len(loaded.plan.units)} units, "
            f"{len(loaded.plan.groups)} groups, {len(loaded.plan.tasks)} tasks, "
            f"{requirements} requirements; every quote, bracket, quota and deadline "
            "traced to the notice"
        )
        return 0

    _run(debug, action)


@plan_app.command("show")
def plan_show(
    plan: Annotated[Path | None, typer.Argument(help="Plan file; default: --plan.")] = None,
    plan_option: PlanOption = DEFAULT_PLAN,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
) -> None:
    """Show the plan's tasks and requirements: who owes what, how much, and by when."""

    def action() -> int:
        from lzplan import plan as plans
        from lzplan.reporters import plan_view

        plan_view.show_plan(_console(color), plans.load(plan or plan_option))
        return 0

    _run(debug, action)


@app.command("units")
def units(
    plan_option: PlanOption = DEFAULT_PLAN,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
) -> None:
    """List the plan's units: id, Chinese name, kind, tags and the groups they belong to."""

    def action() -> int:
        from lzplan import plan as plans
        from lzplan.reporters import plan_view

        plan_view.show_units(_console(color), plans.load(plan_option))
        return 0

    _run(debug, action)


class SchemaName(StrEnum):
    plan = "plan"


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


def main() -> None:
    app()
