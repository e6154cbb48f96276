"""python -m level4.tuning: tune level 1's spam detector four ways, evaluate it, list the runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from level0.cli import Failure, UsageError, float_in, int_in, make_parser, run

# Spelled out so --help needs no scikit-learn; a test checks they equal the library's.
METHODS = ("grid", "random", "halving", "optuna")
CORPORA = ("sms", "enron", "synthetic")
BACKENDS = ("local", "dask")


def _tuning_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--budget",
        type=int_in(2, 100_000),
        required=True,
        metavar="FITS",
        help="fits each method may spend (one fit = one pipeline on one CV fold)",
    )
    command.add_argument("-o", "--output", type=Path, required=True, metavar="DIR")
    command.add_argument(
        "--corpus", choices=CORPORA, default="sms", help="labelled corpus (default sms)"
    )
    command.add_argument(
        "--sample",
        type=int_in(100, 1_000_000),
        metavar="N",
        help="tune on a stratified random sample of N messages (quick runs)",
    )
    command.add_argument("--folds", type=int_in(2, 20), default=3, help="CV folds (default 3)")
    command.add_argument("--repeats", type=int_in(1, 10), default=2, help="CV repeats (default 2)")
    command.add_argument(
        "--seed", type=int_in(0, 2**31 - 1), default=0, help="search seed (default 0)"
    )
    command.add_argument(
        "--max-blocked-ham",
        type=float_in(0.0, 0.5),
        default=0.003,
        metavar="FRACTION",
        help="share of ham the threshold may block on out-of-fold scores (default 0.003)",
    )
    command.add_argument(
        "--no-nested",
        dest="nested",
        action="store_false",
        help="skip nested CV (the honest estimate) to save time",
    )
    command.add_argument(
        "--jobs", type=int_in(1, 256), default=2, help="local parallel jobs (default 2)"
    )
    command.add_argument(
        "--backend",
        choices=BACKENDS,
        default="local",
        help="local processes, or a Dask cluster through joblib (default local)",
    )
    command.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786); default: a LocalCluster",
    )
    track = command.add_mutually_exclusive_group()
    track.add_argument(
        "--tracking-uri",
        metavar="URI",
        help="MLflow tracking URI (default sqlite:///DIR/mlflow.db)",
    )
    track.add_argument("--no-track", action="store_true", help="do not log to MLflow")
    command.add_argument("--json", action="store_true", help="print the summary as JSON")


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level4.tuning",
        "Tune level 1's spam detector with grid, random, successive-halving and Optuna search "
        "on the same folds and budget; estimate honestly; evaluate once on the held-out split.",
        "python -m level4.tuning compare --budget 120 -o runs/sms && "
        "python -m level4.tuning runs runs/sms",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    search = commands.add_parser("search", help="one search method, then the final model")
    search.add_argument("--method", choices=METHODS, required=True, help="search method")
    _tuning_options(search)
    compare = commands.add_parser(
        "compare", help="all four methods on one budget, then the final model"
    )
    _tuning_options(compare)
    evaluate = commands.add_parser(
        "evaluate", help="score a tuned model (held-out split, or another corpus)"
    )
    evaluate.add_argument("directory", type=Path, metavar="DIR")
    evaluate.add_argument(
        "--corpus",
        choices=CORPORA,
        help="score on this corpus instead (all of it, when not the training corpus)",
    )
    evaluate.add_argument("--json", action="store_true", help="print the report as JSON")
    runs = commands.add_parser("runs", help="list and compare the trials logged to MLflow")
    runs.add_argument("directory", type=Path, metavar="DIR")
    runs.add_argument(
        "--tracking-uri",
        metavar="URI",
        help="MLflow tracking URI (default sqlite:///DIR/mlflow.db)",
    )
    runs.add_argument("--method", choices=METHODS, help="only this method's trials")
    runs.add_argument(
        "--top", type=int_in(1, 100_000), default=20, help="show the N best (default 20)"
    )
    runs.add_argument("--json", action="store_true", help="print the runs as JSON")
    return parser


def _corpus(name: str, sample: int | None) -> Any:
    from level0.datasets import DatasetError
    from level1.spam.corpus import load_corpus

    try:
        corpus = load_corpus(name)
    except DatasetError as exc:
        raise Failure(str(exc)) from exc
    if sample is not None:
        from level4.tuning.workflow import sample_corpus

        corpus = sample_corpus(corpus, sample)
    if corpus.synthetic:
        print(
            "note: the synthetic corpus is generated by level0.datagen, not real mail",
            file=sys.stderr,
        )
    return corpus


def do_tune(args: argparse.Namespace) -> int:
    if args.scheduler and args.backend != "dask":
        raise UsageError("--scheduler needs --backend dask")
    if args.output.exists() and not args.output.is_dir():
        raise UsageError(f"{args.output} exists and is not a folder")
    methods = [args.method] if args.command == "search" else list(METHODS)
    corpus = _corpus(args.corpus, args.sample)
    from level4.tuning.report import format_summary
    from level4.tuning.workflow import Settings, tune

    settings = Settings(
        budget=args.budget,
        folds=args.folds,
        repeats=args.repeats,
        seed=args.seed,
        max_blocked_ham=args.max_blocked_ham,
        nested=args.nested,
        n_jobs=args.jobs,
        backend=args.backend,
        scheduler=args.scheduler,
        tracking_uri="" if args.no_track else args.tracking_uri,
        extra={"sample": args.sample},
    )
    quiet = args.json
    summary = tune(
        corpus,
        methods,
        args.output,
        settings,
        log=lambda text: print(text, file=sys.stderr) if not quiet else None,
    )
    print(json.dumps(summary, indent=2, default=str) if args.json else format_summary(summary))
    return 0


def do_evaluate(args: argparse.Namespace) -> int:
    from level4.tuning.workflow import evaluate_saved

    result = evaluate_saved(args.directory, args.corpus)
    if args.json:
        print(json.dumps(result, indent=2, default=str))
    else:
        from level4.tuning.evaluation import format_heldout
        from level4.tuning.report import _heldout, format_summary

        if result.get("summary") and args.corpus in (None, result["summary"]["corpus"]):
            print(format_summary(result["summary"]))
        else:
            print(format_heldout(_heldout(result["report"]), f"on the {result['scope']}"))
        print(f"\nfigures: {', '.join(result['figures'])}")
    return 0


def do_runs(args: argparse.Namespace) -> int:
    uri = args.tracking_uri
    if uri is None:
        store = args.directory / "mlflow.db"
        if not store.is_file():
            raise Failure(
                f"{store} does not exist; run search or compare with -o {args.directory} first"
            )
        uri = f"sqlite:///{store.resolve()}"
    from level4.tuning.report import format_runs
    from level4.tuning.tracking import list_runs

    rows = list_runs(uri, args.method)[: args.top]
    if args.json:
        print(json.dumps(rows, indent=2))
    elif not rows:
        print("no trials logged yet")
    else:
        print(format_runs(rows))
    return 0


HANDLERS = {"search": do_tune, "compare": do_tune, "evaluate": do_evaluate, "runs": do_runs}


def main(argv: list[str] | None = None) -> int:
    code: int = run(build_parser(), lambda args: HANDLERS[args.command](args), argv)
    return code


if __name__ == "__main__":
    sys.exit(main())
