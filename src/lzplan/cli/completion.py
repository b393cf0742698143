"""Shell completion of the ids a command takes: units, tasks and plans, from the plan in
use (``--plan``, else the one ``check`` would find). Completion must never fail a shell:
a plan that cannot be read completes nothing. Each function takes the command line's
context (``ctx``: typer passes it by that name; only `cli.py` imports typer) and the
word being completed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from lzplan.errors import LzplanError

if TYPE_CHECKING:
    from lzplan.plan.index import PlanIndex


def _index(ctx: Any) -> PlanIndex | None:
    from lzplan.plan import shipped
    from lzplan.plan.load import load

    given = ctx.params.get("plan_option") or ctx.params.get("plan")
    folders = ctx.params.get("paths") or [Path("submissions")]
    try:
        found = shipped.find(Path(given) if given else None, folders)
        return load(found.path).index
    except (LzplanError, OSError, ValueError):
        return None


def units(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The plan's unit ids, each with its Chinese name."""
    index = _index(ctx)
    if index is None:
        return []
    return [(u.id, u.name) for u in index.unit_order() if u.id.startswith(incomplete)]


def tasks(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The plan's task ids, each with its title."""
    index = _index(ctx)
    if index is None:
        return []
    return [(t.id, t.title) for t in index.plan.tasks if t.id.startswith(incomplete)]


def plans(ctx: Any, incomplete: str) -> list[tuple[str, str]]:
    """The plans shipped with lzplan by id, and the YAML files and folders the text so
    far begins."""
    from lzplan.plan import shipped

    found = [(plan.id, "") for plan in shipped.shipped() if plan.id.startswith(incomplete)]
    folder = Path(incomplete) if incomplete.endswith("/") else Path(incomplete).parent
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        entries = []
    for entry in entries:
        shown = entry.as_posix() + ("/" if entry.is_dir() else "")
        if shown.startswith(incomplete) and (entry.is_dir() or entry.suffix in (".yaml", ".yml")):
            found.append((shown, ""))
    return found
