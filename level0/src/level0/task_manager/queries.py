"""Questions asked of a list of tasks: filter, sort, search, and the forms they are shown in.

This part is procedural on purpose: each function takes tasks and returns new
tasks or text, touches no file and keeps no state. Functions like these are the
easiest code to test (give a list, check the answer) and to combine.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, Literal

from level0.atomic import atomic_open
from level0.task_manager.model import Priority, Task

__all__ = [
    "CSV_COLUMNS",
    "SORT_KEYS",
    "Status",
    "format_table",
    "search_tasks",
    "select_tasks",
    "sort_tasks",
    "tasks_to_csv",
    "write_csv",
]

Status = Literal["open", "done", "all"]


def select_tasks(
    tasks: Iterable[Task],
    *,
    status: Status = "open",
    tags: Sequence[str] = (),
    priority: Priority | None = None,
    due_before: date | None = None,
) -> list[Task]:
    """The tasks that pass every filter given (tags: a task must carry all of them)."""
    return [
        task
        for task in tasks
        if (status == "all" or task.done == (status == "done"))
        and all(tag in task.tags for tag in tags)
        and (priority is None or task.priority == priority)
        and (due_before is None or (task.due is not None and task.due < due_before))
    ]


def _by_due(task: Task) -> tuple[bool, date, int]:
    return (task.due is None, task.due or date.min, task.id)


SORT_KEYS: dict[str, Callable[[Task], Any]] = {
    "id": lambda task: task.id,
    "due": _by_due,
    "priority": lambda task: (task.priority.rank, *_by_due(task)),
    "title": lambda task: (task.title.casefold(), task.id),
    "created": lambda task: (task.created, task.id),
}


def sort_tasks(tasks: Iterable[Task], by: str = "id") -> list[Task]:
    """Tasks sorted by one of ``SORT_KEYS`` (due: undated last; priority: high first)."""
    return sorted(tasks, key=SORT_KEYS[by])


def search_tasks(tasks: Iterable[Task], text: str) -> list[Task]:
    """Tasks whose title or tags contain every word of ``text`` (case-insensitive)."""
    words = text.casefold().split()
    return [
        task
        for task in tasks
        if all(word in " ".join([task.title, *task.tags]).casefold() for word in words)
    ]


def format_table(tasks: Sequence[Task], today: date | None = None) -> str:
    """A fixed-width table for the terminal; overdue due dates get a ``!``."""
    today = today or date.today()
    header = ("id", "", "priority", "due", "tags", "title")
    rows = [
        (
            str(task.id),
            "x" if task.done else "",
            task.priority.value,
            (task.due.isoformat() + ("!" if task.is_overdue(today) else "")) if task.due else "",
            ",".join(task.tags),
            task.title,
        )
        for task in tasks
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [row[0].rjust(widths[0])] + [
            c.ljust(w) for c, w in zip(row[1:], widths[1:], strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


CSV_COLUMNS = ("id", "title", "priority", "due", "tags", "done", "created", "completed")


def tasks_to_csv(tasks: Iterable[Task]) -> str:
    """CSV text with a header row; tags are joined with spaces."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for task in tasks:
        writer.writerow(
            [
                task.id,
                task.title,
                task.priority.value,
                task.due.isoformat() if task.due else "",
                " ".join(task.tags),
                "yes" if task.done else "no",
                task.created.isoformat(),
                task.completed.isoformat() if task.completed else "",
            ]
        )
    return buffer.getvalue()


def write_csv(tasks: Iterable[Task], path: str | os.PathLike[str]) -> None:
    """Write :func:`tasks_to_csv` to ``path`` atomically (UTF-8, opens in spreadsheets)."""
    with atomic_open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(tasks_to_csv(tasks))
