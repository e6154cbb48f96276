"""The controller: what happens when the user types, searches, picks, adds or deletes a note.

It talks to the model (:class:`~level0.note_manager.store.NoteStore`) and to a
:class:`NoteView`, a small protocol that the Tk window implements. The view only
shows things and reports events; every decision is made here, so the behaviour is
tested with a fake view and no display, and the Tk tests only check the wiring.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from level0.note_manager.autosave import AUTOSAVE_MS, Autosaver
from level0.note_manager.store import Note, NoteStore, StoreError, parse_tags

__all__ = ["POLL_MS", "EditorContent", "NoteController", "NoteView"]

POLL_MS = 1000
"""How often the window looks for notes another program (the CLI) added, changed or deleted."""

EditorContent = tuple[str, str, str]
"""What the editor shows: (title, tags as typed, body)."""


class NoteView(Protocol):
    """What the controller needs from a window."""

    def search_text(self) -> str: ...
    def show_list(self, notes: list[Note], selected: int | None) -> None: ...
    def show_note(self, note: Note | None) -> None: ...
    def read_editor(self) -> EditorContent: ...
    def set_status(self, text: str) -> None: ...
    def show_error(self, title: str, message: str) -> None: ...
    def confirm(self, title: str, question: str) -> bool: ...
    def schedule(self, delay_ms: int, callback: Callable[[], None]) -> Any: ...
    def cancel(self, handle: Any) -> None: ...


def editor_content(note: Note) -> EditorContent:
    """How a stored note appears in the editor."""
    return (note.title, ", ".join(note.tags), note.body)


class NoteController:
    """Keeps the view and the store in step; the current note autosaves after ``autosave_ms``."""

    def __init__(
        self,
        store: NoteStore,
        view: NoteView,
        autosave_ms: int = AUTOSAVE_MS,
        poll_ms: int = POLL_MS,
    ) -> None:
        self.store = store
        self.view = view
        self.poll_ms = poll_ms
        self._seen_version: int | None = None
        self.current: Note | None = None
        self._saved: EditorContent | None = None  # the editor content the store has
        self._error_shown = False
        self.autosaver = Autosaver(self.save, view.schedule, view.cancel, autosave_ms)

    @property
    def dirty(self) -> bool:
        """Whether the editor holds changes the store does not have yet."""
        return self.current is not None and self.view.read_editor() != self._saved

    def start(self) -> None:
        """Fill the list and open the first note in it (an empty, disabled editor if there is none)."""
        self._seen_version = self._data_version()
        notes = self.refresh()
        self._open(notes[0] if notes else None)
        self.view.schedule(self.poll_ms, self.poll)

    def poll(self) -> None:
        """Refresh the list if another program changed the database since the last look.

        The GUI calls this every ``poll_ms``; it costs one ``PRAGMA data_version``, so a
        note added with ``python -m level0.note_manager add`` appears within a second.
        The editor is left alone: the note being typed is not reloaded.
        """
        version = self._data_version()
        if version is not None and version != self._seen_version:
            self._seen_version = version
            unsaved = self.dirty
            self.refresh()
            if unsaved:
                self.view.set_status("Unsaved changes")
        self.view.schedule(self.poll_ms, self.poll)

    def _data_version(self) -> int | None:
        try:
            return self.store.data_version()
        except StoreError:  # a locked or vanished file: try again next time, no dialog
            return None

    def refresh(self) -> list[Note]:
        """Show the notes matching the search box (all notes when it is blank)."""
        query = self.view.search_text()
        try:
            notes = self.store.search(query)
        except StoreError as exc:
            self._report("Could not read the notes", exc)
            return []
        self._error_shown = False
        self.view.show_list(notes, self.current.id if self.current else None)
        found = f"{len(notes)} note{'s' * (len(notes) != 1)}"
        self.view.set_status(
            f"{found} matching {query.strip()!r} ({self.store.backend})" if query.strip() else found
        )
        return notes

    # --- events from the view ------------------------------------------------------------

    def on_search(self) -> None:
        self.refresh()

    def on_select(self, note_id: int) -> None:
        """Open another note, after saving the current one."""
        if self.current is not None and note_id == self.current.id:
            return
        if not self.save_now():
            self.refresh()  # the selection goes back to the note that could not be saved
            return
        try:
            note = self.store.get(note_id)
        except StoreError as exc:
            self._report("Could not open the note", exc)
            return
        self._open(note)

    def on_edit(self) -> None:
        """The editor changed: schedule a save if the content really differs from the stored note."""
        if self.dirty:
            self.view.set_status("Unsaved changes")
            self.autosaver.changed()

    def on_new(self) -> None:
        if not self.save_now():
            return
        try:
            note = self.store.create("Untitled")
        except StoreError as exc:
            self._report("Could not create a note", exc)
            return
        self._open(note)

    def on_delete(self) -> None:
        if self.current is None:
            return
        if not self.view.confirm(
            "Delete note", f"Delete {self.current.title!r}? This cannot be undone."
        ):
            return
        self.autosaver.cancel()
        try:
            self.store.delete(self.current.id)
        except StoreError as exc:
            self._report("Could not delete the note", exc)
            return
        self.current = None
        notes = self.refresh()
        self._open(notes[0] if notes else None)

    def on_close(self) -> bool:
        """Save before the window closes; if that fails, ask before losing the changes."""
        if self.save_now():
            return True
        return self.view.confirm(
            "Unsaved changes",
            "The note could not be saved (see the last message). Close anyway and lose the changes?",
        )

    # --- saving ------------------------------------------------------------------------------

    def save_now(self) -> bool:
        """Save at once instead of waiting for the autosave."""
        self.autosaver.cancel()
        return self.save()

    def save(self) -> bool:
        """Write the editor to the store if it changed; False (and a dialog) if that failed."""
        if self.current is None or not self.dirty:
            return True
        title, tags, body = self.view.read_editor()
        try:
            self.current = self.store.update(
                self.current.id, title=title, body=body, tags=parse_tags(tags)
            )
        except StoreError as exc:
            self.view.set_status(f"Not saved: {exc}")
            self._report(
                "Could not save the note",
                exc,
                "Your text is still in the editor; it is saved with your next change.",
            )
            return False
        self._saved = (title, tags, body)
        self._error_shown = False
        self.refresh()
        self.view.set_status("Saved")
        return True

    def _open(self, note: Note | None) -> None:
        self.autosaver.cancel()
        self.current = note
        self._saved = editor_content(note) if note else None
        self.view.show_note(note)
        self.refresh()

    def _report(self, title: str, exc: StoreError, advice: str = "") -> None:
        """One dialog per run of failures; the status bar keeps the latest message."""
        if not self._error_shown:
            self.view.show_error(title, f"{exc}\n\n{advice}".strip())
            self._error_shown = True
