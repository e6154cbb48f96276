"""python -m level3.clusters: k-means (elbow, silhouette) and DBSCAN on product features."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import UsageError, make_parser, run
from level3.clusters.data import load_features
from level3.clusters.report import analyse, write_report


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
    parser.add_argument("--k-max", type=int, default=10, help="largest k to try (default 10)")
    parser.add_argument("--k-min", type=int, default=2, help="smallest k to try (default 2)")
    parser.add_argument(
        "--min-samples", type=int, default=5, help="DBSCAN's min_samples (default 5)"
    )
    parser.add_argument("--seed", type=int, default=0, help="k-means seed (default 0)")
    parser.add_argument(
        "-o", "--out", type=Path, required=True, metavar="DIR", help="output folder"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.k_min < 2:
        raise UsageError(
            f"--k-min must be at least 2 (silhouette needs 2 clusters), got {args.k_min}"
        )
    if args.k_max < args.k_min:
        raise UsageError(f"--k-max ({args.k_max}) must be at least --k-min ({args.k_min})")
    if args.min_samples < 2:
        raise UsageError(f"--min-samples must be at least 2, got {args.min_samples}")
    features = load_features(args.input, work_dir=args.out)
    if args.k_max >= len(features.matrix):
        raise UsageError(
            f"--k-max ({args.k_max}) must be below the number of rows ({len(features.matrix)})"
        )
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
