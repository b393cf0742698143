"""Every option and argument of the command line, in one place: each command takes
the ones it needs by name, so an option means the same everywhere."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from lzplan.cli import completion
from lzplan.messages import REFERENCE, languages
from lzplan.reporters import FORMATS

EXIT_CODES_HELP = (
    "Exit codes: 0 nothing missed; 1 something missed or not submitted by its due date "
    "(with --strict, also anything pending); 2 invalid input or usage; 3 a bug in lzplan."
)


DEFAULT_SUBMISSIONS = Path("submissions")


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


CheckFixByOption = Annotated[
    str | None,
    typer.Option(
        "--fix-by",
        metavar="YYYY-MM-DD",
        help="The 整改 deadline, after the plan's period: a duty missed for the year and done "
        "after it, by this date (and --as-of), is marked 已整改 in the reports, while its "
        "verdict for the year — and its score — stays.",
    ),
]
FixByOption = Annotated[
    str | None,
    typer.Option(
        "--fix-by",
        metavar="YYYY-MM-DD",
        help="The date to remedy the gaps by (整改期限): in a 整改通知 (--unit; default 30 "
        "days after --as-of), and in the 通报's closing request. A duty missed for the year "
        "and done after it, by this date, is marked 已整改 (in the 通报, the 台账, the JSON "
        "report and so in diff); its verdict for the year stays.",
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


class ViewFormat(StrEnum):
    terminal = "terminal"
    markdown = "markdown"
    json = "json"


ViewFormatOption = Annotated[
    ViewFormat,
    typer.Option("--format", "-f", metavar="[terminal|markdown|json]", help="What to print."),
]
BreakdownOutputOption = Annotated[
    list[str] | None,
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        help="Write to PATH: .docx (the 通知 and its 附件, laid out after GB/T 9704), "
        ".xlsx (one row per unit and duty) or .md; or name the format, xlsx:PATH. "
        "Repeat for several. Without it, the 通知 goes to standard output as markdown.",
    ),
]
SchemaNameArgument = Annotated[
    SchemaName,
    typer.Argument(
        metavar="[plan|submission|waivers|report|scores|breakdown|documents]",
        help="Which file format.",
    ),
]
SchemaPlanOption = Annotated[
    Path | None,
    typer.Option(
        "--plan",
        metavar="PATH|ID",
        help="submission: the schema of a submission to this plan (its unit ids, each "
        "requirement by id with its kind's fields, title and due date).",
    ),
]
SchemaUnitOption = Annotated[
    str | None,
    typer.Option(
        "--unit",
        metavar="UNIT",
        help="submission: the schema of this unit's submission: only the requirements "
        "it owes, so an editor completes those and flags any other id (the plan as "
        "--plan says, else as `check` finds it).",
        autocompletion=completion.units,
    ),
]
BULLETIN_EXIT_CODES = (
    "Exit codes: 0 the document was written; 2 invalid input or usage (a submission's "
    "problems are listed, and the document still names its unit as filed in error); "
    "3 a bug in lzplan."
)
WithinOption = Annotated[
    int,
    typer.Option(
        "--within",
        metavar="DAYS",
        min=1,
        max=3660,
        help="How many days ahead of --as-of to look (at most ten years).",
    ),
]
