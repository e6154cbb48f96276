"""python -m level3.compare: cross-validate six classifiers on one dataset and test the top two."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import UsageError, int_in, make_parser, run

# The parser's choices, spelled out so that --help needs no scikit-learn; a test checks
# they equal data.DATASETS and models.MODELS. The models load inside the handler.
DATASETS = ("titanic", "spam", "digits", "breast_cancer")
MODELS = ("logistic_regression", "linear_svm", "knn", "decision_tree", "rbf_svm", "random_forest")

# The work budget: each split fits all the models once, so a run costs about
# (folds x repeats) x the seconds of one split. One split of all six models takes about
# 1.5 s on titanic and breast cancer and 4 s on digits (README tables), and 23 s of CPU
# on spam (measured: 5 folds x 1 repeat, 115 s CPU, 350 s wall on the loaded 2-core VM).
# The caps keep a run within a few minutes (plus the curves with -o).
MAX_SPLITS = {"titanic": 40, "spam": 5, "digits": 40, "breast_cancer": 40}
DEFAULT_REPEATS = 3


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
    parser.add_argument(
        "--repeats",
        type=int_in(1, 20),
        help=f"CV repetitions, 1 to 20 (default {DEFAULT_REPEATS}, fewer when the split "
        "budget needs it: 1 on spam)",
    )
    parser.add_argument(
        "--folds", type=int_in(2, 20), default=5, help="folds per repetition, 2 to 20 (default 5)"
    )
    parser.add_argument(
        "--seed",
        type=int_in(0, 2**32 - 1),
        default=0,
        help="shuffling seed, 0 to 2**32-1 (default 0)",
    )
    parser.add_argument(
        "--models",
        nargs="+",
        choices=MODELS,
        metavar="MODEL",
        help=f"models to compare (default: all of {', '.join(MODELS)})",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "-o", "--out", type=Path, metavar="DIR", help="also draw learning and validation curves"
    )
    parser.epilog = (parser.epilog or "") + (
        "\n\nwork budget (a run of a few minutes at most on 2 cores):\n  folds x repeats <= "
        + ", ".join(f"{splits} on {name}" for name, splits in MAX_SPLITS.items())
    )
    return parser


def splits_in_budget(args: argparse.Namespace) -> int:
    """The repeats to run: the asked ones, checked against the dataset's split budget."""
    most = MAX_SPLITS[args.dataset]
    if args.repeats is None:
        return max(1, min(DEFAULT_REPEATS, most // int(args.folds)))
    if args.folds * args.repeats > most:
        raise UsageError(
            f"{args.folds} folds x {args.repeats} repeats = {args.folds * args.repeats} splits, "
            f"more than the {most} allowed on {args.dataset} (each split fits every model; "
            "a few minutes at most on 2 cores); use fewer --repeats or --folds"
        )
    return int(args.repeats)


def handle(args: argparse.Namespace) -> int:
    if args.folds > MAX_SPLITS[args.dataset]:
        raise UsageError(
            f"--folds {args.folds} is more than the {MAX_SPLITS[args.dataset]} splits "
            f"allowed on {args.dataset}"
        )
    repeats = splits_in_budget(args)
    if args.out is not None and args.out.exists() and not args.out.is_dir():
        raise UsageError(f"-o/--out: {args.out} exists and is not a folder")
    from level3.compare.curves import plot_learning_curves, plot_validation_curves
    from level3.compare.data import load_dataset
    from level3.compare.evaluate import compare, format_table

    dataset = load_dataset(args.dataset)
    comparison = compare(dataset, tuple(args.models or MODELS), args.folds, repeats, args.seed)
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
