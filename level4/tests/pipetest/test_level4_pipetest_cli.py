"""The command line end to end, the JUnit report's structure, and the tour without data."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from level4.pipetest import read_junit, run_tests, write_junit
from level4.pipetest import tour as tour_step

EXAMPLES = Path(__file__).parents[2] / "src" / "level4" / "pipetest" / "examples"


def pipetest(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level4.pipetest", *args],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        cwd=cwd,
    )


def test_failing_suite_exits_1_and_prints_the_summary_line(tmp_path: Path) -> None:
    done = pipetest(str(EXAMPLES / "suite"), cwd=tmp_path)
    assert done.returncode == 1
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("9 failed, 25 passed, 5 skipped, 5 xfailed, 2 xpassed, 3 errors in ")
    assert "FAILED test_basics.py::test_assert_shows_both_sides - assert 3 == 4" in done.stdout


def test_json_k_and_x(tmp_path: Path) -> None:
    done = pipetest(str(EXAMPLES / "suite"), "-k", "positive", "--json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert [t["nodeid"] for t in data["tests"]] == [
        f"test_params.py::test_positive[{n}]" for n in (1, 2, 3)
    ]
    assert data["deselected"] == data["collected"] - 3
    stopped = json.loads(pipetest(str(EXAMPLES / "suite"), "-x", "--json", cwd=tmp_path).stdout)
    assert [t["outcome"] for t in stopped["tests"]] == ["passed", "failed"]


@pytest.mark.parametrize(
    ("args", "code", "error"),
    [
        (["broken"], 2, "error: interrupted: 1 error during collection"),
        (["suite", "-k", "and or"], 2, "error: -k 'and or'"),
        (["no_such_folder"], 2, "error: file or directory not found: no_such_folder"),
        (["suite", "-k", "nothing_at_all"], 5, None),
    ],
)
def test_exit_codes_and_one_line_errors(args: list[str], code: int, error: str | None) -> None:
    done = pipetest(*args, cwd=EXAMPLES)
    assert done.returncode == code, done.stderr
    assert "Traceback" not in done.stderr
    if error:
        assert done.stderr.strip().startswith(error)


def test_junit_report_structure_and_counts(tmp_path: Path) -> None:
    result = run_tests([EXAMPLES / "suite"])
    path = write_junit(result, tmp_path / "deep" / "report.xml")
    root = ET.parse(path).getroot()
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.tag == "testsuite"
    cases = suite.findall("testcase")
    assert all(set(c.attrib) == {"classname", "name", "time"} for c in cases)
    children = [child.tag for c in cases for child in c if child.tag != "system-out"]
    assert all(sum(1 for k in c if k.tag in {"failure", "error", "skipped"}) <= 1 for c in cases)
    assert int(suite.get("tests", "")) == len(cases) == len(result.reports)
    assert int(suite.get("failures", "")) == children.count("failure")
    assert int(suite.get("errors", "")) == children.count("error")
    assert int(suite.get("skipped", "")) == children.count("skipped")
    expected = {
        (r.classname, r.name): "passed" if r.outcome == "xpassed" else r.outcome
        for r in result.reports
    }
    assert read_junit(path) == expected


def test_collection_errors_appear_as_error_testcases(tmp_path: Path) -> None:
    result = run_tests([EXAMPLES / "broken"])
    root = write_junit(result, tmp_path / "r.xml")
    (case,) = ET.parse(root).getroot().iter("testcase")
    assert (case.get("classname"), case.get("name")) == ("", "test_broken_import")
    assert case[0].tag == "error"
    assert case[0].get("message") == "collection failure"
    assert "No module named 'no_such_module_for_pipetest'" in (case[0].text or "")


def test_tour_without_data_runs_on_labelled_synthetic_emails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path / "no-data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    out = tmp_path / "out"
    out.mkdir()
    result = tour_step.run(out)
    assert result.data == "synthetic"
    assert result.key_result.startswith("SYNTHETIC emails for the spam filter")
    assert all(path.exists() for path in result.files)
    summary = json.loads((out / "behaviour.json").read_text())
    assert set(summary["per_kind"]) == {"MFT", "INV", "DIR"}
    assert summary["run"]["counts"]["skipped"] >= 8  # sentiment and the data contracts


def test_a_test_that_writes_files_leaves_the_folder_as_it_was(tmp_path: Path) -> None:
    (tmp_path / "test_t.py").write_text(
        textwrap.dedent("""
        def test_tmp(tmp_path):
            (tmp_path / "x").write_text("y")
    """)
    )
    done = pipetest(str(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["test_t.py"]
