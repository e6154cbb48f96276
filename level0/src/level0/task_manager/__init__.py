"""taskman: a to-do list CLI on a locked, atomically written JSON store, with undo and CSV export.

Read in this order: ``model`` (dataclasses: Task, TaskBook), ``store`` (the
TaskStore class: lock, atomic write, schema check, undo), ``queries`` (plain
functions: filter, sort, search, table, CSV), ``__main__`` (the commands).

>>> from level0.task_manager import TaskStore
>>> store = TaskStore("/tmp/tasks.json")  # doctest: +SKIP
>>> with store.change() as change:  # doctest: +SKIP
...     change.book.add("water the plants", tags=["home"])
"""

from level0.task_manager.model import (
    InvalidInput,
    Priority,
    Task,
    TaskBook,
    TaskNotFound,
    parse_due,
    parse_id,
    parse_priority,
    parse_tag,
)
from level0.task_manager.queries import (
    SORT_KEYS,
    format_table,
    search_tasks,
    select_tasks,
    sort_tasks,
    tasks_to_csv,
    write_csv,
)
from level0.task_manager.store import (
    SCHEMA_VERSION,
    Change,
    StoreError,
    TaskStore,
    default_store_path,
)

__all__ = [
    "SCHEMA_VERSION",
    "SORT_KEYS",
    "Change",
    "InvalidInput",
    "Priority",
    "StoreError",
    "Task",
    "TaskBook",
    "TaskNotFound",
    "TaskStore",
    "default_store_path",
    "format_table",
    "parse_due",
    "parse_id",
    "parse_priority",
    "parse_tag",
    "search_tasks",
    "select_tasks",
    "sort_tasks",
    "tasks_to_csv",
    "write_csv",
]
