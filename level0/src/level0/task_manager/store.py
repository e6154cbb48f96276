"""The JSON store: one file per user, locked while it changes, replaced atomically.

This part is a class on purpose. The store owns state that must stay consistent
(the file, its lock, the undo history) and a protocol for changing it: take the
lock, read, change, write a whole new file, release. ``with store.change() as c``
puts that protocol in one place, so no command can forget a step.

* Atomic: a new file is written beside the old one, fsync'ed and renamed over it
  (:mod:`level0.atomic`), so a crash leaves the old store or the new one.
* Locked: a lock file beside the store (``filelock``) serialises writers, so two
  ``taskman add`` running at once both land; without it one would read the store
  before the other wrote it back, and one task would be lost.
* Refuses foreign or corrupted files: a store must say ``"format": "taskman"``
  and a schema version this code knows. Anything else is reported and never
  overwritten, because it may be somebody's data.
* Undo: each change saves the state before it (a memento) in the same file; up
  to ``UNDO_DEPTH`` of them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import filelock
import platformdirs

from level0.atomic import atomic_write_text
from level0.task_manager.model import Task, TaskBook

__all__ = [
    "FORMAT",
    "SCHEMA_VERSION",
    "UNDO_DEPTH",
    "Change",
    "StoreError",
    "TaskStore",
    "default_store_path",
]

FORMAT = "taskman"
SCHEMA_VERSION = 1
UNDO_DEPTH = 20
ENV_VAR = "TASKMAN_STORE"


class StoreError(Exception):
    """The store cannot be used as it is (corrupted, foreign, newer, locked); it is left untouched."""


def default_store_path(environ: Mapping[str, str] | None = None) -> Path:
    """``$TASKMAN_STORE`` if set, else ``tasks.json`` in the platform's per-user data folder."""
    environ = os.environ if environ is None else environ
    if environ.get(ENV_VAR):
        return Path(environ[ENV_VAR]).expanduser()
    return platformdirs.user_data_path("taskman", appauthor=False) / "tasks.json"


@dataclass
class Change:
    """What a command gets inside ``store.change()``: the book to edit and a line for undo."""

    book: TaskBook
    description: str = "change"


@dataclass
class _Document:
    book: TaskBook
    history: list[dict[str, Any]]


class TaskStore:
    """A user's tasks on disk. Read with :meth:`read`; change with :meth:`change`."""

    def __init__(self, path: str | os.PathLike[str], lock_timeout: float = 10.0) -> None:
        self.path = Path(path)
        self.lock_timeout = lock_timeout

    def read(self) -> TaskBook:
        """The current tasks (an empty book when the store does not exist yet)."""
        return self._load().book

    def history(self) -> list[str]:
        """Descriptions of the changes that ``undo`` can revert, oldest first."""
        return [entry["change"] for entry in self._load().history]

    @contextmanager
    def change(self) -> Iterator[Change]:
        """Lock, load, let the caller edit ``change.book``, then save it with an undo entry.

        If the block raises, nothing is written. If it changed nothing, nothing is
        written either, so no-op commands do not fill the undo history.
        """
        with self._locked():
            document = self._load()
            before = _book_to_json(document.book)
            change = Change(document.book)
            yield change
            after = _book_to_json(change.book)
            if after != before:
                document.history.append({"change": change.description, **before})
                self._save(change.book, document.history)

    def undo(self) -> str:
        """Restore the state before the last change; returns that change's description."""
        with self._locked():
            document = self._load()
            if not document.history:
                raise StoreError("nothing to undo")
            entry = document.history.pop()
            self._save(_book_from_json(entry, self.path), document.history)
            return str(entry["change"])

    # -- the file ----------------------------------------------------------------------

    @contextmanager
    def _locked(self) -> Iterator[None]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = filelock.FileLock(f"{self.path}.lock", timeout=self.lock_timeout)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StoreError(
                f"{self.path} is locked by another taskman (waited {self.lock_timeout:g} s); "
                "try again"
            ) from None
        try:
            yield
        finally:
            lock.release()

    def _load(self) -> _Document:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return _Document(TaskBook(), [])
        untouched = "it was left untouched; repair or move it, or choose another file with --store"
        try:
            data = json.loads(raw)
        except ValueError as exc:
            raise StoreError(f"{self.path} is not valid JSON ({exc}); {untouched}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError(f"{self.path} is not a taskman store; {untouched}")
        version = data.get("schema_version")
        if not isinstance(version, int) or version < 1:
            raise StoreError(f"{self.path} has no valid schema_version; {untouched}")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} uses schema version {version}, newer than this taskman "
                f"({SCHEMA_VERSION}); upgrade taskman. {untouched}"
            )
        history = data.get("undo", [])
        if not isinstance(history, list) or not all(
            isinstance(e, dict) and isinstance(e.get("change"), str) for e in history
        ):
            raise StoreError(f"{self.path} has a malformed undo history; {untouched}")
        return _Document(_book_from_json(data, self.path), history)

    def _save(self, book: TaskBook, history: list[dict[str, Any]]) -> None:
        document = {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            **_book_to_json(book),
            "undo": history[-UNDO_DEPTH:],
        }
        atomic_write_text(self.path, json.dumps(document, indent=1, ensure_ascii=False) + "\n")


def _book_to_json(book: TaskBook) -> dict[str, Any]:
    return {"next_id": book.next_id, "tasks": [task.to_dict() for task in book.tasks]}


def _book_from_json(data: Mapping[str, Any], path: Path) -> TaskBook:
    try:
        tasks = [Task.from_dict(item) for item in data["tasks"]]
        next_id = data["next_id"]
        if not isinstance(next_id, int) or any(task.id >= next_id for task in tasks):
            raise ValueError(f"next_id {next_id!r} is not above every task id")
        if len({task.id for task in tasks}) != len(tasks):
            raise ValueError("two tasks share an id")
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(
            f"{path} has malformed task data ({type(exc).__name__}: {exc}); it was left untouched"
        ) from None
    return TaskBook(tasks, next_id)
