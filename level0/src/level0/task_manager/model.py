"""The data model: a Task, the TaskBook that owns the tasks, and parsers for user input.

These are dataclasses because a task is plain data with a few rules attached
(a title is never empty, tags are normalised, ids are never reused). The rules
live next to the data they protect, so every caller goes through them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from typing import Any

__all__ = [
    "InvalidInput",
    "Priority",
    "Task",
    "TaskBook",
    "TaskNotFound",
    "parse_due",
    "parse_id",
    "parse_priority",
    "parse_tag",
]


class InvalidInput(ValueError):
    """A value typed by the user does not parse (a date, a priority, a tag, an id)."""


class TaskNotFound(LookupError):
    """No task has the requested id."""

    def __init__(self, task_id: int) -> None:
        super().__init__(f"no task with id {task_id} (see 'taskman list --all')")
        self.task_id = task_id


class Priority(StrEnum):
    """How urgent a task is; ``rank`` orders them (high first when sorting)."""

    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return {"high": 0, "normal": 1, "low": 2}[self.value]


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


@dataclass
class Task:
    """One thing to do. ``completed`` is set when it is done, None while open."""

    id: int
    title: str
    priority: Priority = Priority.NORMAL
    due: date | None = None
    tags: list[str] = field(default_factory=list)
    created: datetime = field(default_factory=_now)
    completed: datetime | None = None

    @property
    def done(self) -> bool:
        return self.completed is not None

    def complete(self) -> None:
        """Mark the task done now (a task already done keeps its first completion time)."""
        self.completed = self.completed or _now()

    def reopen(self) -> None:
        self.completed = None

    def is_overdue(self, today: date) -> bool:
        return not self.done and self.due is not None and self.due < today

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO 8601 text)."""
        return {
            "id": self.id,
            "title": self.title,
            "priority": self.priority.value,
            "due": self.due.isoformat() if self.due else None,
            "tags": list(self.tags),
            "created": self.created.isoformat(),
            "completed": self.completed.isoformat() if self.completed else None,
            "done": self.done,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Task:
        """The inverse of :meth:`to_dict`; raises ValueError/KeyError/TypeError on bad data."""
        task_id = data["id"]
        if not isinstance(task_id, int) or isinstance(task_id, bool) or task_id < 1:
            raise ValueError(f"bad id {task_id!r}")
        title = data["title"]
        if not isinstance(title, str) or not title.strip():
            raise ValueError(f"bad title {title!r}")
        tags = data.get("tags", [])
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError(f"bad tags {tags!r}")
        due, completed = data.get("due"), data.get("completed")
        return cls(
            id=task_id,
            title=title,
            priority=Priority(data.get("priority", "normal")),
            due=date.fromisoformat(due) if due is not None else None,
            tags=list(tags),
            created=datetime.fromisoformat(data["created"]),
            completed=datetime.fromisoformat(completed) if completed is not None else None,
        )


@dataclass
class TaskBook:
    """All of one user's tasks plus the next id to hand out (ids are never reused)."""

    tasks: list[Task] = field(default_factory=list)
    next_id: int = 1

    def add(
        self,
        title: str,
        priority: Priority = Priority.NORMAL,
        due: date | None = None,
        tags: Iterable[str] = (),
    ) -> Task:
        title = " ".join(title.split())
        if not title:
            raise InvalidInput("a task needs a title")
        task = Task(self.next_id, title, priority, due, _unique(parse_tag(t) for t in tags))
        self.tasks.append(task)
        self.next_id += 1
        return task

    def get(self, task_id: int) -> Task:
        for task in self.tasks:
            if task.id == task_id:
                return task
        raise TaskNotFound(task_id)

    def remove(self, task_id: int) -> Task:
        task = self.get(task_id)
        self.tasks.remove(task)
        return task


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


_TAG = re.compile(r"[\w.-]+")


def parse_tag(text: str) -> str:
    """A tag is one word of letters, digits, ``_``, ``.`` or ``-``; stored in lower case."""
    tag = text.strip().lstrip("+").casefold()
    if not _TAG.fullmatch(tag):
        raise InvalidInput(f"bad tag {text!r}: use one word of letters, digits, '_', '.' or '-'")
    return tag


def parse_priority(text: str) -> Priority:
    """``low``, ``normal`` or ``high`` (any case, or just the first letter)."""
    word = text.strip().lower()
    for priority in Priority:
        if word in {priority.value, priority.value[0]}:
            return priority
    raise InvalidInput(f"bad priority {text!r}: use low, normal or high")


_RELATIVE = re.compile(r"\+(\d{1,4})([dw])")


def parse_due(text: str, today: date | None = None) -> date:
    """A due date: ``YYYY-MM-DD``, ``today``, ``tomorrow``, ``+3d`` or ``+2w``."""
    today = today or date.today()
    word = text.strip().lower()
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if match := _RELATIVE.fullmatch(word):
        count = int(match.group(1))
        return today + timedelta(days=count if match.group(2) == "d" else 7 * count)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", word):
        try:
            return date.fromisoformat(word)
        except ValueError as exc:
            raise InvalidInput(f"bad date {text!r}: {exc}") from None
    raise InvalidInput(f"bad date {text!r}: use YYYY-MM-DD, today, tomorrow, +3d or +2w")


def parse_id(text: str) -> int:
    """A task id as typed: ``7`` or ``#7``."""
    digits = text.strip().removeprefix("#")
    if not re.fullmatch(r"[0-9]+", digits) or int(digits) < 1:
        raise InvalidInput(f"bad task id {text!r}: ids are positive numbers, e.g. 7")
    return int(digits)
