"""The plan: `plan validate`, `plan list`, `plan show`, `plan breakdown` and `units`."""

from __future__ import annotations

import sys
from pathlib import Path

from lzplan.cli.common import (
    echo,
    find_plan,
    guarded,
    plan_files,
    terminal_console,
)
from lzplan.cli.options import (
    BreakdownOutputOption,
    Color,
    ColorOption,
    DebugOption,
    LangOption,
    PlanArgument,
    PlanOption,
)
from lzplan.cli.root import app, plan_app
from lzplan.errors import (
    EXIT_OK,
)
from lzplan.messages import REFERENCE, Lang, say


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

    echo(plan_view.validated(load(find_plan(plan or plan_option, lang)), lang))
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
        echo(say("plan.list_line", lang, id=plan.id, title=info.title, path=str(plan.path)))
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

    plan_view.show_plan(terminal_console(color), load(find_plan(plan or plan_option, lang)), lang)
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
    output: BreakdownOutputOption = None,
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
    _issue_breakdown(find_plan(plan or plan_option, lang), output or [], lang)
    return EXIT_OK


def _issue_breakdown(plan_path: Path, specs: list[str], lang: Lang) -> None:
    """Each -o written whole (never onto the plan's files); none: markdown out."""
    from lzplan.bulletin import breakdown
    from lzplan.plan.load import load
    from lzplan.reporters import write

    targets = [breakdown.parse(spec) for spec in specs]
    loaded = load(plan_path)
    breakdown.cited(loaded)
    write.refuse_inputs([t.path for t in targets],
                        plan_files(plan_path, breakdown.source(loaded)))  # fmt: skip
    if not targets:
        sys.stdout.write(breakdown.render("markdown", loaded, lang).decode("utf-8"))
    for target in targets:
        write.atomic_write(target.path, [breakdown.render(target.format, loaded, lang)])
        echo(say("cli.wrote", lang, path=target.path), err=True)


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

    plan_view.show_units(terminal_console(color), load(find_plan(plan_option, lang)), lang)
    return EXIT_OK
