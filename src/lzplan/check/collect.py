"""Finding and reading the files a check needs: submissions and waivers.

Reads only; never writes into the folders it reads.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from lzplan.check.engine import Filed, Rejected
from lzplan.check.submission import Submission, WaiverFile
from lzplan.check.waivers import Granted
from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.loader import Document
from lzplan.inputs.validation import every_problem, to_model
from lzplan.location import Location, PathKey
from lzplan.messages import msg

YAML_SUFFIXES = (".yaml", ".yml")


Found = tuple[Path, str, str]  # the file, its name as shown, its place (for binding)


def find_files(paths: Sequence[Path]) -> tuple[list[Found], list[Problem]]:
    """The YAML files under ``paths`` (files or folders), each with its display name
    and its place: its path within the folder given, or as given."""
    found: list[Found] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found += _walk(path, problems)
        elif path.exists() or path.is_symlink():
            found.append((path, shown(path), path.as_posix()))
        else:
            problems.append(Problem(Location(shown(path)), msg("file.missing")))
    unique: dict[Path, Found] = {}
    for item in found:  # one file reached twice (a path and its folder) is read once
        unique.setdefault(_real(item[0]), item)
    return sorted(unique.values(), key=lambda item: item[1]), problems


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop: itself
        return path.absolute()


def shown(path: Path | str) -> str:
    """A path as lzplan prints it: a name that is not valid UTF-8 with its bytes escaped,
    and no character that could start another line or steer a terminal."""
    text = os.fsencode(str(path)).decode("utf-8", "backslashreplace")
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)
    return "./" + text if text.startswith("::") else text  # never a workflow command


def _walk(root: Path, problems: list[Problem]) -> Iterator[Found]:
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(YAML_SUFFIXES) or name.startswith("."):
                continue
            path = Path(folder) / name
            if path.is_symlink() and not _inside(path, real_root):
                problems.append(Problem(Location(shown(path)), msg("file.symlink_outside")))
                continue
            yield path, shown(path), path.relative_to(root).as_posix()


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):  # a loop or a dangling link
        return False


@dataclass(frozen=True)
class Broken:
    """A submission file that failed: every problem found in it, and what the judge
    needs to check its sound parts against the plan (none when it is no YAML at all)."""

    problems: list[Problem]
    rejected: Rejected
    document: Document | None = None
    broken: frozenset[PathKey] = frozenset()


def load_one(
    path: Path, display: str, place: str | None = None, data: bytes | None = None
) -> Filed | Broken | None:
    """One submission file (from ``data``, its bytes, when already read): the validated
    submission, or all its problems; None for a file that is no submission (a copy of
    the plan, a waiver file, a unit registry), which a unit's repository holds beside
    its own file."""
    try:
        if data is None:
            document = loader.load_file(path, display, lenient=True)
        else:
            document = loader.parse(loader.decode(data, display), display, lenient=True)
    except InputError as error:  # the unit it speaks for is its place's, not its claim
        return Broken(error.problems, Rejected(display, None))
    if _not_a_submission(document.data):
        return None
    submission, problems, broken = every_problem(document, Submission)
    if submission is None:
        return Broken(problems, Rejected(display, None), document, frozenset(broken))
    return Filed(display, submission, document.positions, place)


def _not_a_submission(data: object) -> bool:
    """Another of lzplan's files, recognised by what it is: a plan (plan: and tasks:), a
    waiver file (waivers:), a registry (units: a list), a scores file (points:,
    rankings:), a 任务分解 (breakdown:, rows:), the documents' settings (issuer:,
    copy_to:, printed_by:) — with neither unit: nor requirements:,
    which every submission has. A file that has one of them is read as a submission,
    and its errors are reported."""
    if not isinstance(data, dict) or "unit" in data or "requirements" in data:
        return False
    return bool(_OTHER_FILES & data.keys()) or isinstance(data.get("units"), list)


# The top-level keys of lzplan's other files (plan, waivers, scores, breakdown, documents).
_OTHER_FILES = frozenset({"tasks", "waivers", "points", "rankings", "breakdown", "rows",
                          "issuer", "copy_to", "printed_by"})  # fmt: skip


def waivers(path: Path, plan_id: str, owner: str) -> list[Granted]:
    """Load a waiver file; raise InputError listing its problems."""
    document = loader.load_file(path)
    waiver_file = to_model(document, WaiverFile)
    problems: list[Problem] = []
    if waiver_file.plan != plan_id:
        message = msg("sub.wrong_plan", got=waiver_file.plan, plan=plan_id)
        problems.append(Problem(document.positions.find(("plan",)), message))
    if waiver_file.granted_by != owner:
        message = msg("waiver.wrong_owner", owner=owner, got=waiver_file.granted_by)
        problems.append(Problem(document.positions.find(("granted_by",)), message))
    if problems:
        raise InputError(problems)
    return [
        Granted(waiver, document.positions.find(("waivers", i)))
        for i, waiver in enumerate(waiver_file.waivers)
    ]
