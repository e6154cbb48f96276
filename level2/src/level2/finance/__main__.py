"""python -m level2.finance: report on daily prices, check a price file, list the tickers."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0 import datasets
from level0.cli import Failure, UsageError, make_parser, run
from level2.finance.checks import check_prices
from level2.finance.data import UnknownTicker, available_tickers, read_price_csv
from level2.finance.report import WINDOWS, format_summary_table, write_report
from level2.finance.sources import collect


def _windows(text: str) -> tuple[int, ...]:
    try:
        windows = tuple(int(part) for part in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected whole numbers like 20,50,200, not {text!r}"
        ) from None
    if not windows or min(windows) < 2:
        raise argparse.ArgumentTypeError(f"each window must be at least 2 days, not {text!r}")
    return windows


def _window(text: str) -> int:
    windows = _windows(text)
    if len(windows) != 1:
        raise argparse.ArgumentTypeError(f"expected one whole number, not {text!r}")
    return windows[0]


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
    report.add_argument("--seed", type=int, default=0, help="seed of --synthetic (default 0)")
    report.add_argument(
        "--windows",
        type=_windows,
        default=WINDOWS,
        metavar="N,N,...",
        help="moving-average windows in trading days (default 20,50,200)",
    )
    report.add_argument(
        "--vol-window",
        type=_window,
        default=21,
        metavar="N",
        help="rolling volatility window in trading days (default 21)",
    )
    report.add_argument("--json", action="store_true", help="print the summary as JSON")

    check = commands.add_parser(
        "check", help="list what is wrong with price files (exit 1 if unusable)"
    )
    check.add_argument("files", nargs="+", type=Path, metavar="FILE")

    commands.add_parser("tickers", help="list the tickers in the data registry")
    return parser


def _report(args: argparse.Namespace) -> None:
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
    report = write_report(
        tables,
        args.out,
        source=source,
        synthetic=args.synthetic,
        windows=args.windows,
        vol_window=args.vol_window,
    )
    if args.json:
        print(json.dumps(report.as_dict(), indent=2))
        return
    if args.synthetic:
        print("data: SYNTHETIC random walks, not real prices")
    print(format_summary_table(report.summaries))
    print(f"\nwrote {len(report.files)} files to {args.out} (open {args.out / 'report.md'})")


def _check(args: argparse.Namespace) -> int:
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
        print("\n".join(available_tickers()))
    return 0


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
