"""The controller and the autosave, driven through a fake view and a fake clock: no display needed."""

from __future__ import annotations

import sqlite3

import pytest


class FakeClock:
    """``schedule``/``cancel`` like Tk's ``after``, advanced by hand."""

    def __init__(self) -> None:
        self.now = 0
        self.jobs: dict[int, tuple[int, object]] = {}
        self._next = 0

    def schedule(self, delay_ms, callback):
        self._next += 1
        self.jobs[self._next] = (self.now + delay_ms, callback)
        return self._next

    def cancel(self, handle):
        self.jobs.pop(handle, None)

    def advance(self, ms):
        self.now += ms
        for handle, (due, callback) in sorted(self.jobs.items(), key=lambda item: item[1][0]):
            if due <= self.now and handle in self.jobs:
                del self.jobs[handle]
                callback()


class FakeView:
    """Records what the controller shows; the test plays the user by setting ``editor``."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.query = ""
        self.listed: list = []
        self.selected = None
        self.editor = ("", "", "")
        self.status = ""
        self.errors: list[tuple[str, str]] = []
        self.answer = True

    def search_text(self):
        return self.query

    def show_list(self, notes, selected):
        self.listed, self.selected = list(notes), selected

    def show_note(self, note):
        self.editor = (note.title, ", ".join(note.tags), note.body) if note else ("", "", "")

    def read_editor(self):
        return self.editor

    def set_status(self, text):
        self.status = text

    def show_error(self, title, message):
        self.errors.append((title, message))

    def confirm(self, title, question):
        return self.answer

    def schedule(self, delay_ms, callback):
        return self.clock.schedule(delay_ms, callback)

    def cancel(self, handle):
        self.clock.cancel(handle)


@pytest.fixture
def parts(solution, tmp_path):
    nm = solution("level0.note_manager")
    store = nm.NoteStore(tmp_path / "notes.sqlite3", timeout=0.05)
    store.create("First", "one", ["a"])
    store.create("Second", "two", ["b"])
    clock = FakeClock()
    view = FakeView(clock)
    controller = nm.NoteController(store, view, autosave_ms=500)
    controller.start()
    yield store, view, controller, clock
    store.close()


def type_into(view, controller, title=None, tags=None, body=None):
    old = view.editor
    view.editor = (
        title if title is not None else old[0],
        tags if tags is not None else old[1],
        body if body is not None else old[2],
    )
    controller.on_edit()


def test_start_lists_the_notes_and_opens_the_latest(parts):
    _store, view, controller, _ = parts
    assert [n.title for n in view.listed] == ["Second", "First"]
    assert view.editor == ("Second", "b", "two")
    assert view.selected == controller.current.id
    assert view.status == "2 notes"


def test_autosave_waits_for_a_pause_in_typing(parts):
    store, view, controller, clock = parts
    note_id = controller.current.id
    type_into(view, controller, body="tw")
    clock.advance(400)
    type_into(view, controller, body="two and more")
    clock.advance(400)
    assert store.get(note_id).body == "two"  # still typing: not saved yet
    assert view.status == "Unsaved changes"
    clock.advance(100)
    assert store.get(note_id).body == "two and more"
    assert view.status == "Saved"
    assert not controller.dirty


def test_an_edit_back_to_the_saved_text_is_not_a_change(parts):
    store, view, controller, clock = parts
    before = store.get(controller.current.id)
    type_into(view, controller, body="two")
    assert not controller.autosaver.pending
    clock.advance(1000)
    assert store.get(before.id) == before


def test_switching_notes_saves_the_current_one_first(parts):
    store, view, controller, _ = parts
    second = controller.current.id
    type_into(view, controller, title="Second, renamed", tags="b, new")
    first = next(n.id for n in view.listed if n.title == "First")
    controller.on_select(first)
    assert store.get(second).title == "Second, renamed"
    assert store.get(second).tags == ("b", "new")
    assert view.editor == ("First", "a", "one")


def test_search_filters_the_list(parts):
    _, view, controller, _ = parts
    view.query = "one"
    controller.on_search()
    assert [n.title for n in view.listed] == ["First"]
    assert "1 note matching 'one'" in view.status


def test_new_and_delete(parts):
    store, view, controller, _ = parts
    controller.on_new()
    assert view.editor[0] == "Untitled"
    assert len(store) == 3
    view.answer = False
    controller.on_delete()
    assert len(store) == 3
    view.answer = True
    controller.on_delete()
    assert len(store) == 2
    assert view.editor[0] == "Second"


def test_close_saves_a_pending_edit(parts):
    store, view, controller, _ = parts
    type_into(view, controller, body="last words")
    assert controller.on_close()
    assert store.get(controller.current.id).body == "last words"


def test_a_locked_database_shows_one_dialog_and_keeps_the_text(parts):
    store, view, controller, clock = parts
    note_id = controller.current.id
    other = sqlite3.connect(store.path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        type_into(view, controller, body="typed while locked")
        clock.advance(500)
        type_into(view, controller, body="typed while locked, more")
        clock.advance(500)
        assert len(view.errors) == 1  # one dialog, not one per autosave
        assert "locked by another program" in view.errors[0][1]
        assert view.status.startswith("Not saved:")
        assert view.editor[2] == "typed while locked, more"
        view.answer = False
        assert controller.on_close() is False  # the user chose not to lose the text
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert controller.on_close()
    assert store.get(note_id).body == "typed while locked, more"


def test_autosaver_debounces_and_flushes(solution):
    nm = solution("level0.note_manager")
    clock = FakeClock()
    saves = []
    saver = nm.Autosaver(
        lambda: saves.append(clock.now), clock.schedule, clock.cancel, delay_ms=100
    )
    for _ in range(5):
        saver.changed()
        clock.advance(60)
    assert saves == []
    clock.advance(40)
    assert saves == [340]
    saver.flush()
    assert saves == [340]  # nothing pending: flush does not save
    saver.changed()
    saver.flush()
    assert saves == [340, 340]
    assert not saver.pending


def test_notes_added_by_another_program_appear_on_the_next_poll(solution, tmp_path):
    """Issue 10: the window did not show notes added from the CLI while it was open."""
    nm = solution("level0.note_manager")
    with nm.NoteStore(tmp_path / "notes.sqlite3") as store:
        store.create("First", "one")
        clock = FakeClock()
        view = FakeView(clock)
        controller = nm.NoteController(store, view, autosave_ms=500, poll_ms=100)
        controller.start()
        type_into(view, controller, body="one and a half")  # unsaved typing must survive
        with nm.NoteStore(tmp_path / "notes.sqlite3") as cli:  # the CLI: another connection
            cli.create("From the CLI", "added while the window is open")
        assert [n.title for n in view.listed] == ["First"]
        clock.advance(100)
        assert [n.title for n in view.listed] == ["From the CLI", "First"]
        assert view.editor == ("First", "", "one and a half")
        assert view.status == "Unsaved changes"
        shown = view.listed
        clock.advance(100)  # nothing changed since: no refresh
        assert view.listed is shown
        clock.advance(300)  # the autosave: this store's own write does not count as a change
        assert store.get(controller.current.id).body == "one and a half"
        shown = view.listed
        clock.advance(100)
        assert view.listed is shown
