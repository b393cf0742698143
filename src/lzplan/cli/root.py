"""The ``lzplan`` command itself: the typer application, its plan group, ``--version``,
and ``main``, which turns SIGTERM and SIGHUP into a clean stop like Ctrl-C."""

from __future__ import annotations

import copy
import os
import sys
from typing import Annotated

import typer
from typer.main import get_command_name
from typer.models import CommandInfo

from lzplan import __version__
from lzplan.cli.common import (
    Stopped,
    interrupted_code,
    stop,
)
from lzplan.cli.options import (
    EXIT_CODES_HELP,
)

app = typer.Typer(
    name="lzplan",
    help=(
        "Check each responsible unit's submission against an annual rule-of-law work plan "
        "(泸州市人民政府2011年度依法行政工作安排).\n\n" + EXIT_CODES_HELP
    ),
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


plan_app = typer.Typer(help="Validate and show a plan file.", no_args_is_help=True)
app.add_typer(plan_app, name="plan")


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


def narrowed(args: list[str]) -> typer.Typer:
    """The application with only the command ``args`` name, when they start with one of
    the top-level commands: typer builds every command's parameters before it runs
    one, and a clerk's hook runs ``lzplan check`` many times a day. Its help, usage and
    errors are the same (the command keeps its name and its parent); ``--version`` alone
    needs none. Anything else — no command, a group, another option first, shell
    completion — gets the whole app."""
    if not args or "_LZPLAN_COMPLETE" in os.environ:
        return app
    named = [c for c in app.registered_commands if _name(c) == args[0]]
    if not named and args != ["--version"]:  # --version runs no command at all
        return app
    only = copy.copy(app)
    only.registered_commands = named
    only.registered_groups = []
    return only


def _name(command: CommandInfo) -> str:
    callback = command.callback
    return command.name or (get_command_name(callback.__name__) if callback else "")


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)  # KeyboardInterrupt from here
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), stop)
    try:
        narrowed(sys.argv[1:])()
    except (KeyboardInterrupt, Stopped) as stopped:  # while the command line is read
        raise SystemExit(interrupted_code(stopped)) from None
