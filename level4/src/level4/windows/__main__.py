"""python -m level4.windows: sensor anomalies, stock bands, a CO forecast, the query catalogue."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from level0.cli import Failure, UsageError, float_in, int_in, make_parser, run
from level4.windows.sensors import SENSORS

if TYPE_CHECKING:
    import pandas as pd

DATA = ("real", "synthetic")
SOURCES = ("sensors", "stocks")


def _common(command: argparse.ArgumentParser, *, output: bool = True) -> None:
    if output:
        command.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    command.add_argument(
        "--data",
        choices=DATA,
        default="real",
        help="real registry data (default) or a labelled synthetic stand-in",
    )
    command.add_argument("--json", action="store_true", help="print the table as JSON")


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level4.windows",
        "Window functions on time series: rolling, expanding and exponentially weighted "
        "statistics on UCI Air Quality and ten stocks, checked against DuckDB SQL.",
        "python -m level4.windows forecast -o out/forecast && "
        "python -m level4.windows queries --source stocks",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    sensors = commands.add_parser("sensors", help="rolling z-score anomalies, checked")
    _common(sensors)
    sensors.add_argument(
        "--sensor",
        action="append",
        choices=SENSORS,
        metavar="NAME",
        help=f"sensor column, repeatable (default CO(GT) and NOx(GT)); one of {', '.join(SENSORS)}",
    )
    sensors.add_argument(
        "--threshold", type=float_in(1.0, 100.0), default=4.0, help="flag |z| >= this (default 4)"
    )
    sensors.add_argument("--csv", type=Path, metavar="FILE", help="an AirQualityUCI.csv to read")

    stocks = commands.add_parser("stocks", help="volatility and Bollinger bands per ticker")
    _common(stocks)
    stocks.add_argument("--tickers", nargs="+", metavar="T", help="tickers (default: all ten)")
    stocks.add_argument(
        "--window", type=int_in(2, 1000), default=20, help="Bollinger window in days (default 20)"
    )
    stocks.add_argument(
        "--k", type=float_in(0.1, 10.0), default=2.0, help="band width in std devs (default 2)"
    )
    stocks.add_argument("--plot", metavar="T", help="ticker to draw the bands of (default first)")

    forecast = commands.add_parser("forecast", help="CO 24 h ahead against persistence")
    _common(forecast)
    forecast.add_argument(
        "--holdout-days",
        type=int_in(2, 365),
        default=60,
        help="days at the end kept for one final evaluation (default 60)",
    )
    forecast.add_argument(
        "--splits", type=int_in(2, 20), default=5, help="TimeSeriesSplit folds (default 5)"
    )
    forecast.add_argument(
        "--quick", action="store_true", help="two candidate models instead of four"
    )
    forecast.add_argument("--csv", type=Path, metavar="FILE", help="an AirQualityUCI.csv to read")

    catalogue = commands.add_parser(
        "queries", help="list the query catalogue, or run it in pandas and DuckDB and compare"
    )
    _common(catalogue, output=False)
    catalogue.add_argument(
        "--source", choices=SOURCES, default="sensors", help="data to run on (default sensors)"
    )
    catalogue.add_argument(
        "--rows",
        type=int_in(10, 100_000),
        default=2000,
        help="hours (sensors) or days (stocks) from the start to run on (default 2000)",
    )
    catalogue.add_argument("--only", nargs="+", metavar="NAME", help="run these queries only")
    catalogue.add_argument("--list", action="store_true", help="list the queries and their SQL")
    return parser


@contextmanager
def data_errors() -> Iterator[None]:
    """A dataset that is not cached, or an unknown ticker, becomes a one-line failure."""
    from level0.datasets import DatasetError

    try:
        yield
    except DatasetError as exc:
        raise Failure(str(exc)) from exc


def _air_quality(args: argparse.Namespace) -> pd.DataFrame:
    from level4.windows import data

    if getattr(args, "csv", None) is not None:
        return data.read_air_quality(args.csv)
    if args.data == "synthetic":
        print("note: synthetic sensor data (level4.windows.data), not real", file=sys.stderr)
        return data.synthetic_air_quality()
    with data_errors():
        return data.load_air_quality()


def _stocks(args: argparse.Namespace, tickers: list[str] | None) -> pd.DataFrame:
    from level2.finance import UnknownTicker, available_tickers
    from level4.windows import data

    known = available_tickers()
    names = [t.upper() for t in tickers] if tickers else known
    unknown = [t for t in names if t not in known]
    if unknown:
        raise UsageError(f"unknown ticker {unknown[0]!r}; available: {', '.join(known)}")
    if args.data == "synthetic":
        print("note: synthetic prices (level2.finance random walks), not real", file=sys.stderr)
        return data.synthetic_stocks(names)
    with data_errors():
        try:
            return data.load_stocks(names)
        except UnknownTicker as exc:
            raise UsageError(str(exc)) from exc


def _table(rows: list[dict[str, Any]], columns: list[tuple[str, str]]) -> str:
    def cell(value: object, fmt: str) -> str:
        return format(value, fmt) if fmt else str(value)

    body = [[cell(row[key], fmt) for key, fmt in columns] for row in rows]
    header = [key for key, _ in columns]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) for line in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)


def do_sensors(args: argparse.Namespace) -> int:
    from level4.windows.tasks import run_sensors

    wide = _air_quality(args)
    summary = run_sensors(
        wide, args.sensor or ["CO(GT)", "NOx(GT)"], args.output, threshold=args.threshold
    )
    if args.json:
        print(json.dumps(summary["sensors"], indent=2))
        return 0
    print(
        _table(
            summary["sensors"],
            [
                ("sensor", ""),
                ("readings", ","),
                ("missing", ","),
                ("flagged", ","),
                ("longest_outage_hours", ""),
                ("scored_missing", ""),
                ("time_scores_reaching_across_outage", ""),
                ("row_scores_reaching_across_outage", ""),
                ("hampel_recall", ".1%"),
                ("hampel_agreement", ".1%"),
                ("injected_recall", ".1%"),
            ],
        )
    )
    print(f"\nwritten to {args.output}", file=sys.stderr)
    return 0


def do_stocks(args: argparse.Namespace) -> int:
    from level4.windows.tasks import run_stocks

    frame = _stocks(args, args.tickers)
    if args.plot is not None and args.plot.upper() not in set(frame["key"]):
        raise UsageError(f"--plot {args.plot!r} is not among the tickers analysed")
    plot = args.plot.upper() if args.plot else None
    summary = run_stocks(frame, args.output, window=args.window, k=args.k, plot=plot)
    if args.json:
        print(json.dumps(summary["stocks"], indent=2))
        return 0
    print(
        _table(
            summary["stocks"],
            [
                ("ticker", ""),
                ("last_close", ".2f"),
                ("volatility_now", ".1%"),
                ("volatility_median", ".1%"),
                ("volatility_max", ".1%"),
                ("above_upper_band", ".1%"),
                ("below_lower_band", ".1%"),
                ("max_drawdown", ".1%"),
                ("weeks_of_4_days", ".1%"),
            ],
        )
    )
    print(f"\nwritten to {args.output}", file=sys.stderr)
    return 0


def do_forecast(args: argparse.Namespace) -> int:
    from level4.windows.tasks import run_forecast

    wide = _air_quality(args)
    summary = run_forecast(
        wide, args.output, holdout_days=args.holdout_days, splits=args.splits, quick=args.quick
    )
    if args.json:
        print(json.dumps({k: v for k, v in summary.items() if k != "files"}, indent=2))
        return 0
    print(
        _table(
            summary["cv"],
            [("candidate", ""), ("features", ""), ("cv_mae", ".4f"), ("cv_persistence_mae", ".4f")],
        )
    )
    print(
        f"\nchosen on CV: {summary['chosen']}\nheld-out tail from {summary['heldout_start']} "
        f"({summary['rows_heldout']:,} hours, used once): MAE {summary['heldout_mae']:.4f} "
        f"against persistence {summary['heldout_persistence_mae']:.4f} "
        f"({summary['improvement']:.1%} lower)"
    )
    print(f"written to {args.output}", file=sys.stderr)
    return 0


def do_queries(args: argparse.Namespace) -> int:
    from level4.windows import data, queries
    from level4.windows.tasks import run_queries

    for name in args.only or []:
        try:
            queries.query_named(name)
        except KeyError as exc:
            raise UsageError(str(exc.args[0])) from exc
    if args.list:
        chosen = [queries.query_named(n) for n in args.only] if args.only else queries.CATALOGUE
        if args.json:
            listing = [
                {"name": q.name, "summary": q.summary, "sql": q.sql.strip(), "bridge": q.bridge}
                for q in chosen
            ]
            print(json.dumps(listing, indent=2))
        else:
            for q in chosen:
                print(f"{q.name}: {q.summary}\n  bridge: {q.bridge or '-'}\n  {q.sql.strip()}\n")
        return 0
    if args.source == "sensors":
        frame = data.long_frame(_air_quality(args).iloc[: args.rows], drop_missing=False)
    else:
        frame = _stocks(args, None)
        frame = frame[frame.groupby("key").cumcount() < args.rows].reset_index(drop=True)
    rows = run_queries(frame, args.only)
    if args.json:
        print(json.dumps(rows, indent=2))
    else:
        print(
            _table(
                rows,
                [
                    ("query", ""),
                    ("rows", ","),
                    ("compared", ","),
                    ("max_difference", ".1e"),
                    ("nan_mismatches", ""),
                    ("ok", ""),
                    ("causal", ""),
                ],
            )
        )
    failed = [r["query"] for r in rows if not r["ok"]]
    if failed:
        raise Failure(f"pandas and DuckDB disagree on {', '.join(failed)}")
    return 0


HANDLERS = {
    "sensors": do_sensors,
    "stocks": do_stocks,
    "forecast": do_forecast,
    "queries": do_queries,
}


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), lambda args: HANDLERS[args.command](args), argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
