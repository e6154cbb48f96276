"""python -m level2.product_features: build features and a report, or read prices from text."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path

from level0.cli import Failure, UsageError, int_in, make_parser, run

# The parser's choices and limits, spelled out so that --help needs no scikit-learn; a
# test checks TARGETS equals selection.TARGETS. Heavy imports wait inside the handlers.
TARGETS = ("price_band", "rating_band")
MAX_K = 1000  # more than the matrix has columns; each method keeps at most all of them
MAX_FOLDS = 20
SEED_MAX = 2**32 - 1


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level2.product_features",
        "Clean scraped product data, explore it, compare feature-selection methods and\n"
        "write a report plus a feature matrix (features.csv + features.json) for level 3.",
        "python -m level2.product_features build products.jsonl -o product-report",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    make = commands.add_parser(
        "build",
        help="run every step and write the report, plots and feature matrix",
        description="INPUT: a level2.scraper output (.jsonl/.csv), a books CSV or a folder of "
        "them. Without INPUT: the registry's books.toscrape data (python -m level0.datasets "
        "fetch products).",
    )
    make.add_argument("input", nargs="?", type=Path, help="products to read (default: registry)")
    make.add_argument(
        "-o", "--out", type=Path, required=True, help="folder for the report and files"
    )
    make.add_argument(
        "--target",
        choices=TARGETS,
        default="price_band",
        help="what to predict (default price_band)",
    )
    make.add_argument(
        "--k",
        type=int_in(1, MAX_K),
        default=10,
        help=f"features each method keeps, 1 to {MAX_K:,} (default 10)",
    )
    make.add_argument(
        "--folds",
        type=int_in(2, MAX_FOLDS),
        default=5,
        help=f"cross-validation folds, 2 to {MAX_FOLDS} (default 5)",
    )
    make.add_argument("--seed", type=int_in(0, SEED_MAX), default=0, help="random seed (default 0)")
    make.add_argument("--json", action="store_true", help="print the summary as JSON")

    price = commands.add_parser("parse-price", help="read prices from text, e.g. 'from £1,234.50'")
    price.add_argument("texts", nargs="+", metavar="TEXT", help="price texts")
    price.add_argument("--json", action="store_true", help="print JSON")
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.command == "parse-price":
        return _parse_prices(args)
    if args.input is not None and not args.input.exists():
        raise UsageError(f"no such file or folder: {args.input}")
    from level0.datasets import DatasetMissing
    from level2.product_features.report import build

    try:
        result = build(
            args.input, args.out, target=args.target, k=args.k, folds=args.folds, seed=args.seed
        )
    except DatasetMissing as exc:
        raise Failure(f"{exc} (or pass INPUT: a scraper output or a books folder)") from exc
    if args.json:
        print(json.dumps(result.as_dict(), indent=2, ensure_ascii=False))
        return 0
    table = result.selection.table
    print(
        f"{result.products} products from {result.source} "
        f"({result.duplicates} duplicates dropped); target: {result.selection.target}, "
        f"{result.selection.folds}-fold CV, balanced accuracy"
    )
    for row in table.itertuples(index=False):
        print(
            f"  {row.method:<20} {row.family:<9} {row.n_features:>3} features  {row.cv_mean:.3f} ± {row.cv_sd:.3f}"
        )
    print(result.verdict)
    print(
        f"feature matrix {result.matrix_shape[0]} x {result.matrix_shape[1]}; files in {args.out}"
    )
    return 0


def _parse_prices(args: argparse.Namespace) -> int:
    from level2.product_features.prices import PriceFormatError, parse_price

    rows = []
    failed = False
    for text in args.texts:
        try:
            price = parse_price(text)
        except PriceFormatError as exc:
            rows.append({"text": text, "error": str(exc)})
            failed = True
            continue
        rows.append({"text": text, **(asdict(price) if price else {"amount": None})})
    if args.json:
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for row in rows:
            if "error" in row:
                print(f"{row['text']!r}: error: {row['error']}")
            elif row["amount"] is None:
                print(f"{row['text']!r}: no price")
            else:
                print(
                    f"{row['text']!r}: {row['amount']:g} {row['currency'] or '(no currency)'}"
                    f" [{row['kind']}, {row['low']:g}-{row['high']:g}]"
                )
    if failed:
        raise Failure("some prices could not be read")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
