"""Tour step: a notes database under ``out`` with a few tagged notes, then a full-text search."""

from __future__ import annotations

from pathlib import Path

from level0.note_manager.store import NoteStore
from level0.tour import TourResult

NOTES = [
    (
        "Reading list",
        "Designing Data-Intensive Applications; the SQLite file format docs",
        ["books"],
    ),
    (
        "SQLite full-text search",
        "FTS5 ranks matches with bm25; LIKE scans every row",
        ["sqlite", "python"],
    ),
    (
        "Autosave idea",
        "Save 800 ms after the last keystroke, and again on close",
        ["gui", "python"],
    ),
    ("Groceries", "eggs, milk, rye bread", ["home"]),
    (
        "Backups",
        "copy notes.sqlite3 with the sqlite3 .backup command, never mid-write",
        ["sqlite", "home"],
    ),
]
QUERY = "sqlite"


def run(out: Path) -> TourResult:
    """Create ``out/notes.sqlite3`` from scratch (no GUI), add five notes, search for 'sqlite'."""
    path = out / "notes.sqlite3"
    path.unlink(missing_ok=True)
    with NoteStore(path) as store:
        store.create_many(NOTES)
        hits = store.search(QUERY)
        tag_counts = store.tags()
        backend = store.backend
    return TourResult(
        data="synthetic",
        key_result=f"{len(NOTES)} notes, {len(tag_counts)} tags; search {QUERY!r} ({backend}): {len(hits)} hits, "
        f"top {hits[0].title!r}",
        files=[path],
    )
