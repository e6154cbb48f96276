"""Filtering, sorting, searching and CSV export, checked against pandas and the csv module."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from level0.task_manager import Priority, Task

START = datetime(2025, 1, 1, tzinfo=UTC)
TAGS = ["home", "work", "admin"]


def make_task(task_id, title="t", priority="normal", due=None, tags=(), done=False):
    created = START + timedelta(hours=(task_id * 7) % 11)
    return Task(
        task_id, title, Priority(priority), due, list(tags), created, START if done else None
    )


task_lists = st.lists(
    st.tuples(
        st.text(alphabet="abcXYZ é", min_size=1, max_size=8).filter(str.strip),
        st.sampled_from(["low", "normal", "high"]),
        st.none() | st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 1, 20)),
        st.lists(st.sampled_from(TAGS), unique=True),
        st.booleans(),
    ),
    max_size=25,
).map(lambda rows: [make_task(i + 1, *row) for i, row in enumerate(rows)])


def frame(tasks):
    return pd.DataFrame(
        {
            "id": [t.id for t in tasks],
            "title": [t.title.casefold() for t in tasks],
            "rank": [{"high": 0, "normal": 1, "low": 2}[t.priority.value] for t in tasks],
            "due": pd.to_datetime([t.due for t in tasks]),
            "created": [t.created for t in tasks],
        }
    )


ORACLE_ORDER = {
    "id": ["id"],
    "due": ["due", "id"],
    "priority": ["rank", "due", "id"],
    "title": ["title", "id"],
    "created": ["created", "id"],
}


@settings(max_examples=60)
@given(task_lists, st.sampled_from(sorted(ORACLE_ORDER)))
def test_sort_agrees_with_pandas(solution, tasks, key):
    tm = solution("level0.task_manager")
    expected = (
        frame(tasks).sort_values(ORACLE_ORDER[key], na_position="last", kind="stable")["id"]
        if tasks
        else pd.Series([], dtype=int)
    )
    assert [t.id for t in tm.sort_tasks(tasks, key)] == list(expected)


@settings(max_examples=60)
@given(
    task_lists,
    st.sampled_from(["open", "done", "all"]),
    st.lists(st.sampled_from(TAGS), unique=True, max_size=2),
    st.none() | st.sampled_from(list(Priority)),
    st.none() | st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 1, 20)),
)
def test_select_keeps_exactly_the_tasks_that_pass_every_filter(
    solution, tasks, status, tags, priority, due_before
):
    tm = solution("level0.task_manager")
    chosen = tm.select_tasks(
        tasks, status=status, tags=tags, priority=priority, due_before=due_before
    )
    for task in tasks:
        passes = (
            {"open": not task.done, "done": task.done, "all": True}[status]
            and set(tags) <= set(task.tags)
            and priority in (None, task.priority)
            and (due_before is None or (task.due is not None and task.due < due_before))
        )
        assert (task in chosen) == passes
    assert chosen == [t for t in tasks if t in chosen]  # order is kept


def test_search_needs_every_word_in_title_or_tags(solution):
    tm = solution("level0.task_manager")
    tasks = [
        make_task(1, "Buy MILK", tags=["home"]),
        make_task(2, "milk the cow", tags=["farm"]),
        make_task(3, "Write report", tags=["work"]),
    ]
    assert [t.id for t in tm.search_tasks(tasks, "milk")] == [1, 2]
    assert [t.id for t in tm.search_tasks(tasks, "milk HOME")] == [1]
    assert tm.search_tasks(tasks, "milk work") == []


@given(task_lists)
def test_csv_export_reads_back_with_the_csv_module(tasks):
    from level0.task_manager import tasks_to_csv

    rows = list(csv.DictReader(io.StringIO(tasks_to_csv(tasks), newline="")))
    assert [int(r["id"]) for r in rows] == [t.id for t in tasks]
    assert [r["title"] for r in rows] == [t.title for t in tasks]
    assert [r["tags"].split() for r in rows] == [t.tags for t in tasks]
    assert [r["due"] or None for r in rows] == [t.due.isoformat() if t.due else None for t in tasks]
    assert [r["done"] == "yes" for r in rows] == [t.done for t in tasks]


def test_write_csv_is_read_by_pandas(solution, tmp_path):
    tm = solution("level0.task_manager")
    tasks = [
        make_task(1, 'say "hi", then, leave', "high", date(2025, 1, 2), ["home"]),
        make_task(2),
    ]
    path = tmp_path / "tasks.csv"
    tm.write_csv(tasks, path)
    table = pd.read_csv(path, keep_default_na=False)
    assert list(table.columns) == [
        "id",
        "title",
        "priority",
        "due",
        "tags",
        "done",
        "created",
        "completed",
    ]
    assert table["title"].tolist() == ['say "hi", then, leave', "t"]
    assert table["due"].tolist() == ["2025-01-02", ""]
    assert not list(tmp_path.glob(".*.tmp"))  # the temporary file was renamed away


def test_table_marks_done_and_overdue(solution):
    tm = solution("level0.task_manager")
    tasks = [make_task(1, "late", due=date(2025, 1, 1)), make_task(2, "finished", done=True)]
    lines = tm.format_table(tasks, today=date(2025, 1, 5)).splitlines()
    assert lines[0].split() == ["id", "priority", "due", "tags", "title"]
    assert "2025-01-01!" in lines[1]
    assert lines[2].split()[:2] == ["2", "x"]


@pytest.mark.parametrize("key", ["id", "due", "priority", "title", "created"])
def test_sort_keys_are_all_listed(solution, key):
    assert key in solution("level0.task_manager").SORT_KEYS
