"""Explain a fitted tree: its rules, two kinds of importance, and one prediction in English.

* :func:`rules` prints every root-to-leaf path as indented ``if`` rules.
* :func:`importances` puts *impurity* importance (how much each feature's splits
  reduced Gini impurity on the training rows) next to *permutation* importance (how
  much held-out accuracy drops when that feature's column is shuffled). They disagree
  for known reasons: impurity importance is measured on the rows the tree was grown
  on, so splits that only fitted noise still count; it favours features with many
  distinct values (more thresholds to try, more chances to find a lucky one); and a
  feature the tree never split on gets zero even if it carries the same information
  as one it did use. Permutation importance asks the question we care about (what
  does the model lose on new rows without this feature) but it is noisy on small test
  sets and splits the credit between correlated features.
* :func:`explain` walks one row down the tree and says why: "predicted survived
  because Sex is female and Pclass <= 2.5". Each condition comes from one node of
  the row's ``decision_path``; the text merges repeated tests on the same feature
  into one range.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.inspection import permutation_importance
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.tree import DecisionTreeClassifier, export_text

from level3.tree_explain.data import Table
from level3.tree_explain.tune import make_tree

__all__ = [
    "Condition",
    "Explanation",
    "FittedTree",
    "Importance",
    "conditions_hold",
    "explain",
    "fit_tree",
    "importances",
    "rules",
]


@dataclass(frozen=True)
class FittedTree:
    """A pipeline fitted on the training part of a stratified split, and both parts."""

    table: Table
    pipeline: Pipeline
    X_train: pd.DataFrame
    X_test: pd.DataFrame
    y_train: np.ndarray
    y_test: np.ndarray

    @property
    def tree(self) -> DecisionTreeClassifier:
        tree: DecisionTreeClassifier = self.pipeline["tree"]
        return tree

    @property
    def feature_names(self) -> list[str]:
        return [str(name) for name in self.tree.feature_names_in_]

    def encode(self, X: pd.DataFrame) -> pd.DataFrame:
        """Rows as the tree sees them (after the fitted preprocessing)."""
        prepare = self.pipeline["prepare"]
        encoded: pd.DataFrame = X if prepare == "passthrough" else prepare.transform(X)
        return encoded

    def test_accuracy(self) -> float:
        return float(self.pipeline.score(self.X_test, self.y_test))


def fit_tree(
    table: Table, params: dict[str, Any] | None = None, test_size: float = 0.25, seed: int = 0
) -> FittedTree:
    """Fit ``prepare -> tree(params)`` on a stratified ``1 - test_size`` part of ``table``."""
    train_idx, test_idx = train_test_split(
        np.arange(len(table.y)), test_size=test_size, stratify=table.y, random_state=seed
    )
    X_train, X_test = table.X.iloc[train_idx], table.X.iloc[test_idx]
    y_train, y_test = table.y[train_idx], table.y[test_idx]
    pipeline = make_tree(table, params, seed).fit(X_train, y_train)
    return FittedTree(table, pipeline, X_train, X_test, y_train, y_test)


def rules(fitted: FittedTree, decimals: int = 2) -> str:
    """The tree as indented text rules (scikit-learn's ``export_text``), with class names."""
    text: str = export_text(
        fitted.tree,
        feature_names=fitted.feature_names,
        class_names=list(fitted.table.class_names),
        decimals=decimals,
    )
    return text


@dataclass(frozen=True)
class Importance:
    """One feature's impurity importance and permutation importance (mean, std over shuffles)."""

    feature: str
    impurity: float
    permutation: float
    permutation_std: float


def importances(fitted: FittedTree, repeats: int = 10, seed: int = 0) -> list[Importance]:
    """Both importances for every feature, largest permutation importance first.

    Permutation importance shuffles the columns the tree sees, on the held-out part.
    """
    shuffled = permutation_importance(
        fitted.tree,
        fitted.encode(fitted.X_test),
        fitted.y_test,
        n_repeats=repeats,
        random_state=seed,
    )
    rows = [
        Importance(name, float(impurity), float(mean), float(std))
        for name, impurity, mean, std in zip(
            fitted.feature_names,
            fitted.tree.feature_importances_,
            shuffled.importances_mean,
            shuffled.importances_std,
            strict=True,
        )
    ]
    return sorted(rows, key=lambda row: (-row.permutation, -row.impurity))


# --- one prediction in plain English -----------------------------------------------


@dataclass(frozen=True)
class Condition:
    """The test at one node of the path: ``feature <= threshold`` (left) or ``>`` (right)."""

    node: int
    feature: str
    threshold: float
    left: bool  # True: value <= threshold
    value: float

    def holds(self, value: float) -> bool:
        """Whether ``value`` passes this test (compared in float32, as the tree does)."""
        seen = np.float32(value)
        return bool(seen <= self.threshold) if self.left else bool(seen > self.threshold)


@dataclass(frozen=True)
class Explanation:
    """Why the tree predicted what it did for one row."""

    predicted: str
    probability: float  # share of the leaf's training rows in the predicted class
    leaf: int
    leaf_samples: int
    conditions: tuple[Condition, ...]
    text: str

    @property
    def nodes(self) -> list[int]:
        """Every node on the path, root to leaf."""
        return [c.node for c in self.conditions] + [self.leaf]


def _number(value: float) -> str:
    return f"{value:.4g}"


def _phrase(
    feature: str, low: float | None, high: float | None, categorical: tuple[str, ...]
) -> str:
    """One feature's merged range in words; a one-hot column reads "Sex is female"."""
    for column in categorical:
        if feature.startswith(f"{column}_") and (low, high) in {(None, 0.5), (0.5, None)}:
            category = feature[len(column) + 1 :]
            category = "a rare value" if category == "infrequent_sklearn" else category
            return f"{column} is {'not ' if high is not None else ''}{category}"
    if low is not None and high is not None:
        return f"{_number(low)} < {feature} <= {_number(high)}"
    if high is not None:
        return f"{feature} <= {_number(high)}"
    return f"{feature} > {_number(low if low is not None else float('nan'))}"


def _sentence(conditions: list[Condition], categorical: tuple[str, ...]) -> str:
    bounds: dict[str, list[float | None]] = {}
    for c in conditions:  # in path order, so each feature appears where it was first tested
        low, high = bounds.setdefault(c.feature, [None, None])
        if c.left:
            bounds[c.feature][1] = c.threshold if high is None else min(high, c.threshold)
        else:
            bounds[c.feature][0] = c.threshold if low is None else max(low, c.threshold)
    return " and ".join(
        _phrase(feature, low, high, categorical) for feature, (low, high) in bounds.items()
    )


def explain(fitted: FittedTree, row: pd.DataFrame) -> Explanation:
    """The path of one raw row (a one-row DataFrame) and the sentence that tells it."""
    if len(row) != 1:
        raise ValueError(f"explain one row at a time, got {len(row)}")
    encoded = fitted.encode(row)
    values = encoded.to_numpy(dtype=float)[0]
    tree = fitted.tree.tree_
    path = fitted.tree.decision_path(encoded).indices
    conditions = []
    for node, child in itertools.pairwise(path):
        feature = int(tree.feature[node])
        conditions.append(
            Condition(
                int(node),
                fitted.feature_names[feature],
                float(tree.threshold[node]),
                bool(child == tree.children_left[node]),
                float(values[feature]),
            )
        )
    leaf = int(path[-1])
    shares = tree.value[leaf][0] / tree.value[leaf][0].sum()
    predicted = fitted.table.class_names[int(np.argmax(shares))]
    probability = float(shares.max())
    samples = int(tree.n_node_samples[leaf])
    reason = _sentence(conditions, fitted.table.categorical) or "the tree has a single leaf"
    text = (
        f"predicted {predicted} ({probability:.0%} of the {samples} training rows at this leaf) "
        f"because {reason}"
    )
    return Explanation(predicted, probability, leaf, samples, tuple(conditions), text)


def conditions_hold(explanation: Explanation, encoded: pd.DataFrame) -> np.ndarray:
    """Which rows (as the tree sees them) satisfy every condition of ``explanation``.

    A leaf is exactly the region where all the tests on its path hold, so this mask
    must equal ``tree.apply(encoded) == explanation.leaf``: the test of the English.
    """
    mask = np.ones(len(encoded), dtype=bool)
    for c in explanation.conditions:
        column = encoded[c.feature].to_numpy(dtype=np.float32)  # the tree compares float32
        mask &= column <= c.threshold if c.left else column > c.threshold
    return mask
