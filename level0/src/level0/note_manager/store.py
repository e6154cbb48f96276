"""The model: notes with tags in one SQLite file, searched with FTS5 or, failing that, LIKE.

The store knows nothing about windows or commands: the GUI and the CLI both drive
it, and its tests need no display. Design choices worth reading for:

* every write is one ``BEGIN IMMEDIATE`` transaction, so a failure (a full disk,
  a lock held by another program) leaves the file as it was;
* the schema has a version (``PRAGMA user_version``) and is only created in an
  empty file: a database of another program, or from a newer version, is refused;
* a file that is not an intact SQLite database is reported (``PRAGMA quick_check``)
  before anything is written, so a damaged file is never made worse;
* full-text search uses an FTS5 index when this SQLite has the module, and plain
  ``LIKE`` otherwise (or when asked to, so the fallback is tested too).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = [
    "DatabaseCorrupt",
    "DatabaseLocked",
    "Note",
    "NoteNotFound",
    "NoteStore",
    "SearchBackend",
    "StoreError",
    "fts5_available",
    "parse_tags",
]

SearchBackend = Literal["fts5", "like"]
SCHEMA_VERSION = 1
_SCHEMA = (
    """CREATE TABLE notes (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        body TEXT NOT NULL DEFAULT '',
        created TEXT NOT NULL,
        updated TEXT NOT NULL
    )""",
    """CREATE TABLE note_tags (
        note_id INTEGER NOT NULL REFERENCES notes(id) ON DELETE CASCADE,
        tag TEXT NOT NULL,
        PRIMARY KEY (note_id, tag)
    )""",
    "CREATE INDEX note_tags_by_tag ON note_tags(tag)",
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
# The index holds a copy of each note's words; rowid = notes.id. The store keeps it in step.
_FTS_SCHEMA = "CREATE VIRTUAL TABLE notes_fts USING fts5(title, body, tags)"
_OWN_TABLES = {"notes", "note_tags", "meta", "notes_fts"}
# A note's tags in one column (space-separated), so reading N notes is one query, not N + 1.
_TAGS = "coalesce((SELECT group_concat(tg.tag, ' ') FROM note_tags tg WHERE tg.note_id = n.id), '')"
_COLUMNS = f"n.id, n.title, n.body, n.created, n.updated, {_TAGS}"


class StoreError(Exception):
    """The database cannot be used: locked, damaged, or not ours."""


class DatabaseLocked(StoreError):
    """Another program holds a lock on the database for longer than the timeout."""


class DatabaseCorrupt(StoreError):
    """The file is not an intact SQLite database; it is left exactly as it is."""


class NoteNotFound(StoreError, LookupError):
    """No note has this id."""


@dataclass(frozen=True)
class Note:
    """One note. ``created``/``updated`` are UTC ISO 8601 timestamps; tags are sorted and lowercase."""

    id: int
    title: str
    body: str
    tags: tuple[str, ...]
    created: str
    updated: str


def parse_tags(text: str | Iterable[str]) -> tuple[str, ...]:
    """``"Work, #ideas  work"`` -> ``("ideas", "work")``: split on commas and spaces, lowercase, no ``#``."""
    parts = (
        re.split(r"[,\s]+", text)
        if isinstance(text, str)
        else [p for t in text for p in re.split(r"[,\s]+", t)]
    )
    return tuple(sorted({p.lstrip("#").lower() for p in parts if p.lstrip("#")}))


def fts5_available(conn: sqlite3.Connection) -> bool:
    """Whether this SQLite can make FTS5 tables (tried in the temp schema, so the file is untouched)."""
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.fts5_probe USING fts5(x)")
    except sqlite3.OperationalError:
        return False
    conn.execute("DROP TABLE temp.fts5_probe")
    return True


def _check_id(note_id: int) -> None:
    """An id SQLite cannot even hold (outside 64-bit integers) names no note."""
    if not -(2**63) <= note_id < 2**63:
        raise NoteNotFound(f"no note with id {note_id} (ids are 1 to 2**63-1)")


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _words(query: str) -> list[str]:
    """The words of a search query: runs of letters and digits (as FTS5's tokenizer sees them)."""
    return re.findall(r"[^\W_]+", query.lower())


class NoteStore:
    """Notes in the SQLite file ``path`` (created if missing).

    ``search`` picks the search backend: ``"auto"`` (FTS5 where available),
    ``"fts5"`` (refuse to open without it) or ``"like"``. ``timeout`` is how many
    seconds to wait for another program's lock before raising :class:`DatabaseLocked`.
    """

    def __init__(
        self,
        path: str | Path,
        search: Literal["auto", "fts5", "like"] = "auto",
        timeout: float = 2.0,
    ) -> None:
        self.path = Path(path)
        if search not in {"auto", "fts5", "like"}:
            raise ValueError(f"search must be 'auto', 'fts5' or 'like', not {search!r}")
        with self._errors("open it"):
            # isolation_level=None: no implicit transactions; writes say BEGIN IMMEDIATE themselves.
            self._conn = sqlite3.connect(self.path, timeout=timeout, isolation_level=None)
        try:
            with self._errors("open it"):
                self._check_integrity()
                self._conn.execute("PRAGMA foreign_keys = ON")
                self._create_schema()
                has_fts5 = fts5_available(self._conn)
                if search == "fts5" and not has_fts5:
                    raise StoreError(
                        "this SQLite has no FTS5 module; open the store with search='like'"
                    )
                self.backend: SearchBackend = "fts5" if has_fts5 and search != "like" else "like"
                self._fts_index = has_fts5
                if has_fts5:
                    self._ensure_fts_index()
        except BaseException:
            self._conn.close()
            raise

    # --- opening --------------------------------------------------------------------------

    def _check_integrity(self) -> None:
        problems = [row[0] for row in self._conn.execute("PRAGMA quick_check")]
        if problems != ["ok"]:
            lines = [line for line in str(problems[0]).splitlines() if not line.startswith("***")]
            raise DatabaseCorrupt(
                f"{self.path} is damaged ({lines[0] if lines else problems[0]}); it was not changed. "
                "Restore it from a backup, or recover it with: sqlite3 FILE .recover"
            )

    def _create_schema(self) -> None:
        version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was made by a newer note manager (schema {version}); upgrade to open it"
            )
        with self._transaction():
            tables = {
                row[0]
                for row in self._conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            if tables - _OWN_TABLES:
                raise StoreError(
                    f"{self.path} is a database of another program (tables: {', '.join(sorted(tables))}); not touching it"
                )
            for statement in _SCHEMA:
                self._conn.execute(statement)
            self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    def _ensure_fts_index(self) -> None:
        """Create the FTS5 index if missing, and rebuild it if notes changed while it could not be kept."""
        exists = self._conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'notes_fts'"
        ).fetchone()
        stale = self._conn.execute("SELECT 1 FROM meta WHERE key = 'fts_stale'").fetchone()
        if exists and not stale:
            return
        with self._transaction():
            if not exists:
                self._conn.execute(_FTS_SCHEMA)
            self._conn.execute("DELETE FROM notes_fts")
            self._conn.execute(
                f"INSERT INTO notes_fts (rowid, title, body, tags) SELECT n.id, n.title, n.body, {_TAGS} FROM notes n"
            )
            self._conn.execute("DELETE FROM meta WHERE key = 'fts_stale'")

    # --- plumbing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Turn SQLite's errors into :class:`StoreError` with a message a person can act on."""
        try:
            yield
        except sqlite3.Error as exc:
            name = getattr(exc, "sqlite_errorname", "") or ""
            if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
                raise DatabaseLocked(
                    f"{self.path} is locked by another program (another note manager?), "
                    f"so could not {action}; close it and try again"
                ) from exc
            if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
                raise DatabaseCorrupt(
                    f"{self.path} is not a readable SQLite database ({exc}); it was not changed. "
                    "Restore it from a backup or choose another file"
                ) from exc
            raise StoreError(f"{self.path}: could not {action}: {exc}") from exc

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One all-or-nothing write: BEGIN IMMEDIATE takes the write lock up front."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    def _index(self, conn: sqlite3.Connection, note_id: int) -> None:
        """Bring the FTS5 row of ``note_id`` up to date (or mark the index stale without FTS5)."""
        if not self._fts_index:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('fts_stale', '1')")
            return
        conn.execute("DELETE FROM notes_fts WHERE rowid = ?", (note_id,))
        row = conn.execute(
            f"SELECT n.title, n.body, {_TAGS} FROM notes n WHERE n.id = ?", (note_id,)
        ).fetchone()
        if row is not None:
            conn.execute(
                "INSERT INTO notes_fts (rowid, title, body, tags) VALUES (?, ?, ?, ?)",
                (note_id, *row),
            )

    def _query(self, sql: str, params: Iterable[object] = ()) -> list[Note]:
        """Notes for a query that selects ``_COLUMNS``, in the query's order."""
        with self._errors("read the notes"):
            rows = self._conn.execute(sql, tuple(params)).fetchall()
        return [Note(r[0], r[1], r[2], tuple(sorted(r[5].split())), r[3], r[4]) for r in rows]

    # --- the public API ------------------------------------------------------------------------------

    def create(self, title: str, body: str = "", tags: str | Iterable[str] = ()) -> Note:
        """Add a note; returns it with its new id."""
        return self.get(self.create_many([(title, body, tags)])[0])

    def create_many(self, notes: Iterable[tuple[str, str, str | Iterable[str]]]) -> list[int]:
        """Add many ``(title, body, tags)`` notes in one transaction (all or none); returns their ids.

        One transaction is one wait for the disk, so an import of thousands of notes
        takes moments instead of minutes.
        """
        now = _now()
        ids = []
        with self._errors("save the notes"), self._transaction() as conn:
            for title, body, tags in notes:
                cursor = conn.execute(
                    "INSERT INTO notes (title, body, created, updated) VALUES (?, ?, ?, ?)",
                    (title, body, now, now),
                )
                note_id = int(cursor.lastrowid or 0)
                conn.executemany(
                    "INSERT INTO note_tags (note_id, tag) VALUES (?, ?)",
                    [(note_id, t) for t in parse_tags(tags)],
                )
                self._index(conn, note_id)
                ids.append(note_id)
        return ids

    def get(self, note_id: int) -> Note:
        """The note with this id, or :class:`NoteNotFound`."""
        _check_id(note_id)
        found = self._query(f"SELECT {_COLUMNS} FROM notes n WHERE n.id = ?", (note_id,))
        if not found:
            raise NoteNotFound(f"no note with id {note_id}")
        return found[0]

    def update(
        self,
        note_id: int,
        *,
        title: str | None = None,
        body: str | None = None,
        tags: str | Iterable[str] | None = None,
    ) -> Note:
        """Change the given fields; ``updated`` moves only if something really changed."""
        old = self.get(note_id)
        new_tags = old.tags if tags is None else parse_tags(tags)
        new = (old.title if title is None else title, old.body if body is None else body, new_tags)
        if new == (old.title, old.body, old.tags):
            return old
        with self._errors("save the note"), self._transaction() as conn:
            conn.execute(
                "UPDATE notes SET title = ?, body = ?, updated = ? WHERE id = ?",
                (new[0], new[1], _now(), note_id),
            )
            conn.execute("DELETE FROM note_tags WHERE note_id = ?", (note_id,))
            conn.executemany(
                "INSERT INTO note_tags (note_id, tag) VALUES (?, ?)",
                [(note_id, t) for t in new_tags],
            )
            self._index(conn, note_id)
        return self.get(note_id)

    def delete(self, note_id: int) -> None:
        """Remove a note and its tags, or raise :class:`NoteNotFound`."""
        _check_id(note_id)
        with self._errors("delete the note"), self._transaction() as conn:
            if conn.execute("DELETE FROM notes WHERE id = ?", (note_id,)).rowcount == 0:
                raise NoteNotFound(f"no note with id {note_id}")
            self._index(conn, note_id)

    def notes(self, tag: str | None = None) -> list[Note]:
        """All notes (or those with ``tag``), most recently changed first."""
        if tag is None:
            return self._query(f"SELECT {_COLUMNS} FROM notes n ORDER BY n.updated DESC, n.id DESC")
        return self._query(
            f"SELECT {_COLUMNS} FROM notes n JOIN note_tags nt ON nt.note_id = n.id "
            "WHERE nt.tag = ? ORDER BY n.updated DESC, n.id DESC",
            parse_tags(tag)[:1] or ("",),
        )

    def search(self, query: str) -> list[Note]:
        """Notes whose title, body or tags contain every word of ``query``; all notes for a blank query.

        FTS5 matches words that *start* with each query word (``plan`` finds
        ``planning``), ignores accents and ranks by relevance (bm25). LIKE matches each
        word *anywhere* (``lan`` finds ``planning``), folds case for ASCII only and
        sorts by last change. For whole words both find the same notes.
        """
        if not query.strip():
            return self.notes()
        words = _words(query)
        if not words:
            return []
        if self.backend == "fts5":
            match = " ".join(
                f'"{w}"*' for w in words
            )  # each word a quoted prefix: no FTS5 syntax from users
            return self._query(
                f"SELECT {_COLUMNS} FROM notes_fts f JOIN notes n ON n.id = f.rowid "
                "WHERE notes_fts MATCH ? ORDER BY f.rank, n.id",
                (match,),
            )
        condition = (
            "(n.title LIKE ?1 OR n.body LIKE ?1 OR EXISTS "
            "(SELECT 1 FROM note_tags t WHERE t.note_id = n.id AND t.tag LIKE ?1))"
        )
        clauses = " AND ".join(condition.replace("?1", f"?{i}") for i in range(1, len(words) + 1))
        return self._query(
            f"SELECT {_COLUMNS} FROM notes n WHERE {clauses} ORDER BY n.updated DESC, n.id DESC",
            [f"%{w}%" for w in words],
        )

    def tags(self) -> list[tuple[str, int]]:
        """Every tag with the number of notes that have it, alphabetically."""
        with self._errors("read the tags"):
            return [
                (r[0], r[1])
                for r in self._conn.execute(
                    "SELECT tag, count(*) FROM note_tags GROUP BY tag ORDER BY tag"
                )
            ]

    def __len__(self) -> int:
        with self._errors("count the notes"):
            return int(self._conn.execute("SELECT count(*) FROM notes").fetchone()[0])

    def data_version(self) -> int:
        """A number that changes when another connection (the CLI, another window) commits.

        SQLite's ``PRAGMA data_version``: cheap, and blind to this store's own writes.
        """
        with self._errors("check for changes"):
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def close(self) -> None:
        """Close the connection (every change is already committed)."""
        self._conn.close()

    def __enter__(self) -> NoteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
