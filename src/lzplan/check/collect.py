"""Finding and reading the files a check needs: submissions and waivers.

Reads only; never writes into the folders it reads.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from lzplan.check.engine import Filed, Rejected
from lzplan.check.submission import Submission, WaiverFile
from lzplan.check.waivers import Granted
from lzplan.errors import InputError, Problem
from lzplan.inputs import loader
from lzplan.inputs.validation import to_model
from lzplan.location import Location
from lzplan.messages import msg

YAML_SUFFIXES = (".yaml", ".yml")
_UNIT_LINE = re.compile(r"^unit:\s*['\"]?([a-z0-9][a-z0-9_.-]*)", re.MULTILINE)


def find_files(paths: Sequence[Path]) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """The YAML files under ``paths`` (files or folders), each with its display name."""
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    for path in paths:
        if path.is_dir():
            found += _walk(path, problems)
        elif path.exists():
            found.append((path, str(path)))
        else:
            problems.append(Problem(Location(str(path)), msg("file.missing")))
    unique: dict[Path, tuple[Path, str]] = {}
    for file, display in found:  # one file reached twice (a path and its folder) is read once
        unique.setdefault(file.resolve(), (file, display))
    return sorted(unique.values(), key=lambda item: item[1]), problems


def _walk(root: Path, problems: list[Problem]) -> Iterator[tuple[Path, str]]:
    real_root = root.resolve()
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.endswith(YAML_SUFFIXES) or name.startswith("."):
                continue
            path = Path(folder) / name
            if path.is_symlink() and not _inside(path, real_root):
                problems.append(Problem(Location(str(path)), msg("file.symlink_outside")))
                continue
            yield path, str(path)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve(strict=True).is_relative_to(root)
    except (OSError, RuntimeError):  # a loop or a dangling link
        return False


def load_one(path: Path, display: str) -> Filed | tuple[list[Problem], Rejected]:
    """One submission file: the validated submission, or its problems and claimed unit."""
    try:
        document = loader.load_file(path, display)
        return Filed(display, to_model(document, Submission), document.positions)
    except InputError as error:
        return error.problems, Rejected(display, _claimed_unit(path))


def _claimed_unit(path: Path) -> str | None:
    """The unit a broken file claims, read leniently so it can show as invalid.

    Only the head of the file is read: the unit line comes first in any real file.
    """
    try:
        with path.open("rb") as file:
            head = file.read(64 * 1024)
    except OSError:
        return None
    match = _UNIT_LINE.search(loader.sniff_text(head))
    return match.group(1) if match else None


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
