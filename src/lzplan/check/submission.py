"""A unit's submission and the plan owner's waivers: the files a check reads.

``Entry`` is flat, as a submission writes it: the fields of every kind's entry
(``lzplan.kinds``); which of them apply depends on the requirement's kind, which the
engine checks against the plan.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from pydantic import Field

from lzplan.kinds import KINDS
from lzplan.kinds.base import EntryBase, Evidence
from lzplan.model import Date, Id, Model, NonEmpty, fields_of, flat_model, optional_fields

__all__ = ["Entry", "Evidence", "Submission", "Waiver", "WaiverFile"]


def _entry_model() -> type[EntryBase]:
    fields = optional_fields((kind.Entry for kind in KINDS.values()), EntryBase)
    fields |= fields_of(EntryBase, EntryBase.model_fields)
    doc = "What a unit reports for one requirement; which fields apply depends on its kind."
    return cast(type[EntryBase], flat_model("Entry", __name__, fields, doc=doc))


if TYPE_CHECKING:
    Entry = EntryBase  # what code outside the kinds may rely on
else:
    Entry = _entry_model()


class Submission(Model):
    """One unit's report on the plan: one file per unit, the file name is free."""

    unit: Id
    plan: Id
    reported: Date = Field(description="The date the unit reported.")
    requirements: dict[Id, Entry] = {}


class Waiver(Model):
    unit: Id
    requirement: Id
    reason: NonEmpty
    approved_by: NonEmpty = Field(description="The approving document, e.g. its 文号.")
    expires: Date


class WaiverFile(Model):
    plan: Id
    granted_by: Id = Field(description="Must be the plan's owner.")
    waivers: list[Waiver] = []
