"""Tour step: tune a tree on breast cancer (bundled), explain it and one held-out row."""

from __future__ import annotations

from pathlib import Path

from level0.atomic import atomic_write_text
from level0.tour import TourResult
from level3.tree_explain.data import load_table
from level3.tree_explain.explain import explain, fit_tree, importances, rules
from level3.tree_explain.plots import plot_importances, plot_tree_png, plot_tuning
from level3.tree_explain.tune import tune


def run(out: Path) -> TourResult:
    table = load_table("breast_cancer")
    tuning = tune(table, folds=5)
    fitted = fit_tree(table, tuning.chosen.params)
    ranked = importances(fitted)
    why = explain(fitted, fitted.X_test.iloc[[0]])
    rules_path = out / "rules.txt"
    atomic_write_text(rules_path, rules(fitted))
    why_path = out / "explanation.txt"
    atomic_write_text(why_path, why.text + "\n")
    files = [
        plot_tuning(tuning, out / "tuning.png"),
        plot_tree_png(fitted, out / "tree.png"),
        plot_importances(ranked, out / "importances.png", table.name),
        rules_path,
        why_path,
    ]
    key = (
        f"chosen {tuning.chosen.describe()} (CV {tuning.chosen.mean:.3f}, "
        f"{tuning.chosen.leaves:.1f} leaves on average over the folds; best "
        f"{tuning.best.mean:.3f} with {tuning.best.leaves:.1f}); refitted on 75%: "
        f"{fitted.tree.get_n_leaves()} leaves, held-out {fitted.test_accuracy():.3f}"
    )
    return TourResult(data="bundled", key_result=key, files=files)
