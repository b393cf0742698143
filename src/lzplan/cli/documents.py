"""The year's documents and follow-up: `bulletin` (the 通报, a 整改通知), `diff` and `due`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from lzplan.cli.common import (
    echo,
    find_plan,
    finish,
    guarded,
    parse_date,
    plan_files,
    use_color,
)
from lzplan.cli.options import (
    BULLETIN_EXIT_CODES,
    DEFAULT_SUBMISSIONS,
    AsOfOption,
    Color,
    ColorOption,
    DebugOption,
    DocumentDateOption,
    DocumentOutputOption,
    FixByOption,
    LangOption,
    NoticeUnitOption,
    PathsArgument,
    PlanOption,
    ScoresOption,
    ViewFormat,
    ViewFormatOption,
    WaiversOption,
    WithinOption,
)
from lzplan.cli.root import app

if TYPE_CHECKING:
    from lzplan.bulletin.document import Draft
    from lzplan.reporters.write import Output
from lzplan.errors import (
    EXIT_FAILED,
    EXIT_OK,
    UsageError,
)
from lzplan.messages import REFERENCE, Lang, msg, say


@app.command("bulletin", epilog=BULLETIN_EXIT_CODES)
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
    """Draft the 通报 of a check for its issuer to sign (代拟稿): 一、基本情况, 二、主要成效
    (left for the drafter), 三、存在的问题 by kind of unit, 四、表扬与批评, 五、下一步工作要求,
    the attachments, 落款, 成文日期 (--date, else blank) and 版记; the issuer, 主送 and 抄送
    from documents-<plan>.yaml beside the plan. With --unit, that unit's 限期整改 通知.
    """
    from lzplan.bulletin import run as documents
    from lzplan.check.run import refuse_waivers_inside

    inputs = tuple(paths or [DEFAULT_SUBMISSIONS])
    plan_path = find_plan(plan_option, lang, inputs)
    targets = _document_targets(output or [], [*inputs, *plan_files(plan_path, waivers, scores)])
    refuse_waivers_inside(waivers, inputs)
    deadline = parse_date(fix_by, "--fix-by") if fix_by else None
    day = parse_date(date, "--date") if date else None
    asked = documents.DocumentRequest(inputs, plan_path, parse_date(as_of), waivers, scores,
                                      unit, deadline, day, lang)  # fmt: skip
    drafted = documents.draft(asked)
    if drafted.said is not None:
        echo(drafted.said.render(lang), err=True)
    if drafted.document is not None:
        _write_document(drafted.document, targets, lang)
    return finish(drafted.checked, lang, fail_on="invalid")


def _document_targets(specs: list[str], inputs: list[Path]) -> list[Output]:
    """-o 通报.docx, -o 通报.md, docx:PATH: never onto an input."""
    from lzplan.bulletin import output
    from lzplan.reporters import write

    targets = [output.parse(spec) for spec in specs]
    write.refuse_inputs([t.path for t in targets], inputs)
    return targets


def _write_document(document: Draft, targets: list[Output], lang: Lang) -> None:
    """Each -o, written whole; none: markdown on standard output."""
    from lzplan.bulletin import output
    from lzplan.reporters import write

    if not targets:
        sys.stdout.write(output.render("markdown", document, document.author).decode("utf-8"))
    for target in targets:
        write.atomic_write(target.path, [output.render(target.format, document, document.author)])
        echo(say("cli.wrote", lang, path=target.path), err=True)


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
    sys.stdout.write(render.diff(changes, output_format.value, lang, use_color(color)))
    return EXIT_FAILED if changes.regressed else EXIT_OK


@app.command("due", epilog=(
    "Exit codes: 0 the list was printed (empty or not); 2 invalid input or usage; 3 a bug "
    "in lzplan."
))  # fmt: skip
@guarded
def due(
    paths: PathsArgument = None,
    within: WithinOption = 30,
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
    plan_path = find_plan(plan_option, lang, inputs)
    run.refuse_waivers_inside(waivers, inputs)
    checked = run.check(run.Request(inputs, plan_path, parse_date(as_of), waivers))
    rows = upcoming(checked.result, within)
    text = render.due(rows, checked.result, checked.plan, within, output_format.value, lang,
                      use_color(color))  # fmt: skip
    sys.stdout.write(text)
    return finish(checked, lang, fail_on="invalid")
