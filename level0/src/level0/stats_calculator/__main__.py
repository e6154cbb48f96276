"""python -m level0.stats_calculator: describe a CSV column (or numbers on stdin)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from level0.cli import UsageError, float_in, int_in, make_parser, require_memory, run

MAX_BINS = 10_000
MAX_CHUNK_ROWS = 10_000_000
#: Loading a column whole costs about this many times the file's size (pandas' parser
#: buffers plus float64 columns; a CSV of short numbers is under 8 bytes a value).
LOAD_FACTOR = 4


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level0.stats_calculator",
        "Descriptive statistics of one column of a CSV file, or of numbers piped on stdin.\n"
        "Blank and NaN cells are skipped and counted; text that is not a number is an error.",
        "python -m level0.stats_calculator houses.csv --column price --with rooms --plot price.png",
    )
    parser.add_argument(
        "file", nargs="?", type=Path, help="CSV file with a header row (omit or '-' for stdin)"
    )
    parser.add_argument("--column", help="the column to describe (required with a CSV file)")
    parser.add_argument(
        "--with", dest="other", metavar="COLUMN", help="also correlate with this column"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--plot", type=Path, metavar="PNG", help="save a histogram to this PNG file"
    )
    parser.add_argument("--unit", help="unit of the values, for the histogram's axis label")
    parser.add_argument(
        "--bins",
        type=int_in(1, MAX_BINS),
        help=f"number of histogram bins, 1-{MAX_BINS:,} (default: NumPy's 'auto')",
    )
    parser.add_argument(
        "--confidence",
        type=float_in(0.01, 0.9999),
        default=0.95,
        help="level of the mean's CI, 0.01-0.9999 (default 0.95)",
    )
    parser.add_argument(
        "--stream",
        action="store_true",
        help="one pass in chunks (Welford), for files larger than memory",
    )
    parser.add_argument(
        "--chunk-rows",
        type=int_in(1, MAX_CHUNK_ROWS),
        default=100_000,
        help=f"rows per chunk with --stream, 1-{MAX_CHUNK_ROWS:,} (default 100,000)",
    )
    return parser


def handle(args: argparse.Namespace) -> int:
    from_stdin = args.file is None or str(args.file) == "-"
    check_arguments(args, from_stdin)
    report = streaming_report(args) if args.stream else in_memory_report(args, from_stdin)
    from level0.stats_calculator.report import format_table

    print(json.dumps(report, indent=2) if args.json else format_table(report))
    if args.plot:
        print(f"histogram written to {args.plot}", file=sys.stderr)
    return 0


def in_memory_report(args: argparse.Namespace, from_stdin: bool) -> dict[str, Any]:
    """Load the whole column (or stdin), describe it, correlate it, plot it."""
    from level0.stats_calculator.describe import correlate, describe
    from level0.stats_calculator.loading import parse_numbers, read_columns
    from level0.stats_calculator.report import as_json

    other_values = None
    if from_stdin:
        source, values = "stdin", parse_numbers(sys.stdin.read())
    else:
        source = str(args.file)
        require_memory(
            LOAD_FACTOR * args.file.stat().st_size,
            f"loading {args.file} whole (--stream reads it in one pass instead)",
        )
        wanted = [args.column] + ([args.other] if args.other else [])
        columns = read_columns(args.file, wanted)
        values, other_values = columns[args.column], columns.get(args.other)
    summary = describe(values, args.confidence)
    correlation = correlate(values, other_values) if other_values is not None else None
    if args.plot:
        from level0.stats_calculator.plot import plot_histogram  # matplotlib only when asked

        label = args.column or "value"
        bins = args.bins or "auto"
        plot_histogram(values, args.plot, label=label, unit=args.unit, bins=bins)
    return as_json(summary, source, args.column, args.other, correlation)


def streaming_report(args: argparse.Namespace) -> dict[str, Any]:
    """One pass over the file in chunks: only what Welford's update can give."""
    from level0.stats_calculator.report import as_json
    from level0.stats_calculator.streaming import stream_csv

    summary = stream_csv(args.file, args.column, args.other, args.chunk_rows, args.confidence)
    return as_json(summary, str(args.file), args.column, other=args.other)


def check_arguments(args: argparse.Namespace, from_stdin: bool) -> None:
    """Usage errors, found before any work is done."""
    if from_stdin:
        if args.column or args.other or args.stream:
            raise UsageError(
                "--column, --with and --stream need a CSV FILE; stdin is plain numbers"
            )
        if sys.stdin.isatty():
            raise UsageError("give a CSV FILE and --column, or pipe numbers on stdin")
    elif not args.column:
        raise UsageError("--column NAME is required with a CSV file")
    if args.stream and args.plot:
        from level0.stats_calculator.streaming import NEEDS_ALL_VALUES

        raise UsageError(f"--plot needs the in-memory path: {NEEDS_ALL_VALUES['histogram']}")
    if args.other is not None and args.other == args.column:
        raise UsageError("--with must name a different column than --column")


def main(argv: list[str] | None = None) -> int:
    def handler(args: argparse.Namespace) -> int:
        from level0.stats_calculator.loading import ColumnNotFoundError

        try:
            return handle(args)
        except ColumnNotFoundError as exc:
            raise UsageError(str(exc)) from exc

    return run(build_parser(), handler, argv)


if __name__ == "__main__":
    sys.exit(main())
