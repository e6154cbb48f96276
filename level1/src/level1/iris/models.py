"""Three classic classifiers and their comparison by stratified k-fold cross-validation.

Each model is a scikit-learn estimator (a :class:`~sklearn.pipeline.Pipeline` where the
features need scaling), so ``fit``/``predict`` and cross-validation treat them alike and
the scaler is refitted inside every fold: nothing about a validation fold leaks into
the training folds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import ClassifierMixin
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier

__all__ = ["DEFAULT_MODEL", "MODELS", "CVResult", "best", "cross_validate_models", "make_model"]

MODELS: dict[str, Callable[[int], ClassifierMixin]] = {
    # Scaled features; C=10 is a light L2 penalty (C=1 over-shrinks the 3-class model here,
    # see the README). A linear boundary separates the species almost perfectly.
    "logistic_regression": lambda seed: make_pipeline(
        StandardScaler(), LogisticRegression(C=10.0, max_iter=1000)
    ),
    # Distances need features on one scale; k=5 is scikit-learn's default.
    "knn": lambda seed: make_pipeline(StandardScaler(), KNeighborsClassifier(n_neighbors=5)),
    # Trees split one feature at a time, so scaling changes nothing for them.
    "decision_tree": lambda seed: DecisionTreeClassifier(random_state=seed),
}
DEFAULT_MODEL = "logistic_regression"  # the best by 10-fold CV (see the README)


def make_model(name: str = DEFAULT_MODEL, seed: int = 0) -> Any:
    """A fresh, unfitted model by name (one of :data:`MODELS`)."""
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}; choose one of {', '.join(MODELS)}")
    return MODELS[name](seed)


@dataclass(frozen=True)
class CVResult:
    """One model's cross-validated accuracy: the mean, the spread and every fold."""

    model: str
    mean: float
    std: float
    folds: tuple[float, ...]

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "folds": list(self.folds)}


def cross_validate_models(
    features: pd.DataFrame,
    species: pd.Series,
    folds: int = 10,
    seed: int = 0,
    names: tuple[str, ...] | None = None,
) -> list[CVResult]:
    """Accuracy of each model over the same stratified ``folds`` splits, best first.

    Every model sees the same splits (one shuffled :class:`StratifiedKFold` with
    ``seed``), so the comparison is fair; each fold keeps the species proportions.
    """
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    results = []
    for name in names or tuple(MODELS):
        scores = cross_val_score(make_model(name, seed), features, species, cv=splitter)
        results.append(
            CVResult(name, float(np.mean(scores)), float(np.std(scores)), tuple(map(float, scores)))
        )
    return sorted(results, key=lambda r: (-r.mean, r.std))


def best(results: list[CVResult]) -> CVResult:
    """The result with the highest mean accuracy (ties: the smaller spread)."""
    return min(results, key=lambda r: (-r.mean, r.std))
