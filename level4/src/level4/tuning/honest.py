"""Honest numbers: nested cross-validation, and a threshold chosen on out-of-fold scores.

The best CV score a search reports is the maximum over many noisy estimates, so it is
optimistic: some of the winner's lead is luck on these particular folds. Nested CV
measures the whole *procedure* instead. The training part is split into outer folds;
on each outer training part the search runs again from scratch (its own inner CV),
and its winner is scored once on the outer test fold it never saw. The mean of those
outer scores estimates what "run this search, keep the best" delivers on new data, and
``best CV - nested`` is the optimism of the plain figure.

The threshold of the final filter comes from out-of-fold scores of the training part
(level 1's :func:`~level1.spam.search.choose_threshold`): each training message is
scored by a model that never saw it, and the threshold catches the most spam while
blocking at most the stated share of ham.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import clone
from sklearn.metrics import matthews_corrcoef
from sklearn.model_selection import StratifiedKFold, cross_val_predict

from level1.spam.search import choose_threshold
from level4.tuning import space
from level4.tuning.methods import run_search

__all__ = ["Nested", "nested_cv", "oof_threshold", "response_method"]

SPAM = "spam"


@dataclass(frozen=True)
class Nested:
    """Outer-fold scores of a search procedure, and the optimism of its plain best CV score."""

    method: str
    outer_scores: list[float]
    best_cv: float
    winners: list[str]

    @property
    def score(self) -> float:
        return float(np.mean(self.outer_scores))

    @property
    def optimism(self) -> float:
        return self.best_cv - self.score

    def to_dict(self) -> dict[str, Any]:
        return {
            "method": self.method,
            "outer_scores": self.outer_scores,
            "nested_mcc": self.score,
            "nested_std": float(np.std(self.outer_scores)),
            "best_cv_mcc": self.best_cv,
            "optimism": self.optimism,
            "winners": self.winners,
        }


def nested_cv(
    method: str,
    texts: np.ndarray,
    labels: np.ndarray,
    *,
    budget: int,
    inner: Any,
    best_cv: float,
    outer_folds: int = 3,
    seed: int = 0,
    n_jobs: int | None = None,
    memory: str | None = None,
) -> Nested:
    """Re-run ``method`` inside each outer training part; score each winner on its outer fold."""
    outer = StratifiedKFold(n_splits=outer_folds, shuffle=True, random_state=seed + 1)
    scores, winners = [], []
    for train_idx, test_idx in outer.split(np.zeros(len(labels)), labels):
        found = run_search(
            method,
            texts[train_idx],
            labels[train_idx],
            budget=budget,
            cv=inner,
            seed=seed,
            n_jobs=n_jobs,
            memory=memory,
        )
        model = space.to_pipeline(found.best_params).fit(texts[train_idx], labels[train_idx])
        scores.append(float(matthews_corrcoef(labels[test_idx], model.predict(texts[test_idx]))))
        winners.append(space.describe(found.best_params))
    return Nested(method, scores, best_cv, winners)


def response_method(pipeline: Any) -> str:
    """How the pipeline scores a text: a margin where the classifier has one, else a probability."""
    final = pipeline.steps[-1][1]
    return "decision_function" if hasattr(final, "decision_function") else "predict_proba"


def oof_threshold(
    params: dict[str, Any],
    texts: np.ndarray,
    labels: np.ndarray,
    *,
    max_blocked_ham: float,
    folds: int = 5,
    seed: int = 0,
    n_jobs: int | None = None,
) -> tuple[float, np.ndarray]:
    """(threshold, out-of-fold scores): the most spam caught with at most ``max_blocked_ham``."""
    pipeline = space.to_pipeline(params)
    method = response_method(pipeline)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    scores = cross_val_predict(
        clone(pipeline), texts, labels, cv=splitter, method=method, n_jobs=n_jobs
    )
    if scores.ndim == 2:  # predict_proba: the column of "spam" (classes are sorted)
        scores = scores[:, list(np.unique(labels)).index(SPAM)]
    return choose_threshold(scores, labels == SPAM, max_blocked_ham), np.asarray(scores)
