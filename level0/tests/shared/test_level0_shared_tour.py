"""The tour: running a level's steps, merging subset runs, checking names, the summary and hints."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import textwrap

import pytest

from level0 import tour

STEP = """
from level0.tour import TourResult

def run(out):
    (out / "result.txt").write_text("{answer}")
    if "{answer}" == "boom":
        raise RuntimeError("boom")
    return TourResult(data="{data}", key_result="answer {answer}", files=[out / "result.txt"])
"""


@pytest.fixture
def demo_level(tmp_path, monkeypatch):
    """A throwaway level package ``demolevel`` whose projects alpha and beta have tour steps.

    ``write(project, answer, data)`` (re)writes a project's step; gamma has no tour.py.
    """
    root = tmp_path / "src"
    package = root / "demolevel"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text('"""Demo level: two projects with tour steps."""\n')
    gamma = package / "gamma"
    gamma.mkdir()
    (gamma / "__init__.py").write_text('"""Gamma: no tour step."""\n')

    def write(project: str, answer: str, data: str = "bundled") -> None:
        folder = package / project
        folder.mkdir(exist_ok=True)
        (folder / "__init__.py").write_text(f'"""{project.title()}: a demo project.\n\nMore."""\n')
        (folder / "tour.py").write_text(STEP.format(answer=answer, data=data))
        # A rewrite within the same second, of the same size, would meet a stale .pyc.
        shutil.rmtree(folder / "__pycache__", ignore_errors=True)
        for name in [m for m in sys.modules if m.startswith(f"demolevel.{project}")]:
            del sys.modules[name]

    write("alpha", "1")
    write("beta", "2")
    monkeypatch.syspath_prepend(str(root))
    monkeypatch.setenv("PYTHONPATH", str(root))  # for the subprocesses too
    yield write
    for name in [m for m in sys.modules if m == "demolevel" or m.startswith("demolevel.")]:
        del sys.modules[name]


def saved(out):
    return {row["project"]: row for row in json.loads((out / "tour.json").read_text())}


def test_projects_are_found_and_listed_without_importing_them(demo_level):
    assert tour.find_projects("demolevel") == ["alpha", "beta"]
    assert tour.list_projects("demolevel") == [
        ("demolevel.alpha", "Alpha: a demo project."),
        ("demolevel.beta", "Beta: a demo project."),
        ("demolevel.gamma", "Gamma: no tour step."),
    ]
    assert not [m for m in sys.modules if m.startswith("demolevel")]


def test_subset_run_replaces_its_rows_and_keeps_the_others(demo_level, tmp_path):
    out = tmp_path / "out"
    first = tour.run_level("demolevel", out, run="2030-01-01T10:00:00+00:00")
    assert [r.project for r in first] == ["demolevel.alpha", "demolevel.beta"]
    demo_level("beta", "3")
    second = tour.run_level("demolevel", out, ["beta"], run="2030-01-02T10:00:00+00:00")
    assert [r.key_result for r in second] == ["answer 3"]
    rows = saved(out)
    assert list(rows) == ["demolevel.alpha", "demolevel.beta"]
    assert rows["demolevel.alpha"]["key_result"] == "answer 1"
    assert rows["demolevel.alpha"]["run"] == "2030-01-01T10:00:00+00:00"
    assert rows["demolevel.beta"]["key_result"] == "answer 3"
    assert rows["demolevel.beta"]["run"] == "2030-01-02T10:00:00+00:00"
    assert sorted(p.name for p in out.iterdir()) == ["alpha", "beta", "tour.json"]  # no temp file


def test_full_run_replaces_everything_and_a_failed_step_keeps_the_others(demo_level, tmp_path):
    out = tmp_path / "out"
    tour.run_level("demolevel", out, run="2030-01-01T10:00:00+00:00")
    demo_level("alpha", "boom")
    rows = tour.run_level("demolevel", out, run="2030-01-02T10:00:00+00:00")
    assert [(r.project, r.ok) for r in rows] == [
        ("demolevel.alpha", False),
        ("demolevel.beta", True),
    ]
    assert {row["run"] for row in saved(out).values()} == {"2030-01-02T10:00:00+00:00"}


def test_run_that_matches_nothing_leaves_tour_json_alone(demo_level, tmp_path):
    out = tmp_path / "out"
    tour.run_level("demolevel", out, run="2030-01-01T10:00:00+00:00")
    before = (out / "tour.json").read_text()
    assert tour.run_level("demolevel", out, ["elsewhere"]) == []
    assert (out / "tour.json").read_text() == before


def test_old_tour_json_without_run_ids_still_reads(tmp_path):
    level = tmp_path / "level0"
    level.mkdir()
    old = {"project": "level0.a", "data": "real", "key_result": "x", "files": 1, "seconds": 1.0}
    (level / "tour.json").write_text(json.dumps([{**old, "ok": True}]))
    [row] = tour.read_rows(tmp_path)
    assert row.run == ""
    assert (
        tour.format_table([row], run="2030-01-01T10:00:00+00:00")
        .splitlines()[2]
        .endswith("earlier")
    )


def test_combined_summary_says_how_many_ran_now_and_how_many_are_earlier(tmp_path):
    now, before = "2030-01-02T10:00:00+00:00", "2030-01-01T09:30:00+00:00"
    for level, rows in {
        "level0": [("level0.a", now), ("level0.b", before)],
        "level1": [("level1.c", before), ("level1.d", before)],
    }.items():
        (tmp_path / level).mkdir()
        (tmp_path / level / "tour.json").write_text(
            json.dumps(
                [
                    {"project": p, "data": "bundled", "key_result": "k", "files": 1, "seconds": 1.0}
                    | {"ok": True, "run": run}
                    for p, run in rows
                ]
            )
        )
    result = subprocess.run(
        [sys.executable, "-m", "level0.tour", str(tmp_path)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split()[-1] == "ran"
    assert lines[2].split()[-1] == "now"
    assert lines[3].split()[-2:] == ["2030-01-01", "09:30"]
    assert (
        f"1 project ran now, all ok; 3 earlier results kept (dated); outputs: {tmp_path}" in lines
    )
    assert "1/1" not in result.stdout
    assert "4/4" not in result.stdout


def test_table_lines_up_columns():
    rows = [tour.TourRow("level0.a", "real", "accuracy 0.91", 2, 1.25, ok=True)]
    table = tour.format_table(rows).splitlines()
    assert table[0].split() == ["project", "data", "key", "result", "files", "seconds"]
    assert table[2].split() == ["level0.a", "real", "accuracy", "0.91", "2", "1.2"]


def test_tour_of_one_project_writes_its_row(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "level0", "tour", "datasets", "--out", str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    rows = json.loads((tmp_path / "tour.json").read_text())
    assert [row["project"] for row in rows] == ["level0.datasets"]
    assert rows[0]["ok"] is True
    assert rows[0]["run"]
    assert "level0.datasets" in result.stdout


# --- names --------------------------------------------------------------------------------


def test_names_resolve_across_levels_in_both_spellings(demo_level):
    levels = ["level0", "demolevel"]
    matched, unknown = tour.resolve_names(["datagen", "demolevel.beta", "nope"], levels)
    assert matched == ["level0.datagen", "demolevel.beta"]
    assert unknown == ["nope"]


def test_misspelt_project_fails_with_exit_2_before_anything_runs(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "level0", "tour", "--out", str(tmp_path), "datgen"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith("error: unknown tour step 'datgen'")
    assert "did you mean 'datagen'?" in line
    assert list(tmp_path.iterdir()) == []


def test_a_name_with_no_close_match_lists_the_known_projects(demo_level):
    message = tour.unknown_message(["zzzz"], ["level0", "demolevel"])
    assert "known: " in message
    assert "datagen" in message
    assert "alpha" in message


def test_project_of_another_level_runs_nothing_here(demo_level, tmp_path, capsys):
    assert tour.main_tour("demolevel", ["--out", str(tmp_path / "out"), "datagen"]) == 0
    assert "nothing ran" in capsys.readouterr().out
    assert not (tmp_path / "out").exists() or list((tmp_path / "out").iterdir()) == []


@pytest.mark.parametrize(
    ("names", "code"),
    [(["datagen", "demolevel.beta"], 0), (["level0.datagen"], 0), (["datagen", "bta"], 2)],
)
def test_check_command_looks_in_every_level(demo_level, names, code):
    command = [sys.executable, "-m", "level0.tour", "check", "--levels", "level0", "demolevel"]
    result = subprocess.run([*command, "--", *names], capture_output=True, text=True)
    assert result.returncode == code, result.stderr
    if code:
        [line] = result.stderr.splitlines()
        assert "'bta'" in line
        assert "'beta'" in line


# --- the level entry point ----------------------------------------------------------------


def test_level_entry_point_lists_projects_without_importing_them(demo_level):
    code = textwrap.dedent(
        """
        import sys
        from level0.tour import level_main
        level_main("demolevel", ["--help"])
        print("imported:", [m for m in sys.modules if m.startswith("demolevel.")])
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: python -m demolevel [list | tour")
    assert "python -m demolevel.alpha" in result.stdout
    assert "imported: []" in result.stdout


@pytest.mark.parametrize("argv", [[], ["list"], ["--help"], ["-h"]])
def test_level_entry_point_answers_list_and_help(argv):
    listing = subprocess.run(
        [sys.executable, "-m", "level0", *argv], capture_output=True, text=True
    )
    assert listing.returncode == 0, listing.stderr
    assert "python -m level0.datagen" in listing.stdout
    assert "tour [--out DIR] [PROJECT ...]" in listing.stdout


@pytest.mark.parametrize("argv", [["bogus"], ["list", "extra"]])
def test_level_entry_point_refuses_unknown_commands(argv):
    bogus = subprocess.run([sys.executable, "-m", "level0", *argv], capture_output=True, text=True)
    assert bogus.returncode == 2
    [line] = bogus.stderr.splitlines()
    assert line.startswith(f"error: unknown command {' '.join(argv)!r}")


# --- the real-data hint -------------------------------------------------------------------


def row(data):
    return tour.TourRow("level9.x", data, "k", 0, 0.0, ok=True)


def test_hint_names_the_fetch_command_when_data_is_missing(tmp_path, monkeypatch):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path))
    hint = tour.real_data_hint([row("bundled"), row("synthetic")])
    assert hint is not None
    assert f"MLROADMAP_DATA={tmp_path} python -m level0.datasets fetch --all" in hint
    assert "sms_spam" in hint
    assert "MB once unpacked" in hint
    assert tour.real_data_hint([row("bundled"), row("real")]) is None


def test_hint_is_silent_when_every_dataset_is_cached(realdata):
    from level0.datasets import REGISTRY

    for name in sorted(REGISTRY):
        realdata(name)
    assert tour.missing_datasets() == []
    assert tour.real_data_hint([row("synthetic")]) is None


def test_the_hinted_command_works(realdata):
    """The command the hint prints, run as printed: every dataset ok, nothing downloaded."""
    from level0.datasets import REGISTRY, data_home

    for name in sorted(REGISTRY):
        realdata(name)
    home = str(data_home())
    command = shlex.split(tour.FETCH_ALL)
    result = subprocess.run(
        [sys.executable, *command[1:]],
        capture_output=True,
        text=True,
        env={**os.environ, "MLROADMAP_DATA": home},
    )
    assert result.returncode == 0, result.stderr
    assert "downloading" not in result.stderr
    assert result.stdout.count(": ok ") == len(REGISTRY)
    assert home in result.stdout
