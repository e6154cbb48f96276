r"""k-nearest neighbours from scratch: vote among the k closest training points.

The model
    There is no training beyond storing the data. To classify x, find the k
    training points nearest to it (Euclidean distance) and predict the class
    most of them have (the first class in ``classes_`` on a tied vote);
    ``predict_proba`` gives the fraction of the k votes for each class.

Vectorised distances
    For queries Q (m × d) and training points X (n × d), all squared distances at
    once come from expanding the square::

        ‖q − x‖² = ‖q‖² − 2 q·x + ‖x‖²        D² = rowsums(Q²) − 2 Q Xᵀ + rowsums(X²)ᵀ

    ``Q Xᵀ`` is one matrix product (BLAS), done in blocks of queries so memory
    stays bounded. ``‖q‖²`` does not change which x is nearest, so it is added
    only to the k winners. Rounding can make a tiny D² negative: clip at 0.
    scikit-learn's brute force uses the same expansion; for few features it
    builds a k-d tree or ball tree instead, which answers a query in about
    O(log n) rather than O(n).

Selecting, not sorting
    Only the k smallest of each row of n scores matter. Sorting the row costs
    O(n log n); ``np.argpartition`` is O(n) but its selection loop is slow per
    entry, and it made k-NN 5–6× slower than scikit-learn at 100k rows. Instead
    (:func:`k_smallest`): the k-th smallest of the first few thousand columns is
    an upper bound for the row's k-th smallest; one vectorised comparison keeps
    the entries at or below it, about k·n/probe of them, and only those few
    get sorted. Equal distances are broken towards the lower training index.

When to use it: small or medium data with few, scaled, meaningful features, and
a boundary of any shape. Nothing is learnt, so fitting is instant and
prediction pays instead. Distances lose meaning in high dimensions and are
dominated by large-scale features (standardise first). Small k follows the
training data closely (low bias, high variance: k = 1 memorises it); large k
smooths the boundary (more bias, less variance).
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils.validation import check_is_fitted, validate_data

from level3.algorithms.common import Floats, Ints, fit_classes

__all__ = ["KNeighborsClassifier", "k_smallest"]

BLOCK_ENTRIES = 2**21  # scores per block of queries: 16 MiB of float64
PROBE = 4096  # columns whose k-th smallest score bounds the row's (see k_smallest)


def k_smallest(scores: Floats, k: int, probe: int = PROBE) -> Ints:
    """Column indices of the k smallest entries of each row, smallest first (ties: lower index).

    The k-th smallest of the first ``probe`` columns can only be larger than or
    equal to the k-th smallest of the whole row, so every winner is at or below
    it. Each row keeps at least k candidates (those k), usually few more.
    """
    bound = np.partition(scores[:, : max(k, probe)], k - 1, axis=1)[:, k - 1 : k]
    rows, cols = np.nonzero(scores <= bound)  # row-major: by row, then by column
    by_score = np.lexsort((scores[rows, cols], rows))  # by row, then score (stable: then column)
    rows, cols = rows[by_score], cols[by_score]
    first = np.searchsorted(rows, np.arange(len(scores)))  # where each row's candidates start
    nearest: Ints = cols[first[:, None] + np.arange(k)]
    return nearest


class KNeighborsClassifier(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """Majority vote of the ``n_neighbors`` nearest training points (Euclidean, brute force).

    Fitted attributes: ``classes_``, ``n_features_in_``, the stored training data
    ``X_fit_``, its label codes ``y_codes_`` and squared norms ``sq_norms_``.
    """

    def __init__(self, n_neighbors: int = 5) -> None:
        self.n_neighbors = n_neighbors

    def fit(self, X: Any, y: Any) -> Self:
        """Store the training data (that is all k-NN learns)."""
        if not isinstance(self.n_neighbors, int | np.integer) or self.n_neighbors < 1:
            raise ValueError(f"n_neighbors must be a positive integer, not {self.n_neighbors!r}")
        self.X_fit_, self.y_codes_ = fit_classes(self, X, y)
        self.sq_norms_ = np.einsum("ij,ij->i", self.X_fit_, self.X_fit_)  # ‖x‖², once
        if self.n_neighbors > len(self.X_fit_):
            raise ValueError(
                f"n_neighbors={self.n_neighbors} is more than the {len(self.X_fit_)} training samples"
            )
        return self

    def kneighbors(self, X: Any) -> tuple[Floats, Ints]:
        """Distances to and indices of each query's k nearest training points, nearest first."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        k = self.n_neighbors
        distances = np.empty((len(X), k))
        indices = np.empty((len(X), k), dtype=np.intp)
        block = max(1, BLOCK_ENTRIES // len(self.X_fit_))
        for start in range(0, len(X), block):
            Q = X[start : start + block]
            # Rank by ‖x‖² − 2 q·x: ‖q‖² is the same for every candidate of a query, so it
            # is added only to the k winners (one pass fewer over the big block).
            scores = (-2.0 * Q) @ self.X_fit_.T
            scores += self.sq_norms_
            nearest = k_smallest(scores, k)
            indices[start : start + block] = nearest
            d2 = np.take_along_axis(scores, nearest, axis=1) + np.einsum("ij,ij->i", Q, Q)[:, None]
            distances[start : start + block] = np.sqrt(np.maximum(d2, 0.0))
        return distances, indices

    def predict_proba(self, X: Any) -> Floats:
        """The fraction of the k neighbours in each class, columns in the order of ``classes_``."""
        _, indices = self.kneighbors(X)
        votes = self.y_codes_[indices]  # (m, k) class codes
        m, n_classes = len(votes), len(self.classes_)
        cells = np.arange(m)[:, None] * n_classes + votes  # one bin per (query, class)
        counts = np.bincount(cells.ravel(), minlength=m * n_classes).reshape(m, n_classes)
        proportions: Floats = counts / self.n_neighbors
        return proportions

    def predict(self, X: Any) -> Any:
        """The majority class among the k neighbours (the first class on a tie)."""
        best = np.argmax(self.predict_proba(X), axis=1)
        return self.classes_[best]
