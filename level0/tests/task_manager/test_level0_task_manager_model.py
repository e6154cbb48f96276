"""The model: input parsers, Task round trips, and the TaskBook's id rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

TODAY = date(2025, 3, 14)


@pytest.fixture
def tm(solution):
    return solution("level0.task_manager")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025-12-31", date(2025, 12, 31)),
        (" 2024-02-29 ", date(2024, 2, 29)),
        ("today", TODAY),
        ("Tomorrow", TODAY + timedelta(days=1)),
        ("+3d", TODAY + timedelta(days=3)),
        ("+2w", TODAY + timedelta(days=14)),
        ("+0d", TODAY),
    ],
)
def test_parse_due_accepts_dates_and_relative_words(tm, text, expected):
    assert tm.parse_due(text, today=TODAY) == expected


@pytest.mark.parametrize(
    "text", ["2025-13-01", "2023-02-29", "31/12/2025", "soon", "", "+3", "-1d"]
)
def test_parse_due_rejects_bad_dates_with_a_value_error(tm, text):
    with pytest.raises(ValueError, match="bad date"):
        tm.parse_due(text, today=TODAY)


@given(st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31)))
def test_parse_due_round_trips_every_iso_date(day):
    from level0.task_manager import parse_due

    assert parse_due(day.isoformat()) == day


@given(st.integers(min_value=0, max_value=9999))
def test_relative_days_agree_with_timedelta(days):
    from level0.task_manager import parse_due

    assert parse_due(f"+{days}d", today=TODAY) == TODAY + timedelta(days=days)


def test_parse_priority_words_and_initials(tm):
    assert tm.parse_priority("HIGH") is tm.Priority.HIGH
    assert tm.parse_priority("l") is tm.Priority.LOW
    with pytest.raises(ValueError, match="bad priority"):
        tm.parse_priority("urgent")


def test_parse_tag_and_id(tm):
    assert tm.parse_tag("+Work") == "work"
    assert tm.parse_id("#12") == 12
    for bad in ["two words", "a,b", ""]:
        with pytest.raises(ValueError, match="bad tag"):
            tm.parse_tag(bad)
    for bad in ["0", "-1", "x", "²", "1.5"]:
        with pytest.raises(ValueError, match="bad task id"):
            tm.parse_id(bad)


moments = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
).map(lambda moment: moment.replace(microsecond=0))
tasks = st.tuples(
    st.integers(min_value=1, max_value=10**6),
    st.text(min_size=1).filter(str.strip),
    st.sampled_from(["low", "normal", "high"]),
    st.none() | st.dates(),
    st.lists(st.from_regex(r"[a-z0-9_.-]{1,8}", fullmatch=True), unique=True, max_size=4),
    moments,
    st.none() | moments,
)


@given(tasks)
def test_task_survives_a_json_round_trip(fields):
    import json

    from level0.task_manager import Priority, Task

    task_id, title, priority, due, tags, created, completed = fields
    task = Task(task_id, title, Priority(priority), due, tags, created, completed)
    again = Task.from_dict(json.loads(json.dumps(task.to_dict())))
    assert again == task
    assert again.done == (completed is not None)


def test_book_hands_out_increasing_ids_and_never_reuses_them(tm):
    book = tm.TaskBook()
    first = book.add("  water   the plants ", tags=["Home", "home", "+garden"])
    assert (first.id, first.title, first.tags) == (1, "water the plants", ["home", "garden"])
    book.add("second")
    book.remove(2)
    assert book.add("third").id == 3
    with pytest.raises(tm.TaskNotFound, match="no task with id 2"):
        book.get(2)
    with pytest.raises(ValueError, match="needs a title"):
        book.add("   ")


def test_complete_keeps_the_first_completion_time_and_reopen_clears_it(tm):
    task = tm.TaskBook().add("x")
    task.complete()
    first = task.completed
    task.complete()
    assert task.completed == first
    assert task.done
    task.reopen()
    assert not task.done
    assert task.is_overdue(TODAY) is False
    task.due = TODAY - timedelta(days=1)
    assert task.is_overdue(TODAY)
