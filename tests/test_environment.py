"""The user's environment: terminal conventions, interruptions and closed pipes in the
process, the shipped plans, and write failures — each the environment's, not a bug."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from lzplan import cli
from lzplan.check import attachments, collect, engine
from lzplan.errors import InputError, OutputError
from lzplan.plan import shipped
from lzplan.reporters import write
from tests.conftest import ROOT, invoke

ESC = "\x1b["


@pytest.mark.parametrize(
    ("env", "coloured"),
    [
        ({"FORCE_COLOR": "1"}, True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),  # NO_COLOR wins
        ({"FORCE_COLOR": "1", "NO_COLOR": ""}, True),  # an empty NO_COLOR does not count
        ({"FORCE_COLOR": "0"}, False),
        ({"TERM": "dumb"}, False),
        ({}, False),  # not a terminal
    ],
)
def test_colour_follows_the_conventions(env: dict[str, str], coloured: bool) -> None:
    out = invoke("units", env={"NO_COLOR": "", "FORCE_COLOR": "", "TERM": "xterm", **env}).stdout
    assert (ESC in out) is coloured


@pytest.mark.parametrize(
    ("raised", "code", "said"),
    [(KeyboardInterrupt, 130, "interrupted; no report written"), (BrokenPipeError, 141, "")],
)
def test_interruptions_are_quiet(
    raised: type[BaseException], code: int, said: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from lzplan.plan import load

    def stop(*args: object, **kwargs: object) -> None:
        raise raised

    monkeypatch.setattr(load, "load", stop)
    result = invoke("plan", "validate")
    assert result.exit_code == code
    assert result.stderr.strip() == said


def test_ctrl_c_while_the_command_line_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    def stop() -> None:
        raise KeyboardInterrupt

    from lzplan.cli import root

    monkeypatch.setattr(root, "narrowed", lambda args: stop)
    with pytest.raises(SystemExit) as ended:
        cli.main()
    assert ended.value.code == 130


def test_no_plan_here_and_none_to_choose(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(shipped, "shipped", list)
    with pytest.raises(InputError) as raised:
        shipped.find(None)
    assert "no plan here: give --plan PATH (or set LZPLAN_PLAN)" in str(raised.value)


def test_the_submissions_name_their_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "subs").mkdir()
    (tmp_path / "subs" / "a.yaml").write_text("unit: gulin\nplan: luzhou-2011\n")
    (tmp_path / "subs" / "b.yaml").mkdir()  # a folder named like a file is passed over
    found = shipped.find(None, [tmp_path / "subs"])
    assert found.path.name == "2011.yaml"
    assert found.note is not None


def _failing() -> Iterator[str]:
    """A report whose writing fails half-way, as on a full disk."""
    yield "half a report"
    raise OSError(28, "No space left on device")


def test_a_write_that_fails_leaves_the_previous_report(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    target.write_text("previous\n", encoding="utf-8")
    with pytest.raises(OutputError) as raised:
        write.atomic_write(target, _failing())
    assert "No space left on device" in str(raised.value.message)
    assert target.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_a_report_path_that_cannot_be_looked_at(tmp_path: Path) -> None:
    looped = tmp_path / "loop"
    looped.symlink_to(looped)
    with pytest.raises(OutputError) as raised:
        write.atomic_write(looped / "report.md", ["x"])
    assert "cannot write" in str(raised.value.message)
    write.refuse_inputs([looped], [tmp_path / "elsewhere"])  # a loop is no input either


def test_a_report_is_readable_as_a_plain_file_would_be(tmp_path: Path) -> None:
    """The temporary file is private (0600); the report takes the umask's mode, or keeps
    the one its earlier version had."""
    previous = os.umask(0o027)
    try:
        write.atomic_write(tmp_path / "new.md", ["x"])
    finally:
        os.umask(previous)
    assert (tmp_path / "new.md").stat().st_mode & 0o777 == 0o640
    kept = tmp_path / "kept.md"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o604)
    write.atomic_write(kept, ["new"])
    assert kept.stat().st_mode & 0o777 == 0o604
    assert kept.read_text(encoding="utf-8") == "new"


def test_a_device_is_written_through(tmp_path: Path) -> None:
    write.atomic_write(Path(os.devnull), ["to nowhere\n"])
    assert Path(os.devnull).is_char_device()


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("file: report.pdf", "is named without its sha256"),
        ("file: folder\n      sha256: " + "a" * 64, "is not a regular file"),
        ("file: big.pdf\n      sha256: " + "a" * 64, "is larger than"),
    ],
)
def test_attachments_the_verifier_refuses(
    entry: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "folder").mkdir()
    with (tmp_path / "big.pdf").open("wb") as big:
        big.truncate(attachments.MAX_ATTACHMENT_BYTES + 1)
    text = (
        "unit: gulin\nplan: luzhou-2011\nreported: 2011-12-20\nrequirements:\n"
        "  t2-1.study-plan:\n    evidence:\n    - title: 学法计划\n      date: 2011-03-26\n"
        f"      {entry}\n"
    )
    path = tmp_path / "gulin.yaml"
    path.write_text(text, encoding="utf-8")
    loaded = collect.load_one(path, "gulin.yaml", "gulin.yaml")
    assert isinstance(loaded, engine.Filed)
    found = attachments.verify(loaded, path)
    assert len(found) == 1
    assert message in str(found[0])
    assert ROOT.exists()


def test_the_wheel_carries_the_plans_and_serves_an_empty_folder(tmp_path: Path) -> None:
    """The wheel as pip installs it: unpacked on the path, run from a folder with no plan."""
    import subprocess
    import sys
    import zipfile

    built = tmp_path / "wheel"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q",
         "-w", str(built), str(ROOT)],
        check=True, capture_output=True,
    )  # fmt: skip
    (wheel,) = built.glob("lzplan-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "lzplan/shipped/luzhou-2011/2011.yaml" in names
    assert "lzplan/shipped/luzhou-2011/2011.source.txt" in names
    assert "lzplan/shipped/schemas/submission.schema.json" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    empty = tmp_path / "empty"
    empty.mkdir()
    env = {**os.environ, "PYTHONPATH": str(site)}

    def lzplan(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "lzplan", *args], cwd=empty, env=env,
                              capture_output=True, text=True, check=False)  # fmt: skip

    assert lzplan("plan", "show").returncode == 0
    made = lzplan("init", "gulin", "-o", "submissions/gulin.yaml", "--reported", "2011-06-01")
    assert made.returncode == 0, made.stderr
    checked = lzplan("check", "submissions/gulin.yaml", "--unit", "gulin", "--as-of", "2011-06-01")
    assert checked.returncode == 0, checked.stderr
    assert "using the plan shipped with lzplan, luzhou-2011" in checked.stderr
    assert str(site) in lzplan("plan", "list").stdout  # the installed copy, not this checkout
