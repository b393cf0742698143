"""`extract`: a draft plan from a notice's text, and its score against a reviewed plan."""

from __future__ import annotations

import sys

from lzplan.cli.common import (
    find_plan,
    guarded,
    write_made,
)
from lzplan.cli.options import (
    CompareOption,
    DebugOption,
    DraftOption,
    ForceOption,
    LangOption,
    NoticeArgument,
    PlanOption,
    RegistryOption,
    YearOption,
)
from lzplan.cli.root import app
from lzplan.errors import (
    EXIT_OK,
)
from lzplan.messages import REFERENCE, say


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

    registry = units or find_plan(plan_option, lang)
    draft = run.run(notice, registry, year, output, lang, registry_given=bool(units))
    if output is not None:
        sources = [notice, registry, *(given for given in (units, compare_with) if given)]
        write_made(output, draft, force, lang, sources)
    elif compare_with is None:
        sys.stdout.write(draft)
    if compare_with is not None:  # a problem in the draft is the draft's, not the notice's
        name = str(output) if output is not None else say("extract.draft_name", lang, notice=notice)
        sys.stdout.write(run.scores(draft, name, compare_with, lang))
    return EXIT_OK
