"""The published JUnit XML schema CI servers accept: Jenkins xUnit's junit-10.xsd.

It is not vendored. `.ci/run` fetches it once (from the pytest sdist on PyPI, which
ships it for its own tests) and points LZPLAN_JUNIT_XSD at it; without that variable
the tests fetch it the same way into a temporary folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

SDIST = "pytest==9.2.0"
MEMBER = "testing/example_scripts/junit-10.xsd"


def fetch(into: Path) -> Path:
    """Download the pytest sdist and extract the schema; returns its path."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps",
         "--no-binary", ":all:", SDIST, "-d", str(into)],
        check=True, capture_output=True,
    )  # fmt: skip
    (archive,) = into.glob("pytest-*.tar.gz")
    with tarfile.open(archive) as tar:
        (member,) = (m for m in tar.getmembers() if m.name.endswith(MEMBER))
        member.name = "junit-10.xsd"
        tar.extract(member, into, filter="data")
    return into / "junit-10.xsd"


def locate(tmp: Path) -> Path:
    given = os.environ.get("LZPLAN_JUNIT_XSD")
    if given:
        return Path(given)
    return fetch(tmp)


if __name__ == "__main__":  # used by .ci/run: python tests/junit_schema.py DIR
    print(fetch(Path(sys.argv[1])))
