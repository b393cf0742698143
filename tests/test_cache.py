"""The verdict cache: it never changes a result, it notices every change, and it trusts
no entry it did not write — torn, foreign or forged entries are judged again."""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from lzplan.check import wire
from lzplan.check.cache import MAGIC, default_folder
from lzplan.code import fingerprint
from tests.conftest import ROOT, invoke

AS_OF = ("2011-06-30", "2011-11-30", "2011-12-31")


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A copy of the shipped plan and samples, to change files in."""
    shutil.copytree(ROOT / "plan", tmp_path / "plan")
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    return tmp_path


def _check(folder: Path, *args: str) -> tuple[int, bytes]:
    result = invoke("check", "submissions", "--plan", "plan/2011.yaml", "-f", "json",
                    *args, cwd=folder)  # fmt: skip
    return result.exit_code, result.raw


def _entries(cache: Path) -> list[Path]:
    return sorted((cache / "verdicts").glob("*/*"))


@pytest.mark.parametrize("as_of", AS_OF)
def test_cold_warm_and_no_cache_give_the_same_bytes(samples: Path, as_of: str) -> None:
    cache = samples / "cache"
    plain = _check(samples, "--as-of", as_of, "--no-cache")
    cold = _check(samples, "--as-of", as_of, "--cache-dir", str(cache))
    warm = _check(samples, "--as-of", as_of, "--cache-dir", str(cache))
    assert plain == cold == warm
    assert len(_entries(cache)) == len(list((samples / "submissions").glob("*.yaml")))


def test_markdown_and_every_other_format_too(samples: Path) -> None:
    cache = str(samples / "cache")
    runs = (["--no-cache"], ["--cache-dir", cache], ["--cache-dir", cache])
    for fmt in ("markdown", "junit", "parsable", "html"):
        shown = [invoke("check", "submissions", "--plan", "plan/2011.yaml", "--as-of",
                        "2011-12-31", "-f", fmt, *extra, cwd=samples).stdout
                 for extra in runs]  # fmt: skip
        assert shown[0] == shown[1] == shown[2], fmt


def test_a_changed_file_is_judged_again(samples: Path) -> None:
    cache = str(samples / "cache")
    before = _check(samples, "--as-of", "2011-12-31", "--cache-dir", cache)
    gulin = samples / "submissions" / "gulin.yaml"
    gulin.write_text(gulin.read_text(encoding="utf-8").replace("古府函〔2011〕61号",
                                                               "古府函〔2011〕62号"),
                     encoding="utf-8")  # fmt: skip
    after = _check(samples, "--as-of", "2011-12-31", "--cache-dir", cache)
    assert after != before
    assert after == _check(samples, "--as-of", "2011-12-31", "--no-cache")


@pytest.mark.parametrize("change", ["waivers", "plan", "as-of"])
def test_a_changed_context_misses(samples: Path, change: str) -> None:
    cache = samples / "cache"
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    count = len(_entries(cache))
    as_of = "2011-12-30" if change == "as-of" else "2011-12-31"
    if change == "waivers":
        (samples / "plan" / "waivers-2011.yaml").unlink()
    if change == "plan":
        plan = samples / "plan" / "2011.yaml"
        plan.write_text(plan.read_text(encoding="utf-8") + "\n# 修订\n", encoding="utf-8")
    fresh = _check(samples, "--as-of", as_of, "--cache-dir", str(cache))
    assert len(_entries(cache)) == 2 * count  # every file judged again, under new keys
    assert fresh == _check(samples, "--as-of", as_of, "--no-cache")


def _spoil(entries: list[Path], how: str) -> None:
    others = entries[1:] + entries[:1]
    contents = [e.read_bytes() for e in others]
    for entry, other in zip(entries, contents, strict=True):
        data = entry.read_bytes()
        if how == "truncated":
            entry.write_bytes(data[: len(data) // 2])
        elif how == "flipped":
            entry.write_bytes(data[:-1] + bytes([data[-1] ^ 1]))
        elif how == "foreign":  # a sound entry of another file, under this key
            entry.write_bytes(other)
        elif how == "empty":
            entry.write_bytes(b"")
        elif how == "old-version":
            entry.write_bytes(data.replace(MAGIC, b"lzplan-verdict 0\n", 1))


@pytest.mark.parametrize("how", ["truncated", "flipped", "foreign", "empty", "old-version"])
def test_a_spoiled_entry_is_ignored_and_replaced(samples: Path, how: str) -> None:
    cache = samples / "cache"
    plain = _check(samples, "--as-of", "2011-12-31", "--no-cache")
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    sound = {e: e.read_bytes() for e in _entries(cache)}
    _spoil(list(sound), how)
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache)) == plain
    assert {e: e.read_bytes() for e in _entries(cache)} == sound  # each rewritten whole


class _Payload:
    """A pickle that would run a command when loaded by a trusting unpickler."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.target}",))


def test_a_forged_entry_cannot_run_code(samples: Path) -> None:
    cache = samples / "cache"
    plain = _check(samples, "--as-of", "2011-12-31", "--no-cache")
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    owned = samples / "owned"
    for entry in _entries(cache):
        key = entry.name.encode()
        payload = pickle.dumps(("verdict", _Payload(owned)))
        digest = hashlib.sha256(payload).hexdigest().encode()
        entry.write_bytes(MAGIC + key + b"\n" + digest + b"\n" + payload)
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache)) == plain
    assert not owned.exists()


def test_a_cache_that_cannot_be_written_only_costs_time(samples: Path) -> None:
    blocked = samples / "not-a-folder"
    blocked.write_text("", encoding="utf-8")
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(blocked)) == _check(
        samples, "--as-of", "2011-12-31", "--no-cache"
    )


def test_the_cache_is_never_inside_a_folder_lzplan_reads(samples: Path) -> None:
    inside = samples / "submissions" / ".cache"
    result = invoke("check", "submissions", "--plan", "plan/2011.yaml", "--cache-dir",
                    str(inside), "--as-of", "2011-12-31", cwd=samples)  # fmt: skip
    assert result.exit_code == 2
    assert "--cache-dir" in result.stderr
    assert not inside.exists()


def test_verified_evidence_is_never_taken_from_the_cache(samples: Path) -> None:
    cache = samples / "cache"
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache), "--verify-evidence")
    assert not cache.exists()


def test_concurrent_runs_share_a_cache(samples: Path) -> None:
    """Four processes filling one empty cache at once, then four reading it: all agree."""
    cache = samples / "cache"
    command = [sys.executable, "-m", "lzplan", "check", "submissions", "--plan",
               "plan/2011.yaml", "--as-of", "2011-12-31", "-f", "json", "--cache-dir",
               str(cache)]  # fmt: skip
    plain = _check(samples, "--as-of", "2011-12-31", "--no-cache")[1]
    for _ in range(2):
        runs = [subprocess.Popen(command, cwd=samples, stdout=subprocess.PIPE,
                                 stderr=subprocess.DEVNULL) for _ in range(4)]  # fmt: skip
        outputs = [run.communicate(timeout=120)[0] for run in runs]
        assert outputs == [plain] * 4
    assert not [p for p in (cache / "verdicts").rglob(".*") if p.is_file()]  # no temporary


def test_parallel_workers_use_it_too(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "benches" / "corpus.py"), str(corpus),
                    "--units", "250"], check=True, capture_output=True)  # fmt: skip
    cache = str(tmp_path / "cache")
    plain = _check(corpus, "--as-of", "2011-12-31", "--no-cache", "--jobs", "1")
    cold = _check(corpus, "--as-of", "2011-12-31", "--cache-dir", cache, "--jobs", "2")
    warm = _check(corpus, "--as-of", "2011-12-31", "--cache-dir", cache, "--jobs", "2")
    assert plain == cold == warm
    assert len(_entries(Path(cache))) == len(list((corpus / "submissions").glob("*.yaml")))


def test_a_well_formed_entry_of_the_wrong_shape_is_a_miss(samples: Path) -> None:
    """Sound bytes, an allowed pickle, but not a verdict: judged again, in this process
    and in a worker alike."""
    cache = samples / "cache"
    plain = _check(samples, "--as-of", "2011-12-31", "--no-cache")
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    for entry in _entries(cache):
        payload = pickle.dumps(("verdict", "only", "three"))
        digest = hashlib.sha256(payload).hexdigest().encode()
        entry.write_bytes(MAGIC + entry.name.encode() + b"\n" + digest + b"\n" + payload)
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache)) == plain
    assert not wire.sound(("verdict", "only", "three"))
    assert wire.sound(("skipped",))


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LZPLAN_CACHE_DIR": "/srv/lzplan-cache", "HOME": "/home/clerk"}, "/srv/lzplan-cache"),
        ({"XDG_CACHE_HOME": "/var/cache/clerk", "HOME": "/home/clerk"}, "/var/cache/clerk/lzplan"),
        ({"HOME": "/home/clerk"}, "/home/clerk/.cache/lzplan"),
    ],
    ids=["env", "xdg", "home"],
)
def test_the_default_folder(environ: dict[str, str], expected: str) -> None:
    assert default_folder(environ) == Path(expected)


def test_an_edited_lzplan_does_not_reuse_what_older_code_judged() -> None:
    """The key counts lzplan's own modules: touching one changes every key."""
    import lzplan

    module = Path(lzplan.__file__).parent / "kinds" / "count.py"  # installed, or src/
    before = module.stat()
    fingerprint.cache_clear()
    first = fingerprint()
    try:
        os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000))
        fingerprint.cache_clear()
        assert fingerprint() != first
    finally:
        os.utime(module, ns=(before.st_atime_ns, before.st_mtime_ns))
        fingerprint.cache_clear()
    assert fingerprint() == first
