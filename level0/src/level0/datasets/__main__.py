"""python -m level0.datasets list | fetch NAME... | verify [NAME...] | where"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from level0.cli import Failure, UsageError, make_parser, run
from level0.datasets.registry import REGISTRY, File
from level0.datasets.store import DatasetError, UnknownDataset, check, data_home, fetch, get


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e5 else f"{n / 1e3:.0f} kB"


def cmd_list(args: argparse.Namespace) -> int:
    get("titanic")  # loads the catalogue
    home = data_home()
    rows: list[dict[str, Any]] = []
    for dataset in sorted(REGISTRY.values(), key=lambda d: d.name):
        present = all((home / item.path).exists() for item in dataset.items)
        rows.append(
            {
                "name": dataset.name,
                "files": sum(1 if isinstance(i, File) else i.files for i in dataset.items),
                "bytes": dataset.size,
                "cached": present,
                "title": dataset.title,
                "licence": dataset.licence,
                "citation": dataset.citation,
                "path": str(home / dataset.directory),
            }
        )
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{'name':<12} {'files':>6} {'size':>8}  {'cached':<7} title")
    for row in rows:
        cached = "yes" if row["cached"] else "no"
        print(
            f"{row['name']:<12} {row['files']:>6} {_size(row['bytes']):>8}  {cached:<7} {row['title']}"
        )
    print(f"\ndata folder: {home}  (set MLROADMAP_DATA to change it; `verify` checks the hashes)")
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    names = sorted(REGISTRY) if args.all else args.names
    if not names:
        raise UsageError(
            "name at least one dataset, or use --all (see: python -m level0.datasets list)"
        )
    for name in names:
        folder = fetch(name)
        print(f"{name}: ok  {folder}")
    return 0


def cmd_verify(args: argparse.Namespace) -> int:
    get("titanic")
    names = args.names or sorted(REGISTRY)
    home = data_home()
    bad = 0
    for name in names:
        dataset = get(name)
        for item in dataset.items:
            status = check(item, home)
            bad += status.state != "ok"
            detail = f"  ({status.detail})" if status.detail else ""
            print(f"{status.state:<8} {name:<12} {item.path}{detail}")
    if bad:
        print(f"error: {bad} item(s) missing or not matching; fetch them again", file=sys.stderr)
        return 1
    return 0


def cmd_where(args: argparse.Namespace) -> int:
    print(data_home())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level0.datasets",
        "The data registry: list, download and verify the real datasets the levels use.",
        "python -m level0.datasets fetch titanic",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    listing = commands.add_parser("list", help="every registered dataset and whether it is cached")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=cmd_list)
    fetching = commands.add_parser("fetch", help="download and verify datasets")
    fetching.add_argument("names", nargs="*", metavar="NAME")
    fetching.add_argument("--all", action="store_true", help="fetch every dataset")
    fetching.set_defaults(handler=cmd_fetch)
    verifying = commands.add_parser("verify", help="re-hash cached datasets against the registry")
    verifying.add_argument("names", nargs="*", metavar="NAME")
    verifying.set_defaults(handler=cmd_verify)
    commands.add_parser("where", help="print the data folder").set_defaults(handler=cmd_where)
    return parser


def main(argv: list[str] | None = None) -> int:
    def dispatch(args: argparse.Namespace) -> int:
        try:
            return int(args.handler(args))
        except UnknownDataset as exc:
            raise UsageError(str(exc)) from None
        except DatasetError as exc:
            raise Failure(str(exc)) from None

    return run(build_parser(), dispatch, argv)


if __name__ == "__main__":
    sys.exit(main())
