"""python -m level3.clusters: k-means (elbow, silhouette) and DBSCAN on product features."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import Failure, UsageError, int_in, make_parser, run

# The work budget. k-means runs 10 starts for every k in the range, DBSCAN and the
# neighbour distances grow faster than the rows, so the CLI takes at most K_LIMIT as k
# and MAX_ROWS rows, and refuses a features file over MAX_INPUT_BYTES before reading it.
K_LIMIT = 30
MAX_ROWS = 20_000
MAX_INPUT_BYTES = 50 * 1024 * 1024


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level3.clusters",
        "Cluster products: standardise level 2's feature matrix, run k-means for\n"
        "k = 2..K (inertia and silhouette; k chosen by silhouette) and DBSCAN (eps from\n"
        "the k-distance knee), then write profiles (Markdown + JSON), labels and PCA plots.\n"
        "Without --input: the real books when cached, else a crawl of the synthetic demo shop.",
        "python -m level3.clusters --input features.csv --k-max 8 -o clusters/",
    )
    parser.add_argument(
        "--input",
        type=Path,
        metavar="FEATURES.csv",
        help="a feature matrix (level2.product_features build writes features.csv)",
    )
    parser.add_argument(
        "--k-max",
        type=int_in(2, K_LIMIT),
        default=10,
        help=f"largest k to try, 2 to {K_LIMIT} (default 10)",
    )
    parser.add_argument(
        "--k-min",
        type=int_in(2, K_LIMIT),
        default=2,
        help=f"smallest k to try, 2 to {K_LIMIT} (silhouette needs 2 clusters; default 2)",
    )
    parser.add_argument(
        "--min-samples",
        type=int_in(2, 100),
        default=5,
        help="DBSCAN's min_samples, 2 to 100 (default 5)",
    )
    parser.add_argument(
        "--seed", type=int_in(0, 2**32 - 1), default=0, help="k-means seed (default 0)"
    )
    parser.add_argument(
        "-o", "--out", type=Path, required=True, metavar="DIR", help="output folder"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.k_max < args.k_min:
        raise UsageError(f"--k-max ({args.k_max}) must be at least --k-min ({args.k_min})")
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"-o/--out: {args.out} exists and is not a folder")
    if args.input is not None:
        if not args.input.is_file():
            if args.input.is_dir():
                raise Failure(f"--input: {args.input} is a folder, not a features CSV")
            raise Failure(f"--input: no such file: {args.input}")
        size = args.input.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise Failure(
                f"{args.input} is {size / 2**20:.0f} MB, more than the "
                f"{MAX_INPUT_BYTES // 2**20} MB this tool reads (at most {MAX_ROWS:,} rows)"
            )
    from level3.clusters.data import load_features

    features = load_features(args.input, work_dir=args.out)
    if len(features.matrix) > MAX_ROWS:
        raise Failure(
            f"{len(features.matrix):,} rows is more than the {MAX_ROWS:,} this tool clusters "
            "(k-means x every k, DBSCAN); cluster a sample of them"
        )
    if args.k_max >= len(features.matrix):
        raise UsageError(
            f"--k-max ({args.k_max}) must be below the number of rows ({len(features.matrix)})"
        )
    from level3.clusters.report import analyse, write_report

    analysis = analyse(
        features.matrix,
        k_min=args.k_min,
        k_max=args.k_max,
        min_samples=args.min_samples,
        seed=args.seed,
        data_label=features.label,
    )
    files = write_report(analysis, args.out, seed=args.seed)
    if args.json:
        summary = analysis.summary()
        summary["files"] = [str(path) for path in files]
        print(json.dumps(summary, indent=2, ensure_ascii=False))
        return 0
    print(f"data: {features.label} ({len(features.matrix)} rows)")
    print(f"{'k':>3} {'inertia':>12} {'silhouette':>10}")
    for row in analysis.sweep.table.itertuples():
        print(f"{row.k:>3} {row.inertia:>12.1f} {row.silhouette:>10.3f}")
    print(f"k-means: k = {analysis.sweep.best_k} by silhouette (elbow: {analysis.sweep.elbow_k})")
    d = analysis.dbscan
    print(
        f"DBSCAN: eps = {d.eps:.3f}, min_samples = {d.min_samples}: {d.clusters} clusters, "
        f"{d.noise} noise points; adjusted Rand vs k-means {analysis.agreement:.3f}"
    )
    for path in files:
        print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
