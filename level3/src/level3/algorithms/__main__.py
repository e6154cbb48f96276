"""python -m level3.algorithms: compare the from-scratch estimators with scikit-learn's, or sweep one."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import UsageError, int_in, make_parser, run

# The parser's choices, spelled out so that --help needs no NumPy or scikit-learn; a test
# checks they equal compare.ALGORITHMS, compare.DATASETS and sweep.SWEEPS. The estimators
# load inside the handler, after the arguments are known to be good.
ALGORITHMS = ("logistic", "tree", "knn", "svm", "kmeans", "pca")
DATASETS = ("iris", "breast_cancer", "digits")
SWEEPS = ("tree", "knn", "logistic", "svm")
SEEDS = int_in(0, 2**32 - 1)  # what numpy's RandomState accepts


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level3.algorithms",
        "Six ML algorithms written from scratch in NumPy (logistic regression, CART tree,\n"
        "k-NN, linear SVM, k-means, PCA), fitted next to scikit-learn's own on the datasets\n"
        "bundled with scikit-learn (iris, breast_cancer, digits; no download).",
        "python -m level3.algorithms compare --algorithm tree knn --dataset iris",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    table = commands.add_parser(
        "compare", help="score each estimator and its scikit-learn twin; how far they agree"
    )
    table.add_argument(
        "--algorithm",
        nargs="+",
        choices=ALGORITHMS,
        metavar="NAME",
        help=f"which ones (default: all): {', '.join(ALGORITHMS)}",
    )
    table.add_argument(
        "--dataset",
        nargs="+",
        choices=DATASETS,
        metavar="NAME",
        help=f"which datasets (default: all): {', '.join(DATASETS)}",
    )
    table.add_argument(
        "--seed", type=SEEDS, default=0, help="train/test split seed, 0 to 2**32-1 (default 0)"
    )
    table.add_argument("--json", action="store_true", help="print JSON instead of a table")

    knob = commands.add_parser(
        "sweep", help="train vs held-out accuracy as one complexity parameter turns (bias/variance)"
    )
    knob.add_argument("algorithm", choices=SWEEPS, help="whose parameter to sweep")
    knob.add_argument("--dataset", choices=DATASETS, default="breast_cancer")
    knob.add_argument(
        "--folds", type=int_in(2, 20), default=5, help="cross-validation folds, 2 to 20 (default 5)"
    )
    knob.add_argument("--plot", type=Path, metavar="PNG", help="also draw the two curves here")
    knob.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.command == "compare":
        from level3.algorithms.compare import compare, format_table

        rows = compare(args.algorithm, args.dataset, seed=args.seed)
        if args.json:
            print(json.dumps([row.as_dict() for row in rows], indent=2))
        else:
            print(format_table(rows))
        return 0
    if args.plot is not None and not args.plot.parent.is_dir():
        raise UsageError(f"--plot: no such directory: {args.plot.parent}")
    if args.plot is not None and args.plot.is_dir():
        raise UsageError(f"--plot: {args.plot} is a directory; give a PNG file name")
    from level3.algorithms.sweep import SWEEPS as SWEEP_SPECS
    from level3.algorithms.sweep import plot_sweep, sweep

    points = sweep(args.algorithm, args.dataset, folds=args.folds)
    parameter = SWEEP_SPECS[args.algorithm].parameter
    if args.json:
        print(json.dumps([p.as_dict() | {"parameter": parameter} for p in points], indent=2))
    else:
        print(f"{args.algorithm} on {args.dataset}: {args.folds}-fold CV accuracy")
        print(f"{parameter:>12}  {'train':>6}  {'held-out':>8}")
        for p in points:
            print(f"{p.value!s:>12}  {p.train_accuracy:6.3f}  {p.test_accuracy:8.3f}")
    if args.plot is not None:
        plot_sweep(points, args.algorithm, args.dataset, args.plot)
        print(f"wrote {args.plot}", file=sys.stderr if args.json else sys.stdout)
    return 0


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
