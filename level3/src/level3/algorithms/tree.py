r"""A CART decision tree from scratch: greedy binary splits that most reduce impurity.

The model
    A binary tree of questions "is feature j ≤ t?". Each leaf predicts the class
    proportions of the training samples that reach it; ``predict`` takes the
    largest (the first class on a tie).

Impurity of a node with class proportions p_k
    Gini:     G = 1 − Σ_k p_k²          (the chance two random draws disagree)
    Entropy:  H = −Σ_k p_k log₂ p_k     (the bits needed to name the class)

Growing (CART, Breiman et al. 1984)
    At a node with n samples, try every feature j and every threshold between
    two consecutive distinct sorted values, and keep the split that maximises the
    impurity decrease ``n·I(node) − n_L·I(left) − n_R·I(right)``; since n·I(node)
    is the same for every candidate, it is enough to maximise the *proxy*
    ``−n_L·I(left) − n_R·I(right)``. Then recurse into both children. A node
    becomes a leaf when it is pure, when ``max_depth`` is reached, when it holds
    fewer than ``min_samples_split`` samples, or when no split leaves at least
    ``min_samples_leaf`` samples on each side. The threshold is the midpoint
    ``a/2 + b/2`` of the two values it separates.

Vectorised search
    For one node, sort every feature column at once (``argsort`` along axis 0),
    gather the one-hot labels in that order and take a cumulative sum: row i then
    holds the class counts left of the split after sorted position i, for every
    feature at once. The proxy of all ``(n − 1) × d`` candidates is a few array
    operations; Python loops only over nodes (and classes, a handful).

Twin of scikit-learn
    This follows ``sklearn.tree.DecisionTreeClassifier`` step by step: same proxy
    computed with the same floating-point operations, values closer than 1e-7
    (in float32) treated as equal, a zero-gain split still taken (``min_impurity_decrease=0``),
    nodes numbered depth-first, left before right. So on the same data the two
    trees are identical, except where two *features* tie for the best split:
    scikit-learn visits features in a random order (``random_state``) and keeps
    the first best it meets, this tree keeps the lowest feature index. (Also:
    scikit-learn stores X as float32 and this tree keeps float64, so thresholds
    can differ in the 8th digit; and this tree has no ``max_features``, class
    weights or pruning.)

When to use it: when you need a model a person can read and check, on mixed
feature types with no scaling needed, and interactions matter. A deep tree has
low bias and high variance (it memorises noise); ``max_depth`` and
``min_samples_leaf`` trade one for the other. Forests and boosting average
many trees to remove most of that variance.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Self

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from level3.algorithms.common import Floats, Ints, fit_classes

__all__ = ["LEAF", "DecisionTreeClassifier", "Tree", "impurity"]

LEAF = -1  # a leaf's children and feature (sklearn's tree_ uses -1 and -2)
# Sorted neighbours closer than this are one value: no threshold between them. As in
# scikit-learn (its FEATURE_THRESHOLD), the comparison is done in float32.
SAME_VALUE = np.float32(1e-7)
PURE = np.finfo(np.float64).eps


@dataclass
class Tree:
    """The fitted tree as parallel arrays, one entry per node (preorder: node, left, right)."""

    feature: list[int] = field(default_factory=list)
    threshold: list[float] = field(default_factory=list)
    left: list[int] = field(default_factory=list)
    right: list[int] = field(default_factory=list)
    value: list[Floats] = field(default_factory=list)  # class proportions at the node
    n_samples: list[int] = field(default_factory=list)
    impurity: list[float] = field(default_factory=list)
    depth: list[int] = field(default_factory=list)

    def add(self, counts: Floats, impurity: float, depth: int) -> int:
        """Append a leaf holding ``counts``; return its index (the caller may make it a split)."""
        self.feature.append(LEAF)
        self.threshold.append(np.nan)
        self.left.append(LEAF)
        self.right.append(LEAF)
        self.value.append(counts / counts.sum())
        self.n_samples.append(int(counts.sum()))
        self.impurity.append(impurity)
        self.depth.append(depth)
        return len(self.feature) - 1

    def apply(self, X: Floats) -> Ints:
        """The leaf each row of X falls into: all rows descend together, one level per loop."""
        feature, threshold = np.array(self.feature), np.array(self.threshold)
        left, right = np.array(self.left), np.array(self.right)
        node = np.zeros(len(X), dtype=np.intp)
        inner = left[node] != LEAF
        while inner.any():
            rows, at = np.flatnonzero(inner), node[inner]
            goes_left = X[rows, feature[at]] <= threshold[at]
            node[rows] = np.where(goes_left, left[at], right[at])
            inner = left[node] != LEAF
        return node


def impurity(counts: Floats, criterion: str) -> Floats:
    """Gini or entropy (bits) of class counts along the last axis, as sklearn computes it.

    The loop over classes (few) adds in the same order as scikit-learn's C code,
    so equal splits get bit-for-bit equal scores and ties are broken the same way.
    """
    n = counts.sum(axis=-1)
    result = np.zeros(n.shape)
    if criterion == "gini":
        squares = np.zeros(n.shape)
        for k in range(counts.shape[-1]):
            squares += counts[..., k] * counts[..., k]
        with np.errstate(invalid="ignore", divide="ignore"):
            result = 1.0 - squares / (n * n)
    else:
        for k in range(counts.shape[-1]):
            with np.errstate(invalid="ignore", divide="ignore"):
                p = counts[..., k] / n
                result -= np.where(p > 0, p * (np.log(p) / np.log(2.0)), 0.0)
    return result


class DecisionTreeClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """A CART classification tree (Gini or entropy), grown greedily and not pruned.

    Parameters
    ----------
    criterion : ``"gini"`` or ``"entropy"``.
    max_depth : the deepest a leaf may be (None: grow until the leaves are pure).
    min_samples_split : a node with fewer samples is not split.
    min_samples_leaf : each child of a split keeps at least this many samples.

    Fitted attributes: ``classes_``, ``tree_`` (a :class:`Tree`), ``n_features_in_``.
    """

    def __init__(
        self,
        *,
        criterion: Literal["gini", "entropy"] = "gini",
        max_depth: int | None = None,
        min_samples_split: int = 2,
        min_samples_leaf: int = 1,
    ) -> None:
        self.criterion = criterion
        self.max_depth = max_depth
        self.min_samples_split = min_samples_split
        self.min_samples_leaf = min_samples_leaf

    def fit(self, X: Any, y: Any) -> Self:
        """Grow the tree depth-first from all the samples."""
        if self.criterion not in ("gini", "entropy"):
            raise ValueError(f"criterion must be 'gini' or 'entropy', not {self.criterion!r}")
        for name in ("max_depth", "min_samples_split", "min_samples_leaf"):
            value = getattr(self, name)
            if value is not None and (not isinstance(value, int | np.integer) or value < 1):
                raise ValueError(f"{name} must be a positive integer, not {value!r}")
        X, codes = fit_classes(self, X, y)
        self.tree_ = Tree()
        onehot = np.eye(len(self.classes_))[codes]
        stack = [(np.arange(len(X)), 0, LEAF, False)]  # (samples, depth, parent, is_left)
        while stack:  # an explicit stack: no recursion limit on deep trees
            rows, depth, parent, is_left = stack.pop()
            counts = onehot[rows].sum(axis=0)
            node = self.tree_.add(counts, float(impurity(counts, self.criterion)), depth)
            if parent != LEAF:
                (self.tree_.left if is_left else self.tree_.right)[parent] = node
            split = self._best_split(X[rows], onehot[rows], depth, self.tree_.impurity[node])
            if split is None:
                continue
            feature, threshold = split
            self.tree_.feature[node], self.tree_.threshold[node] = feature, threshold
            goes_left = X[rows, feature] <= threshold
            stack.append((rows[~goes_left], depth + 1, node, False))  # popped after the left
            stack.append((rows[goes_left], depth + 1, node, True))
        return self

    def _best_split(
        self, X: Floats, onehot: Floats, depth: int, node_impurity: float
    ) -> tuple[int, float] | None:
        """The (feature, threshold) with the best proxy, or None if this node must be a leaf."""
        n = len(X)
        leaf_size = self.min_samples_leaf
        if (
            (self.max_depth is not None and depth >= self.max_depth)
            or n < self.min_samples_split
            or n < 2 * leaf_size
            or node_impurity <= PURE
        ):
            return None
        order = np.argsort(X, axis=0, kind="stable")
        values = np.take_along_axis(X, order, axis=0)  # (n, d): each column sorted
        as_float32 = values.astype(np.float32)
        left_counts = np.cumsum(onehot[order], axis=0)[:-1]  # (n-1, d, K): left of each gap
        right_counts = onehot.sum(axis=0) - left_counts
        n_left = np.arange(1, n)[:, None]
        proxy = -(n - n_left) * impurity(right_counts, self.criterion) - n_left * impurity(
            left_counts, self.criterion
        )
        allowed = (
            (as_float32[1:] > as_float32[:-1] + SAME_VALUE)  # a real gap between two values
            & (n_left >= leaf_size)
            & (n - n_left >= leaf_size)
        )
        if not allowed.any():
            return None
        # Features in index order, positions left to right; argmax keeps the first best.
        scores = np.where(allowed, proxy, -np.inf).T.ravel()
        feature, position = divmod(int(np.argmax(scores)), n - 1)
        return feature, values[position, feature] / 2.0 + values[position + 1, feature] / 2.0

    def predict_proba(self, X: Any) -> Floats:
        """The class proportions of the leaf each sample lands in."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        proportions: Floats = np.array(self.tree_.value)[self.tree_.apply(X)]
        return proportions

    def predict(self, X: Any) -> Any:
        """The majority class of each sample's leaf."""
        best = np.argmax(self.predict_proba(X), axis=1)
        return self.classes_[best]

    def get_depth(self) -> int:
        """The depth of the tree (0 for a single leaf)."""
        check_is_fitted(self)
        return max(self.tree_.depth)

    def get_n_leaves(self) -> int:
        """The number of leaves."""
        check_is_fitted(self)
        return self.tree_.left.count(LEAF)
