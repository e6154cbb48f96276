"""The modules every mini-project shares: cli, atomic writes and the tour."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from level0 import atomic, cli, tour


def test_atomic_write_replaces_whole_file_with_usual_permissions(tmp_path):
    target = tmp_path / "out.txt"
    atomic.atomic_write_text(target, "first")
    atomic.atomic_write_text(target, "second")
    assert target.read_text() == "second"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_failed_atomic_write_leaves_the_old_file_and_no_temporary(tmp_path):
    target = tmp_path / "data.csv"
    target.write_text("precious")

    def crash_mid_write() -> None:
        with atomic.atomic_open(target) as handle:
            handle.write("half of the new")
            raise RuntimeError("crash mid-write")

    with pytest.raises(RuntimeError):
        crash_mid_write()
    assert target.read_text() == "precious"
    assert [p.name for p in tmp_path.iterdir()] == ["data.csv"]


def make_cli(error: Exception | None):
    parser = cli.make_parser("demo", "A demo tool.", "demo --flag")

    def handler(args):
        if error is not None:
            raise error
        return 0

    return parser, handler


@pytest.mark.parametrize(
    ("error", "code", "message"),
    [
        (None, 0, ""),
        (cli.UsageError("bad id 7"), 2, "error: bad id 7\n"),
        (cli.Failure("disk full"), 1, "error: disk full\n"),
        (
            FileNotFoundError(2, "No such file or directory", "x.csv"),
            1,
            "error: No such file or directory: x.csv\n",
        ),
        (ValueError("line one\nline two"), 1, "error: line one line two\n"),
    ],
)
def test_cli_run_maps_errors_to_one_line_and_exit_code(capsys, error, code, message):
    parser, handler = make_cli(error)
    assert cli.run(parser, handler, []) == code
    assert capsys.readouterr().err == message


def test_cli_debug_shows_the_traceback():
    parser, handler = make_cli(cli.Failure("boom"))
    with pytest.raises(cli.Failure):
        cli.run(parser, handler, ["--debug"])


def test_help_ends_with_an_example(capsys):
    parser, handler = make_cli(None)
    with pytest.raises(SystemExit):
        cli.run(parser, handler, ["--help"])
    assert "example:\n  demo --flag" in capsys.readouterr().out


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
    assert "level0.datasets" in result.stdout


def test_table_lines_up_columns():
    rows = [tour.TourRow("level0.a", "real", "accuracy 0.91", 2, 1.25, ok=True)]
    table = tour.format_table(rows).splitlines()
    assert table[0].split() == ["project", "data", "key", "result", "files", "seconds"]
    assert table[2].split() == ["level0.a", "real", "accuracy", "0.91", "2", "1.2"]


def test_level_entry_point_lists_projects_and_refuses_unknown_commands():
    listing = subprocess.run([sys.executable, "-m", "level0"], capture_output=True, text=True)
    assert listing.returncode == 0, listing.stderr
    assert "python -m level0.datagen" in listing.stdout
    assert "python -m level0 tour" in listing.stdout
    bogus = subprocess.run(
        [sys.executable, "-m", "level0", "bogus"], capture_output=True, text=True
    )
    assert bogus.returncode == 2
    assert bogus.stderr.startswith("error: unknown command 'bogus'")
