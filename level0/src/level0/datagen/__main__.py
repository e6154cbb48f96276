"""python -m level0.datagen: write a seeded synthetic table as CSV or JSON Lines."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from level0.cli import UsageError, make_parser, run
from level0.datagen.output import FORMATS, format_for, write, write_to
from level0.datagen.presets import PRESETS, preset
from level0.datagen.schema import Schema, SchemaError, load_schema, parse_schema
from level0.datagen.table import generate


def main(argv: list[str] | None = None) -> int:
    parser = make_parser(
        "python -m level0.datagen",
        "Generate a synthetic table from a preset or a schema file (JSON or TOML).\n"
        "The same --seed always gives the same bytes.",
        "python -m level0.datagen --preset titanic --rows 891 --seed 1 -o titanic.csv",
    )
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--preset", choices=PRESETS, help="a built-in schema")
    source.add_argument("--schema", type=Path, metavar="FILE", help="a schema file, .json or .toml")
    source.add_argument("--list-presets", action="store_true", help="list the presets and exit")
    parser.add_argument("--rows", type=_count, default=1000, help="rows to generate (default 1000)")
    parser.add_argument("--seed", type=_count, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--format", choices=FORMATS, help="csv or jsonl (default: from -o, else csv)"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="file to write (default: stdout)"
    )
    parser.add_argument("--json", action="store_true", help="with --list-presets: print JSON")
    return run(parser, _handle, argv)


def _handle(args: argparse.Namespace) -> int:
    if args.list_presets:
        return _list_presets(as_json=args.json)
    if args.json:
        raise UsageError("--json goes with --list-presets; use --format jsonl for JSON Lines")
    if args.preset is None and args.schema is None:
        raise UsageError("give --preset NAME or --schema FILE (--list-presets shows the presets)")
    try:
        schema = load_schema(args.schema) if args.schema else parse_schema(preset(args.preset))
        table = generate(schema, args.rows, args.seed)
    except SchemaError as exc:
        raise UsageError(str(exc)) from exc
    output_format = args.format or (format_for(args.output) if args.output else "csv")
    if args.output is None:
        try:
            write_to(table, sys.stdout, output_format)
        except BrokenPipeError:  # `| head` stopped reading: not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    write(table, args.output, output_format, progress=True)
    print(f"wrote {len(table):,} rows x {table.shape[1]} columns to {args.output}")
    return 0


def _list_presets(as_json: bool) -> int:
    schemas: dict[str, Schema] = {name: parse_schema(preset(name)) for name in PRESETS}
    if as_json:
        listing = [
            {"name": name, "description": s.description, "columns": s.output_names}
            for name, s in schemas.items()
        ]
        print(json.dumps(listing, indent=2))
        return 0
    width = max(len(name) for name in schemas)
    for name, s in schemas.items():
        print(f"{name:<{width}}  {s.description}")
        print(f"{'':<{width}}  columns: {', '.join(s.output_names)}")
    return 0


def _count(text: str) -> int:
    """A whole number >= 0 for --rows and --seed (argparse reports anything else)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, not {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {value}")
    return value


if __name__ == "__main__":
    sys.exit(main())
