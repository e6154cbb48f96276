"""The figures: the tuning evidence, the tree itself and the two importances side by side."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from sklearn.tree import plot_tree

from level0.atomic import atomic_open
from level3.tree_explain.explain import FittedTree, Importance
from level3.tree_explain.tune import Tuning

__all__ = ["plot_importances", "plot_tree_png", "plot_tuning"]


def _save(fig: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=110)
    plt.close(fig)
    return path


def plot_tuning(tuning: Tuning, path: Path) -> Path:
    """Left: CV accuracy against tree size for every candidate, the 1-SE line and the choice.
    Right: the pruning path, training and CV accuracy against ccp_alpha.
    """
    fig, (size_ax, path_ax) = plt.subplots(1, 2, figsize=(12, 4.5))
    for source, marker, color in (("grid", "o", "tab:gray"), ("pruning", "s", "tab:blue")):
        group = [c for c in tuning.candidates if c.source == source]
        if group:
            label = "max_depth x min_samples_leaf" if source == "grid" else "ccp_alpha path"
            size_ax.scatter(
                [c.leaves for c in group],
                [c.mean for c in group],
                marker=marker,
                s=18,
                color=color,
                alpha=0.7,
                label=label,
            )
    best, chosen = tuning.best, tuning.chosen
    size_ax.axhline(
        best.mean - best.sem,
        color="tab:red",
        linestyle="--",
        linewidth=1,
        label="best - 1 standard error",
    )
    size_ax.scatter(
        [best.leaves],
        [best.mean],
        marker="^",
        s=90,
        color="tab:orange",
        label=f"best: {best.describe()}",
    )
    size_ax.scatter(
        [chosen.leaves],
        [chosen.mean],
        marker="*",
        s=220,
        color="tab:red",
        label=f"chosen: {chosen.describe()}",
    )
    size_ax.set_xscale("log")
    size_ax.set_xlabel("tree size (leaves, mean over folds, log scale)")
    size_ax.set_ylabel("CV accuracy (fraction correct)")
    size_ax.set_title("Every candidate: the smallest tree within 1 SE wins")
    size_ax.legend(fontsize=7, loc="lower right")
    size_ax.grid(alpha=0.3)

    pruning = sorted(
        (c for c in tuning.candidates if c.source == "pruning"), key=lambda c: c.params["ccp_alpha"]
    )
    if pruning:
        alphas = np.array([c.params["ccp_alpha"] for c in pruning])
        means = np.array([c.mean for c in pruning])
        stds = np.array([c.std for c in pruning])
        path_ax.plot(alphas, [c.train_mean for c in pruning], marker="o", label="training")
        path_ax.plot(alphas, means, marker="s", label="cross-validation")
        path_ax.fill_between(alphas, means - stds, means + stds, alpha=0.2)
        path_ax.set_xscale(
            "symlog",
            linthresh=max(float(alphas[alphas > 0].min()), 1e-6) if (alphas > 0).any() else 1e-6,
        )
        leaves_ax = path_ax.twinx()
        leaves_ax.plot(
            alphas, [c.leaves for c in pruning], color="tab:green", linestyle=":", label="leaves"
        )
        leaves_ax.set_ylabel("leaves (count)", color="tab:green")
        path_ax.legend(loc="lower left", fontsize=8)
    path_ax.set_xlabel("ccp_alpha (cost per leaf, symlog scale)")
    path_ax.set_ylabel("accuracy (fraction correct)")
    path_ax.set_title("Cost-complexity pruning path")
    path_ax.grid(alpha=0.3)
    fig.suptitle(f"Tuning a decision tree on {tuning.dataset} (stratified CV)")
    fig.tight_layout()
    return _save(fig, path)


def plot_tree_png(fitted: FittedTree, path: Path, max_depth: int = 3) -> Path:
    """The top ``max_depth`` levels of the tree, nodes coloured by majority class."""
    fig, ax = plt.subplots(figsize=(16, 7))
    plot_tree(
        fitted.tree,
        feature_names=fitted.feature_names,
        class_names=list(fitted.table.class_names),
        filled=True,
        impurity=False,
        proportion=True,
        max_depth=max_depth,
        fontsize=7,
        ax=ax,
    )
    shown = min(max_depth, fitted.tree.get_depth())
    ax.set_title(
        f"Decision tree on {fitted.table.name}, fitted on {len(fitted.X_train)} training rows: "
        f"{fitted.tree.get_n_leaves()} leaves, top {shown} of {fitted.tree.get_depth()} levels "
        "shown (values = class shares of training rows)"
    )
    fig.tight_layout()
    return _save(fig, path)


def plot_importances(rows: list[Importance], path: Path, dataset: str, top: int = 12) -> Path:
    """Horizontal bars: impurity importance next to permutation importance (± std)."""
    shown = sorted(rows, key=lambda r: -max(r.impurity, r.permutation))[:top][::-1]
    positions = np.arange(len(shown))
    fig, ax = plt.subplots(figsize=(8, 0.45 * len(shown) + 1.5))
    ax.barh(
        positions + 0.2, [r.impurity for r in shown], height=0.4, label="impurity (training rows)"
    )
    ax.barh(
        positions - 0.2,
        [r.permutation for r in shown],
        height=0.4,
        xerr=[r.permutation_std for r in shown],
        label="permutation (held-out rows)",
    )
    ax.set_yticks(positions, [r.feature for r in shown])
    ax.set_xlabel("importance (impurity: share of Gini decrease; permutation: accuracy drop)")
    ax.set_title(f"Two importances of the tuned tree on {dataset}")
    ax.legend(loc="lower right")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return _save(fig, path)
