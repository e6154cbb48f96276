"""The six classifiers under comparison, each behind the dataset's own preprocessing.

Every model gets the same preprocessing (a fresh copy per pipeline), so differences in
the scores come from the models. Settings are scikit-learn's defaults except where a
default would make the comparison unfair (``max_iter`` high enough to converge, a
fixed seed wherever there is randomness, one thread each).

The fits run under ``threadpool_limits(1)``: these datasets are small, and on a shared
2-core VM the BLAS/OpenMP threads mostly wait for each other. Measured on breast
cancer, 5-fold CV of logistic regression took 2.1 s of fitting with the default
threads against 0.08 s with one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import Pipeline
from sklearn.svm import SVC, LinearSVC
from sklearn.tree import DecisionTreeClassifier

from level3.compare.data import Dataset

__all__ = ["MODELS", "make_pipeline"]

# Roughly from most constrained to most flexible.
MODELS: dict[str, Callable[[int], Any]] = {
    "logistic_regression": lambda seed: LogisticRegression(max_iter=5000),
    "linear_svm": lambda seed: LinearSVC(random_state=seed),
    "knn": lambda seed: KNeighborsClassifier(n_neighbors=5),
    "decision_tree": lambda seed: DecisionTreeClassifier(random_state=seed),
    "rbf_svm": lambda seed: SVC(kernel="rbf", random_state=seed),
    "random_forest": lambda seed: RandomForestClassifier(
        n_estimators=200, random_state=seed, n_jobs=1
    ),
}


def make_pipeline(dataset: Dataset, model: str, seed: int = 0) -> Pipeline:
    """An unfitted ``prepare -> model`` pipeline for ``dataset`` (``model`` from :data:`MODELS`)."""
    if model not in MODELS:
        raise ValueError(f"unknown model {model!r}; choose from {', '.join(MODELS)}")
    return Pipeline([("prepare", dataset.prepare()), ("model", MODELS[model](seed))])
