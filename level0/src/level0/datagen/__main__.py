"""python -m level0.datagen: write a seeded synthetic table as CSV or JSON Lines."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from level0.cli import UsageError, int_in, make_parser, require_memory, run

if TYPE_CHECKING:
    from level0.datagen.schema import Schema

# What the parser needs, spelled out so that --help loads no pandas; a test checks these
# equal presets.PRESETS and output.FORMATS. Everything heavy loads inside the handler.
PRESETS = ("titanic", "housing", "products", "emails", "sensor_series", "sales")
FORMATS = ("csv", "jsonl")
MAX_ROWS = 10**9
MAX_SEED = 2**64 - 1

# Peak memory per row of each preset, generating and writing to a file: the growth of
# the process's maximum resident set from 10,000 to 1,000,000 rows on this machine
# (README), rounded up by a quarter. A schema file's rows are measured on a probe.
BYTES_PER_ROW = {
    "titanic": 450,
    "housing": 340,
    "products": 380,
    "emails": 2_170,
    "sensor_series": 350,
    "sales": 420,
}
PROBE_ABOVE_ROWS = 100_000  # smaller tables fit anywhere: skip the probe's cost


def build_parser() -> argparse.ArgumentParser:
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
    parser.add_argument(
        "--rows",
        type=int_in(0, MAX_ROWS),
        default=1000,
        help=f"rows to generate, 0 to {MAX_ROWS:,} and as many as memory allows (default 1000)",
    )
    parser.add_argument(
        "--seed", type=int_in(0, MAX_SEED), default=0, help="random seed, 0 to 2**64-1 (default 0)"
    )
    parser.add_argument(
        "--format", choices=FORMATS, help="csv or jsonl (default: from -o, else csv)"
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="file to write (default: stdout)"
    )
    parser.add_argument("--json", action="store_true", help="with --list-presets: print JSON")
    return parser


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), _handle, argv)


def _handle(args: argparse.Namespace) -> int:
    from level0.datagen.output import format_for, write, write_to
    from level0.datagen.presets import preset
    from level0.datagen.schema import SchemaError, load_schema, parse_schema
    from level0.datagen.table import generate

    if args.list_presets:
        return _list_presets(as_json=args.json)
    if args.json:
        raise UsageError("--json goes with --list-presets; use --format jsonl for JSON Lines")
    if args.preset is None and args.schema is None:
        raise UsageError("give --preset NAME or --schema FILE (--list-presets shows the presets)")
    try:
        schema = load_schema(args.schema) if args.schema else parse_schema(preset(args.preset))
        _check_memory(schema, args.rows, args.preset or str(args.schema))
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


def _check_memory(schema: Schema, rows: int, source: str) -> None:
    """Refuse, before generating, a table that would not fit in the memory available."""
    per_row = BYTES_PER_ROW.get(source, 0)
    if not per_row:
        if rows <= PROBE_ABOVE_ROWS:
            return
        from level0.datagen.budget import bytes_per_row

        per_row = bytes_per_row(schema)
    require_memory(rows * per_row, f"{rows:,} rows of {source}", unit_bytes=per_row)


def _list_presets(as_json: bool) -> int:
    from level0.datagen.presets import preset
    from level0.datagen.schema import parse_schema

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


if __name__ == "__main__":
    sys.exit(main())
