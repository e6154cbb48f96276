"""The full pipeline (guard, features, imputation, encoding, classifier) and its CV comparison.

One preprocessing for all three classifiers, so the comparison is about the models:

    TrainRowsGuard -> PassengerFeatures -> TrainImputer -> CompanionSurvival
        -> ColumnTransformer(one-hot the categories, log + scale the numbers) -> classifier
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold, StratifiedKFold, cross_val_score
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler
from tqdm import tqdm

from level1.titanic.data import TARGET
from level1.titanic.features import (
    CompanionSurvival,
    LeakageError,
    PassengerFeatures,
    TrainImputer,
    TrainRowsGuard,
)

__all__ = [
    "CATEGORICAL",
    "DEFAULT_MODEL",
    "MODELS",
    "NUMERIC",
    "CVResult",
    "choose",
    "cross_validate",
    "fit",
    "format_cv_table",
    "make_model",
    "score_spread",
]

CATEGORICAL = ("Sex", "Title", "Embarked", "Deck", "FamilyGroup", "SexClass")
NUMERIC = ("Pclass", "Age", "SibSp", "Parch", "FamilySize", "CompanionsKnown", "CompanionSurvived")
SKEWED = ("FarePerPerson",)  # log1p first: a few fares are 50 times the median

# Simplest first: choose() prefers an earlier model when the scores are close.
MODELS: dict[str, Callable[[int], Any]] = {
    # A strong L2 penalty (C=0.3): 30-odd one-hot columns for 891 passengers.
    "logistic_regression": lambda seed: LogisticRegression(C=0.3, max_iter=2000),
    "random_forest": lambda seed: RandomForestClassifier(
        n_estimators=300, max_depth=6, min_samples_leaf=2, random_state=seed, n_jobs=1
    ),
    "gradient_boosting": lambda seed: GradientBoostingClassifier(
        n_estimators=150, max_depth=3, learning_rate=0.05, subsample=0.8, random_state=seed
    ),
}
DEFAULT_MODEL = "logistic_regression"  # what choose() picks on train.csv (see the README)


def make_model(name: str = DEFAULT_MODEL, seed: int = 0) -> Pipeline:
    """A fresh, unfitted pipeline ending in the classifier ``name`` (one of :data:`MODELS`)."""
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}; choose one of {', '.join(MODELS)}")
    encode = ColumnTransformer(
        [
            (
                "categories",
                OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=5),
                list(CATEGORICAL),
            ),
            ("numbers", StandardScaler(), list(NUMERIC)),
            (
                "fares",
                make_pipeline(
                    FunctionTransformer(np.log1p, feature_names_out="one-to-one"), StandardScaler()
                ),
                list(SKEWED),
            ),
        ],
        remainder="drop",
    )
    return Pipeline(
        [
            ("guard", TrainRowsGuard()),
            ("features", PassengerFeatures()),
            ("impute", TrainImputer()),
            ("companions", CompanionSurvival()),
            ("encode", encode),
            ("model", MODELS[name](seed)),
        ]
    )


def _split_labels(train: pd.DataFrame) -> tuple[pd.DataFrame, pd.Series]:
    if TARGET not in train.columns:
        raise LeakageError(
            f"refusing to train on rows without a {TARGET} column: those are test rows"
        )
    return train.drop(columns=[TARGET]), train[TARGET]


def fit(train: pd.DataFrame, name: str = DEFAULT_MODEL, seed: int = 0) -> Pipeline:
    """The pipeline ``name`` fitted on ``train`` (passengers with their ``Survived`` label)."""
    features, labels = _split_labels(train)
    return make_model(name, seed).fit(features, labels)


@dataclass(frozen=True)
class CVResult:
    """One model's cross-validated accuracy: mean, spread, standard error and every fold.

    ``repeats`` k-fold splits with different shuffles give ``repeats * k`` folds.
    """

    model: str
    mean: float
    std: float
    folds: tuple[float, ...]
    repeats: int = 1

    @property
    def sem(self) -> float:
        """Standard error of the mean: how much the mean itself wobbles.

        Counted over the folds of one split (k, not repeats * k): repeated splits
        reuse the same passengers, so they steady the mean against the luck of one
        shuffle but are not new evidence.
        """
        return self.std / math.sqrt(max(1, len(self.folds) // self.repeats))

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "folds": list(self.folds), "sem": self.sem}


def cross_validate(
    train: pd.DataFrame,
    folds: int = 5,
    seed: int = 0,
    names: tuple[str, ...] | None = None,
    repeats: int = 1,
) -> list[CVResult]:
    """Stratified ``folds``-fold accuracy of each model on the same splits, in :data:`MODELS` order.

    ``repeats`` > 1 repeats the k-fold split with ``repeats`` different shuffles and
    averages all the folds: one shuffle's mean moves by about a point on train.csv
    (0.841 to 0.857 over seeds 0-19), so a single split can flatter a model.
    """
    if repeats < 1:
        raise ValueError(f"repeats must be at least 1, not {repeats}")
    features, labels = _split_labels(train)
    splitter: StratifiedKFold | RepeatedStratifiedKFold = (
        StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
        if repeats == 1
        else RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)
    )
    results = []
    for name in tqdm(names or tuple(MODELS), desc="cross-validating", unit="model", disable=None):
        scores = cross_val_score(make_model(name, seed), features, labels, cv=splitter)
        results.append(
            CVResult(
                name,
                float(np.mean(scores)),
                float(np.std(scores)),
                tuple(map(float, scores)),
                repeats,
            )
        )
    return results


def score_spread(accuracy: float, passengers: int = 418) -> float:
    """The standard deviation of a test score from sampling alone: sqrt(p(1 - p) / n).

    Even a perfectly honest estimate ``accuracy`` meets a test set of ``passengers``
    drawn at random with this spread: about 0.018 for Kaggle's 418 at p = 0.84, so a
    score two spreads (3.5 points) from the estimate is not yet a sign of a leak.
    """
    if not 0.0 <= accuracy <= 1.0 or passengers < 1:
        raise ValueError("accuracy must be in [0, 1] and passengers at least 1")
    return math.sqrt(accuracy * (1.0 - accuracy) / passengers)


def choose(results: list[CVResult]) -> CVResult:
    """The simplest model whose mean is within one standard error of the best mean.

    The "one-standard-error rule": differences smaller than the noise of CV itself
    are not evidence, so among close scores take the model least able to overfit
    (the earliest in :data:`MODELS` order).
    """
    top = max(results, key=lambda r: r.mean)
    order = list(MODELS)
    close = [r for r in results if r.mean >= top.mean - top.sem]
    return min(close, key=lambda r: order.index(r.model) if r.model in order else len(order))


def format_cv_table(results: list[CVResult]) -> str:
    """A plain-text table: model, mean accuracy ± std over the folds, standard error."""
    lines = [f"{'model':<20} {'accuracy (mean ± std)':>22} {'sem':>6} {'folds':>6}"]
    lines += [
        f"{r.model:<20} {r.mean:>13.3f} ± {r.std:.3f} {r.sem:>6.3f} {len(r.folds):>6}"
        for r in results
    ]
    return "\n".join(lines)
