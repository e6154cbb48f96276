r"""Logistic regression from scratch: gradient descent, and Newton's method (IRLS).

The model
    A linear score per class, turned into probabilities by the softmax::

        z_k(x) = w_k · x + b_k        P(y = k | x) = exp(z_k) / Σ_j exp(z_j)

    With two classes only the difference of the two scores matters, so the binary
    model keeps one score ``z = w · x + b`` and ``P(y = 1 | x) = σ(z) = 1 / (1 + e^-z)``
    (the softmax of ``[0, z]``). With K > 2 classes there is one score per class
    (multinomial logistic regression), exactly as in scikit-learn.

The objective (the same minimiser as scikit-learn's ``C``-parametrised one)
    The mean cross-entropy (negative log-likelihood) plus an L2 penalty on the
    weights, not on the intercepts::

        J(θ) = 1/n Σ_i [ log Σ_k exp(z_ik) − z_i,y_i ]  +  λ/2 ‖W‖²      λ = 1 / (C n)

    scikit-learn writes ``C Σ_i loss_i + ½‖W‖²``, which is ``C n · J``: same
    minimiser. Small ``C`` (large λ) shrinks the weights: more bias, less variance.
    J is convex, and strictly convex in W, so both solvers below reach the same
    weights as scikit-learn's and the oracle tests compare them directly.

The gradient and the Hessian
    With ``X̃ = [X, 1]`` (a column of ones carries the intercept), ``P`` the
    predicted probabilities and ``Y`` the one-hot labels (for the binary model:
    the single column of class 1)::

        ∇J = X̃ᵀ (P − Y) / n  +  λ [W; 0]
        ∇²J = 1/n Σ_i (diag(p_i) − p_i p_iᵀ) ⊗ x̃_i x̃_iᵀ  +  λ [I; 0]

    For the binary model the curvature ``diag(p) − p pᵀ`` is just ``p (1 − p)``.

Two solvers
    ``solver="gd"``: gradient descent, ``θ ← θ − η ∇J`` with the fixed step
    ``η = 1/L``, where ``L = ‖X̃‖₂² / (4n) + λ`` (``/(2n)`` for the softmax) bounds
    the curvature, so every step lowers J. Simple, cheap per step, and slow when
    the features have very different scales (standardise first).

    ``solver="newton"`` (the default): Newton's method, ``θ ← θ − t H⁻¹ ∇J``, with
    ``t`` halved until J decreases enough (Armijo backtracking). For the binary
    model each Newton step is a weighted least-squares problem with weights
    ``p_i (1 − p_i)``, hence its other name, *iteratively reweighted least squares*
    (IRLS). It converges in about ten steps, at the price of building and solving
    a ``(d+1)K × (d+1)K`` system each time: the choice when there are few features.
    Adding the same constant to every class's intercept changes no probability,
    so the multinomial Hessian is singular along that direction ``u``; solving
    with ``H + u uᵀ`` instead gives the step with no component along ``u``, which
    keeps the intercepts centred (summing to zero), as scikit-learn's are.

Both stop when the largest gradient component is at most ``tol`` (scikit-learn's
``lbfgs`` stops on the same quantity).

When to use it: a strong, fast, well-calibrated baseline for any classification
problem whose classes are roughly separable by hyperplanes; its weights are
readable. It cannot learn interactions or curved boundaries unless you add
features for them.
"""

from __future__ import annotations

import warnings
from typing import Any, Literal, Self

import numpy as np
import scipy.linalg
from scipy.special import logsumexp, softmax
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.exceptions import ConvergenceWarning

from level3.algorithms.common import Floats, fit_classes, linear_scores

__all__ = ["LogisticRegression"]


class LogisticRegression(ClassifierMixin, BaseEstimator):  # type: ignore[misc]
    """L2-regularised (multinomial) logistic regression fitted by Newton's method or gradient descent.

    Parameters
    ----------
    C : inverse regularisation strength (λ = 1 / (C n)), as in scikit-learn.
    solver : ``"newton"`` (Newton/IRLS, the default) or ``"gd"`` (gradient descent).
    max_iter : the most steps to take.
    tol : stop when every component of the gradient is at most this.

    Fitted attributes: ``classes_``, ``coef_`` (1 × d for two classes, K × d
    otherwise), ``intercept_``, ``n_iter_``, ``n_features_in_``.
    """

    def __init__(
        self,
        *,
        C: float = 1.0,
        solver: Literal["newton", "gd"] = "newton",
        max_iter: int = 1000,
        tol: float = 1e-4,
    ) -> None:
        self.C = C
        self.solver = solver
        self.max_iter = max_iter
        self.tol = tol

    def fit(self, X: Any, y: Any) -> Self:
        """Minimise J(θ) from θ = 0; warn (ConvergenceWarning) if ``max_iter`` runs out first."""
        if self.solver not in ("newton", "gd"):
            raise ValueError(f"solver must be 'newton' or 'gd', not {self.solver!r}")
        if not self.C > 0:
            raise ValueError(f"C must be positive, not {self.C!r}")
        X, codes = fit_classes(self, X, y)
        n, d = X.shape
        X1 = np.hstack([X, np.ones((n, 1))])
        onehot = np.eye(len(self.classes_))[codes]
        Y = onehot[:, 1:] if len(self.classes_) == 2 else onehot  # the modelled columns
        lam = 1.0 / (self.C * n)
        penalised = np.r_[np.ones(d), 0.0][:, None]  # the intercept row is not penalised
        theta = np.zeros((d + 1, Y.shape[1]))

        def objective(theta: Floats) -> float:
            logits = _full_logits(X1 @ theta)
            loss = np.mean(logsumexp(logits, axis=1) - logits[np.arange(n), codes])
            return float(loss + lam / 2 * np.sum(penalised * theta**2))

        def gradient(theta: Floats) -> tuple[Floats, Floats]:
            P = _probabilities(X1 @ theta)[:, -Y.shape[1] :]
            return X1.T @ (P - Y) / n + lam * penalised * theta, P

        if self.solver == "gd":
            curvature = 0.25 if Y.shape[1] == 1 else 0.5  # the largest eigenvalue of diag(p) − ppᵀ
            step_size = 1.0 / (curvature * np.linalg.norm(X1, 2) ** 2 / n + lam)

        self.n_iter_ = self.max_iter
        for iteration in range(self.max_iter):
            grad, P = gradient(theta)
            if np.max(np.abs(grad)) <= self.tol:
                self.n_iter_ = iteration
                break
            if self.solver == "gd":
                theta = theta - step_size * grad
                continue
            step = _backtrack(objective, gradient, theta, grad, _newton_step(X1, P, grad, lam))
            if step is None:  # rounding, not the method, is the limit now
                self.n_iter_ = iteration
                _warn(
                    f"newton stopped at max|∇J| = {np.max(np.abs(grad)):.1e} > tol={self.tol}: "
                    "no step lowers J in floating point (nearly collinear features?)"
                )
                break
            theta = theta + step
        else:
            advice = "; standardise the features, raise max_iter or use solver='newton'"
            _warn(
                f"{self.solver} did not reach tol={self.tol} in max_iter={self.max_iter} steps"
                + (advice if self.solver == "gd" else "")
            )
        self.coef_ = theta[:-1].T.copy()
        self.intercept_ = theta[-1].copy()
        return self

    def decision_function(self, X: Any) -> Floats:
        """The linear scores: shape (n,) for two classes (the log-odds of class 1), else (n, K)."""
        return linear_scores(self, X)

    def predict_proba(self, X: Any) -> Floats:
        """P(class | x) for every class, columns in the order of ``classes_``."""
        scores = self.decision_function(X)
        return _probabilities(scores.reshape(len(scores), -1))

    def predict(self, X: Any) -> Any:
        """The most probable class: the highest score, no softmax needed (the first on a tie)."""
        scores = self.decision_function(X)
        best = (scores > 0).astype(np.intp) if scores.ndim == 1 else np.argmax(scores, axis=1)
        return self.classes_[best]


def _full_logits(Z: Floats) -> Floats:
    """One score per class: the binary model's single score z becomes ``[0, z]``."""
    return np.hstack([np.zeros((len(Z), 1)), Z]) if Z.shape[1] == 1 else Z


def _probabilities(Z: Floats) -> Floats:
    """The softmax of the class scores (for one score: ``[1 − σ(z), σ(z)]``)."""
    probabilities: Floats = softmax(_full_logits(Z), axis=1)
    return probabilities


def _newton_step(X1: Floats, P: Floats, grad: Floats, lam: float) -> Floats:
    """Solve ``H s = −∇J`` for the Newton step s, with H the Hessian above (m = modelled classes)."""
    n, d1 = X1.shape
    m = P.shape[1]
    # Σ_i (diag(p_i) − p_i p_iᵀ) ⊗ x̃_i x̃_iᵀ = block-diagonal part − outer part, built with BLAS.
    blocks = np.zeros((m * d1, m * d1))
    for k in range(m):
        blocks[k * d1 : (k + 1) * d1, k * d1 : (k + 1) * d1] = X1.T @ (P[:, k, None] * X1)
    outer = (P[:, :, None] * X1[:, None, :]).reshape(n, m * d1)
    penalty = np.tile(np.r_[np.full(d1 - 1, lam), 0.0], m)
    hessian = (blocks - outer.T @ outer) / n + np.diag(penalty)
    if m > 1:  # add u uᵀ, u = all intercepts together: H is singular along u and ∇J ⟂ u
        intercepts = np.arange(m) * d1 + d1 - 1
        hessian[np.ix_(intercepts, intercepts)] += 1.0 / m
    try:
        flat_step = scipy.linalg.solve(hessian, -grad.T.ravel(), assume_a="pos")  # Cholesky
    except np.linalg.LinAlgError:  # not positive definite in floating point: least squares
        flat_step = np.linalg.lstsq(hessian, -grad.T.ravel(), rcond=None)[0]
    step: Floats = flat_step.reshape(m, d1).T
    return step


def _backtrack(
    objective: Any, gradient: Any, theta: Floats, grad: Floats, step: Floats
) -> Floats | None:
    """Halve ``step`` until J decreases by at least 1e-4 of what the slope promises (Armijo).

    Near the optimum J changes by less than its own rounding error; there a step
    is accepted if it leaves J unchanged to rounding and shrinks the gradient (as
    scikit-learn's newton-cholesky does). None if no step 2⁻³⁴ times as long or
    longer does either: the optimum is as close as floating point can get.
    """
    start, slope, t = objective(theta), float(np.sum(grad * step)), 1.0
    rounding = 16 * np.finfo(np.float64).eps * abs(start)
    while t >= 1e-10:
        change = objective(theta + t * step) - start
        if change <= 1e-4 * t * slope:
            break
        flat = abs(change) <= rounding
        if flat and np.max(np.abs(gradient(theta + t * step)[0])) < np.max(np.abs(grad)):
            break
        t /= 2
    else:
        return None
    scaled: Floats = t * step
    return scaled


def _warn(message: str) -> None:
    warnings.warn(message, ConvergenceWarning, stacklevel=3)
