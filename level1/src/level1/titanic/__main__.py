"""python -m level1.titanic: explore, cross-validate, train and predict Kaggle's Titanic."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import Failure, UsageError, int_in, make_parser, run

# The parser's choices, spelled out so that --help loads neither scikit-learn nor pandas
# (a test checks they equal models.MODELS and models.DEFAULT_MODEL); the data, model
# and store modules load inside the handlers, after the arguments are known to be good.
MODELS = ("logistic_regression", "random_forest", "gradient_boosting")
DEFAULT_MODEL = "logistic_regression"
FOLDS = int_in(2, 20)


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level1.titanic",
        "Who survived the Titanic? Explore Kaggle's train.csv, compare three models by\n"
        "repeated stratified 5-fold cross-validation, save a trained pipeline, and write a\n"
        "Kaggle submission for test.csv. --train/--test default to the data registry's files.",
        "python -m level1.titanic predict -o submission.csv",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def with_train(sub: argparse.ArgumentParser) -> None:
        sub.add_argument(
            "--train", type=Path, metavar="CSV", help="labelled passengers (train.csv)"
        )

    eda = commands.add_parser("eda", help="figures: survival by sex, class and age")
    with_train(eda)
    eda.add_argument(
        "-o", "--out", type=Path, required=True, metavar="DIR", help="folder for the PNGs"
    )

    cv = commands.add_parser("cv", help="stratified k-fold accuracy of the three models")
    with_train(cv)
    cv.add_argument("--folds", type=FOLDS, default=5, help="number of folds, 2 to 20 (default 5)")
    cv.add_argument(
        "--seed",
        type=int_in(0, 2**32 - 1),
        default=0,
        help="shuffling seed, 0 to 2**32-1 (default 0)",
    )
    cv.add_argument(
        "--repeats",
        type=int_in(1, 20),
        default=5,
        help="k-fold splits with new shuffles, 1 to 20 (default 5)",
    )
    cv.add_argument("--json", action="store_true", help="print JSON instead of a table")

    train = commands.add_parser("train", help="fit a pipeline on train.csv and save it")
    with_train(train)
    train.add_argument(
        "-o", "--out", type=Path, required=True, metavar="MODEL_DIR", help="model folder to write"
    )
    train.add_argument(
        "--model", choices=list(MODELS), default=DEFAULT_MODEL, help=f"default: {DEFAULT_MODEL}"
    )
    train.add_argument(
        "--folds", type=FOLDS, default=5, help="CV folds for the saved metrics, 2 to 20 (default 5)"
    )
    train.add_argument(
        "--repeats", type=int_in(1, 20), default=5, help="CV repeats, 1 to 20 (default 5)"
    )

    predict = commands.add_parser(
        "predict", help="write a Kaggle submission (PassengerId,Survived)"
    )
    with_train(predict)
    predict.add_argument(
        "--test", type=Path, metavar="CSV", help="passengers to predict (test.csv)"
    )
    predict.add_argument(
        "-o", "--out", type=Path, required=True, metavar="CSV", help="submission file to write"
    )
    source = predict.add_mutually_exclusive_group()
    source.add_argument(
        "--model", choices=list(MODELS), default=DEFAULT_MODEL, help=f"default: {DEFAULT_MODEL}"
    )
    source.add_argument("--model-dir", type=Path, help="use a pipeline saved by `train` instead")
    return parser


def registry_path(given: Path | None, which: int) -> Path:
    """The path given on the command line, else the registry's train.csv (0) or test.csv (1)."""
    from level0.datasets import DatasetError
    from level1.titanic.data import default_paths

    if given is not None:
        return given
    try:
        return default_paths()[which]
    except DatasetError as exc:
        raise Failure(f"{exc} (or pass --train/--test)") from None


def run_eda(args: argparse.Namespace) -> None:
    from level1.titanic.data import read_passengers
    from level1.titanic.eda import write_eda  # matplotlib only when drawing

    train = read_passengers(registry_path(args.train, 0), labelled=True)
    for path in write_eda(train, args.out):
        print(f"wrote {path}")


def run_cv(args: argparse.Namespace) -> None:
    from level1.titanic.data import read_passengers
    from level1.titanic.models import choose, cross_validate, format_cv_table, score_spread

    train_path = registry_path(args.train, 0)
    train = read_passengers(train_path, labelled=True)
    results = cross_validate(train, args.folds, args.seed, repeats=args.repeats)
    best = choose(results)
    spread = score_spread(best.mean)
    if args.json:
        answer = {"results": [r.as_dict() for r in results], "chosen": best.model}
        print(json.dumps(answer | {"test_418_sd": spread}, indent=2))
    else:
        print(
            f"stratified {args.folds}-fold CV x {args.repeats} on {train_path} (seed {args.seed})"
        )
        print(format_cv_table(results))
        print(f"chosen (simplest within one standard error of the best): {best.model}")
        print(
            f"418 new passengers drawn like train.csv's: about {best.mean:.3f}, "
            f"sd {spread:.3f} from sampling alone"
        )


def run_train(args: argparse.Namespace) -> None:
    from level1.titanic.data import read_passengers, sha256_of
    from level1.titanic.models import cross_validate, fit
    from level1.titanic.store import save_model

    train_path = registry_path(args.train, 0)
    train = read_passengers(train_path, labelled=True)
    (result,) = cross_validate(train, args.folds, names=(args.model,), repeats=args.repeats)
    metrics = {
        "cv_accuracy_mean": result.mean,
        "cv_accuracy_std": result.std,
        "cv_folds": args.folds,
        "cv_repeats": args.repeats,
    }
    save_model(
        fit(train, args.model),
        args.out,
        metrics=metrics,
        data_sha256=sha256_of(train_path),
        extra={"model": args.model, "train_rows": len(train)},
    )
    print(
        f"{args.model}: {args.folds}-fold CV x {args.repeats} accuracy "
        f"{result.mean:.3f} ± {result.std:.3f}"
    )
    print(f"saved to {args.out}")


def run_predict(args: argparse.Namespace) -> None:
    from level1.titanic.data import read_passengers
    from level1.titanic.models import fit
    from level1.titanic.store import load_model
    from level1.titanic.submission import check_submission, make_submission, write_submission

    if args.model_dir:  # check the model before the data: a bad folder fails fast
        if args.train:
            raise UsageError("--train and --model-dir exclude each other: the model is trained")
        saved = load_model(args.model_dir)
        model, name = saved.model, f"saved {saved.metadata['extra'].get('model', '?')}"
    test = read_passengers(registry_path(args.test, 1), labelled=False)
    if not args.model_dir:
        train = read_passengers(registry_path(args.train, 0), labelled=True)
        overlap = set(train["PassengerId"]) & set(test["PassengerId"])
        if overlap:
            print(
                f"note: {len(overlap)} test PassengerIds are also in the training file",
                file=sys.stderr,
            )
        model, name = fit(train, args.model), args.model
    submission = make_submission(model, test)
    check_submission(submission, test)
    write_submission(submission, args.out)
    rate = submission["Survived"].mean()
    print(f"{name}: {len(submission)} passengers, {rate:.1%} predicted to survive")
    print(f"wrote {args.out}")


COMMANDS = {"eda": run_eda, "cv": run_cv, "train": run_train, "predict": run_predict}


def handle(args: argparse.Namespace) -> int:
    COMMANDS[args.command](args)
    return 0


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), handle, argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
