"""The fixed parts of the documents the office issues, from a small file beside the plan
(``documents-2011.yaml`` beside ``2011.yaml``): who issues them (发文机关 and 落款), to
whom (主送), who gets a copy (抄送) and who prints them (印发机关). Without the file, or
for what it leaves out: the notice's own publisher, and the addressees the notice's
text opens with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import Field

from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.messages import msg
from lzplan.model import Id, Model, NonEmpty
from lzplan.plan.load import LoadedPlan


class DocumentSettings(Model):
    """documents-<plan>.yaml: the 通报's and 整改通知's fixed parts."""

    plan: Id = Field(description="The plan's id.")
    issuer: NonEmpty | None = Field(
        None,
        description="发文机关, in full, as it heads and signs the documents (a 通报 that "
        "criticises county governments goes out as the 市政府办公室). Default: the "
        "notice's publisher.",
    )
    to: list[NonEmpty] = Field(
        [], description="主送机关. Default: the addressees the notice opens with."
    )
    copy_to: list[NonEmpty] = Field([], description="抄送机关, for the 版记.")
    printed_by: NonEmpty | None = Field(
        None, description="印发机关, for the 版记 (its 办公厅/办公室). Default: the issuer."
    )
    issuer_unit: Id | None = Field(
        None,
        description="The plan's unit that issues the documents (the 市政府办公室): a "
        "document neither praises nor criticises its own issuer.",
    )
    notice_copy_to: list[NonEmpty] | None = Field(
        None,
        description="抄送机关 of a 整改通知, which concerns one unit (the office that "
        "receives the 整改 materials). Default: copy_to.",
    )


@dataclass(frozen=True)
class Settings:
    issuer: str
    to: tuple[str, ...]
    copy_to: tuple[str, ...]
    printed_by: str
    issuer_unit: str | None = None
    notice_copy_to: tuple[str, ...] | None = None


def settings_file(plan_path: Path) -> Path:
    """plan/2011.yaml → plan/documents-2011.yaml"""
    return plan_path.with_name(f"documents-{plan_path.stem}.yaml")


def load(loaded: LoadedPlan, fallback_to: list[str]) -> Settings:
    """The settings beside the plan, else the defaults; a file that is there but wrong
    is an input error, located."""
    source = loaded.plan.plan.source
    path = settings_file(loaded.path)
    given = DocumentSettings(plan=loaded.plan.plan.id)
    if path.exists():
        document = loader.load_file(path, str(settings_file(Path(loaded.display))))
        given = to_model(document, DocumentSettings)
        if given.plan != loaded.plan.plan.id:
            where = document.positions.find(("plan",))
            message = msg("sub.wrong_plan", got=given.plan, plan=loaded.plan.plan.id)
            raise InputError([Problem(where, message)])
        if given.issuer_unit is not None and given.issuer_unit not in loaded.index.units:
            where = document.positions.find(("issuer_unit",))
            message = msg("plan.unknown_id", what=msg("what.unit"), value=given.issuer_unit)
            raise InputError([Problem(where, message)])
    issuer = given.issuer or source.publisher
    to = given.to or addressees(loaded.notice) or fallback_to
    notice_copy_to = tuple(given.notice_copy_to) if given.notice_copy_to is not None else None
    return Settings(issuer, tuple(to), tuple(given.copy_to), given.printed_by or issuer,
                    given.issuer_unit, notice_copy_to)  # fmt: skip


# The addressees a notice opens with: names joined by 、，, ending with a colon, before
# the first sentence (各区、县人民政府，市级各部门：).
_TO = re.compile(r"((?:各|市|县|区)[^：:。\n]{1,60}?)[：:]")
_NAME = re.compile(r"[，,]")


def addressees(notice: str) -> list[str]:
    """The 主送 of the notice itself, as it writes them; none when it opens otherwise."""
    for line in notice.splitlines()[:20]:
        found = _TO.match(line.strip())
        if found is not None and ("人民政府" in found.group(1) or "部门" in found.group(1)):
            return [name.strip() for name in _NAME.split(found.group(1)) if name.strip()]
    return []
