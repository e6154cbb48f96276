"""The Tk window: a search box, the list of notes, and an editor (title, tags, body).

The view shows what it is told and reports what the user does to the controller;
it makes no decisions and never touches the store. Widgets are public attributes
so the GUI tests can type into them and press them.
"""

from __future__ import annotations

import tkinter as tk
from collections.abc import Callable
from tkinter import messagebox, ttk
from typing import TYPE_CHECKING, Any, Literal

from level0.note_manager.store import Note

if TYPE_CHECKING:
    from level0.note_manager.controller import EditorContent, NoteController

__all__ = ["TkNoteView"]


class TkNoteView:
    """The note manager's main window, built inside ``root``."""

    def __init__(self, root: tk.Tk, title: str = "Notes") -> None:
        self.root = root
        self.controller: NoteController | None = None
        self._ids: list[int] = []
        root.title(title)
        root.geometry("900x560")
        root.minsize(600, 360)

        top = ttk.Frame(root, padding=(8, 8, 8, 4))
        top.pack(fill="x")
        ttk.Label(top, text="Search").pack(side="left")
        self.search_var = tk.StringVar(root)
        self.search_entry = ttk.Entry(top, textvariable=self.search_var)
        self.search_entry.pack(side="left", fill="x", expand=True, padx=(6, 12))
        self.new_button = ttk.Button(top, text="New note")
        self.new_button.pack(side="left")
        self.delete_button = ttk.Button(top, text="Delete")
        self.delete_button.pack(side="left", padx=(6, 0))

        panes = ttk.PanedWindow(root, orient="horizontal")
        panes.pack(fill="both", expand=True, padx=8)
        self.note_list = tk.Listbox(panes, exportselection=False, activestyle="none", width=32)
        panes.add(self.note_list, weight=1)

        editor = ttk.Frame(panes, padding=(8, 0, 0, 0))
        panes.add(editor, weight=3)
        editor.columnconfigure(1, weight=1)
        editor.rowconfigure(2, weight=1)
        ttk.Label(editor, text="Title").grid(row=0, column=0, sticky="w", padx=(0, 6))
        self.title_var = tk.StringVar(root)
        self.title_entry = ttk.Entry(editor, textvariable=self.title_var)
        self.title_entry.grid(row=0, column=1, sticky="ew", pady=2)
        ttk.Label(editor, text="Tags").grid(row=1, column=0, sticky="w", padx=(0, 6))
        self.tags_var = tk.StringVar(root)
        self.tags_entry = ttk.Entry(editor, textvariable=self.tags_var)
        self.tags_entry.grid(row=1, column=1, sticky="ew", pady=2)
        self.body_text = tk.Text(editor, wrap="word", undo=True, height=10)
        self.body_text.grid(row=2, column=0, columnspan=2, sticky="nsew", pady=(4, 0))

        self.status_var = tk.StringVar(root)
        ttk.Label(root, textvariable=self.status_var, anchor="w", padding=(8, 4)).pack(fill="x")

    def bind(self, controller: NoteController) -> None:
        """Send the window's events to ``controller``."""
        self.controller = controller
        self.search_var.trace_add("write", lambda *_: controller.on_search())
        self.title_var.trace_add("write", lambda *_: controller.on_edit())
        self.tags_var.trace_add("write", lambda *_: controller.on_edit())
        self.body_text.bind("<<Modified>>", self._body_modified)
        self.note_list.bind("<<ListboxSelect>>", self._selected)
        self.new_button.configure(command=controller.on_new)
        self.delete_button.configure(command=controller.on_delete)
        self.root.bind("<Control-n>", lambda _e: controller.on_new())
        self.root.bind("<Control-s>", lambda _e: controller.save_now())
        self.root.bind("<Control-f>", lambda _e: self.search_entry.focus_set())
        self.root.protocol("WM_DELETE_WINDOW", self.close)

    def close(self) -> None:
        """The window's close button: the controller saves first (or asks)."""
        if self.controller is None or self.controller.on_close():
            self.root.destroy()

    def _body_modified(self, _event: tk.Event[Any]) -> None:
        if self.body_text.edit_modified():
            self.body_text.edit_modified(
                False
            )  # re-arm: Tk sends <<Modified>> only when the flag flips
            if self.controller is not None:
                self.controller.on_edit()

    def _selected(self, _event: tk.Event[Any]) -> None:
        chosen = self.note_list.curselection()  # type: ignore[no-untyped-call]  # untyped in typeshed
        if chosen and self.controller is not None:
            self.controller.on_select(self._ids[chosen[0]])

    # --- the NoteView protocol ----------------------------------------------------------------

    def search_text(self) -> str:
        return self.search_var.get()

    def show_list(self, notes: list[Note], selected: int | None) -> None:
        self._ids = [n.id for n in notes]
        self.note_list.delete(0, "end")
        for note in notes:
            tags = f"  [{', '.join(note.tags)}]" if note.tags else ""
            self.note_list.insert("end", f"{note.title or '(untitled)'}{tags}")
        if selected in self._ids:
            index = self._ids.index(selected)
            self.note_list.selection_set(index)
            self.note_list.see(index)

    def show_note(self, note: Note | None) -> None:
        state: Literal["normal", "disabled"] = "normal" if note is not None else "disabled"
        self.title_var.set(note.title if note else "")
        self.tags_var.set(", ".join(note.tags) if note else "")
        self.body_text.configure(state="normal")
        self.body_text.delete("1.0", "end")
        self.body_text.insert("1.0", note.body if note else "")
        self.body_text.edit_reset()  # undo history belongs to one note
        self.body_text.configure(state=state)
        for widget in (self.title_entry, self.tags_entry, self.delete_button):
            widget.configure(state=state)

    def read_editor(self) -> EditorContent:
        return (self.title_var.get(), self.tags_var.get(), self.body_text.get("1.0", "end-1c"))

    def set_status(self, text: str) -> None:
        self.status_var.set(text)

    def show_error(self, title: str, message: str) -> None:
        messagebox.showerror(title, message, parent=self.root)

    def confirm(self, title: str, question: str) -> bool:
        return bool(messagebox.askyesno(title, question, parent=self.root))

    def schedule(self, delay_ms: int, callback: Callable[[], None]) -> str:
        return self.root.after(delay_ms, callback)

    def cancel(self, handle: str) -> None:
        self.root.after_cancel(handle)
