"""Tune a decision tree by CV: depth and leaf size on a grid, and the cost-complexity path.

Two ways to stop a tree from memorising its training rows:

* *pre-pruning*: stop growing early, with ``max_depth`` (how many questions in a row)
  and ``min_samples_leaf`` (how many training rows a final answer must rest on);
* *post-pruning*: grow the full tree, then cut the branches that buy the least
  impurity decrease per extra leaf. ``ccp_alpha`` is the price of one leaf; the
  *pruning path* lists the alphas at which the tree loses a branch, from the full tree
  (alpha 0) down to a single leaf.

Every candidate is scored by the same stratified k-fold CV, the whole pipeline refitted
in each fold. The choice follows the one-standard-error rule: the best mean score
wobbles by about its standard error from one CV to the next, so any candidate within
one SE of the best is as good as far as the data can tell, and we take the smallest
tree (fewest leaves) among them. A smaller tree is easier to read and less likely to
have fitted noise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import Pipeline
from sklearn.tree import DecisionTreeClassifier
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from level3.tree_explain.data import Table

__all__ = [
    "DEPTHS",
    "LEAF_SIZES",
    "Candidate",
    "Tuning",
    "make_tree",
    "one_standard_error_choice",
    "pruning_alphas",
    "tune",
]

DEPTHS: tuple[int | None, ...] = (1, 2, 3, 4, 5, 6, 8, 10, None)
LEAF_SIZES = (1, 2, 5, 10, 20, 40)


def make_tree(table: Table, params: dict[str, Any] | None = None, seed: int = 0) -> Pipeline:
    """An unfitted ``prepare -> tree`` pipeline with the tree's ``params`` set."""
    tree = DecisionTreeClassifier(random_state=seed, **(params or {}))
    return Pipeline([("prepare", table.prepare()), ("tree", tree)])


@dataclass(frozen=True)
class Candidate:
    """One setting and its CV result: mean/std accuracy, training accuracy, mean leaves."""

    source: str  # "grid" (depth x leaf size) or "pruning" (the ccp_alpha path)
    params: dict[str, Any]
    mean: float
    std: float
    train_mean: float
    leaves: float
    folds: int

    @property
    def sem(self) -> float:
        """Standard error of the mean CV score."""
        return self.std / math.sqrt(self.folds)

    def describe(self) -> str:
        return ", ".join(
            f"{key}={value:.4g}" if isinstance(value, float) else f"{key}={value}"
            for key, value in self.params.items()
        )


@dataclass(frozen=True)
class Tuning:
    """All candidates, the best by mean CV accuracy and the one chosen by the 1-SE rule."""

    dataset: str
    candidates: tuple[Candidate, ...]
    best: Candidate
    chosen: Candidate

    def as_dict(self) -> dict[str, Any]:
        def one(c: Candidate) -> dict[str, Any]:
            return {
                "source": c.source,
                "params": c.params,
                "cv_accuracy": c.mean,
                "cv_std": c.std,
                "train_accuracy": c.train_mean,
                "leaves": c.leaves,
            }

        return {
            "dataset": self.dataset,
            "best": one(self.best),
            "chosen": one(self.chosen),
            "candidates": [one(c) for c in self.candidates],
        }


def pruning_alphas(table: Table, most: int = 25, seed: int = 0) -> list[float]:
    """Up to ``most`` ccp_alpha values spread along the full tree's pruning path (0 included).

    The path is computed on all of ``table``'s rows: it only proposes values to try;
    each value is then scored by cross-validation like any other candidate.
    """
    prepare = table.prepare()
    X = table.X if prepare == "passthrough" else prepare.fit_transform(table.X, table.y)
    path = DecisionTreeClassifier(random_state=seed).cost_complexity_pruning_path(X, table.y)
    alphas = np.unique(np.maximum(path.ccp_alphas[:-1], 0.0))  # the last alpha leaves one leaf
    if len(alphas) > most:
        alphas = alphas[np.unique(np.linspace(0, len(alphas) - 1, most).round().astype(int))]
    return [float(alpha) for alpha in alphas]


def _score(
    table: Table, source: str, params: dict[str, Any], splitter: StratifiedKFold, seed: int
) -> Candidate:
    raw = cross_validate(
        make_tree(table, params, seed),
        table.X,
        table.y,
        cv=splitter,
        return_train_score=True,
        return_estimator=True,
    )
    leaves = np.mean([model["tree"].get_n_leaves() for model in raw["estimator"]])
    return Candidate(
        source,
        params,
        float(np.mean(raw["test_score"])),
        float(np.std(raw["test_score"], ddof=1)),
        float(np.mean(raw["train_score"])),
        float(leaves),
        len(raw["test_score"]),
    )


def one_standard_error_choice(candidates: list[Candidate]) -> tuple[Candidate, Candidate]:
    """(best by mean, fewest leaves among those within one SE of the best; ties: higher mean)."""
    best = max(candidates, key=lambda c: c.mean)
    close = [c for c in candidates if c.mean >= best.mean - best.sem]
    return best, min(close, key=lambda c: (c.leaves, -c.mean))


def tune(
    table: Table,
    folds: int = 5,
    depths: tuple[int | None, ...] = DEPTHS,
    leaf_sizes: tuple[int, ...] = LEAF_SIZES,
    alphas: int = 25,
    seed: int = 0,
) -> Tuning:
    """CV every (max_depth, min_samples_leaf) pair and ``alphas`` points of the pruning path."""
    if folds < 2:
        raise ValueError("need at least 2 folds")
    settings: list[tuple[str, dict[str, Any]]] = [
        ("grid", {"max_depth": depth, "min_samples_leaf": leaf})
        for depth in depths
        for leaf in leaf_sizes
    ]
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    with threadpool_limits(limits=1):  # tiny fits: threads only contend on a shared VM
        if alphas > 0:
            settings += [
                ("pruning", {"ccp_alpha": alpha}) for alpha in pruning_alphas(table, alphas, seed)
            ]
        candidates = [
            _score(table, source, params, splitter, seed)
            for source, params in tqdm(settings, desc="tuning", unit="tree", disable=None)
        ]
    best, chosen = one_standard_error_choice(candidates)
    return Tuning(table.name, tuple(candidates), best, chosen)
