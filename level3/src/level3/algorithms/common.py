"""What every classifier here does first: check its input the scikit-learn way.

``validate_data`` turns lists and DataFrames into a float array, rejects NaN and
infinity, and records ``n_features_in_`` (and ``feature_names_in_``) so that
``predict`` can refuse a table with different columns. The labels become integer
codes ``0 … K-1`` into ``classes_``, the sorted unique labels, which is what lets
``classes_[code]`` give the original label (a string, a number) back.

:func:`squared_distances` is the distance trick k-NN and k-means share.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.utils.multiclass import check_classification_targets
from sklearn.utils.validation import check_is_fitted, validate_data

__all__ = ["Floats", "Ints", "fit_classes", "linear_scores", "squared_distances"]

Floats = NDArray[np.float64]
Ints = NDArray[np.intp]


def fit_classes(estimator: Any, X: Any, y: Any) -> tuple[Floats, Ints]:
    """Validate ``X, y`` for ``fit``; set ``classes_``; return X and the label codes."""
    X, y = validate_data(estimator, X, y, dtype=np.float64)
    check_classification_targets(y)
    estimator.classes_, codes = np.unique(y, return_inverse=True)
    if len(estimator.classes_) < 2:
        raise ValueError(
            f"{type(estimator).__name__} needs samples of at least 2 classes; "
            f"got only one class: {estimator.classes_[0]!r}"
        )
    return X, codes.astype(np.intp)


def squared_distances(A: Floats, B: Floats) -> Floats:
    """All squared Euclidean distances between the rows of A and of B, shape (len(A), len(B)).

    ``‖a − b‖² = ‖a‖² − 2 a·b + ‖b‖²``: the middle term for every pair is one matrix
    product (BLAS), far faster than subtracting every pair. Rounding can leave a
    tiny negative number where the true distance is 0, hence the clip.
    """
    D2 = np.einsum("ij,ij->i", A, A)[:, None] - 2.0 * (A @ B.T) + np.einsum("ij,ij->i", B, B)
    clipped: Floats = np.maximum(D2, 0.0, out=D2)
    return clipped


def linear_scores(estimator: Any, X: Any) -> Floats:
    """``X @ coef_.T + intercept_`` of a fitted linear classifier: shape (n,) for two classes, else (n, K)."""
    check_is_fitted(estimator)
    X = validate_data(estimator, X, reset=False, dtype=np.float64)
    scores: Floats = X @ estimator.coef_.T + estimator.intercept_
    return scores.ravel() if scores.shape[1] == 1 else scores
