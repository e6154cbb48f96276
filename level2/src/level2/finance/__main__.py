"""python -m level2.finance: report on daily prices, check a price file, list the tickers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from level0.cli import Failure, UsageError, int_in, make_parser, run

if TYPE_CHECKING:
    from level2.finance.checks import CheckedPrices

# The parser's defaults and limits, spelled out so that --help needs no pandas; a test
# checks they equal the library's defaults. pandas and matplotlib load inside the handlers.
WINDOWS = (20, 50, 200)
VOL_WINDOW = 21
MAX_WINDOW = 2520  # ten years of trading days; longer than any table this project reads
MAX_WINDOWS = 6  # lines on one price chart that a reader can still tell apart
SEED_MAX = 2**32 - 1


def _windows(text: str) -> tuple[int, ...]:
    """``"20,50,200"`` -> (20, 50, 200): distinct whole numbers from 2 to MAX_WINDOW."""
    parts = text.split(",")
    shown = text if len(text) <= 24 else text[:20] + "..."
    if len(parts) > MAX_WINDOWS:
        raise argparse.ArgumentTypeError(f"at most {MAX_WINDOWS} windows, got {len(parts)}")
    one = int_in(2, MAX_WINDOW)
    windows = tuple(one(part.strip()) for part in parts)  # "must be ..." for each bad one
    if len(set(windows)) != len(windows):
        raise argparse.ArgumentTypeError(f"each window once, not {shown!r}")
    return windows


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level2.finance",
        "Analyse daily stock prices (2013-2018, ten tickers from the data registry, or your\n"
        "own CSV with date and close columns): returns, moving averages, volatility,\n"
        "drawdowns, correlations, weekly/monthly resampling, cumulative returns.",
        "python -m level2.finance report AAPL MSFT XOM -o finance-report",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    report = commands.add_parser("report", help="Markdown report with charts, CSVs and JSON")
    report.add_argument("tickers", nargs="*", metavar="TICKER", help="registry tickers, e.g. AAPL")
    report.add_argument("-o", "--out", type=Path, required=True, metavar="DIR")
    report.add_argument(
        "--csv",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="your own daily prices (columns date, close; open/high/low/volume optional); repeatable",
    )
    report.add_argument(
        "--synthetic",
        action="store_true",
        help="use seeded random walks named after the tickers instead of the real data",
    )
    report.add_argument(
        "--seed",
        type=int_in(0, SEED_MAX),
        default=0,
        help=f"seed of --synthetic, 0 to {SEED_MAX:,} (default 0)",
    )
    report.add_argument(
        "--windows",
        type=_windows,
        default=None,
        metavar="N,N,...",
        help=f"up to {MAX_WINDOWS} moving-average windows in trading days, each from 2 to "
        f"{MAX_WINDOW:,} and no longer than the data (default 20,50,200)",
    )
    report.add_argument(
        "--vol-window",
        type=int_in(2, MAX_WINDOW),
        default=None,
        metavar="N",
        help=f"rolling volatility window in trading days, 2 to {MAX_WINDOW:,} (default 21)",
    )
    report.add_argument("--json", action="store_true", help="print the summary as JSON")

    check = commands.add_parser(
        "check", help="list what is wrong with price files (exit 1 if unusable)"
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")

    commands.add_parser("tickers", help="list the tickers in the data registry")
    return parser


def _report(args: argparse.Namespace) -> None:
    from level0 import datasets
    from level2.finance.data import UnknownTicker, available_tickers
    from level2.finance.report import format_summary_table, write_report
    from level2.finance.sources import collect

    if not args.tickers and not args.csv:
        raise UsageError(
            f"name at least one ticker ({', '.join(available_tickers())}) or give --csv FILE"
        )
    try:
        tables, source = collect(args.tickers, args.csv, synthetic=args.synthetic, seed=args.seed)
    except UnknownTicker as exc:
        raise UsageError(str(exc)) from None
    except datasets.DatasetMissing as exc:
        raise Failure(f"{exc} (or add --synthetic for a labelled random walk)") from None
    for table in tables:
        for problem in table.problems:
            print(f"{table.name}: {problem}", file=sys.stderr)
    _check_windows_fit(tables, args.windows or (), args.vol_window)
    report = write_report(
        tables,
        args.out,
        source=source,
        synthetic=args.synthetic,
        windows=args.windows or WINDOWS,
        vol_window=args.vol_window or VOL_WINDOW,
    )
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
        return
    if args.synthetic:
        print("data: SYNTHETIC random walks, not real prices")
    print(format_summary_table(report.summaries))
    print(f"\nwrote {len(report.files)} files to {args.out} (open {args.out / 'report.md'})")


def _check_windows_fit(
    tables: list[CheckedPrices], windows: tuple[int, ...], vol: int | None
) -> None:
    """Refuse a window the user asked for that is longer than a table: its moving average
    or volatility would be all NaN. (The defaults stay, empty, on a short file.)"""
    for table in tables:
        rows = len(table.close)
        too_long = [w for w in windows if w > rows]
        if too_long:
            raise UsageError(
                f"--windows {','.join(map(str, too_long))} is longer than {table.name}'s "
                f"{rows} days of prices; choose windows of at most {rows} days"
            )
        if (
            vol is not None and vol > rows - 1
        ):  # the volatility window counts returns, one fewer than prices
            raise UsageError(
                f"--vol-window {vol} is longer than {table.name}'s {rows - 1} daily returns"
            )


def _check(args: argparse.Namespace) -> int:
    from level2.finance.checks import check_prices
    from level2.finance.data import read_price_csv

    code = 0
    for path in args.files:
        problems = check_prices(read_price_csv(path))
        for problem in problems:
            print(f"{path}: {problem}")
        if not problems:
            print(f"{path}: ok")
        if any(p.fatal for p in problems):
            code = 1
    return code


def handle(args: argparse.Namespace) -> int:
    if args.command == "report":
        _report(args)
    elif args.command == "check":
        return _check(args)
    else:
        from level2.finance.data import available_tickers

        print("\n".join(available_tickers()))
    return 0


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
