"""The tour: a store under ``out``, then add, list, done, undo and export end to end."""

from __future__ import annotations

import csv
from pathlib import Path

from level0.task_manager.__main__ import main
from level0.task_manager.store import TaskStore
from level0.tour import TourResult


def run(out: Path) -> TourResult:
    store, export = out / "tasks.json", out / "tasks.csv"
    store.unlink(missing_ok=True)
    steps = [
        ["add", "buy milk", "--priority", "high", "--due", "tomorrow", "--tag", "home"],
        ["add", "renew passport", "--due", "+30d", "--tag", "admin"],
        ["add", "write the weekly report", "--tag", "work"],
        ["done", "1"],
        ["rm", "2"],
        ["undo"],
        ["list", "--all", "--sort", "priority"],
        ["export", str(export)],
    ]
    for step in steps:
        print("$ taskman", " ".join(step))
        code = main(["--store", str(store), *step])
        if code != 0:
            raise RuntimeError(f"taskman {' '.join(step)} exited with {code}")
    book = TaskStore(store).read()
    with export.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    done = sum(task.done for task in book.tasks)
    return TourResult(
        data="synthetic",
        key_result=f"{len(book.tasks)} tasks ({done} done), undo restored #2, {len(rows)} CSV rows",
        files=[store, export],
    )
