"""taskman: the command line (``taskman`` or ``python -m level0.task_manager``).

Each command is a small function ``cmd_<name>(args, store)``: parse what the user
typed, ask the store or the query functions, print. Errors from the model and the
store become one-line messages here: bad dates and unknown ids are usage errors
(exit 2), an unusable store is a failure (exit 1).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from level0.cli import Failure, UsageError, make_parser, run
from level0.task_manager.model import (
    InvalidInput,
    Task,
    TaskNotFound,
    parse_due,
    parse_id,
    parse_priority,
    parse_tag,
)
from level0.task_manager.queries import (
    SORT_KEYS,
    Status,
    format_table,
    search_tasks,
    select_tasks,
    sort_tasks,
    tasks_to_csv,
    write_csv,
)
from level0.task_manager.store import ENV_VAR, StoreError, TaskStore, default_store_path

Command = Callable[[argparse.Namespace, TaskStore], None]


def describe(task: Task) -> str:
    """``#3 buy milk (high, due 2025-05-01, +home)``: one task on one line."""
    details = [task.priority.value]
    if task.due:
        details.append(f"due {task.due.isoformat()}")
    details += [f"+{tag}" for tag in task.tags]
    return f"#{task.id} {task.title} ({', '.join(details)})"


def cmd_add(args: argparse.Namespace, store: TaskStore) -> None:
    priority = parse_priority(args.priority)
    due = parse_due(args.due) if args.due else None
    with store.change() as change:
        task = change.book.add(" ".join(args.title), priority, due, args.tag)
        change.description = f"add #{task.id} {task.title!r}"
    print(f"added {describe(task)}")


def cmd_list(args: argparse.Namespace, store: TaskStore) -> None:
    status: Status = "all" if args.all else "done" if args.done else "open"
    tasks = select_tasks(
        store.read().tasks,
        status=status,
        tags=[parse_tag(t) for t in args.tag],
        priority=parse_priority(args.priority) if args.priority else None,
        due_before=parse_due(args.due_before) if args.due_before else None,
    )
    show(sort_tasks(tasks, args.sort), args.json, empty=f"no {status} tasks")


def cmd_search(args: argparse.Namespace, store: TaskStore) -> None:
    text = " ".join(args.text)
    tasks = search_tasks(select_tasks(store.read().tasks, status="all"), text)
    show(tasks, args.json, empty=f"nothing matches {text!r}")


def show(tasks: list[Task], as_json: bool, empty: str) -> None:
    if as_json:
        print(json.dumps([task.to_dict() for task in tasks], indent=2, ensure_ascii=False))
    elif tasks:
        print(format_table(tasks))
    else:
        print(empty)


def cmd_done(args: argparse.Namespace, store: TaskStore) -> None:
    ids = [parse_id(text) for text in args.ids]
    with store.change() as change:
        tasks = [change.book.get(task_id) for task_id in ids]
        for task in tasks:
            if task.done:
                print(f"#{task.id} was already done")
            else:
                task.complete()
                print(f"done {describe(task)}")
        change.description = "done " + " ".join(f"#{i}" for i in ids)


def cmd_edit(args: argparse.Namespace, store: TaskStore) -> None:
    task_id = parse_id(args.id)
    edits = [args.title, args.priority, args.due, args.no_due or None, args.tag, args.untag]
    if not any(edits) and not args.reopen:
        raise UsageError("nothing to change: give --title, --priority, --due, --tag, ...")
    priority = parse_priority(args.priority) if args.priority else None
    due = parse_due(args.due) if args.due else None
    add_tags, drop_tags = [parse_tag(t) for t in args.tag], [parse_tag(t) for t in args.untag]
    with store.change() as change:
        task = change.book.get(task_id)
        if args.title:
            title = " ".join(args.title.split())
            if not title:
                raise UsageError("a task needs a title")
            task.title = title
        task.priority = priority or task.priority
        task.due = None if args.no_due else due or task.due
        task.tags = [t for t in dict.fromkeys(task.tags + add_tags) if t not in drop_tags]
        if args.reopen:
            task.reopen()
        change.description = f"edit #{task.id}"
    print(f"edited {describe(task)}")


def cmd_rm(args: argparse.Namespace, store: TaskStore) -> None:
    ids = [parse_id(text) for text in args.ids]
    with store.change() as change:
        removed = [change.book.remove(task_id) for task_id in ids]
        change.description = "rm " + " ".join(f"#{i}" for i in ids)
    for task in removed:
        print(f"removed {describe(task)}")
    print("(taskman undo brings them back)")


def cmd_undo(args: argparse.Namespace, store: TaskStore) -> None:
    print(f"undid: {store.undo()}")


def cmd_export(args: argparse.Namespace, store: TaskStore) -> None:
    tasks = sort_tasks(store.read().tasks, "id")
    if args.file == "-":
        sys.stdout.write(tasks_to_csv(tasks))
        return
    folder = Path(args.file).parent
    if not folder.is_dir():
        raise Failure(f"cannot write {args.file}: folder {folder} does not exist")
    write_csv(tasks, args.file)
    print(f"exported {len(tasks)} tasks to {args.file}", file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "taskman",
        "A to-do list in a JSON file: add, list, done, edit, rm, search, undo, export.\n"
        f"The store is --store PATH, else ${ENV_VAR}, else {default_store_path({})}.",
        'taskman add "renew passport" --due 2025-06-30 --priority high --tag admin',
        module="level0.task_manager",
    )
    store_help = f"the JSON store (default: ${ENV_VAR} or the per-user data folder)"
    parser.add_argument("--store", type=Path, metavar="PATH", help=store_help)
    # --store is accepted after the command too ("taskman list --store x.json").
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--store", type=Path, metavar="PATH", default=argparse.SUPPRESS, help=store_help
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name: str, handler: Command, summary: str, example: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            parents=[common],
            help=summary,
            description=summary,
            epilog=f"example:\n  taskman {name} {example}".rstrip(),
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=handler)
        return sub

    add = command("add", cmd_add, "add a task", "call the dentist -p high -d +3d -t health")
    add.add_argument("title", nargs="+", help="what to do (several words are joined)")
    add.add_argument("-p", "--priority", default="normal", help="low, normal (default) or high")
    add.add_argument("-d", "--due", help="YYYY-MM-DD, today, tomorrow, +3d or +2w")
    add.add_argument("-t", "--tag", action="append", default=[], help="a tag (repeatable)")

    ls = command(
        "list",
        cmd_list,
        "list tasks (open ones unless --all or --done)",
        "--tag work --sort due",
    )
    which = ls.add_mutually_exclusive_group()
    which.add_argument("-a", "--all", action="store_true", help="open and done tasks")
    which.add_argument("--done", action="store_true", help="only done tasks")
    ls.add_argument("-t", "--tag", action="append", default=[], help="only tasks with this tag")
    ls.add_argument("-p", "--priority", help="only tasks of this priority")
    ls.add_argument("--due-before", metavar="DATE", help="only tasks due before DATE")
    ls.add_argument("-s", "--sort", choices=sorted(SORT_KEYS), default="id", help="sort order")
    ls.add_argument("--json", action="store_true", help="print JSON instead of a table")

    done = command("done", cmd_done, "mark tasks done", "3 5")
    done.add_argument("ids", nargs="+", metavar="ID", help="task ids")

    edit = command("edit", cmd_edit, "change a task", "3 --due 2025-07-01 --tag travel")
    edit.add_argument("id", metavar="ID", help="task id")
    edit.add_argument("--title", help="new title")
    edit.add_argument("-p", "--priority", help="low, normal or high")
    when = edit.add_mutually_exclusive_group()
    when.add_argument("-d", "--due", help="new due date")
    when.add_argument("--no-due", action="store_true", help="remove the due date")
    edit.add_argument("-t", "--tag", action="append", default=[], help="add a tag")
    edit.add_argument("--untag", action="append", default=[], help="remove a tag")
    edit.add_argument("--reopen", action="store_true", help="mark a done task open again")

    rm = command("rm", cmd_rm, "delete tasks (undo brings them back)", "4")
    rm.add_argument("ids", nargs="+", metavar="ID", help="task ids")

    search = command(
        "search", cmd_search, "find tasks whose title or tags contain every word", "passport"
    )
    search.add_argument("text", nargs="+", help="words to look for (case-insensitive)")
    search.add_argument("--json", action="store_true", help="print JSON instead of a table")

    command("undo", cmd_undo, "revert the last change (repeatable)", "")

    export = command("export", cmd_export, "write every task to a CSV file", "tasks.csv")
    export.add_argument("file", metavar="FILE", help="the CSV file to write, or - for stdout")
    return parser


@contextmanager
def _user_errors() -> Iterator[None]:
    """Model and store errors as the CLI's two kinds: usage (exit 2) and failure (exit 1)."""
    try:
        yield
    except (InvalidInput, TaskNotFound) as exc:
        raise UsageError(str(exc)) from exc
    except StoreError as exc:
        raise Failure(str(exc)) from exc


def handle(args: argparse.Namespace) -> None:
    store = TaskStore(args.store or default_store_path())
    with _user_errors():
        args.handler(args, store)


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
