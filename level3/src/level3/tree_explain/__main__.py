"""python -m level3.tree_explain: tune a decision tree by CV, then explain it."""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

from level0.cli import UsageError, int_in, make_parser, run

# The parser's choices and defaults, spelled out so that --help needs no scikit-learn; a
# test checks they equal data.DATASETS, tune.DEPTHS and tune.LEAF_SIZES.
DATASETS = ("titanic", "breast_cancer")
DEPTHS: tuple[int | None, ...] = (1, 2, 3, 4, 5, 6, 8, 10, None)
LEAF_SIZES = (1, 2, 5, 10, 20, 40)
TEST_SHARE = 0.25  # explain fits on 75% of the rows and explains one of the other 25%

# The work budget: every candidate tree is fitted once per fold. The default grid is 54
# trees + 25 pruning points = 79 candidates x 5 folds = 395 fits (Titanic: 54 s on the
# loaded 2-core VM, breast cancer: 13 s), so 1,000 fits stay within about 2-3 minutes.
MAX_FITS = 1000
MAX_DEPTH = 100
_depth_number = int_in(1, MAX_DEPTH)


def depth(text: str) -> int | None:
    """A --depths value: an integer from 1 to MAX_DEPTH, or \"none\" for unlimited."""
    if text.lower() == "none":
        return None
    return _depth_number(text)


def build_parser() -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = make_parser(
        "python -m level3.tree_explain",
        "Tune a decision tree by stratified CV over max_depth, min_samples_leaf and the\n"
        "cost-complexity pruning path (smallest tree within one standard error of the\n"
        "best), then explain it: text rules, a tree plot, impurity vs permutation\n"
        "importance, and one prediction in plain English. --dataset defaults to titanic\n"
        "when its real data is cached, else breast_cancer (bundled).",
        "python -m level3.tree_explain explain --dataset breast_cancer --row 3 -o out/",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, text in (
        ("tune", "CV over depth, leaf size and ccp_alpha; plot the evidence"),
        ("explain", "tune, fit on 75%%, then rules, importances and one row in English"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--dataset", choices=DATASETS, help="default: titanic if cached")
        sub.add_argument(
            "--folds", type=int_in(2, 20), default=5, help="CV folds, 2 to 20 (default 5)"
        )
        sub.add_argument(
            "--seed",
            type=int_in(0, 2**32 - 1),
            default=0,
            help="split/shuffle seed, 0 to 2**32-1 (default 0)",
        )
        sub.add_argument(
            "--depths",
            nargs="+",
            type=depth,
            default=list(DEPTHS),
            metavar="D",
            help=f"max_depth values to try, 1 to {MAX_DEPTH} or 'none' = unlimited "
            "(default 1-6 8 10 none)",
        )
        sub.add_argument(
            "--leaf-sizes",
            nargs="+",
            type=int_in(1, 100_000),
            default=list(LEAF_SIZES),
            metavar="N",
            help="min_samples_leaf values, 1 to 100,000 (default 1 2 5 10 20 40)",
        )
        sub.add_argument(
            "--alphas",
            type=int_in(0, 200),
            default=25,
            help="points of the ccp_alpha pruning path to try, 0 to 200 (default 25)",
        )
        sub.add_argument("--json", action="store_true", help="print JSON instead of text")
        sub.add_argument(
            "-o",
            "--out",
            type=Path,
            required=True,
            metavar="DIR",
            help="folder for the plots and text files",
        )
        if name == "explain":
            sub.add_argument(
                "--row",
                type=int_in(0, 100_000),
                default=0,
                help="which held-out row to explain, from 0 (default 0)",
            )
    return parser


def check_budget(args: argparse.Namespace) -> None:
    """Refuse a grid whose fits exceed MAX_FITS, and an --out that is not a folder."""
    candidates = len(args.depths) * len(args.leaf_sizes) + args.alphas
    fits = candidates * args.folds
    if fits > MAX_FITS:
        raise UsageError(
            f"{len(args.depths)} depths x {len(args.leaf_sizes)} leaf sizes + {args.alphas} "
            f"alphas = {candidates} trees x {args.folds} folds = {fits:,} fits, more than the "
            f"budget of {MAX_FITS:,} (about 2-3 minutes on 2 cores); try fewer values or folds"
        )
    if args.out.exists() and not args.out.is_dir():
        raise UsageError(f"-o/--out: {args.out} exists and is not a folder")


def handle(args: argparse.Namespace) -> int:
    check_budget(args)
    from level0.atomic import atomic_write_text
    from level3.tree_explain.data import default_dataset, load_table
    from level3.tree_explain.explain import explain, fit_tree, importances, rules
    from level3.tree_explain.plots import plot_importances, plot_tree_png, plot_tuning
    from level3.tree_explain.tune import tune

    table = load_table(args.dataset or default_dataset())
    held_out = math.ceil(TEST_SHARE * len(table.y))  # train_test_split's test size
    if args.command == "explain" and args.row >= held_out:
        raise UsageError(f"--row must be between 0 and {held_out - 1}")
    tuning = tune(
        table, args.folds, tuple(args.depths), tuple(args.leaf_sizes), args.alphas, args.seed
    )
    files = [plot_tuning(tuning, args.out / f"{table.name}_tuning.png")]
    summary: dict[str, Any] = {"dataset": table.name, "data": table.data, **tuning.as_dict()}
    lines = [
        f"{table.name} ({table.data}): {len(tuning.candidates)} trees, {args.folds}-fold CV "
        "(leaves: mean over the trees of the folds)",
        f"best   {tuning.best.describe():<40} CV accuracy {tuning.best.mean:.4f} "
        f"± {tuning.best.std:.4f}, {tuning.best.leaves:.1f} leaves",
        f"chosen {tuning.chosen.describe():<40} CV accuracy {tuning.chosen.mean:.4f} "
        f"± {tuning.chosen.std:.4f}, {tuning.chosen.leaves:.1f} leaves (smallest within 1 SE)",
    ]
    if args.command == "explain":
        fitted = fit_tree(table, tuning.chosen.params, test_size=TEST_SHARE, seed=args.seed)
        rules_path = args.out / f"{table.name}_rules.txt"
        atomic_write_text(rules_path, rules(fitted))
        ranked = importances(fitted, seed=args.seed)
        files += [
            rules_path,
            plot_tree_png(fitted, args.out / f"{table.name}_tree.png"),
            plot_importances(ranked, args.out / f"{table.name}_importances.png", table.name),
        ]
        why = explain(fitted, fitted.X_test.iloc[[args.row]])
        truth = table.class_names[int(fitted.y_test[args.row])]
        summary |= {
            "test_accuracy": fitted.test_accuracy(),
            "fitted_leaves": int(fitted.tree.get_n_leaves()),
            "importances": [vars(r) for r in ranked],
            "row": args.row,
            "explanation": why.text,
            "actual": truth,
        }
        lines += [
            f"fitted on {len(fitted.X_train)} rows: {fitted.tree.get_n_leaves()} leaves, "
            f"held-out accuracy {fitted.test_accuracy():.4f} on {len(fitted.X_test)} rows",
            "",
            f"{'feature':<24} {'impurity':>9} {'permutation':>12}",
            *(
                f"{r.feature:<24} {r.impurity:>9.3f} {r.permutation:>8.3f} ± {r.permutation_std:.3f}"
                for r in ranked
                if r.impurity > 0 or r.permutation != 0
            ),
            "",
            f"held-out row {args.row} (actually {truth}): {why.text}",
        ]
    summary["files"] = [str(path) for path in files]
    print(json.dumps(summary, indent=2) if args.json else "\n".join(lines))
    if not args.json:
        for path in files:
            print(f"wrote {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
