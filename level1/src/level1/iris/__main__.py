"""python -m level1.iris: predict a flower's species, compare models by CV, write a report."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import UsageError, int_in, make_parser, run

# What the parser needs, spelled out so that --help loads neither scikit-learn nor pandas
# (a test checks they equal data.FEATURES, models.MODELS and models.DEFAULT_MODEL).
FEATURES = ("sepal length", "sepal width", "petal length", "petal width")
MODELS = ("logistic_regression", "knn", "decision_tree")
DEFAULT_MODEL = "logistic_regression"
SEED = int_in(0, 2**32 - 1)


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level1.iris",
        "Predict an iris flower's species from four measurements (cm), compare three\n"
        "classifiers by stratified cross-validation, or write a test-set report.\n"
        "The data is scikit-learn's bundled iris set; the model trains in milliseconds.",
        "python -m level1.iris predict 5.1 3.5 1.4 0.2",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    predict = commands.add_parser("predict", help="species and probabilities for one flower")
    predict.add_argument(
        "measurements",
        nargs="*",
        metavar="CM",
        help=f"four lengths in cm: {', '.join(FEATURES)}",
    )
    predict.add_argument(
        "--model", choices=list(MODELS), default=DEFAULT_MODEL, help=f"default: {DEFAULT_MODEL}"
    )
    predict.add_argument("--json", action="store_true", help="print JSON instead of text")

    cv = commands.add_parser("cv", help="stratified k-fold accuracy of every model (mean ± std)")
    cv.add_argument(
        "--folds",
        type=int_in(2, 50),
        default=10,
        help="number of folds, 2 to 50 (the smallest species' count; default 10)",
    )
    cv.add_argument("--seed", type=SEED, default=0, help="shuffling seed, 0 to 2**32-1 (default 0)")
    cv.add_argument("--json", action="store_true", help="print JSON instead of a table")

    report = commands.add_parser(
        "report",
        help="split, choose by CV, test once: confusion matrix PNG + classification report",
    )
    report.add_argument(
        "-o", "--out", type=Path, required=True, metavar="DIR", help="folder for the report files"
    )
    report.add_argument(
        "--seed", type=SEED, default=0, help="split and CV seed, 0 to 2**32-1 (default 0)"
    )
    report.add_argument(
        "--folds",
        type=int_in(2, 40),
        default=10,
        help="CV folds on the training part, 2 to 40 (each species keeps 40 flowers there)",
    )
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.command == "predict":
        from level1.iris.predict import MeasurementError, predict_species, train

        try:
            prediction = predict_species(args.measurements, train(args.model))
        except MeasurementError as exc:
            raise UsageError(f"{exc}; example: predict 5.1 3.5 1.4 0.2") from None
        if args.json:
            print(json.dumps(vars(prediction) | {"model": args.model}, indent=2))
        else:
            print(f"species: {prediction.species}  ({args.model})")
            for species, probability in prediction.probabilities.items():
                print(f"  {species:<12} {probability:6.3f}")
        for name in prediction.outside_training_range:
            print(
                f"note: {name} is outside the range seen in training: an extrapolation",
                file=sys.stderr,
            )
    elif args.command == "cv":
        from level1.iris.data import load_data
        from level1.iris.models import cross_validate_models
        from level1.iris.report import format_cv_table

        features, species = load_data()
        results = cross_validate_models(features, species, folds=args.folds, seed=args.seed)
        if args.json:
            print(json.dumps([r.as_dict() for r in results], indent=2))
        else:
            print(
                f"stratified {args.folds}-fold CV on all {len(species)} flowers (seed {args.seed})"
            )
            print(format_cv_table(results))
    else:
        from level1.iris.report import write_report

        report = write_report(args.out, seed=args.seed, folds=args.folds)
        print(f"chosen by CV on {report.train_size} flowers: {report.chosen}")
        print(
            f"test accuracy on {report.test_size} held-out flowers: {report.evaluation.accuracy:.3f}"
        )
        for path in report.files:
            print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
