"""End to end: ``python -m level0.note_manager`` commands in subprocesses, without a display."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest

from level0.note_manager.__main__ import main


def cli(db, *args, display=False, stdin=None):
    env = dict(os.environ)
    if not display:
        env.pop("DISPLAY", None)
    return subprocess.run(
        [sys.executable, "-m", "level0.note_manager", "--db", str(db), *args],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        timeout=60,
    )


def test_add_list_search_show_without_a_display(tmp_path):
    db = tmp_path / "notes.sqlite3"
    first = cli(db, "add", "Groceries", "--body", "eggs, milk", "--tag", "home")
    second = cli(
        db,
        "add",
        "SQLite tips",
        "--body",
        "-",
        "--tag",
        "db",
        "--tag",
        "work",
        stdin="FTS5 has bm25 ranking\n",
    )
    assert (first.returncode, first.stdout, second.stdout) == (0, "1\n", "2\n")
    found = cli(db, "search", "bm25", "--json")
    assert found.returncode == 0
    notes = json.loads(found.stdout)
    assert [(n["id"], n["title"], n["tags"]) for n in notes] == [(2, "SQLite tips", ["db", "work"])]
    assert notes[0]["body"] == "FTS5 has bm25 ranking\n"
    listing = cli(db, "--search", "like", "list")
    assert listing.stdout.splitlines()[0].split() == ["id", "updated", "tags", "title"]
    assert "Groceries" in listing.stdout
    assert "db, work" in listing.stdout


def test_commands_in_process(tmp_path, capsys):
    db = str(tmp_path / "notes.sqlite3")
    assert main(["--db", db, "add", "One", "--tag", "a"]) == 0
    assert main(["--db", db, "edit", "1", "--title", "Uno", "--tag", "b", "--tag", "c"]) == 0
    assert main(["--db", db, "tags", "--json"]) == 0
    assert main(["--db", db, "show", "1"]) == 0
    out = capsys.readouterr().out
    assert '"b": 1' in out
    assert "# Uno\ntags: b, c" in out
    assert main(["--db", db, "delete", "1"]) == 0
    assert main(["--db", db, "list"]) == 0
    assert capsys.readouterr().out == "(no notes)\n"


def test_an_unknown_id_is_a_usage_error(tmp_path, capsys):
    assert main(["--db", str(tmp_path / "n.db"), "show", "7"]) == 2
    assert capsys.readouterr().err == "error: no note with id 7\n"


def test_a_corrupt_file_is_a_clear_failure_and_untouched(tmp_path):
    db = tmp_path / "notes.sqlite3"
    db.write_bytes(b"\x00not a database at all" * 40)
    before = db.read_bytes()
    result = cli(db, "add", "would overwrite")
    assert result.returncode == 1
    assert result.stderr.startswith("error: ")
    assert result.stderr.count("\n") == 1
    assert "not a readable SQLite database" in result.stderr
    assert "Traceback" not in result.stderr
    assert db.read_bytes() == before


def test_a_locked_database_is_a_clear_failure(tmp_path):
    db = tmp_path / "notes.sqlite3"
    assert cli(db, "add", "kept").returncode == 0
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        result = cli(db, "--lock-timeout", "0.1", "list")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.returncode == 1
    assert "is locked by another program" in result.stderr
    assert "kept" in cli(db, "list").stdout


def test_the_gui_without_a_display_says_what_works_instead(tmp_path):
    pytest.importorskip("tkinter")
    result = cli(tmp_path / "n.db")
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot open a window")
    assert "work without a display" in result.stderr


@pytest.mark.parametrize("command", ["show", "edit", "delete"])
def test_an_id_beyond_sqlite_integers_is_a_usage_error(tmp_path, command):
    """Issue 10: show|edit|delete 99999999999999999999999 was an OverflowError (SQLite int64)."""
    result = cli(tmp_path / "notes.sqlite3", command, "99999999999999999999999")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert "OverflowError" not in result.stderr
    assert "must be an integer from 1 to 9,223,372,036,854,775,807" in result.stderr


def test_the_store_answers_not_found_for_ids_sqlite_cannot_hold(tmp_path):
    from level0.note_manager import NoteNotFound, NoteStore

    with NoteStore(tmp_path / "notes.sqlite3") as store:
        for call in (store.get, store.delete, lambda i: store.update(i, title="x")):
            with pytest.raises(NoteNotFound, match="ids are 1 to 2"):
                call(2**63)
