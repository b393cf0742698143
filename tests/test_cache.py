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
from typing import BinaryIO

import pytest

from lzplan.check import wire
from lzplan.check.cache import MAGIC, _sign, default_folder, key_file, secret
from lzplan.code import digest, fingerprint
from tests import forge
from tests.conftest import ROOT, invoke

AS_OF = ("2011-06-30", "2011-11-30", "2011-12-31")


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A copy of the shipped plan and samples, to change files in."""
    shutil.copytree(ROOT / "plan", tmp_path / "plan")
    shutil.copytree(ROOT / "submissions", tmp_path / "submissions")
    return tmp_path


def _check(folder: Path, *args: str, report: str = "json") -> tuple[int, bytes]:
    """A check's exit code and report: JSON by default, which streams (its entries are
    pieces: a unit's line and summary), as markdown does; JUnit does not (its entries
    are verdicts)."""
    result = invoke("check", "submissions", "--plan", "plan/2011.yaml", "-f", report,
                    *args, cwd=folder)  # fmt: skip
    return result.exit_code, result.raw


REPORTS = ["json", "markdown", "junit"]


@pytest.mark.parametrize("report", REPORTS)
@pytest.mark.parametrize("as_of", AS_OF)
def test_cold_warm_and_no_cache_give_the_same_bytes(samples: Path, as_of: str,
                                                     report: str) -> None:  # fmt: skip
    cache = samples / "cache"
    plain = _check(samples, "--as-of", as_of, "--no-cache", report=report)
    cold = _check(samples, "--as-of", as_of, "--cache-dir", str(cache), report=report)
    warm = _check(samples, "--as-of", as_of, "--cache-dir", str(cache), report=report)
    assert plain == cold == warm
    assert len(forge.entries(cache)) == len(list((samples / "submissions").glob("*.yaml")))


def test_markdown_and_every_other_format_too(samples: Path) -> None:
    cache = str(samples / "cache")
    runs = (["--no-cache"], ["--cache-dir", cache], ["--cache-dir", cache])
    for fmt in ("terminal", "markdown", "junit", "parsable", "html"):
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
    count = len(forge.entries(cache))
    as_of = "2011-12-30" if change == "as-of" else "2011-12-31"
    if change == "waivers":
        (samples / "plan" / "waivers-2011.yaml").unlink()
    if change == "plan":
        plan = samples / "plan" / "2011.yaml"
        plan.write_text(plan.read_text(encoding="utf-8") + "\n# 修订\n", encoding="utf-8")
    fresh = _check(samples, "--as-of", as_of, "--cache-dir", str(cache))
    assert len(forge.entries(cache)) == 2 * count  # every file judged again, under new keys
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
    sound = {e: e.read_bytes() for e in forge.entries(cache)}
    _spoil(list(sound), how)
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache)) == plain
    assert {e: e.read_bytes() for e in forge.entries(cache)} == sound  # each rewritten whole


class _Payload:
    """A pickle that would run a command when loaded by a trusting unpickler."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.target}",))


@pytest.mark.parametrize("report", REPORTS)
def test_a_forged_entry_cannot_run_code(samples: Path, report: str) -> None:
    cache = samples / "cache"
    plain = _check(samples, "--as-of", "2011-12-31", "--no-cache", report=report)
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache), report=report)
    owned = samples / "owned"
    for entry in forge.entries(cache):  # even signed with the secret: the unpickler refuses
        payload = pickle.dumps(("verdict", _Payload(owned)))
        entry.write_bytes(forge.signed(entry, payload, cache))
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache),
                  report=report) == plain  # fmt: skip
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
    assert len(forge.entries(Path(cache))) == len(list((corpus / "submissions").glob("*.yaml")))


@pytest.mark.parametrize("report", REPORTS)
def test_a_well_formed_entry_of_the_wrong_shape_is_a_miss(samples: Path, report: str) -> None:
    """Sound bytes, an allowed pickle, but not a verdict: judged again, in this process
    and in a worker alike."""
    cache = samples / "cache"
    plain = _check(samples, "--as-of", "2011-12-31", "--no-cache", report=report)
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache), report=report)
    for entry in forge.entries(cache):
        payload = pickle.dumps(("verdict", "only", "three"))
        entry.write_bytes(forge.signed(entry, payload, cache))
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache),
                  report=report) == plain  # fmt: skip
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


def _standing(raw: bytes, unit: str) -> str:
    import json

    report = json.loads(raw)
    return next(u["status"] for u in report["units"] if u["id"] == unit)


@pytest.mark.parametrize("report", REPORTS)
def test_a_planted_entry_computed_from_public_inputs_decides_nothing(
    samples: Path, report: str
) -> None:
    """Everything in a key is public (the file, the plan, lzplan's code): a well-formed
    entry for gulin, every requirement met, with the digest anyone can compute (or an
    HMAC under a guessed secret), changes no verdict. The control: the same entry signed
    with the secret kept outside the folder would."""
    cache = samples / "cache"
    args = ("--as-of", "2011-12-31")
    plain = _check(samples, *args, "--no-cache", report=report)
    _check(samples, *args, "--cache-dir", str(cache), report=report)
    entry = forge.entry_of(cache, "gulin.yaml")
    payload = forge.all_met(entry)
    public = hashlib.sha256(payload).hexdigest().encode()
    guessed = (_sign(b"", entry.name, payload), _sign(b"lzplan", entry.name, payload))
    for signature in (public, *guessed):
        entry.write_bytes(MAGIC + entry.name.encode() + b"\n" + signature + b"\n" + payload)
        assert _check(samples, *args, "--cache-dir", str(cache), report=report) == plain
    entry.write_bytes(forge.signed(entry, payload, cache))
    planted = _check(samples, *args, "--cache-dir", str(cache), report=report)
    assert planted != plain  # the control: the test can fail
    if report == "json":
        assert _standing(planted[1], "gulin") == "compliant"


def test_a_planted_plan_entry_skips_no_check(samples: Path) -> None:
    """A plan that passed every check is kept, signed, so a re-check reads it back
    instead of tracing it again. Planted under its public key (unsigned, or signed with
    the public digest), a plan whose quota the notice does not say is still refused.
    The control: the same entry signed with the secret is taken as it is."""
    from lzplan import signed
    from lzplan.plan import load as plans

    cache = samples / "cache"
    args = ("--as-of", "2011-12-31", "--cache-dir", str(cache))
    plan = samples / "plan" / "2011.yaml"
    sound = plans.load(plan, "plan/2011.yaml")
    text = plan.read_text(encoding="utf-8").replace(
        "min: {districts: 3, decision-departments: 1}",
        "min: {districts: 2, decision-departments: 1}", 1)  # fmt: skip
    plan.write_text(text, encoding="utf-8")
    key = digest(fingerprint(), "plan/2011.yaml", "plan/2011.yaml", text).hex()
    entry = cache / "plans" / key[:2] / key
    kept = (plans._cited_digests(sound), sound)
    for guess in (b"", hashlib.sha256(key.encode()).hexdigest().encode()):
        signed.write(entry, plans.MAGIC, key, kept, guess)
        refused = invoke("check", "submissions", "--plan", "plan/2011.yaml", *args, cwd=samples)
        assert refused.exit_code == 2
        assert "不少于3件" in refused.stderr
    signed.write(entry, plans.MAGIC, key, kept, secret(os.environ, cache))
    skipped = invoke("check", "submissions", "--plan", "plan/2011.yaml", *args, cwd=samples)
    assert skipped.exit_code != 2  # the control: a signed entry is read back, not checked


def test_a_kept_plan_is_read_again_when_its_notice_changes(samples: Path) -> None:
    """A kept plan stands for its notice and 任务分解 as they were: a notice edited
    since (the quota's sentence gone) makes the plan load and trace again."""
    cache = samples / "cache"
    args = ("--as-of", "2011-12-31", "--cache-dir", str(cache))
    first = invoke("check", "submissions", "--plan", "plan/2011.yaml", *args, cwd=samples)
    assert first.exit_code != 2
    assert list((cache / "plans").glob("*/*"))
    notice = samples / "plan" / "2011.source.txt"
    notice.write_text(notice.read_text(encoding="utf-8").replace("各区县评估不少于3件,", ""),
                      encoding="utf-8")  # fmt: skip
    again = invoke("check", "submissions", "--plan", "plan/2011.yaml", *args, cwd=samples)
    assert again.exit_code == 2
    assert "quoted text does not occur in the notice" in again.stderr


@pytest.mark.parametrize("kind", ["fifo", "dev-zero", "folder"])
def test_an_entry_that_is_no_regular_file_is_a_miss(samples: Path, kind: str) -> None:
    """A FIFO where an entry goes does not hang the run, a link to /dev/zero is not read
    until memory runs out: each is a miss, judged again."""
    cache = samples / "cache"
    plain = _check(samples, "--as-of", "2011-12-31", "--no-cache")
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    entry = forge.entry_of(cache, "gulin.yaml")
    entry.unlink()
    if kind == "fifo":
        os.mkfifo(entry)
    elif kind == "dev-zero":
        entry.symlink_to("/dev/zero")
    else:
        entry.mkdir()
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache)) == plain


def _contents(cache: Path) -> dict[str, bytes]:
    return {e.name: e.read_bytes() for e in forge.entries(cache)}


def test_the_secret_is_the_users_alone(samples: Path, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    """Made on first use, 0600; a key file others can read is not used (each run then
    signs with a secret of its own, and the cache only costs time); LZPLAN_CACHE_KEY,
    a CI's secret, lets jobs share a cache."""
    config = tmp_path / "config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    cache = samples / "cache"
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    key = key_file(os.environ)
    assert key.stat().st_mode & 0o777 == 0o600
    first = _contents(cache)
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    assert _contents(cache) == first  # kept: read back and trusted
    key.chmod(0o644)
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    rewritten = _contents(cache)
    assert all(rewritten[name] != first[name] for name in first)  # none trusted
    monkeypatch.setenv("LZPLAN_CACHE_KEY", "a secret of the CI's")
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    shared = _contents(cache)
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache))
    assert _contents(cache) == shared


def test_each_file_is_read_once(samples: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its key and its verdict come from the same bytes: a file rewritten between two
    reads cannot have one content's verdict kept under the other's key."""
    from lzplan.inputs import loader

    reads: list[str] = []
    real = loader.open_regular

    def counted(path: Path, most: int) -> BinaryIO:
        reads.append(Path(path).name)
        return real(path, most)

    monkeypatch.setattr(loader, "open_regular", counted)
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(samples / "cache"))
    files = sorted(p.name for p in (samples / "submissions").glob("*.yaml"))
    assert sorted(name for name in reads if name in files) == files


@pytest.mark.parametrize("report", REPORTS)
def test_a_signed_entry_whose_messages_do_not_render_is_a_miss(samples: Path,
                                                               report: str) -> None:  # fmt: skip
    """Even an entry that passes the signature (a secret leaked, an older lzplan's) is
    used only if every message it holds renders: one naming no message of the
    catalogue is judged again, never a crash (exit 3) when the report is printed."""
    cache = samples / "cache"
    plain = _check(samples, "--as-of", "2011-12-31", "--no-cache", report=report)
    _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache), report=report)
    entry = forge.entry_of(cache, "gulin.yaml")
    entry.write_bytes(forge.signed(entry, forge.unknown_message(entry), cache))
    assert _check(samples, "--as-of", "2011-12-31", "--cache-dir", str(cache),
                  report=report) == plain  # fmt: skip
