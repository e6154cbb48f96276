"""taskman end to end: as a new user would try it, through a subprocess and in process."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys

import pytest

from level0.task_manager.__main__ import main


def taskman(*args, store=None, env=None):
    """Run ``python -m level0.task_manager`` and return the finished process."""
    full_env = {k: v for k, v in os.environ.items() if k != "TASKMAN_STORE"} | (env or {})
    prefix = ["--store", str(store)] if store else []
    return subprocess.run(
        [sys.executable, "-m", "level0.task_manager", *prefix, *args],
        capture_output=True,
        text=True,
        env=full_env,
        timeout=60,
    )


def test_help_ends_with_an_example():
    result = taskman("--help")
    assert result.returncode == 0
    assert "example:\n  taskman add" in result.stdout
    for command in ["add", "list", "done", "edit", "rm", "search", "undo", "export"]:
        assert command in result.stdout


def test_add_list_done_undo_export_end_to_end(tmp_path):
    store = tmp_path / "tasks.json"
    added = taskman(
        "add", "buy", "milk", "-p", "high", "-d", "2030-01-02", "-t", "home", store=store
    )
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "added #1 buy milk (high, due 2030-01-02, +home)"
    assert taskman("add", "file taxes", "--tag", "admin", store=store).returncode == 0
    assert taskman("done", "#1", store=store).returncode == 0
    listed = json.loads(taskman("list", "--all", "--json", store=store).stdout)
    assert [(t["id"], t["done"]) for t in listed] == [(1, True), (2, False)]
    undone = taskman("undo", store=store)
    assert undone.stdout.strip() == "undid: done #1"
    assert "buy milk" in taskman("list", store=store).stdout
    out = tmp_path / "tasks.csv"
    exported = taskman("export", str(out), store=store)
    assert exported.returncode == 0, exported.stderr
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["id"], r["title"], r["done"]) for r in rows] == [
        ("1", "buy milk", "no"),
        ("2", "file taxes", "no"),
    ]


def test_the_store_comes_from_the_environment_variable(tmp_path):
    store = tmp_path / "env.json"
    result = taskman("add", "from env", env={"TASKMAN_STORE": str(store)})
    assert result.returncode == 0, result.stderr
    assert "from env" in store.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "x", "--due", "2025-02-30"], "error: bad date '2025-02-30': day is out of range"),
        (["add", "x", "--due", "next week"], "error: bad date 'next week': use YYYY-MM-DD"),
        (["done", "42"], "error: no task with id 42"),
        (["rm", "7"], "error: no task with id 7"),
        (["edit", "3", "--title", "y"], "error: no task with id 3"),
        (["done", "abc"], "error: bad task id 'abc'"),
        (["add", "x", "-p", "urgent"], "error: bad priority 'urgent'"),
        (["list", "--due-before", "someday"], "error: bad date 'someday'"),
        (["edit", "1"], "error: nothing to change"),
    ],
)
def test_bad_input_gets_one_line_and_exit_code_2(tmp_path, capsys, args, message):
    store = tmp_path / "tasks.json"
    assert main(["--store", str(store), "add", "first"]) == 0
    before = store.read_bytes()
    capsys.readouterr()
    assert main(["--store", str(store), *args]) == 2
    captured = capsys.readouterr()
    assert captured.err.startswith(message)
    assert captured.err.count("\n") == 1
    assert store.read_bytes() == before


def test_bad_arguments_and_missing_command_are_usage_errors():
    for args in [[], ["frobnicate"], ["list", "--sort", "colour"]]:
        result = taskman(*args)
        assert result.returncode == 2
        assert "usage: taskman" in result.stderr
        assert "Traceback" not in result.stderr


def test_a_corrupted_store_is_reported_and_left_byte_identical(tmp_path):
    store = tmp_path / "tasks.json"
    junk = b'{"format": "taskman", "schema_version": 1, "tasks": [{"id": 1, "ti'
    store.write_bytes(junk)
    for args in (["add", "x"], ["done", "1"], ["undo"], ["list"], ["export", "-"]):
        result = taskman(*args, store=store)
        assert result.returncode == 1
        assert result.stderr.startswith("error: ")
        assert "not valid JSON" in result.stderr
        assert result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr
    assert store.read_bytes() == junk


def test_a_foreign_file_is_reported_and_left_byte_identical(tmp_path):
    store = tmp_path / "settings.json"
    other = b'{"theme": "dark"}\n'
    store.write_bytes(other)
    result = taskman("add", "x", store=store)
    assert result.returncode == 1
    assert "is not a taskman store" in result.stderr
    assert store.read_bytes() == other


def test_store_option_after_the_command_and_search_edit_rm(tmp_path, capsys):
    store = str(tmp_path / "t.json")
    assert main(["add", "Renew passport", "-t", "admin", "--store", store]) == 0
    assert main(["add", "pay rent", "--store", store]) == 0
    capsys.readouterr()
    assert main(["search", "PASSPORT", "--json", "--store", store]) == 0
    assert [t["id"] for t in json.loads(capsys.readouterr().out)] == [1]
    assert (
        main(["edit", "1", "--untag", "admin", "-t", "travel", "--no-due", "--store", store]) == 0
    )
    assert main(["rm", "2", "--store", store]) == 0
    assert main(["list", "--tag", "travel", "--json", "--store", store]) == 0
    out = capsys.readouterr().out
    assert [t["tags"] for t in json.loads(out[out.index("[") :])] == [["travel"]]
    assert main(["undo", "--store", store]) == 0
    assert "pay rent" in (tmp_path / "t.json").read_text(encoding="utf-8")


def test_export_to_a_missing_folder_fails_cleanly(tmp_path, capsys):
    store = str(tmp_path / "t.json")
    assert main(["--store", store, "export", str(tmp_path / "no" / "such" / "x.csv")]) == 1
    assert "does not exist" in capsys.readouterr().err


def test_debug_shows_the_traceback(tmp_path):
    result = taskman("--debug", "done", "5", store=tmp_path / "t.json")
    assert result.returncode != 0
    assert "Traceback" in result.stderr


def test_the_tour_runs_end_to_end_under_its_output_folder(tmp_path):
    from level0.task_manager import tour

    result = tour.run(tmp_path)
    assert result.key_result.startswith("3 tasks (1 done)")
    assert all(path.is_relative_to(tmp_path) and path.exists() for path in result.files)
