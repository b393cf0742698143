"""lzplan's benchmark: every figure measured side by side, in one run, on the same files.

    python benches/run.py --quick          # 1,000 submissions
    python benches/run.py                  # 10,000 submissions
    python benches/run.py --write          # ... and record the run in docs/performance.md

Every cold figure runs with --no-cache; the warm re-check primes a cache, changes one
file, and checks again. The busy-machine figures run beside a CPU hog (one process
spinning on one core).

Each figure is the median of --repeat runs of a child process; peak RSS comes from the
child's own rusage. The machines this runs on are shared and noisy, so the targets are
ratios between figures taken in the same run, never absolute times.
"""

from __future__ import annotations

import argparse
import datetime as dt
import filecmp
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
AS_OF = "2011-12-31"
FLOOR = (
    "import sys, yaml\n"
    "for path in sys.argv[1:]:\n"
    "    with open(path, 'rb') as f:\n"
    "        yaml.load(f, Loader=yaml.CSafeLoader)\n"
)


@dataclass
class Figure:
    name: str
    seconds: float
    rss_mib: float


def run(cmd: list[str], *, cwd: Path, repeat: int, stdout: Path | None = None) -> Figure:
    """Median wall time and largest peak RSS of ``cmd`` over ``repeat`` runs."""
    times, rss = [], []
    for _ in range(repeat):
        out = stdout.open("wb") if stdout else subprocess.DEVNULL
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        rss.append(usage.ru_maxrss / 1024)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if stdout:
            out.close()  # type: ignore[union-attr]
        if proc.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(cmd)} exited {proc.returncode}")
    return Figure(" ".join(Path(c).name if i == 0 else c for i, c in enumerate(cmd))[:60],
                  statistics.median(times), max(rss))  # fmt: skip


def warm(check: list[str], folder: Path, cache: Path, repeat: int, out: Path) -> Figure:
    """A re-check with one file changed since the cache was filled (a new file each run)."""
    subprocess.run([*check, "--cache-dir", str(cache)], cwd=folder, stdout=subprocess.DEVNULL,
                   check=False)  # fmt: skip
    files = sorted((folder / "submissions").glob("*.yaml"))
    times, rss = [], []
    for i in range(repeat):
        with files[i * 7 % len(files)].open("a", encoding="utf-8") as changed:
            changed.write(f"# 第{i + 1}次修改\n")
        fig = run([*check, "--cache-dir", str(cache)], cwd=folder, repeat=1, stdout=out)
        times.append(fig.seconds)
        rss.append(fig.rss_mib)
    return Figure("warm", statistics.median(times), max(rss))


def typer_floor(into: Path) -> Path:
    """A script with a typer command of ``lzplan check``'s options (the same types, in
    the same order) and an empty body: what any typer CLI of that shape pays before its
    command runs. Typer 0.29 builds a pydantic TypeAdapter for each option on every run,
    which ``import typer`` alone does not."""
    import enum
    import typing

    sys.path.insert(0, str(ROOT / "src"))
    from typer.models import ArgumentInfo

    from lzplan.cli import check as command

    hints = typing.get_type_hints(command.check, include_extras=True)
    hints.pop("return", None)
    enums: dict[str, list[str]] = {}

    def text(hint: object) -> str:
        args = typing.get_args(hint)
        if isinstance(hint, type) and issubclass(hint, enum.Enum):
            enums[hint.__name__] = [str(m.value) for m in hint]
            return hint.__name__
        if typing.get_origin(hint) is list:
            return f"list[{text(args[0])}]"
        if args and type(None) in args:
            return " | ".join(text(a) for a in args if a is not type(None)) + " | None"
        return "Path" if hint is Path else str(getattr(hint, "__name__", hint))

    def param(name: str, hint: object) -> str:
        plain, *extras = typing.get_args(hint) if hasattr(hint, "__metadata__") else (hint,)
        kind = "Argument" if any(isinstance(e, ArgumentInfo) for e in extras) else "Option"
        return f"{name}: Annotated[{text(plain)}, typer.{kind}()] = None"

    params = [param(name, hint) for name, hint in hints.items()]
    lines = ["import enum", "from pathlib import Path", "from typing import Annotated",
             "import typer", "app = typer.Typer()"]  # fmt: skip
    for name, values in enums.items():
        lines.append(f"class {name}(str, enum.Enum):")
        lines += [f"    v{i} = {v!r}" for i, v in enumerate(values)]
    lines += ["@app.command()", f"def check({', '.join(params)}) -> None:", "    pass",
              "@app.command()", "def other() -> None:", "    pass", "app()"]  # fmt: skip
    script = into / "typer_floor.py"
    script.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return script


class Hog:
    """One process spinning on a core while the figures inside are taken."""

    def __enter__(self) -> Hog:
        self.proc = subprocess.Popen([PY, "-c", "while True: pass"])
        time.sleep(1.0)
        return self

    def __exit__(self, *_: object) -> None:
        self.proc.kill()
        self.proc.wait()


def corpus(units: int, into: Path) -> Path:
    folder = into / f"corpus-{units}"
    if not (folder / "submissions").exists():
        make = [PY, str(ROOT / "benches" / "corpus.py"), str(folder), "--units", str(units)]
        subprocess.run(make, check=True)
    return folder


def terminal_share(folder: Path, repeat: int) -> tuple[float, float]:
    """Median seconds of the check and of rendering its terminal report, in-process."""
    sys.path.insert(0, str(ROOT / "src"))
    from lzplan.check import run as runs
    from lzplan.reporters import Options, text

    request = runs.Request((folder / "submissions",), folder / "plan" / "2011.yaml",
                           dt.date.fromisoformat(AS_OF))  # fmt: skip
    checks, renders = [], []
    for _ in range(repeat):
        start = time.perf_counter()
        checked = runs.check(request)
        middle = time.perf_counter()
        text("terminal", checked.result, checked.plan, Options())
        checks.append(middle - start)
        renders.append(time.perf_counter() - middle)
    return statistics.median(checks), statistics.median(renders)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1,000 files instead of 10,000")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="record in docs/performance.md")
    parser.add_argument("--keep", type=Path, help="keep the corpora in this folder")
    parser.add_argument("--huge", type=int, nargs="*", default=[50_000, 150_000],
                        help="the large runs, without --quick (time and peak RSS)")  # fmt: skip
    args = parser.parse_args()
    lzplan = shutil.which("lzplan", path=str(Path(PY).parent)) or "lzplan"
    scratch = args.keep or Path(tempfile.mkdtemp(prefix="lzplan-bench-"))
    scratch.mkdir(parents=True, exist_ok=True)
    big = corpus(1000 if args.quick else 10_000, scratch)
    small = corpus(1000, scratch)
    n = len(list((big / "submissions").glob("*.yaml")))
    files = sorted(str(p) for p in (big / "submissions").glob("*.yaml"))
    cached = [lzplan, "check", "submissions", "--as-of", AS_OF, "--format", "json"]
    check = [*cached, "--no-cache"]
    out_fast, out_plain = scratch / "fast.json", scratch / "plain.json"
    out_one = scratch / "one.json"
    # a second format that does not stream: the plain path (every outcome kept, merged)
    plain = [*check, "--jobs", "1", "--output", f"parsable:{scratch / 'plain.txt'}"]
    out_warm, out_after = scratch / "warm.json", scratch / "after.json"

    lines = []
    say = lines.append
    fig_e2e = run(check, cwd=big, repeat=args.repeat, stdout=out_fast)
    fig_one = run([*check, "--jobs", "1"], cwd=big, repeat=args.repeat, stdout=out_one)
    fig_plain = run(plain, cwd=big, repeat=args.repeat, stdout=out_plain)
    fig_two = run([*check, "--jobs", "2"], cwd=big, repeat=args.repeat)
    # a user's run: the terminal report on stdout and a JSON file (both stream)
    out_both = scratch / "both.json"
    both = [lzplan, "check", "submissions", "--as-of", AS_OF, "--no-cache",
            "--output", f"json:{out_both}"]  # fmt: skip
    fig_both = run(both, cwd=big, repeat=args.repeat)
    fig_floor = run([PY, "-c", FLOOR, *files], cwd=big, repeat=args.repeat)
    # in chunks: keep this process small
    same = all(filecmp.cmp(out_fast, other, shallow=False)
               for other in (out_plain, out_one, out_both))  # fmt: skip
    fig_warm = warm(cached, big, scratch / "cache", args.repeat, out_warm)
    run(check, cwd=big, repeat=1, stdout=out_after)  # the changed files, judged afresh
    same_warm = filecmp.cmp(out_warm, out_after, shallow=False)
    with Hog():
        busy_auto = run([*check, "--jobs", "0"], cwd=big, repeat=3)
        busy_one = run([*check, "--jobs", "1"], cwd=big, repeat=3)
    huge = [] if args.quick else [(size, run(check, cwd=corpus(size, scratch), repeat=1))
                                  for size in args.huge]  # fmt: skip

    schema = scratch / "submission.schema.json"
    schema.write_bytes(subprocess.run([lzplan, "schema", "submission"], capture_output=True,
                                      check=True).stdout)  # fmt: skip
    small_files = sorted(str(p) for p in (small / "submissions").glob("*.yaml"))
    fig_small = run(check, cwd=small, repeat=args.repeat)
    cjs = shutil.which("check-jsonschema", path=str(Path(PY).parent))
    fig_cjs = (run([cjs, "--schemafile", str(schema), *small_files], cwd=small, repeat=3)
               if cjs else None)  # fmt: skip

    fig_typer = run([PY, "-c", "import typer"], cwd=ROOT, repeat=args.repeat)
    empty = [PY, str(typer_floor(scratch)), "check", "submissions/", "--as-of", AS_OF]
    fig_empty = run(empty, cwd=ROOT, repeat=args.repeat)
    fig_version = run([lzplan, "--version"], cwd=ROOT, repeat=args.repeat)
    samples = [lzplan, "check", "submissions/", "--as-of", AS_OF]
    run(samples, cwd=ROOT, repeat=1)  # a clerk's hook runs many times: the cache is filled
    fig_samples = run(samples, cwd=ROOT, repeat=args.repeat)
    t_check, t_render = terminal_share(small, args.repeat)

    say(f"lzplan benchmark, {dt.date.today()}, {platform.python_version()}, "
        f"{os.cpu_count()} cores, {platform.machine()}; median of {args.repeat} runs")  # fmt: skip
    say("")
    say("| figure | median s | peak RSS MiB |")
    say("|---|---:|---:|")
    for label, fig in [
        (f"lzplan check, {n} files, JSON report (cold: --no-cache)", fig_e2e),
        (f"lzplan check --jobs 1, {n} files (streamed, one process)", fig_one),
        (f"plain path: --jobs 1, {n} files, JSON and parsable (not streamed)", fig_plain),
        (f"lzplan check --jobs 2, {n} files", fig_two),
        (f"lzplan check, {n} files, terminal and a JSON file (cold)", fig_both),
        (f"floor: one process, yaml CSafeLoader, {n} files", fig_floor),
        (f"re-check, {n} files, one changed (warm cache)", fig_warm),
        (f"busy machine: --jobs 0 (auto), {n} files", busy_auto),
        (f"busy machine: --jobs 1, {n} files", busy_one),
        ("lzplan check, 1,000 files, JSON report", fig_small),
        ("check-jsonschema, same 1,000 files", fig_cjs),
        ("python -c 'import typer'", fig_typer),
        ("a typer command of check's options, empty body (typer's own floor)", fig_empty),
        ("lzplan --version", fig_version),
        ("lzplan check submissions/ (shipped samples, warm cache)", fig_samples),
        *((f"lzplan check, {size:,} files", fig) for size, fig in huge),
    ]:
        if fig is not None:
            say(f"| {label} | {fig.seconds:.3f} | {fig.rss_mib:.0f} |")
    say("")
    say("| ratio | target | measured | met |")
    say("|---|---|---:|---|")

    def ratio(label: str, value: float, target: str, ok: bool | None) -> None:
        met = "—" if ok is None else "yes" if ok else "NO"  # None: a figure for context
        say(f"| {label} | {target} | {value:.2f} | {met} |")

    r = fig_e2e.seconds / fig_floor.seconds
    ratio(f"check {n} files / floor", r, "≤ 0.75", r <= 0.75)
    r = fig_warm.seconds / fig_floor.seconds
    ratio(f"re-check {n} files, one changed / floor", r, "≤ 0.10", r <= 0.10)
    r = fig_one.seconds / fig_two.seconds
    ratio("--jobs 1 / --jobs 2 (speed-up), idle", r, "≥ 1.6", r >= 1.6)
    r = busy_auto.seconds / busy_one.seconds
    ratio("--jobs 0 / --jobs 1, busy machine", r, "≤ 1.0", r <= 1.0)
    if fig_cjs:
        r = fig_cjs.seconds / fig_small.seconds
        ratio("check-jsonschema / check, 1,000 files", r, "≥ 15", r >= 15)
    r = fig_samples.seconds / fig_typer.seconds
    ratio("check samples / import typer", r, "≤ 2.5", r <= 2.5)
    r = fig_empty.seconds / fig_typer.seconds
    ratio("empty typer command of check's options / import typer", r, "(floor)", None)
    r = fig_samples.seconds / fig_empty.seconds
    ratio("check samples / empty typer command", r, "(context)", None)
    r = fig_version.seconds / fig_typer.seconds
    ratio("--version / import typer", r, "≤ 1.5", r <= 1.5)
    ratio(f"peak RSS MiB, {n} files", fig_e2e.rss_mib, "≤ 100", fig_e2e.rss_mib <= 100)
    for size, fig in huge:
        r = fig.rss_mib / fig_e2e.rss_mib
        ratio(f"peak RSS, {size:,} files / {n} files", r, "≤ 1.2", r <= 1.2)
    share = t_render / (t_check + t_render)
    ratio("terminal output share, 1,000 units", share, "≤ 0.20", share <= 0.20)
    say("")
    say(f"Streamed JSON (workers, one process, beside the terminal) identical to the "
        f"plain path's: "
        f"{'yes' if same else 'NO'}")  # fmt: skip
    say(f"Warm-cache JSON identical to a cold check's: {'yes' if same_warm else 'NO'}")
    text = "\n".join(lines)
    print(text)
    if args.write:
        write(text, args)
    return 0 if same and same_warm else 1


def write(text: str, args: argparse.Namespace) -> None:
    doc = ROOT / "docs" / "performance.md"
    marker = "<!-- last run -->"
    old = doc.read_text(encoding="utf-8") if doc.exists() else marker
    head = old.split(marker)[0]
    command = "python benches/run.py" + (" --quick" if args.quick else "")
    body = f"{marker}\n\n`{command}` on {platform.node() or 'this machine'}:\n\n{text}\n"
    doc.write_text(head + body, encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
