"""Notes with tags and full-text search: a SQLite model, a Tk window and a CLI.

The shape is model-view-controller, kept honest by tests that need no display:

* :class:`NoteStore` (the model) owns the SQLite file: create, edit, delete, tags,
  and search with FTS5 where SQLite has it, ``LIKE`` otherwise;
* :class:`NoteController` decides what every click and keystroke does, against a
  small :class:`NoteView` protocol; :class:`Autosaver` saves a moment after the
  last edit;
* ``level0.note_manager.view`` and ``.app`` are the Tk window and its assembly
  (imported on demand, so the model and the CLI work where tkinter is missing).
"""

from level0.note_manager.autosave import AUTOSAVE_MS, Autosaver
from level0.note_manager.controller import NoteController, NoteView
from level0.note_manager.store import (
    DatabaseCorrupt,
    DatabaseLocked,
    Note,
    NoteNotFound,
    NoteStore,
    StoreError,
    fts5_available,
    parse_tags,
)

__all__ = [
    "AUTOSAVE_MS",
    "Autosaver",
    "DatabaseCorrupt",
    "DatabaseLocked",
    "Note",
    "NoteController",
    "NoteNotFound",
    "NoteStore",
    "NoteView",
    "StoreError",
    "fts5_available",
    "parse_tags",
]
