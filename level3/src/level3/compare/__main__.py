"""python -m level3.compare: cross-validate six classifiers on one dataset and test the top two."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import UsageError, make_parser, run
from level3.compare.curves import plot_learning_curves, plot_validation_curves
from level3.compare.data import DATASETS, load_dataset
from level3.compare.evaluate import compare, format_table
from level3.compare.models import MODELS


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level3.compare",
        "Compare logistic regression, linear and RBF SVMs, k-NN, a decision tree and a\n"
        "random forest by repeated stratified k-fold CV on one dataset: mean ± std of\n"
        "accuracy and macro F1, fit and predict time, and the corrected resampled t-test\n"
        "(Nadeau & Bengio) between the top two. titanic and spam need the cached real data.",
        "python -m level3.compare --dataset breast_cancer --repeats 3 -o plots/",
    )
    parser.add_argument("--dataset", choices=DATASETS, required=True, help="what to compare on")
    parser.add_argument("--repeats", type=int, default=3, help="CV repetitions (default 3)")
    parser.add_argument("--folds", type=int, default=5, help="folds per repetition (default 5)")
    parser.add_argument("--seed", type=int, default=0, help="shuffling seed (default 0)")
    parser.add_argument(
        "--models",
        nargs="+",
        choices=list(MODELS),
        metavar="MODEL",
        help=f"models to compare (default: all of {', '.join(MODELS)})",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "-o", "--out", type=Path, metavar="DIR", help="also draw learning and validation curves"
    )
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.repeats < 1:
        raise UsageError("--repeats must be at least 1")
    if args.folds < 2:
        raise UsageError("--folds must be at least 2")
    dataset = load_dataset(args.dataset)
    comparison = compare(dataset, tuple(args.models or MODELS), args.folds, args.repeats, args.seed)
    files = []
    if args.out is not None:
        files.append(plot_learning_curves(dataset, args.out / f"{dataset.name}_learning.png"))
        files.append(plot_validation_curves(dataset, args.out / f"{dataset.name}_validation.png"))
    if args.json:
        summary = comparison.as_dict()
        summary["plots"] = [str(path) for path in files]
        print(json.dumps(summary, indent=2))
    else:
        print(format_table(comparison))
        for path in files:
            print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
