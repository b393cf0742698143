"""Finding submission files: folders, symlinks, hidden files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from lzplan.check import collect


def names(found: list[tuple[Path, str, str]]) -> list[str]:
    return [Path(display).name for _, display, _ in found]


def test_folders_are_searched_for_yaml_in_a_stable_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "naxi.yml").write_text("x: 1\n")
    (tmp_path / "jiangyang.yaml").write_text("x: 1\n")
    (tmp_path / "readme.txt").write_text("not yaml\n")
    (tmp_path / ".hidden.yaml").write_text("x: 1\n")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.yaml").write_text("x: 1\n")
    (tmp_path / "folder.yaml").mkdir()  # a folder named like a YAML file is a folder
    found, problems = collect.find_files([tmp_path])
    assert names(found) == ["naxi.yml", "jiangyang.yaml"]
    assert problems == []


def test_a_file_reached_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "gulin.yaml"
    path.write_text("x: 1\n")
    found, _ = collect.find_files([path, tmp_path / "." / "gulin.yaml", tmp_path])
    assert found == [(path, str(path), path.as_posix())]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_symlinks_leaving_the_folder_are_refused(tmp_path: Path) -> None:
    outside = tmp_path / "outside.yaml"
    outside.write_text("x: 1\n")
    root = tmp_path / "subs"
    root.mkdir()
    (root / "inside.yaml").write_text("x: 1\n")
    (root / "link-in.yaml").symlink_to(root / "inside.yaml")
    (root / "link-out.yaml").symlink_to(outside)
    (root / "loop.yaml").symlink_to(root / "loop.yaml")
    (root / "dir-loop").symlink_to(root, target_is_directory=True)
    found, problems = collect.find_files([root])
    assert names(found) == ["inside.yaml"]  # link-in.yaml is the same file
    messages = sorted(str(p) for p in problems)
    assert messages == [
        f"{root / 'link-out.yaml'}: error: symbolic link leads outside the folder being "
        "checked; not read",
        f"{root / 'loop.yaml'}: error: symbolic link leads outside the folder being "
        "checked; not read",
    ]
