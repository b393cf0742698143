"""Fixed words and symbols of the reports, in one place."""

from __future__ import annotations

from lzplan.result import Reason, Status

# Short enough for a matrix cell, distinct without colour.
SYMBOL = {
    Status.MET: "ok",
    Status.MET_LATE: "late",
    Status.PENDING: "open",
    Status.MISSED: "MISS",
    Status.NOT_SUBMITTED: "none",
    Status.WAIVED: "wvd",
    Status.NOT_APPLICABLE: "-",
    Status.INVALID: "BAD",
}
WORD = {
    Status.MET: "met",
    Status.MET_LATE: "met late",
    Status.PENDING: "pending",
    Status.MISSED: "missed",
    Status.NOT_SUBMITTED: "not submitted",
    Status.WAIVED: "waived",
    Status.NOT_APPLICABLE: "not owed",
    Status.INVALID: "invalid file",
}
STYLE = {
    Status.MET: "green",
    Status.MET_LATE: "yellow",
    Status.PENDING: "cyan",
    Status.MISSED: "bold red",
    Status.NOT_SUBMITTED: "red",
    Status.WAIVED: "blue",
    Status.NOT_APPLICABLE: "dim",
    Status.INVALID: "bold magenta",
}
UNIT_STATUS = {
    "compliant": "compliant",
    "on_track": "on track",
    "behind": "behind",
    "not_submitted": "not submitted",
    "invalid": "invalid",
    "n/a": "owes nothing",
}
UNIT_STYLE = {
    "compliant": "green",
    "on_track": "cyan",
    "behind": "bold red",
    "not_submitted": "red",
    "invalid": "bold magenta",
    "n/a": "dim",
}
REASON = {
    Reason.COUNTED: "counted",
    Reason.LATE: "counted, late (after the due date)",
    Reason.AFTER_AS_OF: "not counted: dated after the as-of date",
    Reason.OUTSIDE_PERIOD: "not counted: outside the plan period",
    Reason.DUPLICATE_DOC_NO: "not counted: duplicate 文号",
}


def legend() -> str:
    return "  ".join(f"{SYMBOL[s]} {WORD[s]}" for s in Status)
