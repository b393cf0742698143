"""Between runs: `lzplan diff` reads two JSON reports (refusing, located, what is not
one) and `lzplan due` lists what falls due; the exit codes a scheduled job relies on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import invoke


def _report(tmp: Path, as_of: str, name: str | None = None) -> Path:
    path = tmp / (name or f"{as_of}.json")
    result = invoke("check", "--as-of", as_of, "-o", f"json:{path}")
    assert result.exit_code in (0, 1), result.stderr
    return path


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("reports")
    days = ("2011-02-15", "2011-03-15", "2011-06-30", "2011-12-31")
    return {day: _report(tmp, day) for day in days}


@pytest.mark.parametrize(
    ("old", "new"),
    [("2011-02-15", "2011-03-15"), ("2011-06-30", "2011-12-31"), ("2011-12-31", "2011-06-30")],
)
def test_the_exit_code_says_whether_anything_went_backwards(
    reports: dict[str, Path], old: str, new: str
) -> None:
    result = invoke("diff", str(reports[old]), str(reports[new]), "-f", "json")
    changes = json.loads(result.stdout)
    backwards = bool(changes["newly_missed"] or changes["no_longer_met"])
    assert result.exit_code == (1 if backwards else 0), result.stderr
    assert (changes["from"], changes["to"]) == (old, new)


def test_going_back_in_time_undoes_what_was_met(reports: dict[str, Path]) -> None:
    forward = json.loads(invoke("diff", str(reports["2011-06-30"]), str(reports["2011-12-31"]),
                                "-f", "json").stdout)  # fmt: skip
    back = json.loads(invoke("diff", str(reports["2011-12-31"]), str(reports["2011-06-30"]),
                             "-f", "json").stdout)  # fmt: skip
    met = {(c["unit"], c["requirement"]) for c in forward["newly_met"]}
    unmet = {(c["unit"], c["requirement"]) for c in back["no_longer_met"]}
    assert met
    assert met == unmet


def test_a_report_of_schema_2_is_still_read(reports: dict[str, Path], tmp_path: Path) -> None:
    """Reports kept from before schema 3 (no titles, no progress) still compare."""
    old = json.loads(reports["2011-06-30"].read_text(encoding="utf-8"))
    old["schema_version"] = 2
    for key in ("period", "scores"):
        old.pop(key)
    for unit in old["units"]:
        unit.pop("progress")
        unit.pop("score")
        for outcome in unit["outcomes"]:
            outcome.pop("title")
    (tmp_path / "old.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    result = invoke("diff", str(tmp_path / "old.json"), str(reports["2011-12-31"]), "-f", "json")
    assert result.exit_code == 1, result.stderr
    assert json.loads(result.stdout)["newly_met"]


def _broken(reports: dict[str, Path], tmp: Path, edit: str) -> Path:
    text = reports["2011-06-30"].read_text(encoding="utf-8")
    report = json.loads(text)
    if edit == "not-json":
        text = text[:200]
    elif edit == "schema-1":
        text = text.replace('"schema_version": 3', '"schema_version": 1', 1)
    elif edit == "no-units":
        report.pop("units")
        text = json.dumps(report, indent=2, ensure_ascii=False)
    elif edit == "unit-twice":
        report["units"].append(report["units"][0])
        text = json.dumps(report, indent=2, ensure_ascii=False)
    elif edit == "bad-status":
        report["units"][1]["outcomes"][0]["status"] = "done"
        text = json.dumps(report, indent=2, ensure_ascii=False)
    path = tmp / f"{edit}.json"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        ("not-json", ":"),
        ("schema-1", "schema_version"),
        ("no-units", "units"),
        ("unit-twice", "appears twice"),
        ("bad-status", "status"),
    ],
)
def test_what_is_not_a_report_is_refused_where_it_goes_wrong(
    reports: dict[str, Path], tmp_path: Path, edit: str, expected: str
) -> None:
    broken = _broken(reports, tmp_path, edit)
    result = invoke("diff", str(broken), str(reports["2011-12-31"]))
    assert result.exit_code == 2
    assert result.stdout == ""
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"{broken}:"), result.stderr
    assert expected in first, result.stderr
    line, column = first[len(str(broken)) + 1 :].split(":")[:2]
    assert int(line) >= 1
    assert int(column) >= 1


def test_reports_of_two_plans_are_not_compared(reports: dict[str, Path], tmp_path: Path) -> None:
    other = json.loads(reports["2011-06-30"].read_text(encoding="utf-8"))
    other["plan"]["id"] = "naxi-2011"
    (tmp_path / "other.json").write_text(json.dumps(other), encoding="utf-8")
    result = invoke("diff", str(tmp_path / "other.json"), str(reports["2011-12-31"]))
    assert result.exit_code == 2
    assert "naxi-2011" in result.stderr
    assert "luzhou-2011" in result.stderr


def test_a_changed_plan_file_is_said(reports: dict[str, Path], tmp_path: Path) -> None:
    other = json.loads(reports["2011-06-30"].read_text(encoding="utf-8"))
    other["plan"]["sha256"] = "0" * 64
    (tmp_path / "old.json").write_text(json.dumps(other), encoding="utf-8")
    result = invoke("diff", str(tmp_path / "old.json"), str(reports["2011-12-31"]), "-f", "json")
    assert json.loads(result.stdout)["plan_changed"] is True


def test_a_missing_report_is_named(tmp_path: Path) -> None:
    result = invoke("diff", str(tmp_path / "gone.json"), str(tmp_path / "gone.json"))
    assert result.exit_code == 2
    assert "gone.json" in result.stderr


@pytest.mark.parametrize("within", ["0", "-3", "三十"])
def test_due_wants_a_positive_number_of_days(within: str) -> None:
    result = invoke("due", "--within", within, "--as-of", "2011-11-05")
    assert result.exit_code == 2
    assert "--within" in result.stderr


def test_due_lists_exactly_what_is_open_and_due_in_the_window() -> None:
    report = json.loads(invoke("check", "--as-of", "2011-11-05", "-f", "json").stdout)
    expected = sorted(
        (u["id"], o["requirement"])
        for u in report["units"]
        for o in u["outcomes"]
        if o["status"] in ("pending", "not_submitted") and "2011-11-05" < o["due"] <= "2011-12-05"
    )
    due = json.loads(invoke("due", "--as-of", "2011-11-05", "--within", "30", "-f", "json").stdout)
    listed = sorted((u["id"], i["requirement"]) for u in due["units"] for i in u["items"])
    assert listed == expected
    assert listed


def _province(report: Path, copies: int, out: Path) -> Path:
    """The report as a province's would be: every unit again under new ids, well past
    the 5 MiB a unit's file may hold."""
    data = json.loads(report.read_text(encoding="utf-8"))
    units = data["units"]
    data["units"] = [{**unit, "id": f"{unit['id']}-{i}"} for i in range(copies) for unit in units]
    out.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return out


def test_diff_reads_reports_of_any_size_lzplan_writes(
    reports: dict[str, Path], tmp_path: Path
) -> None:
    old = _province(reports["2011-06-30"], 7, tmp_path / "old.json")
    new = _province(reports["2011-12-31"], 7, tmp_path / "new.json")
    assert old.stat().st_size > 5 * 1024 * 1024
    result = invoke("diff", str(old), str(new), "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    small = invoke("diff", str(reports["2011-06-30"]), str(reports["2011-12-31"]), "-f", "json")
    changes, few = json.loads(result.stdout), json.loads(small.stdout)
    assert len(changes["newly_met"]) == 7 * len(few["newly_met"])


def test_a_large_report_that_is_not_sound_is_refused_where_json_says(
    reports: dict[str, Path], tmp_path: Path
) -> None:
    big = _province(reports["2011-12-31"], 7, tmp_path / "big.json")
    text = big.read_text(encoding="utf-8")
    big.write_text(text[: len(text) // 2], encoding="utf-8")  # cut short
    result = invoke("diff", str(big), str(reports["2011-12-31"]))
    assert result.exit_code == 2
    assert re.match(rf"{re.escape(str(big))}:\d+:\d+: error: ", result.stderr), result.stderr
    twice = _province(reports["2011-12-31"], 7, tmp_path / "twice.json")
    data = json.loads(twice.read_text(encoding="utf-8"))
    data["units"].append(data["units"][0])
    twice.write_text(json.dumps(data), encoding="utf-8")
    again = invoke("diff", str(twice), str(reports["2011-12-31"]))
    assert again.exit_code == 2
    assert "appears twice" in again.stderr


def test_a_report_written_as_yaml_reads_alike(reports: dict[str, Path], tmp_path: Path) -> None:
    import yaml

    data = json.loads(reports["2011-06-30"].read_text(encoding="utf-8"))
    converted = tmp_path / "old.yaml"
    converted.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    as_yaml = invoke("diff", str(converted), str(reports["2011-12-31"]), "-f", "json")
    as_json = invoke("diff", str(reports["2011-06-30"]), str(reports["2011-12-31"]), "-f", "json")
    assert as_yaml.exit_code == as_json.exit_code
    assert json.loads(as_yaml.stdout)["newly_met"] == json.loads(as_json.stdout)["newly_met"]


def test_a_large_report_of_another_schema_is_refused_before_its_units(
    reports: dict[str, Path], tmp_path: Path
) -> None:
    big = _province(reports["2011-12-31"], 7, tmp_path / "big.json")
    data = json.loads(big.read_text(encoding="utf-8"))
    data["schema_version"] = 1
    big.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    result = invoke("diff", str(big), str(reports["2011-12-31"]))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"{big}:2:20: error: ")
    assert "schema_version" in result.stderr
