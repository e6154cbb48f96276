"""Putting the GUI together: a Tk root, the store, the window and the controller.

:func:`create_app` builds everything without entering the Tk main loop, so the GUI
tests can drive the app; :func:`run_gui` is what ``python -m level0.note_manager``
calls. A database that cannot be opened gets a dialog (and the error is raised
on, for the CLI to print); nothing is written to it.
"""

from __future__ import annotations

import tkinter as tk
from dataclasses import dataclass
from pathlib import Path
from tkinter import messagebox
from typing import Literal

from level0.note_manager.autosave import AUTOSAVE_MS
from level0.note_manager.controller import POLL_MS, NoteController
from level0.note_manager.store import NoteStore, StoreError
from level0.note_manager.view import TkNoteView

__all__ = ["NoAppDisplay", "NoteApp", "create_app", "run_gui"]


class NoAppDisplay(RuntimeError):
    """Tk could not open a window (no X display)."""


@dataclass
class NoteApp:
    """A running note manager: the parts, for code (and tests) that drive it."""

    root: tk.Tk
    store: NoteStore
    view: TkNoteView
    controller: NoteController

    def close(self) -> None:
        """Save what can be saved, then close the window and the database."""
        self.controller.save_now()
        self.root.destroy()
        self.store.close()


def create_app(
    db_path: str | Path,
    search: Literal["auto", "fts5", "like"] = "auto",
    autosave_ms: int = AUTOSAVE_MS,
    timeout: float = 2.0,
    poll_ms: int = POLL_MS,
) -> NoteApp:
    """Open the store at ``db_path`` and build the window (not yet in the main loop).

    ``timeout`` is how long a save waits for another program's lock before the
    error dialog appears; every ``poll_ms`` the window shows what another program (the
    CLI) changed in the database meanwhile.
    """
    try:
        root = tk.Tk()
    except tk.TclError as exc:
        raise NoAppDisplay(
            f"cannot open a window ({exc}); the add, list and search commands work without a display"
        ) from exc
    try:
        store = NoteStore(db_path, search=search, timeout=timeout)
    except StoreError as exc:
        root.withdraw()
        messagebox.showerror("Cannot open the notes", str(exc), parent=root)
        root.destroy()
        raise
    view = TkNoteView(root, title=f"Notes - {Path(db_path).name}")
    controller = NoteController(store, view, autosave_ms, poll_ms)
    view.bind(controller)
    controller.start()
    return NoteApp(root, store, view, controller)


def run_gui(
    db_path: str | Path,
    search: Literal["auto", "fts5", "like"] = "auto",
    timeout: float = 2.0,
) -> None:
    """Run the note manager until its window is closed."""
    app = create_app(db_path, search, timeout=timeout)
    try:
        app.root.mainloop()
    finally:
        app.store.close()
