"""The command line: ``python -m level0.backup backup|restore|verify|list|prune``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path

from level0.backup.manifest import shown
from level0.backup.repository import PARTIAL, BackupError, InvalidRequest, list_snapshots
from level0.backup.restore import restore, verify
from level0.backup.retention import Policy, prune
from level0.backup.snapshot import BackupReport, backup
from level0.cli import Failure, UsageError, int_in, make_parser, run

Handler = Callable[[argparse.Namespace], None]


def human(size: float) -> str:
    """Bytes as ``512 B``, ``1.5 KB``, ``3.2 GB`` (powers of 1000, like ``ls --si``)."""
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if size < 1000 or unit == "TB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def warn_all(lines: list[str]) -> None:
    for line in lines:
        print(f"warning: {line}", file=sys.stderr)


def cmd_backup(args: argparse.Namespace) -> None:
    policy = Policy(args.keep_last, args.keep_daily, args.keep_weekly)
    report = backup(args.src, args.dest, exclude=args.exclude, dry_run=args.dry_run, keep=policy)
    print(summary(report))
    if args.dry_run and policy.active and Path(args.dest).is_dir():
        print(f"would prune: {', '.join(prune(args.dest, policy, dry_run=True)) or 'nothing'}")
    for name in report.pruned:
        print(f"pruned {name}")
    for path in report.skipped:
        print(f"note: skipped {shown(path)}: not a file, folder or symlink", file=sys.stderr)
    warn_all(report.problems)
    if report.problems:
        where = "" if report.dry_run else f"; snapshot {report.name} is complete without them"
        raise Failure(
            f"{len(report.problems)} path(s) could not be backed up (listed above){where}"
        )


def summary(report: BackupReport) -> str:
    counts = (
        f"{report.files} files ({report.new} new, {report.changed} changed, "
        f"{report.unchanged} unchanged)"
    )
    data = f"{human(report.bytes_copied)} copied, {human(report.bytes_linked)} hard-linked"
    excluded = f", {report.excluded} excluded" if report.excluded else ""
    if report.dry_run:
        return f"dry run, nothing written: would store {counts}; {data}{excluded}"
    return f"snapshot {report.path}: {counts}; {data}{excluded}; {report.seconds:.1f} s"


def cmd_restore(args: argparse.Namespace) -> None:
    manifest = restore(args.snapshot, args.target)
    files = manifest.files
    size = human(sum(e.size for e in files))
    print(f"restored {len(files)} files ({size}) from {manifest.name} to {args.target}")


def cmd_verify(args: argparse.Namespace) -> None:
    report = verify(args.snapshot)
    if args.json:
        row = {"snapshot": str(report.snapshot), "ok": report.ok, "files": report.files}
        print(json.dumps({**row, "bytes": report.bytes, "problems": report.problems}, indent=2))
    if not report.ok:
        if not args.json:
            warn_all(report.problems)
        raise Failure(f"{shown(report.snapshot)} is damaged: {len(report.problems)} problem(s)")
    if not args.json:
        print(
            f"ok: {report.files} files, {human(report.bytes)} match the manifest of {report.snapshot}"
        )


def cmd_list(args: argparse.Namespace) -> None:
    warnings: list[str] = []
    dest = Path(args.dest)
    snapshots = list_snapshots(dest, warnings)
    rows = [
        {
            "snapshot": s.name,
            "path": str(s.path),
            "created": s.created.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            "files": len(s.manifest.files),
            "bytes": s.manifest.total_bytes,
            "new_bytes": s.manifest.bytes_copied,
            "problems": len(s.manifest.problems),
        }
        for s in snapshots
    ]
    unfinished = [p.name for p in dest.iterdir() if p.name.startswith(PARTIAL)]
    if unfinished:
        warnings.append(
            f"{len(unfinished)} unfinished snapshot(s) from an interrupted run are ignored; "
            "the next backup removes them"
        )
    warn_all(warnings)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    if not snapshots:
        print(f"no complete snapshots in {dest}")
        return
    table = [("snapshot", "created (local)", "files", "size", "new data", "problems")]
    table += [
        (
            s.name,
            s.created.astimezone().strftime("%Y-%m-%d %H:%M:%S"),
            str(len(s.manifest.files)),
            human(s.manifest.total_bytes),
            human(s.manifest.bytes_copied),
            str(len(s.manifest.problems)),
        )
        for s in snapshots
    ]
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        )


def cmd_prune(args: argparse.Namespace) -> None:
    policy = Policy(args.keep_last, args.keep_daily, args.keep_weekly)
    names = prune(args.dest, policy, dry_run=args.dry_run)
    verb = "would prune" if args.dry_run else "pruned"
    print(f"{verb} {len(names)} snapshot(s){': ' if names else ''}{', '.join(names)}")


#: --keep-* counts: 0 to 100,000 (a century of daily snapshots is 36,525).
KEEP = int_in(0, 100_000)


def add_keep_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--keep-last", type=KEEP, default=0, metavar="N", help="keep the N newest")
    parser.add_argument(
        "--keep-daily", type=KEEP, default=0, metavar="N", help="keep one per day for N days"
    )
    parser.add_argument(
        "--keep-weekly", type=KEEP, default=0, metavar="N", help="keep one per week for N weeks"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level0.backup",
        "Snapshot backups: each snapshot is a full tree, unchanged files are hard links\n"
        "to the previous one (like rsync --link-dest), and a manifest records every hash.",
        "python -m level0.backup backup ~/Documents /mnt/backup --exclude '*.tmp' --keep-daily 7",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    prog = "python -m level0.backup"

    def command(name: str, handler: Handler, summary: str, example: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(
            name,
            help=summary,
            description=summary,
            epilog=f"example:\n  {prog} {name} {example}",
            formatter_class=argparse.RawDescriptionHelpFormatter,
        )
        sub.set_defaults(handler=handler)
        return sub

    make = command(
        "backup", cmd_backup, "make a new snapshot of SRC under DEST", "~/notes /mnt/usb/notes"
    )
    make.add_argument("src", metavar="SRC", help="the directory to back up (never modified)")
    make.add_argument("dest", metavar="DEST", help="where snapshots live (created if missing)")
    make.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="GLOB",
        help="skip matching names ('*.tmp') or paths ('build/*'); repeatable",
    )
    make.add_argument(
        "--dry-run", action="store_true", help="show what would be stored; write nothing"
    )
    add_keep_options(make)

    back = command(
        "restore",
        cmd_restore,
        "recreate a snapshot's tree at TARGET (a new or empty folder)",
        "/mnt/usb/notes/2025-03-14T093000.123456Z ~/notes-restored",
    )
    back.add_argument("snapshot", metavar="SNAPSHOT_DIR", help="a snapshot folder (see list)")
    back.add_argument("target", metavar="TARGET", help="a new or empty folder")

    check = command(
        "verify",
        cmd_verify,
        "re-hash a snapshot's files against its manifest",
        "/mnt/usb/notes/2025-03-14T093000.123456Z",
    )
    check.add_argument("snapshot", metavar="SNAPSHOT_DIR", help="a snapshot folder (see list)")
    check.add_argument("--json", action="store_true", help="print the result as JSON")

    show = command("list", cmd_list, "list the complete snapshots under DEST", "/mnt/usb/notes")
    show.add_argument("dest", metavar="DEST")
    show.add_argument("--json", action="store_true", help="print JSON instead of a table")

    trim = command(
        "prune",
        cmd_prune,
        "delete the snapshots a retention policy does not keep",
        "/mnt/usb/notes --keep-last 3 --keep-daily 7 --keep-weekly 4",
    )
    trim.add_argument("dest", metavar="DEST")
    trim.add_argument("--dry-run", action="store_true", help="only show what would be deleted")
    add_keep_options(trim)
    return parser


def handle(args: argparse.Namespace) -> None:
    try:
        args.handler(args)
    except InvalidRequest as exc:
        raise UsageError(str(exc)) from exc
    except BackupError as exc:
        raise Failure(str(exc)) from exc


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
