"""The README's tour shows real output: every line it prints, lzplan prints."""

from __future__ import annotations

import re
import shlex

import pytest

from tests.conftest import ROOT, invoke

README = (ROOT / "README.md").read_text(encoding="utf-8")


def examples() -> list[tuple[list[str], list[str]]]:
    """(command arguments, shown output lines) of each `$ lzplan ...` in console blocks."""
    found = []
    for block in re.findall(r"```console\n(.*?)```", README, flags=re.DOTALL):
        lines = block.replace("\\\n", " ").splitlines()
        for i, line in enumerate(lines):
            if not line.startswith("$ lzplan "):
                continue
            command = shlex.split(line[2:].split("  #")[0])[1:]
            shown = []
            for out in lines[i + 1 :]:
                if out.startswith("$ "):
                    break
                shown.append(out)
            found.append((command, shown))
    return found


EXAMPLES = examples()


def test_the_tour_has_examples() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize(("command", "shown"), EXAMPLES, ids=[" ".join(c) for c, _ in EXAMPLES])
def test_example_output_is_real(command: list[str], shown: list[str], tmp_path: object) -> None:
    if any(arg.startswith(("markdown:", "json:", "html:")) for arg in command):
        pytest.skip("writes files; covered by test_reports")
    actual = invoke(*command).stdout.splitlines()
    for line in shown:
        if line.strip() in ("…", ""):
            continue
        assert line in actual, f"README shows a line lzplan does not print: {line!r}"
