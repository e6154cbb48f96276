r"""k-means from scratch: Lloyd's algorithm started from k-means++ centres.

The problem
    Split n points into k clusters so that the *inertia*, the sum of squared
    distances from each point to its cluster's centre, is as small as possible::

        inertia = Σ_i ‖x_i − μ_{c(i)}‖²

    Finding the best split is NP-hard; Lloyd's algorithm finds a local minimum.

Lloyd's algorithm
    Repeat two steps, each of which can only lower the inertia:

    1. assign every point to its nearest centre: ``argmin`` over the squared
       distances ``‖x‖² − 2x·μ + ‖μ‖²``, one matrix product as in k-NN; ``‖x‖²``
       is the same for every centre, so the argmin needs only ``‖μ‖² − 2x·μ``;
    2. move every centre to the mean of its points (one matrix product of the
       one-hot assignments with X).

    Stop when no assignment changes, or when the centres moved less than ``tol``
    times the mean feature variance (squared shift summed over centres), as
    scikit-learn does. A centre left with no points is moved to the point
    farthest from its own centre.

k-means++ (Arthur & Vassilvitskii 2007)
    Where Lloyd starts decides where it ends. k-means++ picks the first centre
    uniformly from the data and each next one with probability proportional to
    D(x)², the squared distance to the nearest centre chosen so far: far-away,
    uncovered regions get a centre. The expected inertia is then within
    O(log k) of the optimum. Like scikit-learn, this is the *greedy* variant: draw
    ``2 + ⌊ln k⌋`` candidates each time and keep the one that lowers the
    potential Σ D(x)² most. ``n_init`` runs (with different seeds) and keeps the
    lowest inertia.

When to use it: compact, roughly spherical clusters of similar size, with k
known (or chosen with the elbow of inertia against k, or a silhouette score);
also to compress data to k prototypes (vector quantisation). It is fast, but
it assumes Euclidean geometry (standardise first) and fails on elongated or
nested clusters: use a Gaussian mixture or DBSCAN there.
"""

from __future__ import annotations

from typing import Any, Literal, Self

import numpy as np
from sklearn.base import BaseEstimator, ClusterMixin, TransformerMixin
from sklearn.utils import check_random_state
from sklearn.utils.validation import check_is_fitted, validate_data

from level3.algorithms.common import Floats, Ints, squared_distances

__all__ = ["KMeans", "kmeans_plusplus", "lloyd", "nearest_centre"]


def kmeans_plusplus(X: Floats, n_clusters: int, rng: np.random.RandomState) -> Floats:
    """Greedy k-means++: ``n_clusters`` rows of X chosen as starting centres."""
    n_trials = 2 + int(np.log(n_clusters))
    centers = np.empty((n_clusters, X.shape[1]))
    first = rng.randint(len(X))
    centers[0] = X[first]
    closest = squared_distances(X[[first]], X)[0]  # D(x)² to the nearest centre so far
    for c in range(1, n_clusters):
        draws = rng.uniform(size=n_trials) * closest.sum()
        candidates = np.minimum(np.searchsorted(np.cumsum(closest), draws), len(X) - 1)
        with_candidate = np.minimum(closest, squared_distances(X[candidates], X))
        best = int(np.argmin(with_candidate.sum(axis=1)))  # the lowest potential Σ D(x)²
        centers[c] = X[candidates[best]]
        closest = with_candidate[best]
    return centers


def nearest_centre(X: Floats, centers: Floats) -> Ints:
    """The index of each row's nearest centre (``‖x‖²`` left out: it does not change the argmin)."""
    scores = X @ (-2.0 * centers.T)
    scores += np.einsum("ij,ij->i", centers, centers)
    nearest: Ints = np.argmin(scores, axis=1)
    return nearest


def lloyd(X: Floats, centers: Floats, max_iter: int, tol: float) -> tuple[Floats, Ints, int]:
    """Alternate assignment and update from ``centers``; return centres, labels, iterations."""
    centers = centers.copy()
    k = len(centers)
    previous = np.full(len(X), -1)
    converged = False
    iteration = 0
    while iteration < max_iter:
        iteration += 1
        labels = nearest_centre(X, centers)
        counts = np.bincount(labels, minlength=k)
        new_centers = (np.eye(k)[labels].T @ X) / np.maximum(counts, 1)[:, None]
        empty = np.flatnonzero(counts == 0)
        if len(empty):  # restart each empty cluster at a point far from its own centre
            own = np.sum((X - centers[labels]) ** 2, axis=1)
            new_centers[empty] = X[np.argsort(own)[::-1][: len(empty)]]
        shift = float(np.sum((new_centers - centers) ** 2))
        centers = new_centers
        if np.array_equal(labels, previous):
            converged = True
            break
        if shift <= tol:
            break
        previous = labels
    if not converged:  # the centres moved after the last assignment: assign once more
        labels = nearest_centre(X, centers)
    return centers, labels, iteration


class KMeans(ClusterMixin, TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """k-means clustering (Lloyd's algorithm) with k-means++ or random starts.

    Parameters
    ----------
    n_clusters : k, the number of clusters.
    init : ``"k-means++"``, ``"random"`` (k distinct rows) or an array of k starting centres.
    n_init : how many starts to try (keep the lowest inertia); ``"auto"``: 1 for
        k-means++ or an array, 10 for random (scikit-learn's rule).
    max_iter : the most Lloyd iterations per start.
    tol : stop when the squared centre shift is at most ``tol`` × the mean feature variance.
    random_state : seed for the starts.

    Fitted attributes: ``cluster_centers_``, ``labels_``, ``inertia_``, ``n_iter_``,
    ``n_features_in_``.
    """

    def __init__(
        self,
        n_clusters: int = 8,
        *,
        init: Literal["k-means++", "random"] | Floats = "k-means++",
        n_init: int | Literal["auto"] = "auto",
        max_iter: int = 300,
        tol: float = 1e-4,
        random_state: int | np.random.RandomState | None = None,
    ) -> None:
        self.n_clusters = n_clusters
        self.init = init
        self.n_init = n_init
        self.max_iter = max_iter
        self.tol = tol
        self.random_state = random_state

    def fit(self, X: Any, y: Any = None) -> Self:
        """Run Lloyd from ``n_init`` starts and keep the clustering with the lowest inertia."""
        X = validate_data(self, X, dtype=np.float64)
        if not isinstance(self.n_clusters, int | np.integer) or self.n_clusters < 1:
            raise ValueError(f"n_clusters must be a positive integer, not {self.n_clusters!r}")
        if len(X) < self.n_clusters:
            raise ValueError(f"n_samples={len(X)} should be >= n_clusters={self.n_clusters}")
        given = not isinstance(self.init, str)
        if given and np.shape(self.init) != (self.n_clusters, X.shape[1]):
            raise ValueError(
                f"init has shape {np.shape(self.init)}; expected ({self.n_clusters}, {X.shape[1]})"
            )
        if not given and self.init not in ("k-means++", "random"):
            raise ValueError(f"init must be 'k-means++', 'random' or an array, not {self.init!r}")
        if given:
            n_init = 1  # the same start would give the same answer every time
        elif self.n_init == "auto":
            n_init = 10 if self.init == "random" else 1
        elif isinstance(self.n_init, int | np.integer) and self.n_init >= 1:
            n_init = int(self.n_init)
        else:
            raise ValueError(f"n_init must be a positive integer or 'auto', not {self.n_init!r}")
        rng = check_random_state(self.random_state)
        tol = float(np.mean(np.var(X, axis=0))) * self.tol
        self.inertia_ = np.inf
        for _ in range(n_init):
            if given:
                start = np.asarray(self.init, dtype=np.float64)
            elif self.init == "random":
                start = X[rng.choice(len(X), self.n_clusters, replace=False)]
            else:
                start = kmeans_plusplus(X, self.n_clusters, rng)
            centers, labels, n_iter = lloyd(X, start, self.max_iter, tol)
            inertia = float(np.sum((X - centers[labels]) ** 2))
            if inertia < self.inertia_:
                self.cluster_centers_, self.labels_ = centers, labels
                self.inertia_, self.n_iter_ = inertia, n_iter
        return self

    def transform(self, X: Any) -> Floats:
        """The Euclidean distance from every sample to every centre, shape (n, k)."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        distances: Floats = np.sqrt(squared_distances(X, self.cluster_centers_))
        return distances

    def predict(self, X: Any) -> Ints:
        """The index of each sample's nearest centre."""
        check_is_fitted(self)
        X = validate_data(self, X, reset=False, dtype=np.float64)
        return nearest_centre(X, self.cluster_centers_)
