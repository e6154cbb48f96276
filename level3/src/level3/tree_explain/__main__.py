"""python -m level3.tree_explain: tune a decision tree by CV, then explain it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from level0.atomic import atomic_write_text
from level0.cli import UsageError, make_parser, run
from level3.tree_explain.data import DATASETS, default_dataset, load_table
from level3.tree_explain.explain import explain, fit_tree, importances, rules
from level3.tree_explain.plots import plot_importances, plot_tree_png, plot_tuning
from level3.tree_explain.tune import DEPTHS, LEAF_SIZES, tune


def depth(text: str) -> int | None:
    """A --depths value: a positive integer, or \"none\" for unlimited."""
    if text.lower() == "none":
        return None
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("depths must be at least 1 (or none)")
    return value


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
        ("explain", "tune, fit on 75%, then rules, importances and one row in English"),
    ):
        sub = commands.add_parser(name, help=text)
        sub.add_argument("--dataset", choices=DATASETS, help="default: titanic if cached")
        sub.add_argument("--folds", type=int, default=5, help="CV folds (default 5)")
        sub.add_argument("--seed", type=int, default=0, help="split/shuffle seed (default 0)")
        sub.add_argument(
            "--depths",
            nargs="+",
            type=depth,
            default=list(DEPTHS),
            metavar="D",
            help="max_depth values to try, 'none' = unlimited (default 1-10, none)",
        )
        sub.add_argument(
            "--leaf-sizes",
            nargs="+",
            type=int,
            default=list(LEAF_SIZES),
            metavar="N",
            help="min_samples_leaf values (default 1 2 5 10 20 40)",
        )
        sub.add_argument(
            "--alphas",
            type=int,
            default=25,
            help="points of the ccp_alpha pruning path to try (default 25)",
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
                "--row", type=int, default=0, help="which held-out row to explain (default 0)"
            )
    return parser


def handle(args: argparse.Namespace) -> int:
    if args.folds < 2:
        raise UsageError("--folds must be at least 2")
    table = load_table(args.dataset or default_dataset())
    if min(args.leaf_sizes) < 1 or args.alphas < 0:
        raise UsageError("--leaf-sizes must be at least 1 and --alphas at least 0")
    tuning = tune(
        table, args.folds, tuple(args.depths), tuple(args.leaf_sizes), args.alphas, args.seed
    )
    files = [plot_tuning(tuning, args.out / f"{table.name}_tuning.png")]
    summary: dict[str, Any] = {"dataset": table.name, "data": table.data, **tuning.as_dict()}
    lines = [
        f"{table.name} ({table.data}): {len(tuning.candidates)} trees, {args.folds}-fold CV",
        f"best   {tuning.best.describe():<40} CV accuracy {tuning.best.mean:.4f} "
        f"± {tuning.best.std:.4f}, {tuning.best.leaves:.1f} leaves",
        f"chosen {tuning.chosen.describe():<40} CV accuracy {tuning.chosen.mean:.4f} "
        f"± {tuning.chosen.std:.4f}, {tuning.chosen.leaves:.1f} leaves (smallest within 1 SE)",
    ]
    if args.command == "explain":
        fitted = fit_tree(table, tuning.chosen.params, seed=args.seed)
        if not 0 <= args.row < len(fitted.X_test):
            raise UsageError(f"--row must be between 0 and {len(fitted.X_test) - 1}")
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
            "importances": [vars(r) for r in ranked],
            "row": args.row,
            "explanation": why.text,
            "actual": truth,
        }
        lines += [
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
