"""The store: round trips, undo, refusing bad files without touching them, the lock."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import filelock
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.fixture
def tm(solution):
    return solution("level0.task_manager")


@pytest.fixture
def store(tm, tmp_path):
    return tm.TaskStore(tmp_path / "sub" / "tasks.json")


def add(store, title, **kwargs):
    with store.change() as change:
        task = change.book.add(title, **kwargs)
        change.description = f"add #{task.id}"
    return task


def test_a_missing_store_reads_as_empty_and_is_not_created(store):
    assert store.read().tasks == []
    assert not store.path.exists()


def test_changes_are_saved_with_format_and_schema_version(tm, store):
    add(store, "one", tags=["home"])
    add(store, "two", priority=tm.Priority.HIGH)
    document = json.loads(store.path.read_text(encoding="utf-8"))
    assert document["format"] == "taskman"
    assert document["schema_version"] == tm.SCHEMA_VERSION
    assert [t.title for t in store.read().tasks] == ["one", "two"]
    assert store.read().tasks[1].priority is tm.Priority.HIGH
    assert store.history() == ["add #1", "add #2"]


def test_undo_steps_back_one_change_at_a_time(tm, store):
    add(store, "one")
    add(store, "two")
    with store.change() as change:
        change.book.get(1).complete()
        change.description = "done #1"
    assert store.undo() == "done #1"
    assert not store.read().get(1).done
    assert store.undo() == "add #2"
    assert [t.id for t in store.read().tasks] == [1]
    assert store.read().next_id == 2  # undo of an add gives the id back
    store.undo()
    with pytest.raises(tm.StoreError, match="nothing to undo"):
        store.undo()


def test_a_failed_or_empty_change_writes_nothing(tm, store):
    add(store, "one")
    before = store.path.read_bytes()

    def complete_1_then_fail():
        with store.change() as change:
            change.book.get(1).complete()
            change.book.get(99)

    with pytest.raises(tm.TaskNotFound):
        complete_1_then_fail()
    with store.change() as change:
        change.book.get(1).reopen()  # already open: no change, no undo entry
    assert store.path.read_bytes() == before


FOREIGN = {
    "garbage": b"\x00\xff not json at all",
    "truncated": b'{"format": "taskman", "schema_version": 1, "tasks": [',
    "empty": b"",
    "other app": b'{"name": "my-other-app", "items": []}\n',
    "a list": b"[1, 2, 3]\n",
    "newer schema": b'{"format": "taskman", "schema_version": 99, "next_id": 1, "tasks": []}',
    "bad task": b'{"format": "taskman", "schema_version": 1, "next_id": 5, "tasks": [{"id": "x"}]}',
    "id clash": (
        b'{"format": "taskman", "schema_version": 1, "next_id": 2, "tasks": ['
        b'{"id": 1, "title": "a", "created": "2025-01-01T00:00:00+00:00"},'
        b'{"id": 1, "title": "b", "created": "2025-01-01T00:00:00+00:00"}]}'
    ),
}


@pytest.mark.parametrize("kind", sorted(FOREIGN))
def test_a_corrupted_or_foreign_file_is_refused_and_never_overwritten(tm, store, kind):
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(FOREIGN[kind])
    with pytest.raises(tm.StoreError, match="left untouched"):
        add(store, "new task")
    with pytest.raises(tm.StoreError):
        store.undo()
    with pytest.raises(tm.StoreError):
        store.read()
    assert store.path.read_bytes() == FOREIGN[kind]


def test_a_held_lock_gives_a_clear_error_instead_of_waiting_forever(tm, tmp_path):
    store = tm.TaskStore(tmp_path / "tasks.json", lock_timeout=0.2)
    with filelock.FileLock(f"{store.path}.lock"), pytest.raises(tm.StoreError, match="locked"):
        add(store, "blocked")
    assert not store.path.exists()


operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), st.text(alphabet="abc ", min_size=1).filter(str.strip)),
        st.tuples(st.just("done"), st.integers(1, 6)),
        st.tuples(st.just("rm"), st.integers(1, 6)),
    ),
    min_size=1,
    max_size=8,
)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
def test_undoing_every_change_walks_back_through_every_state(tmp_path_factory, ops):
    from level0.task_manager import TaskNotFound, TaskStore

    store = TaskStore(tmp_path_factory.mktemp("undo") / "tasks.json")
    states = [store.read()]
    for op, arg in ops:
        try:
            with store.change() as change:
                if op == "add":
                    change.book.add(arg)
                elif op == "done":
                    change.book.get(arg).complete()
                else:
                    change.book.remove(arg)
        except TaskNotFound:
            continue
        if store.read() != states[-1]:
            states.append(store.read())
    for state in reversed(states[:-1]):
        store.undo()
        assert store.read() == state


WORKER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from level0.task_manager.__main__ import main

    store, name, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    while not go.exists():
        time.sleep(0.005)
    for i in range(count):
        code = main(["--store", store, "add", f"{name} task {i}", "--tag", name])
        if code:
            sys.exit(code)
    """
)


def test_concurrent_processes_lose_no_task(tm, tmp_path):
    """4 processes x 10 adds at the same time: exactly 40 tasks, 40 distinct ids."""
    path, go = tmp_path / "tasks.json", tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, str(path), f"w{n}", "10", str(go)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for n in range(4)
    ]
    go.touch()  # all four start adding at once
    errors = [worker.communicate(timeout=120)[1] for worker in workers]
    assert [w.returncode for w in workers] == [0, 0, 0, 0], errors
    tasks = tm.TaskStore(path).read().tasks
    assert len(tasks) == 40
    assert sorted(t.id for t in tasks) == list(range(1, 41))
    for n in range(4):
        assert sorted(t.title for t in tasks if t.tags == [f"w{n}"]) == sorted(
            f"w{n} task {i}" for i in range(10)
        )


def test_default_path_comes_from_the_environment_or_platformdirs(tm, tmp_path):
    assert tm.default_store_path({"TASKMAN_STORE": str(tmp_path / "x.json")}) == tmp_path / "x.json"
    default = tm.default_store_path({})
    assert default.name == "tasks.json"
    assert "taskman" in default.parts
