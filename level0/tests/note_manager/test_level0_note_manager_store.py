"""The model, without a display: notes, tags, both search backends, and damaged or locked files."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st


@pytest.fixture(params=["auto", "like"])
def store(request, solution, tmp_path):
    nm = solution("level0.note_manager")
    with nm.NoteStore(tmp_path / "notes.sqlite3", search=request.param) as opened:
        yield opened


def test_the_backend_is_fts5_unless_like_is_forced(store, request):
    assert store.backend == ("like" if request.node.callspec.params["store"] == "like" else "fts5")


def test_create_get_update_delete(solution, store):
    nm = solution("level0.note_manager")
    note = store.create("Groceries", "eggs, milk", tags=["Home", "#shopping", "home"])
    assert store.get(note.id) == note
    assert note.tags == ("home", "shopping")
    edited = store.update(note.id, body="eggs, milk, bread")
    assert (edited.title, edited.body, edited.tags) == (
        "Groceries",
        "eggs, milk, bread",
        ("home", "shopping"),
    )
    assert edited.updated >= note.updated
    assert edited.created == note.created
    store.delete(note.id)
    with pytest.raises(nm.NoteNotFound, match=f"no note with id {note.id}"):
        store.get(note.id)
    with pytest.raises(nm.NoteNotFound):
        store.delete(note.id)
    assert len(store) == 0


def test_an_update_that_changes_nothing_keeps_the_timestamp(store):
    note = store.create("Same", "text", "a b")
    assert store.update(note.id, title="Same", body="text", tags=["b", "a"]) == note


def test_tags_are_counted_and_filter_the_list(store):
    store.create("one", tags="work, ideas")
    store.create("two", tags="work")
    store.create("three")
    assert store.tags() == [("ideas", 1), ("work", 2)]
    assert [n.title for n in store.notes(tag="Work")] == ["two", "one"]
    assert [n.title for n in store.notes()] == ["three", "two", "one"]


def test_search_finds_title_body_and_tags(store):
    a = store.create("Python packaging", "wheels and sdists", ["tooling"])
    b = store.create("Groceries", "eggs, python-shaped pasta", ["home"])
    c = store.create("Taxes", "due in April", ["tooling"])
    assert {n.id for n in store.search("python")} == {a.id, b.id}
    assert {n.id for n in store.search("PYTHON eggs")} == {b.id}
    assert {n.id for n in store.search("tooling")} == {a.id, c.id}
    assert {n.id for n in store.search("pack")} == {a.id}  # a word prefix: both backends
    assert store.search("nothing-like-this") == []
    assert len(store.search("   ")) == 3  # a blank query lists everything


@pytest.mark.parametrize(
    "query", ['"', "AND", "a OR b", "NEAR(x y)", "col:val", "*", "-x", "^start", "(("]
)
def test_search_syntax_from_users_never_breaks_the_query(store, query):
    store.create("AND OR NEAR", "col:val -x ^start (( * a b x y")
    assert isinstance(store.search(query), list)


def test_the_backends_differ_only_as_documented(solution, tmp_path):
    nm = solution("level0.note_manager")
    with nm.NoteStore(tmp_path / "n.db") as fts:
        fts.create("Planning", "café menu")
        assert len(fts.search("plan")) == 1
        assert fts.search("lan") == []
        assert len(fts.search("cafe")) == 1  # FTS5 ignores accents
    with nm.NoteStore(tmp_path / "n.db", search="like") as like:
        assert len(like.search("lan")) == 1  # LIKE: anywhere in the text
        assert like.search("cafe") == []


WORDS = ["apple", "banana", "cherry", "grape", "lemon", "mango", "peach", "plum"]
notes_strategy = st.lists(
    st.tuples(
        st.lists(st.sampled_from(WORDS), max_size=3),
        st.lists(st.sampled_from(WORDS), max_size=6),
        st.lists(st.sampled_from(WORDS), max_size=2),
    ),
    max_size=8,
)


@settings(max_examples=15, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(notes=notes_strategy, query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=2))
def test_both_backends_agree_with_a_plain_python_oracle(solution, tmp_path_factory, notes, query):
    nm = solution("level0.note_manager")
    path = tmp_path_factory.mktemp("oracle") / "n.db"
    expected = set()
    with nm.NoteStore(path) as fts:
        for title, body, tags in notes:
            note = fts.create(" ".join(title), " ".join(body).title(), tags)
            if set(query) <= set(title) | set(body) | set(tags):
                expected.add(note.id)
        assert {n.id for n in fts.search(" ".join(query))} == expected
    with nm.NoteStore(path, search="like") as like:
        assert {n.id for n in like.search(" ".join(query))} == expected


@given(st.text())
def test_parse_tags_is_idempotent_and_clean(solution, text):
    parse = solution("level0.note_manager").parse_tags
    tags = parse(text)
    assert parse(", ".join(tags)) == tags
    assert all(
        t
        and t == t.lower()
        and not t.startswith("#")
        and "," not in t
        and not any(c.isspace() for c in t)
        for t in tags
    )


def test_notes_persist_across_reopening(solution, tmp_path):
    nm = solution("level0.note_manager")
    with nm.NoteStore(tmp_path / "n.db") as first:
        note = first.create("kept", "body", ["t"])
    with nm.NoteStore(tmp_path / "n.db") as second:
        assert second.get(note.id) == note


def test_an_index_missed_without_fts5_is_rebuilt(tmp_path, monkeypatch):
    from level0.note_manager import store as store_module

    with store_module.NoteStore(tmp_path / "n.db") as fts:
        fts.create("indexed", "first")
    monkeypatch.setattr(store_module, "fts5_available", lambda conn: False)
    with store_module.NoteStore(tmp_path / "n.db") as old_sqlite:
        assert old_sqlite.backend == "like"
        added = old_sqlite.create("missed", "written where FTS5 was missing")
        old_sqlite.update(1, body="changed")
        with pytest.raises(store_module.StoreError, match="no FTS5"):
            store_module.NoteStore(tmp_path / "n.db", search="fts5")
    monkeypatch.undo()
    with store_module.NoteStore(tmp_path / "n.db") as fts:
        assert fts.backend == "fts5"
        assert [n.id for n in fts.search("missing")] == [added.id]
        assert fts.search("first") == []
        assert [n.title for n in fts.search("changed")] == ["indexed"]


# --- damaged, locked and foreign files ------------------------------------------------------------


def test_a_file_that_is_not_a_database_is_refused_and_untouched(solution, tmp_path):
    nm = solution("level0.note_manager")
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"my important text, not a database\n" * 20)
    before = path.read_bytes()
    with pytest.raises(nm.DatabaseCorrupt, match="not a readable SQLite database"):
        nm.NoteStore(path)
    assert path.read_bytes() == before


def test_a_damaged_database_is_refused_and_untouched(solution, tmp_path):
    nm = solution("level0.note_manager")
    path = tmp_path / "notes.sqlite3"
    with nm.NoteStore(path) as store:
        for i in range(5):
            store.create(f"note {i}", "lorem ipsum " * 40, ["a"])
    data = bytearray(path.read_bytes())
    page = 4096  # SQLite's default page size; page 2 is the root of the first table (notes)
    data[page : page + 1500] = b"\xff" * 1500
    path.write_bytes(bytes(data))
    with pytest.raises(nm.DatabaseCorrupt, match="damaged"):
        nm.NoteStore(path)
    assert path.read_bytes() == bytes(data)


def test_a_locked_database_gives_a_clear_error_and_loses_nothing(solution, tmp_path):
    nm = solution("level0.note_manager")
    path = tmp_path / "notes.sqlite3"
    with nm.NoteStore(path) as store:
        store.create("before the lock")
    other = sqlite3.connect(path, isolation_level=None)
    try:
        other.execute("BEGIN EXCLUSIVE")  # another program writing: even readers must wait
        with pytest.raises(nm.DatabaseLocked, match="locked by another program"):
            nm.NoteStore(path, timeout=0.1)
        other.execute("ROLLBACK")
        with nm.NoteStore(path, timeout=0.1) as store:
            other.execute("BEGIN IMMEDIATE")  # another program holding the write lock
            assert [n.title for n in store.notes()] == ["before the lock"]  # reading still works
            with pytest.raises(nm.DatabaseLocked, match="could not save the note"):
                store.create("during the lock")
            other.execute("ROLLBACK")
            store.create("after the lock")
            assert [n.title for n in store.notes()] == ["after the lock", "before the lock"]
    finally:
        other.close()


def test_a_database_of_another_program_is_not_touched(solution, tmp_path):
    nm = solution("level0.note_manager")
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(nm.StoreError, match="another program"):
        nm.NoteStore(path)
    assert path.read_bytes() == before


def test_create_many_is_all_or_nothing(solution, store):
    nm = solution("level0.note_manager")
    ids = store.create_many([("one", "", "a"), ("two", "", ["b"])])
    assert [store.get(i).title for i in ids] == ["one", "two"]
    with pytest.raises(nm.StoreError, match="could not save the notes"):
        # the second note has no title: NOT NULL fails, and the first must not stay
        store.create_many([("three", "", ()), (None, "no title", ())])
    assert len(store) == 2
    assert store.search("three") == []
