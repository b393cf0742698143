"""The command line: options and wiring only. The one module that knows about typer,
and (in ``guarded``) the one place lzplan's errors become messages and exit codes.

Heavy modules are imported inside the commands, so each command pays only for what
it uses.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from lzplan import __version__, completion
from lzplan.errors import (
    EXIT_FAILED,
    EXIT_INPUT,
    EXIT_INTERNAL,
    EXIT_OK,
    InputError,
    LzplanError,
    OutputError,
    UsageError,
)
from lzplan.messages import REFERENCE, Lang, languages, msg, plural, say
from lzplan.reporters import FORMATS

if TYPE_CHECKING:
    from lzplan.check.run import Checked

EXIT_CODES_HELP = (
    "Exit codes: 0 nothing missed; 1 something missed or not submitted by its due date "
    "(with --strict, also anything pending); 2 invalid input or usage; 3 a bug in lzplan."
)
DEFAULT_SUBMISSIONS = Path("submissions")

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


# ---------------------------------------------------------------- options


def _choice(known: Callable[[], Iterable[str]], name: str) -> Callable[[str], str]:
    """A callback accepting one of ``known()``, asked when the option is read (so a
    catalogue or format added at run time is a valid choice)."""

    def check(value: str) -> str:
        choices = list(known())
        if value not in choices:
            shown = ", ".join(repr(choice) for choice in choices)
            raise typer.BadParameter(f"{value!r} is not one of {shown}.", param_hint=name)
        return value

    return check


def _language(ctx: typer.Context, param: typer.CallbackParam, value: str) -> str:
    """--lang, else LZPLAN_LANG, else the locale as gettext reads it (LC_ALL, then
    LC_MESSAGES, then LANG: zh_CN.UTF-8 → zh), else English."""
    source = ctx.get_parameter_source(param.name or "lang")
    if source is not None and source.name == "DEFAULT":
        value = locale_language(os.environ)
    return _choice(languages, "--lang")(value)


def locale_language(environ: os._Environ[str] | dict[str, str]) -> str:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        setting = environ.get(name, "")
        if setting:
            language = setting.split("_")[0].split(".")[0].lower()
            return language if language in languages() else REFERENCE
    return REFERENCE


class Color(StrEnum):
    auto = "auto"
    always = "always"
    never = "never"


class FailOnChoice(StrEnum):
    invalid = "invalid"
    missed = "missed"
    pending = "pending"


class SchemaName(StrEnum):
    plan = "plan"
    submission = "submission"
    waivers = "waivers"
    report = "report"
    scores = "scores"
    breakdown = "breakdown"
    documents = "documents"


PlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        envvar="LZPLAN_PLAN",
        metavar="PATH|ID",
        show_default=False,
        help="The plan: a file, or the id of a plan shipped with lzplan (`lzplan plan list`). "
        "Default: plan/2011.yaml when the folder has one, else the shipped plan the "
        "submissions name (env LZPLAN_PLAN).",
        autocompletion=completion.plans,
    ),
]
PlanArgument = Annotated[
    Path | None, typer.Argument(metavar="[PLAN]", help="Plan file; default: --plan.")
]
ColorOption = Annotated[
    Color,
    typer.Option(
        "--color",
        metavar="[auto|always|never]",
        help="Colour the output: auto (on a terminal; NO_COLOR, FORCE_COLOR and TERM=dumb are "
        "honoured), always, never.",
    ),
]
DebugOption = Annotated[
    bool, typer.Option("--debug", help="Show the Python traceback of an internal error.")
]
LangOption = Annotated[
    str,
    typer.Option(
        "--lang",
        envvar="LZPLAN_LANG",
        metavar="[" + "|".join(languages()) + "]",
        callback=_language,
        autocompletion=languages,
        help="Language of labels, statuses, summaries and messages. Default: env "
        "LZPLAN_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG: zh_CN.UTF-8 gives zh), "
        "else en. The plan's own text stays as written.",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="YYYY-MM-DD",
        help="Judge the submissions as at the end of this day: evidence dated later does "
        "not count, what is due later is pending, and what was due by then and is not met "
        "is missed. Default: today.",
    ),
]
WaiversOption = Annotated[
    Path | None,
    typer.Option(
        "--waivers",
        metavar="PATH",
        help="Waiver file granted by the plan's owner. Default: waivers-<plan name>.yaml "
        "beside the plan, when it exists.",
    ),
]
PathsArgument = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH",  # typer writes it [PATH]... in the usage line
        help="Submission files or folders (folders are searched for *.yaml and *.yml). "
        "Default: submissions/.",
        show_default=False,
    ),
]
UnitOption = Annotated[
    str | None,
    typer.Option(
        "--unit",
        metavar="UNIT",
        help="Check only this unit, reading every file given as its own (what a unit's "
        "repository runs): a file claiming another unit is an error.",
        autocompletion=completion.units,
    ),
]
FiledOnlyOption = Annotated[
    bool,
    typer.Option(
        "--filed-only",
        help="Check only the units whose files are given (what a pre-commit hook runs "
        "on the files it is handed).",
    ),
]
StrictOption = Annotated[
    bool,
    typer.Option("--strict", help="Also fail (exit 1) on pending requirements: --fail-on pending."),
]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all",
        help="Show every unit and shortfall; by default a matrix of more than 60 units "
        "shows only those behind, not submitted or invalid, and says how many it hid.",
    ),
]
WidthOption = Annotated[
    int | None,
    typer.Option(
        "--width",
        metavar="COLUMNS",
        min=20,
        max=1000,
        help="Fit the terminal matrix in COLUMNS: long unit names wrap, and tasks that "
        "still do not fit are split over blocks that each repeat the units. Default: the "
        "terminal's width when the output is a terminal (COLUMNS is honoured); to a pipe "
        "or a file, as wide as the content, so the bytes never depend on a terminal.",
    ),
]
VerifyOption = Annotated[
    bool,
    typer.Option(
        "--verify-evidence",
        help="Read each document an evidence item names (file:, inside the submission's "
        "folder) and compare its sha256; a missing or different document is an error.",
    ),
]
FailOnOption = Annotated[
    FailOnChoice,
    typer.Option(
        "--fail-on",
        metavar="[invalid|missed|pending]",
        help="What fails the run: invalid (input problems only, exit 2: what a pre-commit "
        "hook blocks), missed (also anything missed or not submitted by its due date, exit "
        "1; the default), pending (also anything still pending; --strict).",
    ),
]
BindOption = Annotated[
    list[str] | None,
    typer.Option(
        "--bind",
        metavar="PATTERN",
        help="Where a unit's file sits, for a central repository laid out otherwise, e.g. "
        "'repos/{unit}/submissions/*.yaml' (repeatable). By default a file speaks only for "
        "the unit it is named after (gulin.yaml) or whose folder it is in (gulin/…).",
    ),
]
JobsOption = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        metavar="N",
        min=0,
        help="Processes to read and judge files with; 0 (default) uses the idle cores "
        "once there are enough files (one on a busy machine). The result is the same "
        "either way.",
    ),
]
CacheDirOption = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        metavar="PATH",
        envvar="LZPLAN_CACHE_DIR",
        show_envvar=False,
        help="Keep each file's verdict here, so a re-check judges only the files that "
        "changed (env LZPLAN_CACHE_DIR; default: $XDG_CACHE_HOME/lzplan, ~/.cache/lzplan). "
        "A verdict is kept by the hashes of the file, the plan, the waivers, the as-of "
        "date and lzplan's version: it never changes a result.",
        show_default=False,
    ),
]
NoCacheOption = Annotated[
    bool,
    typer.Option("--no-cache", help="Judge every file afresh; read and write no cache."),
]
ScoresOption = Annotated[
    Path | None,
    typer.Option(
        "--scores",
        metavar="PATH",
        help="The 考核 weights (e.g. plan/scores-2011.yaml): points per task or requirement, "
        "deductions for late, missed and not submitted, the groups ranked apart. Adds each "
        "unit's score and rank to every report.",
    ),
]
FixByOption = Annotated[
    str | None,
    typer.Option(
        "--fix-by",
        metavar="YYYY-MM-DD",
        help="The date to remedy the gaps by: in a 整改通知 (--unit; default 30 days after "
        "--as-of), and in the 通报's closing request.",
    ),
]
DocumentDateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        metavar="YYYY-MM-DD",
        help="成文日期 and 印发日期 of the document (the day it is signed, after the "
        "statistics it reports, which stop at --as-of). Default: left blank for the drafter.",
    ),
]
NoticeUnitOption = Annotated[
    str | None,
    typer.Option(
        "--unit",
        metavar="UNIT",
        help="Write this unit's 整改通知 instead of the 通报: its open gaps (missed, not "
        "reported, filed in error), what each needs, its due date, and what falls due by "
        "--fix-by.",
        autocompletion=completion.units,
    ),
]
DocumentOutputOption = Annotated[
    list[str] | None,
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        help="Write the document to PATH: .docx (laid out after GB/T 9704) or .md; repeat "
        "for both. Without it, the markdown goes to standard output.",
    ),
]
FormatOption = Annotated[
    str,
    typer.Option(
        "--format",
        "-f",
        metavar="[" + "|".join(FORMATS) + "]",
        callback=_choice(lambda: FORMATS, "--format"),
        autocompletion=lambda: list(FORMATS),
        help="What to print on standard output.",
    ),
]
OutputOption = Annotated[
    list[str] | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FORMAT:PATH",
        help="Also write a report to a file, e.g. markdown:STATUS.md or json:status.json. "
        "Repeat for several.",
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
UnitArgument = Annotated[
    str,
    typer.Argument(
        metavar="UNIT", help="The unit id (see `lzplan units`).", autocompletion=completion.units
    ),
]
TaskArgument = Annotated[
    str | None,
    typer.Argument(
        metavar="[TASK]", help="Only this task, e.g. t1-1.", autocompletion=completion.tasks
    ),
]
SubmissionsOption = Annotated[
    list[Path] | None,
    typer.Option("--submissions", "-s", metavar="PATH", help="Submission files or folders."),
]
TemplateOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="PATH", help="Write the template here instead of printing it."
    ),
]
ReportedOption = Annotated[
    str | None,
    typer.Option("--reported", metavar="YYYY-MM-DD", help="The report date. Default: today."),
]
SchemaRefOption = Annotated[
    str | None,
    typer.Option(
        "--schema",
        metavar="URL|PATH",
        help="Where editors find the submission schema. Default: UNIT.schema.json, the "
        "schema of what UNIT owes, written beside the file (-o).",
    ),
]
NoticeArgument = Annotated[
    Path, typer.Argument(metavar="NOTICE", help="The notice's text (UTF-8).")
]
YearOption = Annotated[
    int | None,
    typer.Option(
        "--year",
        metavar="YEAR",
        min=1949,
        max=2199,
        help="The plan year, where the text gives none. Default: the text's.",
    ),
]
RegistryOption = Annotated[
    Path | None,
    typer.Option(
        "--units",
        metavar="PATH",
        help="Unit registry: a YAML file with `units:` and `groups:` (a plan file will do). "
        "Default: the --plan file's, refused if the notice names none of its units.",
    ),
]
DraftOption = Annotated[
    Path | None, typer.Option("--output", "-o", metavar="PATH", help="Write the draft here.")
]
CompareOption = Annotated[
    Path | None,
    typer.Option(
        "--compare",
        metavar="PATH",
        help="A reviewed plan: score the draft against it requirement by requirement "
        "(task, owners, kind, quota, due date), and list the differences.",
    ),
]


# ---------------------------------------------------------------- the wrapper


def guarded(command: Callable[..., int]) -> Callable[..., None]:
    """Run a command and exit with its code; turn lzplan's errors into messages and exit
    codes, and anything else into exit 3 (a bug) with a hint to report it."""

    @functools.wraps(command)
    def run(*args: object, **kwargs: object) -> None:
        lang = str(kwargs.get("lang", REFERENCE))
        try:
            code = command(*args, **kwargs)
            sys.stdout.flush()
        except LzplanError as error:
            _fail(error, lang)
        except (KeyboardInterrupt, Stopped) as stopped:  # Ctrl-C: no traceback, no half report
            _echo(say("cli.interrupted", lang), err=True)
            raise typer.Exit(_interrupted_code(stopped)) from None
        except BrokenPipeError:  # | head: the reader has all it wanted
            _silence_stdout()
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except Exception as error:
            if kwargs.get("debug"):
                raise
            _echo(say("cli.bug", lang, error=f"{type(error).__name__}: {error}"), err=True)
            raise typer.Exit(EXIT_INTERNAL) from None
        raise typer.Exit(code)

    return run


EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a command stopped by Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as `yes | head` reports


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush cannot fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # not a real file (a test's capture)
        pass


def _fail(error: LzplanError, lang: Lang) -> NoReturn:
    for line in error.lines(lang):
        _echo(line, err=True)
    if isinstance(error, InputError):
        _echo(_count_line(len(error.problems), lang), err=True)
    raise typer.Exit(error.exit_code)


def _count_line(count: int, lang: Lang) -> str:
    return say(plural("cli.problems_found", count), lang, count=count)


def _echo(text: str, *, err: bool = False) -> None:
    """Print a line. None of lzplan's lines to standard error starts with `::`, which
    GitHub's runner would execute as a workflow command (a file named ::add-mask::…)."""
    if err and text.startswith("::"):
        text = "./" + text
    typer.echo(text, err=err)


def _use_color(choice: Color) -> bool:
    """--color; in auto, the conventions: NO_COLOR (set and not empty) turns colour off,
    FORCE_COLOR (not empty, not 0) on, TERM=dumb off; else colour on a terminal."""
    if choice is not Color.auto:
        return choice is Color.always
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    if os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


def _width(asked: int | None) -> int | None:
    """--width; else, on a terminal, its width (COLUMNS first, as shells set it); else
    None: a pipe or a file gets the report as wide as its content."""
    if asked is not None or not sys.stdout.isatty():
        return asked
    import shutil

    return max(20, shutil.get_terminal_size().columns)


def _date(value: str | None, option: str = "--as-of") -> dt.date:
    if value is None:
        return dt.date.today()  # the only place lzplan reads the clock
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise UsageError(msg("usage.date", option=option, value=value)) from None
    if not FIRST_DAY <= day <= LAST_DAY:  # what follows a date (due, fix-by) stays a date
        raise UsageError(msg("usage.date_range", option=option, value=value,
                             first=FIRST_DAY, last=LAST_DAY))  # fmt: skip
    return day


# The dates lzplan reads from the command line: a work plan of any year a government
# has issued one, with room for the days counted after it (--within, --fix-by).
FIRST_DAY, LAST_DAY = dt.date(1949, 10, 1), dt.date(2199, 12, 31)


def _console(color: Color):  # type: ignore[no-untyped-def]
    from lzplan.reporters import console

    return console.make(sys.stdout, color=_use_color(color))


def _finish(checked: Checked, lang: Lang, *, fail_on: str = "missed") -> int:
    """Input problems to stderr, then the exit code of a check."""
    if _print_problems(checked, lang):
        return EXIT_INPUT
    from lzplan.check.result import FailOn

    return EXIT_FAILED if checked.result.failing(FailOn(fail_on)) else EXIT_OK


def _print_problems(checked: Checked, lang: Lang) -> bool:
    problems = checked.result.problems
    for problem in problems:
        _echo(problem.render(lang), err=True)
    if problems:
        _echo(_count_line(len(problems), lang), err=True)
    return bool(problems)


def _write(path: Path, text: str, force: bool, lang: Lang, inputs: Iterable[Path] = ()) -> None:
    """Write a file lzplan made (a template, a draft): never over an input, never half."""
    from lzplan.reporters import write

    write.refuse_inputs([path], inputs)
    if path.exists() and not force:
        raise UsageError(msg("usage.exists", path=path))
    write.atomic_write(path, [text])
    _echo(say("cli.wrote", lang, path=path), err=True)


# ---------------------------------------------------------------- commands


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


@plan_app.command("validate")
@guarded
def plan_validate(
    plan: PlanArgument = None,
    plan_option: PlanOption = None,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Check a plan: its schema, its cross-references, and its quotes against the notice.

    Exit 0 when valid; 2 with every problem listed as file:line:column otherwise.
    """
    from lzplan.plan.load import load
    from lzplan.reporters import plan_view

    _echo(plan_view.validated(load(_plan(plan or plan_option, lang)), lang))
    return EXIT_OK


@plan_app.command("list")
@guarded
def plan_list(
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """List the plans shipped with lzplan: id, title, and where the file is.

    Any of them is usable as `--plan ID` from any folder; a unit's repository needs no
    copy of the plan.
    """
    from lzplan.plan import shipped
    from lzplan.plan.load import load

    for plan in shipped.shipped():
        info = load(plan.path).plan.plan
        _echo(say("plan.list_line", lang, id=plan.id, title=info.title, path=str(plan.path)))
    return EXIT_OK


@plan_app.command("show")
@guarded
def plan_show(
    plan: PlanArgument = None,
    plan_option: PlanOption = None,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Show the plan's tasks and requirements: who owes what, how much, and by when."""
    from lzplan.plan.load import load
    from lzplan.reporters import plan_view

    plan_view.show_plan(_console(color), load(_plan(plan or plan_option, lang)), lang)
    return EXIT_OK


@plan_app.command("breakdown", epilog=(
    "Exit codes: 0 the documents were written; 2 invalid input or usage (a plan or "
    "breakdown with problems, a plan that cites no breakdown, an output lzplan cannot "
    "name or write); 3 a bug in lzplan."
))  # fmt: skip
@guarded
def plan_breakdown(
    plan: PlanArgument = None,
    plan_option: PlanOption = None,
    output: Annotated[
        list[str] | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="Write to PATH: .docx (the 通知 and its 附件, laid out after GB/T 9704), "
            ".xlsx (one row per unit and duty) or .md; or name the format, xlsx:PATH. "
            "Repeat for several. Without it, the 通知 goes to standard output as markdown.",
        ),
    ] = None,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Issue the 任务分解 the plan cites (plan.breakdown): the 通知 that 印发 it, and
    its table of who does what.

    The 通知: title (发文机关关于印发《任务分解》的通知), 文号, 主送 (the breakdown's
    main_to, else the notice's addressees), a short body, the 附件 line, the 发文机关 and
    the 成文日期 (the breakdown's date); then the 附件, one row per requirement: 序号,
    工作任务, 具体要求, 责任单位 (every unit that owes it: the notice's groups and the
    breakdown's rows expanded to units), 牵头或配合 (the task's leads and supporting
    units), 完成时限 (the notice's deadline words, else the date) and 报送材料 (what the
    unit files, by the requirement's kind).

    The workbook has a row per unit and duty, with its 依据: 通知 when the notice's own
    words name the unit, the breakdown's 文号 when a row of the breakdown puts it there.
    The same plan and breakdown give the same bytes. Use --lang zh for the document as
    the office issues it; review it before it is sent.

    \b
    Example:
      lzplan plan breakdown --plan plan/2011.yaml --lang zh \\
          -o 任务分解.docx -o 任务分解.xlsx
    """
    from lzplan.bulletin import breakdown
    from lzplan.plan.load import load
    from lzplan.reporters import write

    plan_path = _plan(plan or plan_option, lang)
    targets = [breakdown.parse(spec) for spec in output or []]
    loaded = load(plan_path)
    breakdown.cited(loaded)
    write.refuse_inputs([t.path for t in targets],
                        _plan_files(plan_path, breakdown.source(loaded)))  # fmt: skip
    if not targets:
        sys.stdout.write(breakdown.render("markdown", loaded, lang).decode("utf-8"))
    for target in targets:
        write.atomic_write(target.path, [breakdown.render(target.format, loaded, lang)])
        _echo(say("cli.wrote", lang, path=target.path), err=True)
    return EXIT_OK


@app.command("units")
@guarded
def units(
    plan_option: PlanOption = None,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """List the plan's units: id, Chinese name, kind, tags and the groups they belong to."""
    from lzplan.plan.load import load
    from lzplan.reporters import plan_view

    plan_view.show_units(_console(color), load(_plan(plan_option, lang)), lang)
    return EXIT_OK


@app.command("schema")
@guarded
def schema(
    name: Annotated[
        SchemaName,
        typer.Argument(
            metavar="[plan|submission|waivers|report|scores|breakdown|documents]",
            help="Which file format.",
        ),
    ],
    plan_option: Annotated[
        Path | None,
        typer.Option(
            "--plan",
            metavar="PATH|ID",
            help="submission: the schema of a submission to this plan (its unit ids, each "
            "requirement by id with its kind's fields, title and due date).",
        ),
    ] = None,
    unit: Annotated[
        str | None,
        typer.Option(
            "--unit",
            metavar="UNIT",
            help="submission: the schema of this unit's submission: only the requirements "
            "it owes, so an editor completes those and flags any other id (the plan as "
            "--plan says, else as `check` finds it).",
            autocompletion=completion.units,
        ),
    ] = None,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Print the JSON Schema of a file format.

    Editors use it to autocomplete and check the YAML through a first line such as
    `# yaml-language-server: $schema=gulin.schema.json` (`init -o` writes the one of
    what the unit owes, `schema submission --unit`, beside the file).
    """
    if unit is not None and name.value != "submission":
        raise UsageError(msg("usage.schema_unit", name=name.value))
    plan = _plan(plan_option, lang) if plan_option or unit else None
    _echo(_schema_text(name.value, plan, unit))
    return EXIT_OK


def _schema_text(name: str, plan: Path | None, unit: str | None = None) -> str:
    import json

    from lzplan import schemas
    from lzplan.plan.load import load

    index = load(plan).index if plan is not None else None
    if index is not None and unit is not None and unit not in index.units:
        raise UsageError(msg("usage.unknown_unit_short", unit=unit))
    return json.dumps(schemas.build(name, index, unit), ensure_ascii=False, indent=2)


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
    """Check the submissions against the plan and print the compliance matrix.

    Rows are units (districts and counties first, then departments), columns are the
    plan's tasks; each cell shows the worst status of that task's requirements for that
    unit. Below it: a summary, the shortfalls (worst first) and notices such as unused
    waivers. Input problems are printed to stderr as file:line:column.
    """
    from lzplan.check import run
    from lzplan.reporters import Options, write

    inputs = tuple(paths or [DEFAULT_SUBMISSIONS])
    plan_path = _plan(plan_option, lang, inputs)
    write.refuse_terminal(output_format, sys.stdout)
    targets = [write.parse(spec) for spec in output or []]
    for spec, target in zip(output or [], targets, strict=True):
        write.refuse_inputs([target.path], [*inputs, *_plan_files(plan_path, waivers, scores)],
                            spec)  # fmt: skip
    formats = [output_format, *(target.format for target in targets)]
    summary = write.summary_target(formats, os.environ)
    if summary is not None:  # GitHub's step summary is an output too: never onto an input
        write.refuse_inputs([summary], [*inputs, *_plan_files(plan_path, waivers, scores)],
                            "$GITHUB_STEP_SUMMARY")  # fmt: skip
    run.refuse_waivers_inside(waivers, inputs)
    cache = None if no_cache else run.cache_folder(cache_dir, inputs)
    request = run.Request(inputs, plan_path, _date(as_of), waivers, unit, filed_only, jobs,
                          tuple(bind or ()), unit_repository=True,
                          verify_evidence=verify_evidence, scores=scores,
                          cache=cache)  # fmt: skip
    level = "pending" if strict else fail_on.value
    options = Options(lang, _use_color(color), show_all, level, _width(width))
    with run.no_gc():
        checked = run.check(request)
        try:
            write.emit(checked.result, checked.plan, output_format, targets, options, sys.stdout)
            write.step_summary(checked.result, checked.plan, formats, options, os.environ)
        except OutputError as error:  # the run's own input problems still come first
            _print_problems(checked, lang)
            for line in error.lines(lang):
                _echo(line, err=True)
            return EXIT_INPUT
    return _finish(checked, lang, fail_on=level)


@app.command("bulletin", epilog=(
    "Exit codes: 0 the document was written; 2 invalid input or usage (a submission's "
    "problems are listed, and the document still names its unit as filed in error); "
    "3 a bug in lzplan."
))  # fmt: skip
@guarded
def bulletin(
    paths: PathsArgument = None,
    as_of: AsOfOption = None,
    plan_option: PlanOption = None,
    waivers: WaiversOption = None,
    scores: ScoresOption = None,
    unit: NoticeUnitOption = None,
    fix_by: FixByOption = None,
    date: DocumentDateOption = None,
    output: DocumentOutputOption = None,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Draft the 通报 of a check for its issuer to sign (代拟稿).

    Headed and signed by the issuer (documents-<plan>.yaml beside the plan, else the
    notice's publisher), to the notice's addressees: 一、基本情况 (units and tasks
    counted, waivers, progress while the year runs); 二、主要成效, left for the drafter;
    三、存在的问题 by kind of unit (late, not finished with what is missing, not
    reported, filed in error); 四、表扬与批评; 五、下一步工作要求; the attachments (the
    standing of every unit; with --scores, the points); 落款, 成文日期 (--date, else
    blank) and 版记. What it was made from goes into the file's properties.

    With --unit, draft that unit's 限期整改 通知 instead.
    """
    from lzplan.bulletin import build
    from lzplan.bulletin import output as documents
    from lzplan.bulletin.settings import load as load_settings
    from lzplan.check import run
    from lzplan.reporters import write

    inputs = tuple(paths or [DEFAULT_SUBMISSIONS])
    plan_path = _plan(plan_option, lang, inputs)
    targets = [documents.parse(spec) for spec in output or []]
    write.refuse_inputs([t.path for t in targets], [*inputs, *_plan_files(plan_path, waivers,
                                                                          scores)])  # fmt: skip
    run.refuse_waivers_inside(waivers, inputs)
    day = _date(as_of)
    deadline = _date(fix_by, "--fix-by") if fix_by else None
    if deadline is not None and deadline < day:
        raise UsageError(msg("usage.fix_by_before", fix_by=deadline, as_of=day))
    checked = run.check(run.Request(inputs, plan_path, day, waivers, scores=scores))
    result, loaded = checked.result, checked.plan
    settings = load_settings(loaded, build.addressees(loaded, lang))
    issue = build.Issue(settings, _date(date, "--date") if date else None)
    if unit is None:
        document = build.bulletin(result, loaded, lang, deadline, issue)
    else:
        if unit not in loaded.index.units:
            raise UsageError(msg("usage.unknown_unit", unit=unit, known=sorted(loaded.index.units)))
        deadline = deadline or day + dt.timedelta(days=30)
        if not build.gaps(result, unit) and not build.due_soon(result, unit, deadline):
            name = loaded.index.units[unit].name
            _echo(say("bulletin.nothing_to_fix", lang, unit=name, as_of=day, fix_by=deadline),
                  err=True)  # fmt: skip
            return _finish(checked, lang, fail_on="invalid")
        document = build.rectification(result, loaded, unit, deadline, lang, issue)
    author = settings.issuer
    if not targets:
        sys.stdout.write(documents.render("markdown", document, author).decode("utf-8"))
    for target in targets:
        write.atomic_write(target.path, [documents.render(target.format, document, author)])
        _echo(say("cli.wrote", lang, path=target.path), err=True)
    return _finish(checked, lang, fail_on="invalid")


class ViewFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"


ViewFormatOption = Annotated[
    ViewFormat,
    typer.Option("--format", "-f", metavar="[terminal|markdown|json]", help="What to print."),
]


@app.command("diff", epilog=(
    "Exit codes: 0 nothing became missed; 1 something became missed, or is no longer met; "
    "2 a report is unreadable, or the two are of different plans; 3 a bug in lzplan."
))  # fmt: skip
@guarded
def diff(
    old: Annotated[Path, typer.Argument(metavar="OLD.json", help="The earlier JSON report.")],
    new: Annotated[Path, typer.Argument(metavar="NEW.json", help="The later JSON report.")],
    output_format: ViewFormatOption = ViewFormat.terminal,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """What changed between two JSON reports of one plan (`lzplan check -f json`):
    requirements newly met, newly missed or no longer met, shortfalls that moved
    (0/3 → 2/3), units that reported for the first time.

    Keep last week's report and compare: `lzplan diff last-week.json status.json`.
    """
    from lzplan.followup import render, reports
    from lzplan.followup.diff import compare

    before, after = reports.read(old), reports.read(new)
    if before.plan.id != after.plan.id:
        raise UsageError(msg("usage.diff_plans", old=before.plan.id, new=after.plan.id))
    changes = compare(before, after)
    sys.stdout.write(render.diff(changes, output_format.value, lang, _use_color(color)))
    return EXIT_FAILED if changes.regressed else EXIT_OK


@app.command("due", epilog=(
    "Exit codes: 0 the list was printed (empty or not); 2 invalid input or usage; 3 a bug "
    "in lzplan."
))  # fmt: skip
@guarded
def due(
    paths: PathsArgument = None,
    within: Annotated[
        int,
        typer.Option(
            "--within",
            metavar="DAYS",
            min=1,
            max=3660,
            help="How many days ahead of --as-of to look (at most ten years).",
        ),
    ] = 30,
    as_of: AsOfOption = None,
    plan_option: PlanOption = None,
    waivers: WaiversOption = None,
    output_format: ViewFormatOption = ViewFormat.terminal,
    color: ColorOption = Color.auto,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """What falls due in the next DAYS days and is not yet done, unit by unit: the
    reminders to send (`lzplan due --within 30 -f markdown`)."""
    from lzplan.check import run
    from lzplan.followup import render
    from lzplan.followup.due import upcoming

    inputs = tuple(paths or [DEFAULT_SUBMISSIONS])
    plan_path = _plan(plan_option, lang, inputs)
    run.refuse_waivers_inside(waivers, inputs)
    checked = run.check(run.Request(inputs, plan_path, _date(as_of), waivers))
    rows = upcoming(checked.result, within)
    text = render.due(rows, checked.result, checked.plan, within, output_format.value, lang,
                      _use_color(color))  # fmt: skip
    sys.stdout.write(text)
    return _finish(checked, lang, fail_on="invalid")


def _plan(given: Path | None, lang: Lang, submissions: Iterable[Path] = ()) -> Path:
    """The plan file a command uses; says so when it is the shipped one."""
    from lzplan.plan import shipped

    found = shipped.find(given, submissions)
    if found.note is not None:
        _echo(found.note.render(lang), err=True)
    return found.path


def _plan_files(plan: Path, *others: Path | None) -> list[Path]:
    """The plan, its waivers, scores and every file beside it (its notice): never a
    report's place."""
    beside = [p for p in plan.parent.iterdir() if p.is_file()] if plan.parent.is_dir() else []
    return [plan, *(other for other in others if other), *beside]


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
    plan_path = _plan(plan_option, lang, inputs)
    checked = run.check(run.Request(inputs, plan_path, _date(as_of), waivers, unit))
    task_ids = [t.id for t in checked.plan.plan.tasks]
    if task is not None and task not in task_ids:
        raise UsageError(msg("usage.unknown_task", task=task, known=task_ids))
    explain(_console(color), checked.result, checked.plan.index, task, lang)
    return _finish(checked, lang)


@app.command("init")
@guarded
def init(
    unit: UnitArgument,
    plan_option: PlanOption = None,
    output: TemplateOption = None,
    force: ForceOption = False,
    reported: ReportedOption = None,
    schema_ref: SchemaRefOption = None,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Write a submission template listing exactly what UNIT owes.

    Each requirement comes with comments quoting the notice and giving its due date.
    The template is a valid submission with nothing reported yet; fill in the evidence.
    With -o, the schema of what UNIT owes is written beside it (UNIT.schema.json), so
    an editor completes UNIT's requirement ids and flags any other; without, write it
    with `lzplan schema submission --unit UNIT > UNIT.schema.json`.
    """
    from lzplan.plan.load import load
    from lzplan.reporters import template

    plan_path = _plan(plan_option, lang)
    loaded = load(plan_path)
    if unit not in loaded.index.units:
        raise UsageError(msg("usage.unknown_unit_short", unit=unit))
    ref = schema_ref or f"{unit}.schema.json"
    text = template.render(loaded, unit, _date(reported, "--reported"), ref, lang)
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    _write(output, text, force, lang, _plan_files(plan_path, None))
    if schema_ref is None:  # the schema the first line names, beside the file: the unit's
        beside = output.parent / ref
        _write(beside, _schema_text("submission", plan_path, unit) + "\n", True, lang)
    return EXIT_OK


@app.command("extract")
@guarded
def extract(
    notice: NoticeArgument,
    year: YearOption = None,
    units: RegistryOption = None,
    output: DraftOption = None,
    compare_with: CompareOption = None,
    plan_option: PlanOption = None,
    force: ForceOption = False,
    debug: DebugOption = False,
    lang: LangOption = REFERENCE,
) -> int:
    """Draft a plan from the text of a 依法行政工作安排 notice.

    Rule-based and offline. Every task, owner, quota and due date in the draft quotes
    the sentence it came from; what is uncertain (an unknown unit, a vague 有关部门, a
    deadline with no year) is marked with a `# REVIEW:` comment. Review the draft, then
    check it with `lzplan plan validate`.

    Exit codes: 0 a draft was written; 2 the notice or registry is unreadable, the
    text holds no task (no heading, no owner statement, no duty), or the default
    registry names none of the notice's units (give --units). See docs/extract.md.
    """
    from lzplan.extract import run

    registry = units or _plan(plan_option, lang)
    draft = run.run(notice, registry, year, output, lang, registry_given=bool(units))
    if output is not None:
        sources = [
            notice,
            registry,
            *([units] if units else []),
            *([compare_with] if compare_with else []),
        ]
        _write(output, draft, force, lang, sources)
    elif compare_with is None:
        sys.stdout.write(draft)
    if compare_with is not None:
        # a problem in the draft is the draft's, not the notice's
        name = str(output) if output is not None else say("extract.draft_name", lang, notice=notice)
        sys.stdout.write(run.scores(draft, name, compare_with, lang))
    return EXIT_OK


class Stopped(BaseException):
    """SIGTERM (a cancelled CI job) or SIGHUP (a closed terminal): unwound as Ctrl-C is,
    so no report is left half written and no temporary file stays behind. Not a
    KeyboardInterrupt: typer would turn that into 130 while it reads the command line."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.code = 128 + signum  # as shells report a command the signal ended


def _stop(signum: int, frame: object) -> None:
    raise Stopped(signum)


def main() -> None:
    import signal

    signal.signal(signal.SIGINT, signal.default_int_handler)  # KeyboardInterrupt from here
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    try:
        app()
    except (KeyboardInterrupt, Stopped) as stopped:  # while the command line is read
        raise SystemExit(_interrupted_code(stopped)) from None


def _interrupted_code(stopped: BaseException) -> int:
    return stopped.code if isinstance(stopped, Stopped) else EXIT_INTERRUPTED
