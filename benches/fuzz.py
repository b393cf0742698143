"""Coverage-guided fuzzing of lzplan's input path with atheris (libFuzzer).

Raw bytes go through everything a submission file goes through: UTF-8 decoding, the
YAML loader, the schema, the engine (binding, counting, waivers) and the JSON and
terminal reporters. lzplan's own InputError is the expected answer to bad input;
anything else is a crash, which libFuzzer saves as crash-<hash> in the working folder.

Not part of CI. Run it in a scratch folder:

    pip install atheris
    python benches/fuzz.py --runs 100000            # seeds: submissions/ and tests/cases

Figures from the last run are in docs/fuzzing.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from lzplan.check import engine
    from lzplan.check.submission import Submission
    from lzplan.errors import InputError
    from lzplan.inputs import loader
    from lzplan.inputs.validation import to_model
    from lzplan.plan import load as plans
    from lzplan.reporters import Options, text

ROOT = Path(__file__).resolve().parent.parent
PLAN = plans.load(ROOT / "tests" / "cases" / "check" / "_plan" / "plan.yaml")
AS_OF = dt.date(2011, 12, 31)


def one_input(data: bytes) -> None:
    try:
        document = loader.parse(loader.decode(data, "fuzz.yaml"), "fuzz.yaml")
        submission = to_model(document, Submission)
    except InputError:
        return
    filed = engine.Filed("fuzz.yaml", submission, document.positions)
    result = engine.check(PLAN.index, [filed], AS_OF)
    text("json", result, PLAN, Options())
    text("terminal", result, PLAN, Options(lang="zh"))


def seeds(into: Path) -> None:
    sources = [*ROOT.glob("tests/cases/check/*/submissions/*.yaml")]
    sources += [p for p in ROOT.glob("tests/cases/bad-input/*/submissions/*") if p.is_file()]
    for i, path in enumerate(sorted(sources)):
        shutil.copy(path, into / f"seed-{i:04d}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args, rest = parser.parse_known_args()
    corpus = Path(tempfile.mkdtemp(prefix="lzplan-fuzz-"))
    seeds(corpus)
    argv = [sys.argv[0], str(corpus), f"-runs={args.runs}", f"-seed={args.seed}",
            "-max_len=8192", "-print_final_stats=1", *rest]  # fmt: skip
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
