"""python -m level2.housing: EDA report, train (CV table + saved model), evaluate on the test split."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import Failure, UsageError, int_in, make_parser, require_memory, run

# Limits of the parser, and the budget of a training run. scikit-learn and pandas load
# inside the handler, after the arguments are known to be good.
MAX_FOLDS = 20
MAX_TREES = 1000  # boosting then runs 10,000 iterations: hours on a laptop
SEED_MAX = 2**32 - 1
# A fully grown tree of the forest measured 1.44 MB on the 16,512 training rows (about
# 20,000 nodes, 87 bytes per row); cross-validation holds one forest at a time.
TREE_BYTES_PER_ROW = 100
MAX_DATA_BYTES = 64 * 2**20  # housing.csv is 1.4 MB; 64 MB is about 900,000 districts


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level2.housing",
        "Explore California housing (report), compare four models by 5-fold CV RMSE and\n"
        "save the chosen one (train), then measure it once on the held-out test split (evaluate).",
        "python -m level2.housing report -o housing-report",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    data_help = (
        "housing.csv to use (default: the registry's, python -m level0.datasets fetch housing)"
    )

    report = commands.add_parser("report", help="write the EDA report (Markdown + PNGs)")
    report.add_argument("-o", "--out", type=Path, required=True, help="folder for the report")
    report.add_argument("--data", type=Path, help=data_help)

    fit = commands.add_parser("train", help="cross-validate four models, save the chosen one")
    fit.add_argument(
        "-o",
        "--out",
        type=Path,
        default=Path("housing-model"),
        help="model folder (default housing-model)",
    )
    fit.add_argument("--data", type=Path, help=data_help)
    fit.add_argument(
        "--folds",
        type=int_in(2, MAX_FOLDS),
        default=5,
        help=f"CV folds, 2 to {MAX_FOLDS} (default 5)",
    )
    fit.add_argument(
        "--trees",
        type=int_in(1, MAX_TREES),
        default=100,
        help=f"forest trees, 1 to {MAX_TREES:,}; boosting uses 10x as many iterations "
        "(default 100)",
    )
    fit.add_argument(
        "--seed",
        type=int_in(0, SEED_MAX),
        default=42,
        help="split and model seed (default 42)",
    )
    fit.add_argument("--json", action="store_true", help="print the CV table as JSON")

    check = commands.add_parser("evaluate", help="test RMSE of a saved model")
    check.add_argument(
        "--model",
        type=Path,
        default=Path("housing-model"),
        help="model folder (default housing-model)",
    )
    check.add_argument("--data", type=Path, help=data_help)
    check.add_argument("--json", action="store_true", help="print JSON")
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.data is not None:
        if args.data.is_dir():
            raise UsageError(f"--data {args.data} is a folder; give the housing.csv file")
        if not args.data.is_file():
            raise UsageError(f"no such file: {args.data}")
        if args.data.stat().st_size > MAX_DATA_BYTES:
            raise UsageError(
                f"--data {args.data} is over {MAX_DATA_BYTES // 2**20} MB; housing.csv is 1.4 MB"
            )
    from level0.datasets import DatasetMissing
    from level2.housing.workflow import load_frame

    try:
        frame, source = load_frame(args.data)
    except DatasetMissing as exc:
        raise Failure(f"{exc} (or pass --data housing.csv)") from exc
    if args.command == "report":
        from level2.housing.report import write_report

        files = write_report(frame, args.out, label=f"data: {source.name}")
        print(f"wrote {len(files)} files to {args.out} (open {args.out / 'report.md'})")
        return 0
    if args.command == "train":
        from level2.housing.workflow import save, train

        per_tree = TREE_BYTES_PER_ROW * len(frame)
        require_memory(
            args.trees * per_tree,
            f"a forest of {args.trees:,} trees on {len(frame):,} rows",
            unit_bytes=per_tree,
        )
        result = train(frame, seed=args.seed, folds=args.folds, n_estimators=args.trees)
        save(result, args.out, data=source, seed=args.seed)
        if args.json:
            print(
                json.dumps(
                    {
                        "cv": result.cv_table.to_dict(orient="records"),
                        "chosen": result.chosen,
                        "model_dir": str(args.out),
                    },
                    indent=2,
                )
            )
            return 0
        print(f"{args.folds}-fold CV RMSE on the training split (USD):")
        for row in result.cv_table.itertuples(index=False):
            print(f"  {row.model:<8} {row.cv_rmse:>10,.0f} ± {row.cv_sd:,.0f}")
        print(f"saved {result.chosen} to {args.out}")
        return 0
    from level2.housing.workflow import evaluate, file_sha256

    scores = evaluate(args.model, frame, data_sha256=file_sha256(source))
    if args.json:
        print(json.dumps(scores, indent=2))
    else:
        print(
            f"{scores['model']}: test RMSE {scores['test_rmse']:,.0f} USD on {scores['test_rows']:,} rows"
        )
        if scores["rmse_capped_rows"] is not None:
            print(
                f"  {scores['capped_rows']} rows at the 500,001 USD cap: RMSE "
                f"{scores['rmse_capped_rows']:,.0f}; the other rows: {scores['rmse_other_rows']:,.0f}"
            )
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
