"""The backup CLI as a new user meets it: help, the happy path, and every way to get it wrong."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from level0.backup.__main__ import main


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "level0.backup", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_help_lists_every_command_and_ends_with_an_example():
    result = cli("--help")
    assert result.returncode == 0
    for command in ["backup", "restore", "verify", "list", "prune"]:
        assert command in result.stdout
    assert "example:\n  python -m level0.backup backup" in result.stdout
    assert cli("backup", "--help").returncode == 0


def test_backup_list_verify_restore_end_to_end(source, tmp_path, trees):
    dest = tmp_path / "dest"
    first = cli("backup", source, dest, "--exclude", "*.jpg")
    assert first.returncode == 0, first.stderr
    assert "4 files" not in first.stdout  # the .jpg was excluded
    assert "3 files (3 new, 0 changed, 0 unchanged)" in first.stdout
    trees.write(source, {"notes.txt": b"changed"}, mtime_ns=None)
    second = cli("backup", source, dest)
    assert "4 files (1 new, 1 changed, 2 unchanged)" in second.stdout

    listed = cli("list", dest, "--json")
    rows = json.loads(listed.stdout)
    assert [r["files"] for r in rows] == [3, 4]
    table = cli("list", dest).stdout.splitlines()
    assert table[0].split()[:3] == ["snapshot", "created", "(local)"]
    assert len(table) == 3

    newest = rows[-1]["path"]
    verified = cli("verify", newest)
    assert verified.returncode == 0
    assert verified.stdout.startswith("ok: 4 files")
    restored = cli("restore", newest, tmp_path / "restored")
    assert restored.returncode == 0, restored.stderr
    assert trees.read(tmp_path / "restored") == trees.read(source)


def test_dry_run_and_prune(source, tmp_path, capsys):
    dest = tmp_path / "dest"
    assert main(["backup", str(source), str(dest), "--dry-run"]) == 0
    assert "dry run, nothing written: would store 4 files (4 new" in capsys.readouterr().out
    assert not dest.exists()
    for _ in range(3):
        assert main(["backup", str(source), str(dest)]) == 0
    assert main(["prune", str(dest), "--keep-last", "1", "--dry-run"]) == 0
    assert "would prune 2 snapshot(s)" in capsys.readouterr().out
    assert main(["prune", str(dest), "--keep-last", "1"]) == 0
    assert len([p for p in dest.iterdir() if not p.name.startswith(".")]) == 1


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ["backup", "{tmp}/missing", "{tmp}/dest"],
            1,
            "error: source {tmp}/missing does not exist",
        ),
        (
            ["backup", "{src}", "{src}/inside"],
            2,
            "error: destination {src}/inside is inside the source",
        ),
        (["backup", "{src}/notes.txt", "{tmp}/dest"], 1, "is not a directory"),
        (["restore", "{tmp}/missing", "{tmp}/out"], 1, "does not exist or is not a directory"),
        (["restore", "{src}", "{tmp}/out"], 1, "is not a usable snapshot"),
        (["verify", "{src}/docs"], 1, "is not a usable snapshot"),
        (["list", "{tmp}/missing"], 1, "is not a directory"),
        (["prune", "{tmp}"], 2, "error: give at least one of keep"),
    ],
)
def test_failures_get_one_line_and_the_right_exit_code(
    source, tmp_path, capsys, args, code, message
):
    fill = {"tmp": tmp_path, "src": source}
    assert main([a.format(**fill) for a in args]) == code
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert message.format(**fill) in err


def test_a_missing_source_in_a_real_process_has_no_traceback(tmp_path):
    result = cli("backup", tmp_path / "missing", tmp_path / "dest")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == f"error: source {tmp_path}/missing does not exist\n"


@pytest.mark.parametrize(
    "args",
    [
        [],
        ["frobnicate"],
        ["backup", "only-one-arg"],
        ["prune", "d", "--keep-last", "-1"],
        ["prune", "d", "--keep-last", "x"],
        ["prune", "d", "--keep-daily", "99999999999999999999999"],
    ],
)
def test_bad_arguments_are_usage_errors(capsys, args):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_verify_names_the_damaged_file_and_exits_1(source, tmp_path):
    dest = tmp_path / "dest"
    assert cli("backup", source, dest).returncode == 0
    (snapshot,) = dest.glob("2*")
    stored = snapshot / "files/notes.txt"
    stored.chmod(0o644)
    stored.write_bytes(b"bit rot")
    result = cli("verify", snapshot)
    assert result.returncode == 1
    assert "warning: notes.txt: size 7 bytes, manifest says 18" in result.stderr
    assert result.stderr.splitlines()[-1].endswith("is damaged: 1 problem(s)")
    as_json = json.loads(cli("verify", snapshot, "--json").stdout)
    assert as_json["ok"] is False


def test_restore_refuses_a_non_empty_target(source, tmp_path, capsys):
    dest = tmp_path / "dest"
    main(["backup", str(source), str(dest)])
    (snapshot,) = dest.glob("2*")
    target = tmp_path / "busy"
    target.mkdir()
    (target / "mine.txt").write_text("precious")
    assert main(["restore", str(snapshot), str(target)]) == 1
    assert "refusing to restore" in capsys.readouterr().err
    assert [p.name for p in target.iterdir()] == ["mine.txt"]


def test_a_fifo_is_a_note_not_a_failure(source, tmp_path, capsys):
    import os

    os.mkfifo(source / "pipe")
    assert main(["backup", str(source), str(tmp_path / "dest")]) == 0
    assert "note: skipped pipe" in capsys.readouterr().err


def test_the_tour_runs_end_to_end_under_its_output_folder(tmp_path):
    from level0.backup import tour

    result = tour.run(tmp_path)
    assert "restore identical" in result.key_result
    assert all(path.is_relative_to(tmp_path) and path.exists() for path in result.files)
