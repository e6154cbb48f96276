"""python -m level0.note_manager [--db PATH] [gui | add | list | search | show | edit | delete | tags]"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

import platformdirs

from level0.cli import Failure, UsageError, float_in, int_in, make_parser, run
from level0.note_manager.store import Note, NoteNotFound, NoteStore, StoreError

#: Note ids are SQLite INTEGER PRIMARY KEYs: 1 to 2**63-1. A larger number is a usage
#: error here, not an OverflowError from sqlite3.
NOTE_ID = int_in(1, 2**63 - 1)
MAX_LOCK_TIMEOUT = 3600.0


def default_db() -> Path:
    """Where notes live unless --db says otherwise (the user's data folder)."""
    return platformdirs.user_data_path("ml-roadmap") / "notes.sqlite3"


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level0.note_manager",
        "Notes with tags and full-text search in one SQLite file.\n"
        "Without a command it opens the window; the commands work without a display.",
        'python -m level0.note_manager --db notes.sqlite3 add "Groceries" --body "eggs, milk" --tag home',
    )
    parser.add_argument(
        "--db", type=Path, default=None, help=f"the notes database (default: {default_db()})"
    )
    parser.add_argument(
        "--search",
        choices=["auto", "fts5", "like"],
        default="auto",
        help="search backend: FTS5 where available (auto), or force one",
    )
    parser.add_argument(
        "--lock-timeout",
        type=float_in(0.0, MAX_LOCK_TIMEOUT),
        default=2.0,
        metavar="SECONDS",
        help="how long to wait for another program's lock, 0 to 3600 (default: 2)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.add_parser("gui", help="open the window (the default)")
    add = commands.add_parser("add", help="add a note; prints its id")
    add.add_argument("title")
    add.add_argument("--body", default="", help="the note's text ('-' reads it from stdin)")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    listing = commands.add_parser("list", help="list notes, most recently changed first")
    listing.add_argument("--tag", help="only notes with this tag")
    listing.add_argument("--json", action="store_true", help="print JSON")
    search = commands.add_parser("search", help="notes containing every word of QUERY")
    search.add_argument("query")
    search.add_argument("--json", action="store_true", help="print JSON")
    show = commands.add_parser("show", help="print one note")
    show.add_argument("id", type=NOTE_ID, help="the note's id (1 to 2**63-1)")
    show.add_argument("--json", action="store_true", help="print JSON")
    edit = commands.add_parser("edit", help="change a note's title, body or tags")
    edit.add_argument("id", type=NOTE_ID, help="the note's id (1 to 2**63-1)")
    edit.add_argument("--title")
    edit.add_argument("--body", help="the new text ('-' reads it from stdin)")
    edit.add_argument(
        "--tag", action="append", help="the new tags (repeat for more; replaces the old ones)"
    )
    delete = commands.add_parser("delete", help="delete a note")
    delete.add_argument("id", type=NOTE_ID, help="the note's id (1 to 2**63-1)")
    tags = commands.add_parser("tags", help="every tag with its number of notes")
    tags.add_argument("--json", action="store_true", help="print JSON")
    return parser


def handle(args: argparse.Namespace) -> int:
    db = args.db or default_db()
    if args.command in (None, "gui"):
        return _gui(db, args.search, args.lock_timeout)
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        with NoteStore(db, search=args.search, timeout=args.lock_timeout) as store:
            return _command(store, args)
    except NoteNotFound as exc:
        raise UsageError(str(exc)) from exc
    except StoreError as exc:
        raise Failure(str(exc)) from exc


def _command(store: NoteStore, args: argparse.Namespace) -> int:
    if args.command == "add":
        note = store.create(args.title, _text(args.body), args.tag)
        print(note.id)
    elif args.command == "list":
        _print_notes(store.notes(tag=args.tag), args.json)
    elif args.command == "search":
        _print_notes(store.search(args.query), args.json)
    elif args.command == "show":
        note = store.get(args.id)
        if args.json:
            print(json.dumps(asdict(note), indent=2, ensure_ascii=False))
        else:
            print(
                f"# {note.title}\ntags: {', '.join(note.tags) or '-'}\nupdated: {note.updated}\n\n{note.body}"
            )
    elif args.command == "edit":
        body = None if args.body is None else _text(args.body)
        store.update(args.id, title=args.title, body=body, tags=args.tag)
    elif args.command == "delete":
        store.delete(args.id)
    elif args.command == "tags":
        counts = store.tags()
        if args.json:
            print(json.dumps(dict(counts), indent=2, ensure_ascii=False))
        else:
            for tag, count in counts:
                print(f"{count:>5}  {tag}")
    return 0


def _text(value: str) -> str:
    return sys.stdin.read() if value == "-" else value


def _print_notes(notes: list[Note], as_json: bool) -> None:
    if as_json:
        print(json.dumps([asdict(n) for n in notes], indent=2, ensure_ascii=False))
        return
    if not notes:
        print("(no notes)")
        return
    width = max(2, *(len(str(n.id)) for n in notes))
    print(f"{'id':>{width}}  {'updated':<16}  {'tags':<20}  title")
    for note in notes:
        tags = ", ".join(note.tags)
        print(
            f"{note.id:>{width}}  {note.updated[:16].replace('T', ' '):<16}  {tags:<20}  {note.title}"
        )


def _gui(db: Path, search: str, timeout: float) -> int:
    try:
        from level0.note_manager.app import NoAppDisplay, run_gui
    except ImportError as exc:  # Python built without tkinter
        raise Failure(f"the GUI needs tkinter ({exc}); the commands work without it") from exc
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        run_gui(db, search, timeout)  # type: ignore[arg-type]
    except NoAppDisplay as exc:
        raise Failure(str(exc)) from exc
    except StoreError as exc:
        raise Failure(str(exc)) from exc
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
