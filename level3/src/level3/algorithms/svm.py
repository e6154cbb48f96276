r"""A linear support vector machine from scratch: hinge loss minimised by Pegasos.

The model
    A hyperplane ``f(x) = w · x + b``; predict class +1 when f(x) > 0. With K > 2
    classes, one hyperplane per class against the rest (one-vs-rest, as
    scikit-learn's LinearSVC) and predict the class with the largest score.

The objective (scikit-learn's LinearSVC with ``loss="hinge"``)
    With labels ``y_i ∈ {−1, +1}`` and ``x̃ = [x, 1]`` (so the intercept is
    penalised too, as liblinear does with ``intercept_scaling=1``)::

        C Σ_i max(0, 1 − y_i w̃·x̃_i) + ½‖w̃‖²   =   C n · J(w̃)

        J(w̃) = λ/2 ‖w̃‖² + 1/n Σ_i max(0, 1 − y_i w̃·x̃_i)       λ = 1 / (C n)

    The hinge is zero for points on the right side with a margin of at least 1
    (in units of 1/‖w‖), so only the points on or inside the margin, the
    *support vectors*, shape the solution. Minimising ‖w‖ maximises the margin.
    Small C (large λ) prefers a wide margin and tolerates mistakes: more bias,
    less variance.

Pegasos (Shalev-Shwartz et al. 2007): stochastic sub-gradient descent
    The hinge has no gradient at its kink, but a sub-gradient: ``−y x̃`` for a
    point inside the margin, 0 otherwise. At step t, take a random mini-batch A
    of the data, and with step size ``η_t = 1 / (λ t)``::

        w̃ ← (1 − η_t λ) w̃ + η_t / |A| · Σ_{i ∈ A, y_i w̃·x̃_i < 1} y_i x̃_i

    then project w̃ onto the ball ‖w̃‖ ≤ 1/√λ, where the optimum lies. Because J
    is λ-strongly convex the error after T steps falls like O(log T / (λ T)): fast
    at first and slow to become exact, so the answer agrees with liblinear's
    exact solver in accuracy and to a few percent in J, not in every digit. The
    returned weights are the average of the iterates over the second half of
    the run, which removes most of the stochastic noise. All K one-vs-rest
    problems share the mini-batches and are updated together as the K columns of
    one matrix.

When to use it: high-dimensional, sparse problems (text) where a linear boundary
is enough and the data is large: each Pegasos step touches only a mini-batch.
It gives scores, not probabilities. For few features and a curved boundary,
use a kernel SVM (scikit-learn's SVC) or a tree ensemble.
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.utils import check_random_state

from level3.algorithms.common import Floats, fit_classes, linear_scores

__all__ = ["LinearSVC", "svm_objective"]


def svm_objective(W: Floats, X1: Floats, Y: Floats, lam: float) -> Floats:
    """J for each one-vs-rest column: W (d+1, m) weights, X1 = [X, 1], Y (n, m) in {−1, +1}."""
    margins = Y * (X1 @ W)
    value: Floats = lam / 2 * np.sum(W**2, axis=0) + np.mean(np.maximum(0.0, 1.0 - margins), axis=0)
    return value


class LinearSVC(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """A linear SVM (hinge loss, L2 penalty) trained by mini-batch Pegasos, one-vs-rest.

    Parameters
    ----------
    C : the weight of the hinge losses against the margin (λ = 1 / (C n)).
    max_iter : passes (epochs) over the data.
    batch_size : samples per Pegasos step.
    random_state : seed of the mini-batch shuffling.

    Fitted attributes: ``classes_``, ``coef_`` (1 × d for two classes, K × d
    otherwise), ``intercept_``, ``n_iter_``, ``n_features_in_``.
    """

    def __init__(
        self,
        *,
        C: float = 1.0,
        max_iter: int = 100,
        batch_size: int = 32,
        random_state: int | np.random.RandomState | None = None,
    ) -> None:
        self.C = C
        self.max_iter = max_iter
        self.batch_size = batch_size
        self.random_state = random_state

    def fit(self, X: Any, y: Any) -> Self:
        """Run ``max_iter`` epochs of Pegasos over shuffled mini-batches."""
        if not self.C > 0:
            raise ValueError(f"C must be positive, not {self.C!r}")
        for name in ("max_iter", "batch_size"):
            if not isinstance(getattr(self, name), int | np.integer) or getattr(self, name) < 1:
                raise ValueError(f"{name} must be a positive integer, not {getattr(self, name)!r}")
        X, codes = fit_classes(self, X, y)
        rng = check_random_state(self.random_state)
        n = len(X)
        X1 = np.hstack([X, np.ones((n, 1))])
        signs = 2.0 * np.eye(len(self.classes_))[codes] - 1.0  # one-vs-rest labels in {−1, +1}
        Y = signs[:, 1:] if len(self.classes_) == 2 else signs
        lam = 1.0 / (self.C * n)
        radius = 1.0 / np.sqrt(lam)
        W = np.zeros((X1.shape[1], Y.shape[1]))
        average = np.zeros_like(W)
        batches_per_epoch = -(-n // self.batch_size)
        total = self.max_iter * batches_per_epoch
        averaged = 0
        t = 0
        for _ in range(self.max_iter):
            order = rng.permutation(n)
            for start in range(0, n, self.batch_size):
                t += 1
                batch = order[start : start + self.batch_size]
                Xb, Yb = X1[batch], Y[batch]
                inside = (Yb * (Xb @ W)) < 1.0  # (batch, m): points inside each margin
                eta = 1.0 / (lam * t)
                W *= 1.0 - eta * lam
                W += eta / len(batch) * (Xb.T @ (Yb * inside))
                W *= np.minimum(1.0, radius / np.maximum(np.linalg.norm(W, axis=0), 1e-300))
                if t > total // 2:
                    average += W
                    averaged += 1
        W = average / averaged
        self.n_iter_ = self.max_iter
        self.coef_ = W[:-1].T.copy()
        self.intercept_ = W[-1].copy()
        return self

    def decision_function(self, X: Any) -> Floats:
        """Signed scores w·x + b: shape (n,) for two classes (positive: ``classes_[1]``), else (n, K)."""
        return linear_scores(self, X)

    def predict(self, X: Any) -> Any:
        """The class whose hyperplane scores highest (for two classes: the sign)."""
        scores = self.decision_function(X)
        if scores.ndim == 1:
            return self.classes_[(scores > 0).astype(np.intp)]
        return self.classes_[np.argmax(scores, axis=1)]
