"""A check whose reports are all JSON streams its units (lzplan.check.stream): each
unit's line is made where its file is judged, and the parent keeps only summaries.
What a user sees must not change: every case's report, stderr and exit code are those
of the plain path (forced here by asking for a second format), in one process and in
workers."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from lzplan.check import run, stream
from lzplan.check.engine import Rejected
from lzplan.check.result import FailOn, Notice, UnitResult
from lzplan.check.stream import Lines
from lzplan.location import Location
from lzplan.messages import Message, msg
from lzplan.plan.load import LoadedPlan
from lzplan.reporters import json_report
from tests.conftest import case_dirs, invoke

CASES = case_dirs("check")
PLAN = "../_plan/plan.yaml"


def _both(case: Path, tmp_path: Path, *extra: str) -> tuple[tuple[int, str, str], ...]:
    args = [*json.loads((case / "args.json").read_text(encoding="utf-8")), *extra]
    check = ("check", "submissions", "--plan", PLAN, "--format", "json", "--no-cache", *args)
    streamed = invoke(*check, cwd=case)
    plain = invoke(*check, "--output", f"parsable:{tmp_path / 'report.txt'}", cwd=case)
    return tuple((r.exit_code, r.stdout, r.stderr) for r in (streamed, plain))


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_a_streamed_report_is_the_plain_paths(case: Path, tmp_path: Path, jobs: str) -> None:
    streamed, plain = _both(case, tmp_path, "--jobs", jobs)
    assert streamed == plain


# The terminal and markdown reports stream too, alone and beside a JSON file; a parsable
# file (which does not stream) forces the plain path. Cut to a few rows, so the streamed
# trimming of the matrix, progress and shortfalls is the one compared.
_TERMINAL = [(), ("--all", "--lang", "zh"), ("--width", "60"), ("--color", "always")]


@pytest.mark.parametrize("extra", _TERMINAL, ids=["plain", "all-zh", "narrow", "colour"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_streamed_terminal_and_markdown_reports_are_the_plain_paths(
    case: Path, tmp_path: Path, extra: tuple[str, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    from lzplan.reporters import terminal

    monkeypatch.setattr(terminal, "MAX_ROWS", 3)
    args = [*json.loads((case / "args.json").read_text(encoding="utf-8")), *extra]
    check = ("check", "submissions", "--plan", PLAN, "--no-cache", "--jobs", "2", *args)
    files = [f"{kind}:{tmp_path / (way + '.' + kind)}" for way in ("streamed", "plain")
             for kind in ("json", "markdown")]  # fmt: skip
    both = invoke(*check, "--output", files[0], "--output", files[1], cwd=case)
    plain = invoke(*check, "--output", files[2], "--output", files[3],
                   "--output", f"parsable:{tmp_path / 'report.txt'}", cwd=case)  # fmt: skip
    alone = invoke(*check, cwd=case)
    seen = [(r.exit_code, r.stdout, r.stderr) for r in (both, plain, alone)]
    assert seen[0] == seen[1] == seen[2]
    if both.exit_code != 2:
        for kind in ("json", "markdown"):
            streamed = (tmp_path / f"streamed.{kind}").read_bytes()
            assert streamed == (tmp_path / f"plain.{kind}").read_bytes(), kind


def test_a_notice_line_is_split_at_newlines_only(tmp_path: Path) -> None:
    """JSON keeps U+2028 and U+0085 as they are: a file's notice lines are split at the
    newlines the check wrote, or one notice would come out as two broken lines."""
    odd = "纳府发〔2011〕\u2028号\x85"
    streamed = _streamed((), [("s/one.yaml", f'"{odd}"\n"two"\n')])
    try:
        assert list(streamed.notice_lines(_Words())) == [f'"{odd}"', '"two"']
    finally:
        streamed.close()


def test_several_formats_lines_are_read_each_as_its_own() -> None:
    both = stream.Several([_Words(), _Shout()])
    assert both.tag == "test + shout"
    line = both.message(
        Location("s/a.yaml", 2, 1), msg("waiver.expired", expires=dt.date(2011, 6, 30))
    )
    streamed = _streamed((), [("s/a.yaml", line + "\n")])
    try:
        assert list(streamed.of(0).notice_lines(_Words())) == ["s/a.yaml:2:1 waiver.expired"]
        assert list(streamed.of(1).notice_lines(_Shout())) == ["S/A.YAML:2:1 WAIVER.EXPIRED"]
    finally:
        streamed.close()


def _lines(loaded: LoadedPlan, as_of: dt.date) -> Lines:
    return json_report.lines(loaded, "zh", as_of)


def _request(case: str, as_of: str = "2011-12-31") -> run.Request:
    folder = CASES[0].parent / case
    return run.Request((folder / "submissions",), folder / PLAN, dt.date.fromisoformat(as_of))


def test_a_run_of_every_unit_streams() -> None:
    checked = run.check_streamed(_request("duplicate-doc-no"), _lines)
    assert isinstance(checked, run.StreamedCheck)
    checked.result.close()


def test_a_second_file_for_a_unit_whose_documents_counted_replays_the_plain_way() -> None:
    """Its first file's 文号 were already counted as first claims: only the plain path
    can take them back, so the check runs that way (and reports the same)."""
    checked = run.check_streamed(_request("two-files-one-unit"), _lines)
    assert isinstance(checked, run.Checked)
    assert "sub.unit_claimed" in {p.message.key for p in checked.result.problems}


@pytest.mark.parametrize("flag", [("--unit", "jiangyang"), ("--filed-only",)])
def test_a_run_of_some_units_is_checked_the_plain_way(flag: tuple[str, ...]) -> None:
    request = _request("all-met")
    if flag[0] == "--unit":
        request = run.Request(request.paths, request.plan, request.as_of, unit=flag[1])
    else:
        request = run.Request(request.paths, request.plan, request.as_of, filed_only=True)
    assert isinstance(run.check_streamed(request, _lines), run.Checked)


def test_a_kept_piece_is_read_back_only_in_its_own_shape() -> None:
    """A signed entry is lzplan's, but one of another shape (a verdict, a torn tuple)
    is a miss, never a crash."""
    rejected = ([], Rejected("submissions/bad.yaml", "jiangyang"))
    assert stream.kept(("skipped",)) == (True, None)
    assert stream.kept(rejected) == (True, rejected)
    piece = stream.Piece("a.yaml", "jiangyang", (1, 1), (), (), None, (), None)
    assert stream.kept(stream.packed(piece)) == (True, piece)
    assert stream.kept(("verdict", "only", "three"))[0] is False
    assert stream.kept((1, *stream.packed(piece)[1:]))[0] is False  # a file that is no name
    torn = (*stream.packed(piece)[:5], ("compliant",), *stream.packed(piece)[6:])
    assert stream.kept(torn) == (False, None)  # a summary short of its fields


def _streamed(strays: tuple[Notice, ...], groups: list[tuple[str, str]]) -> stream.Streamed:
    spool = tempfile.TemporaryFile()  # noqa: SIM115 - closed by the Streamed
    placed = []
    for file, text in groups:
        data = text.encode("utf-8")
        placed.append((file, spool.tell(), len(data)))
        spool.write(data)
    return stream.Streamed("p", dt.date(2011, 12, 31), (), Counter(), Counter(), (True, False),
                           spool, [], placed, strays)  # fmt: skip


class _Words:
    tag = "test"

    def unit(self, result: UnitResult) -> str:  # pragma: no cover - not asked for here
        return result.unit

    def message(self, location: Location, message: Message) -> str:
        return f"{location} {message.key}"


class _Shout(_Words):
    tag = "shout"

    def message(self, location: Location, message: Message) -> str:
        return super().message(location, message).upper()


def test_notices_outside_the_submissions_take_their_place_among_the_files() -> None:
    """A waiver file's notice sorts by its name among the submissions' notices."""
    early = Notice(
        Location("a/waivers.yaml", 3, 1), msg("waiver.expired", expires=dt.date(2011, 6, 30))
    )
    late = Notice(
        Location("z/waivers.yaml", 1, 1), msg("waiver.expired", expires=dt.date(2011, 6, 30))
    )
    streamed = _streamed((early, late), [("s/one.yaml", "one 1\none 2\n"), ("s/two.yaml", "two\n")])
    try:
        assert list(streamed.notice_lines(_Words())) == [
            "a/waivers.yaml:3:1 waiver.expired", "one 1", "one 2", "two",
            "z/waivers.yaml:1:1 waiver.expired",
        ]  # fmt: skip
        assert streamed.fails_at(FailOn.MISSED)
        assert not streamed.fails_at(FailOn.PENDING)
        assert not streamed.fails_at(FailOn.INVALID)  # only input problems fail it
    finally:
        streamed.close()


def test_a_notice_placed_in_another_submission_replays_the_plain_way() -> None:
    """Notices are written a file at a time; one a file gives about another file's place
    would have to be sorted among that file's own: the plain path does it."""
    loaded, _, _, judge, _ = run._prepare(_request("all-met"))
    merge = stream.Merge(judge, _lines(loaded, judge.as_of))
    elsewhere = Notice(
        Location("s/b.yaml", 2, 1), msg("waiver.expired", expires=dt.date(2011, 6, 30))
    )
    own = Notice(Location("s/b.yaml", 1, 1), msg("waiver.expired", expires=dt.date(2011, 6, 30)))
    merge.add(stream.Piece("s/a.yaml", None, (1, 1), (), (elsewhere,), None, (), None))
    merge.add(stream.Piece("s/b.yaml", None, (1, 1), (), (own,), None, (), None))
    try:
        with pytest.raises(stream.Replay):
            merge.done()
    finally:
        merge.spool.close()


def test_a_sound_file_for_a_unit_a_broken_file_already_claims_stays_invalid() -> None:
    """The broken file comes first by name: the unit is invalid, whatever the sound one
    says, and its line is the parent's (every requirement 'invalid')."""
    loaded, _, _, judge, _ = run._prepare(_request("all-met"))
    merge = stream.Merge(judge, _lines(loaded, judge.as_of))
    summary = stream.UnitSummary("compliant", (("met", 1),), (False, False), ())
    merge.add(([], Rejected("s/a.yaml", "jiangyang")))
    merge.add(stream.Piece("s/b.yaml", "jiangyang", (1, 1), (), (), summary, (), '{"id": 1}'))
    streamed = merge.done()
    try:
        assert streamed.units.get("invalid") == 1
        assert '"id": 1' not in "".join(streamed.unit_lines())
    finally:
        streamed.close()


def test_a_unit_named_inside_a_message_with_a_list_renders_all_the_same() -> None:
    """A message inside another is rendered once and kept; one whose parameters cannot
    be kept (a list) is rendered each time."""
    named = Message("ref.unit", (("id", "a"), ("name", ["甲", "乙"])))
    text = msg("notice.doc_no_elsewhere", doc_no="x", unit=named, where="f:1:1").render("zh")
    assert "甲、乙" in text
