"""Files a clerk or an editor starts from: `init` (a unit's template) and `schema`."""

from __future__ import annotations

import sys
from pathlib import Path

from lzplan.cli.common import (
    echo,
    find_plan,
    guarded,
    parse_date,
    plan_files,
    write_made,
)
from lzplan.cli.options import (
    DebugOption,
    ForceOption,
    LangOption,
    PlanOption,
    ReportedOption,
    SchemaNameArgument,
    SchemaPlanOption,
    SchemaRefOption,
    SchemaUnitOption,
    TemplateOption,
    UnitArgument,
)
from lzplan.cli.root import app
from lzplan.errors import (
    EXIT_OK,
    UsageError,
)
from lzplan.messages import REFERENCE, msg


@app.command("schema")
@guarded
def schema(
    name: SchemaNameArgument,
    plan_option: SchemaPlanOption = None,
    unit: SchemaUnitOption = None,
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
    plan = find_plan(plan_option, lang) if plan_option or unit else None
    echo(schema_text(name.value, plan, unit))
    return EXIT_OK


def schema_text(name: str, plan: Path | None, unit: str | None = None) -> str:
    import json

    from lzplan import schemas
    from lzplan.plan.load import load

    index = load(plan).index if plan is not None else None
    if index is not None and unit is not None and unit not in index.units:
        raise UsageError(msg("usage.unknown_unit_short", unit=unit))
    return json.dumps(schemas.build(name, index, unit), ensure_ascii=False, indent=2)


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

    plan_path = find_plan(plan_option, lang)
    loaded = load(plan_path)
    if unit not in loaded.index.units:
        raise UsageError(msg("usage.unknown_unit_short", unit=unit))
    ref = schema_ref or f"{unit}.schema.json"
    text = template.render(loaded, unit, parse_date(reported, "--reported"), ref, lang)
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    write_made(output, text, force, lang, plan_files(plan_path, None))
    if schema_ref is None:  # the schema the first line names, beside the file: the unit's
        beside = output.parent / ref
        write_made(beside, schema_text("submission", plan_path, unit) + "\n", True, lang)
    return EXIT_OK
