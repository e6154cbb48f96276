"""The Tk window under a real X display (Xvfb): type, click, and check both the widgets and the store."""

from __future__ import annotations

import sqlite3
import time

import pytest

from level0.testing import skip_or_fail_in_ci

tk = pytest.importorskip("tkinter", reason="this Python has no tkinter")
messagebox = pytest.importorskip("tkinter.messagebox")


@pytest.fixture
def dialogs(monkeypatch):
    """Record message boxes instead of blocking on them; ``answers`` feeds askyesno."""
    shown: dict[str, list] = {"errors": [], "questions": [], "answers": []}
    monkeypatch.setattr(
        messagebox,
        "showerror",
        lambda title, message, **kw: shown["errors"].append((title, message)),
    )

    def ask(title, message, **kw):
        shown["questions"].append((title, message))
        return shown["answers"].pop(0) if shown["answers"] else True

    monkeypatch.setattr(messagebox, "askyesno", ask)
    return shown


@pytest.fixture
def make_app(x_display, dialogs, tmp_path):
    from level0.note_manager.app import NoAppDisplay, create_app

    apps = []

    def make(path=None, **kwargs):
        try:
            app = create_app(path or tmp_path / "notes.sqlite3", autosave_ms=50, **kwargs)
        except NoAppDisplay as exc:
            skip_or_fail_in_ci(f"no usable display: {exc}")
        app.root.update()
        apps.append(app)
        return app

    yield make
    for app in apps:
        if window_exists(app):
            app.close()
        else:
            app.store.close()


def window_exists(app):
    try:
        return bool(app.root.winfo_exists())
    except tk.TclError:  # the whole Tk application has been destroyed
        return False


def pump(app, until=lambda: True, timeout=5.0):
    """Run Tk's event loop until ``until()`` holds (or fail after ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    while True:
        app.root.update()
        if until():
            return
        if time.monotonic() > deadline:
            pytest.fail("the GUI did not get there in time")
        time.sleep(0.01)


def type_keys(app, widget, text):
    """Type ``text`` into ``widget`` as key presses (letters, digits and spaces)."""
    widget.focus_force()
    app.root.update()
    for char in text:
        widget.event_generate("<KeyPress>", keysym="space" if char == " " else char)
    app.root.update()


def listed(app):
    return list(app.view.note_list.get(0, "end"))


def test_the_window_shows_the_notes(make_app, tmp_path):
    from level0.note_manager import NoteStore

    with NoteStore(tmp_path / "notes.sqlite3") as store:
        store.create("Older", "first", ["x"])
        store.create("Newer", "second")
    app = make_app()
    assert listed(app) == ["Newer", "Older  [x]"]
    assert app.view.note_list.curselection() == (0,)
    assert app.view.title_var.get() == "Newer"
    assert app.view.body_text.get("1.0", "end-1c") == "second"
    assert app.view.status_var.get() == "2 notes"


def test_new_note_typing_and_autosave(make_app):
    app = make_app()
    assert listed(app) == []
    app.view.new_button.invoke()
    assert listed(app) == ["Untitled"]
    app.view.title_entry.delete(0, "end")
    type_keys(app, app.view.title_entry, "Trip")
    type_keys(app, app.view.tags_entry, "travel")
    type_keys(app, app.view.body_text, "pack the tent")
    note_id = app.controller.current.id
    pump(app, until=lambda: app.store.get(note_id).body == "pack the tent")
    note = app.store.get(note_id)
    assert (note.title, note.tags) == ("Trip", ("travel",))
    assert listed(app) == ["Trip  [travel]"]
    assert app.view.status_var.get() == "Saved"


def test_search_box_filters_the_list_and_selecting_opens_a_note(make_app, tmp_path):
    from level0.note_manager import NoteStore

    with NoteStore(tmp_path / "notes.sqlite3") as store:
        store.create("Groceries", "eggs and milk", ["home"])
        store.create("Reading list", "a book about SQLite", ["books"])
    app = make_app()
    type_keys(app, app.view.search_entry, "sqlite")
    assert listed(app) == ["Reading list  [books]"]
    assert "1 note matching 'sqlite' (fts5)" in app.view.status_var.get()
    app.view.search_var.set("")
    app.root.update()
    index = listed(app).index("Groceries  [home]")
    app.view.note_list.selection_clear(0, "end")
    app.view.note_list.selection_set(index)
    app.view.note_list.event_generate("<<ListboxSelect>>")
    app.root.update()
    assert app.view.title_var.get() == "Groceries"
    assert app.view.tags_var.get() == "home"


def test_delete_asks_first(make_app, dialogs, tmp_path):
    from level0.note_manager import NoteStore

    with NoteStore(tmp_path / "notes.sqlite3") as store:
        store.create("Keep me")
        store.create("Remove me")
    app = make_app()
    dialogs["answers"][:] = [False, True]
    app.view.delete_button.invoke()
    assert len(app.store) == 2
    app.view.delete_button.invoke()
    assert [n.title for n in app.store.notes()] == ["Keep me"]
    assert listed(app) == ["Keep me"]
    assert dialogs["questions"][0][1].startswith("Delete 'Remove me'?")


def test_closing_the_window_saves_the_last_keystrokes(make_app, tmp_path):
    from level0.note_manager import NoteStore

    app = make_app()
    app.view.new_button.invoke()
    type_keys(app, app.view.body_text, "unsaved")
    note_id = app.controller.current.id
    app.view.close()  # what the window manager's close button calls
    assert not window_exists(app)
    with NoteStore(tmp_path / "notes.sqlite3") as store:
        assert store.get(note_id).body == "unsaved"


def test_a_locked_database_gets_a_dialog_and_the_text_stays(make_app, dialogs, tmp_path):
    app = make_app(timeout=0.05)
    app.view.new_button.invoke()
    note_id = app.controller.current.id
    other = sqlite3.connect(tmp_path / "notes.sqlite3", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        type_keys(app, app.view.body_text, "precious")
        pump(app, until=lambda: dialogs["errors"])
        assert "locked by another program" in dialogs["errors"][0][1]
        assert app.view.body_text.get("1.0", "end-1c") == "precious"
        assert app.view.status_var.get().startswith("Not saved:")
    finally:
        other.execute("ROLLBACK")
        other.close()
    type_keys(app, app.view.body_text, " text")
    pump(app, until=lambda: app.store.get(note_id).body == "precious text")


def test_a_corrupt_database_gets_a_dialog_and_is_not_overwritten(x_display, dialogs, tmp_path):
    from level0.note_manager import DatabaseCorrupt
    from level0.note_manager.app import NoAppDisplay, create_app

    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"definitely not SQLite\n" * 50)
    before = path.read_bytes()
    try:
        with pytest.raises(DatabaseCorrupt):
            create_app(path)
    except NoAppDisplay as exc:
        skip_or_fail_in_ci(f"no usable display: {exc}")
    assert dialogs["errors"][0][0] == "Cannot open the notes"
    assert "not a readable SQLite database" in dialogs["errors"][0][1]
    assert path.read_bytes() == before


def test_a_note_added_from_the_cli_appears_in_the_open_window(make_app, tmp_path):
    """Issue 10: the window polls the database (PRAGMA data_version) for others' changes."""
    import subprocess
    import sys

    app = make_app(poll_ms=50)
    assert listed(app) == []
    db = str(tmp_path / "notes.sqlite3")
    added = subprocess.run(
        [sys.executable, "-m", "level0.note_manager", "--db", db, "add", "Milk", "--tag", "home"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert added.returncode == 0, added.stderr
    pump(app, until=lambda: listed(app) == ["Milk  [home]"])
    assert app.view.status_var.get() == "1 note"
