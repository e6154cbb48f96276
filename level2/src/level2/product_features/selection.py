"""Feature selection, every family side by side: which features each keeps, and what that is worth.

The question: from everything except the price, can a model tell a product's
price band (cheapest, middle or dearest third)? Or, with ``target="rating_band"``,
its star band? Each method keeps about ``k`` features, then the same classifier
(logistic regression, balanced class weights) is scored by stratified k-fold
cross-validation on balanced accuracy, where chance is 1 / (number of classes).

========================  ========  ===============================================
method                    family    how it chooses
========================  ========  ===============================================
chi-square                filter    dependence of class on each (non-negative) feature
mutual information        filter    any dependence, linear or not
ANOVA F                   filter    how far the class means of a feature lie apart
correlation               filter    abs. Pearson correlation with the band number
RFE                       wrapper   fit, drop the weakest 10 %, refit, until k are left
Lasso                     embedded  L1 penalty sets coefficients to exactly zero
ElasticNet                embedded  half L1, half L2: zeros, but keeps correlated pairs
Ridge                     embedded  L2 only shrinks, never zeros: keep the k largest
========================  ========  ===============================================

The embedded methods are the regressors ``Lasso``, ``ElasticNet`` and ``Ridge``
fitted to the band number (0, 1, 2): the bands are ordered, so a regression on
them is meaningful and the penalties work exactly as in the textbook.

The preprocessing pipeline is fitted once per training fold and shared by all
methods (fitting TF-IDF nine times per fold would cost nine times as much); it
never sees the test fold. A test checks that this gives the same scores as
``cross_val_score`` on the whole pipeline.
"""

from __future__ import annotations

import warnings
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from itertools import pairwise
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.dummy import DummyClassifier
from sklearn.feature_selection import (
    RFE,
    SelectFromModel,
    SelectKBest,
    chi2,
    f_classif,
    mutual_info_classif,
    r_regression,
)
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge
from sklearn.metrics import balanced_accuracy_score
from sklearn.model_selection import StratifiedKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import MinMaxScaler, StandardScaler
from threadpoolctl import threadpool_limits

from level2.product_features.pipeline import make_preprocessor

__all__ = [
    "TARGETS",
    "SelectionResult",
    "abs_correlation",
    "compare_selectors",
    "make_target",
    "mutual_information",
]

TARGETS = ("price_band", "rating_band")
LASSO_ALPHA = 0.02
ELASTICNET_ALPHA = 0.04
RIDGE_ALPHA = 10.0


@dataclass
class SelectionResult:
    """The comparison table and what it was measured on."""

    target: str
    labels: list[str]
    class_counts: list[int]
    folds: int
    k: int
    table: pd.DataFrame  # method, family, n_features, features, cv_mean, cv_sd
    selected: dict[str, list[str]] = field(default_factory=dict)  # method -> features, best first

    @property
    def chance(self) -> float:
        return 1 / len(self.labels)

    def votes(self) -> Counter[str]:
        """How many selection methods kept each feature."""
        return Counter(
            f for name, fs in self.selected.items() if name != "all features" for f in fs
        )


def make_target(tidy: pd.DataFrame, target: str) -> tuple[pd.Series, list[str], tuple[str, ...]]:
    """(band number per usable row, band labels, tidy columns the features must not use)."""
    if target == "price_band":
        price = tidy["price"].dropna()
        codes, edges = pd.qcut(price, 3, labels=False, retbins=True, duplicates="drop")
        if len(edges) < 3:
            raise ValueError("the prices take too few distinct values to form bands")
        inner = [f"£{lo:.2f}-£{hi:.2f}" for lo, hi in pairwise(edges[1:-1])]
        labels = [f"under £{edges[1]:.2f}", *inner, f"over £{edges[-2]:.2f}"]
        return codes.astype(int), labels, ("price",)
    if target == "rating_band":
        rating = tidy["rating"].dropna()
        codes = pd.cut(rating, [0, 2.5, 3.5, 5], labels=False)
        return codes.astype(int), ["1-2 stars", "3 stars", "4-5 stars"], ("rating",)
    raise ValueError(f"unknown target {target!r} (choose one of: {', '.join(TARGETS)})")


def abs_correlation(X: Any, y: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    """|Pearson r| of each feature with the target; 0 for a constant feature (whose r
    is 0/0, which r_regression returns as NaN or as a huge number)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        r = np.abs(r_regression(X, y))
    varies = np.asarray(X, dtype=float).std(axis=0) > 0
    scores: np.ndarray[Any, np.dtype[np.float64]] = np.where(varies, np.nan_to_num(r), 0.0)
    return scores


def mutual_information(
    X: Any, y: Any, random_state: int = 0
) -> np.ndarray[Any, np.dtype[np.float64]]:
    """Mutual information of each feature with the class. Columns with two values
    (flags, one-hot) are declared discrete: counted exactly, not by the k-NN estimate
    meant for continuous columns (which is also slower)."""
    values = np.asarray(X, dtype=float)
    discrete = np.array([np.unique(column).size <= 2 for column in values.T], dtype=bool)
    scores: np.ndarray[Any, np.dtype[np.float64]] = mutual_info_classif(
        values, y, discrete_features=discrete, random_state=random_state
    )
    return scores


def _classifier() -> LogisticRegression:
    return LogisticRegression(max_iter=2000, class_weight="balanced")


def _methods(k: int, seed: int) -> list[tuple[str, str, Pipeline]]:
    """(name, family, pipeline from the preprocessed matrix to a prediction)."""
    standard = ("scale", StandardScaler())

    def pipe(*steps: tuple[str, Any]) -> Pipeline:
        return Pipeline([*steps, ("model", _classifier())])

    def best(score: Any) -> tuple[str, Any]:
        return ("select", SelectKBest(score, k=k))

    mutual_info = partial(mutual_information, random_state=seed)
    ridge = SelectFromModel(Ridge(alpha=RIDGE_ALPHA), threshold=-np.inf, max_features=k)
    return [
        ("chance", "baseline", Pipeline([("model", DummyClassifier(strategy="most_frequent"))])),
        ("all features", "none", pipe(standard)),
        ("chi-square", "filter", pipe(("scale", MinMaxScaler()), best(chi2))),
        ("mutual information", "filter", pipe(standard, best(mutual_info))),
        ("ANOVA F", "filter", pipe(standard, best(f_classif))),
        ("correlation", "filter", pipe(standard, best(abs_correlation))),
        (
            "RFE",
            "wrapper",
            pipe(standard, ("select", RFE(_classifier(), n_features_to_select=k, step=0.1))),
        ),
        (
            "Lasso",
            "embedded",
            pipe(standard, ("select", SelectFromModel(Lasso(alpha=LASSO_ALPHA)))),
        ),
        (
            "ElasticNet",
            "embedded",
            pipe(
                standard,
                (
                    "select",
                    SelectFromModel(
                        ElasticNet(alpha=ELASTICNET_ALPHA, l1_ratio=0.5), threshold=1e-5
                    ),
                ),
            ),
        ),
        ("Ridge", "embedded", pipe(standard, ("select", ridge))),
    ]


def compare_selectors(
    tidy: pd.DataFrame,
    *,
    target: str = "price_band",
    k: int = 10,
    folds: int = 5,
    seed: int = 0,
    tfidf_terms: int = 20,
    min_category_count: int = 10,
) -> SelectionResult:
    """Cross-validate every method on ``tidy`` (see the module docstring) and tabulate."""
    if k < 1 or folds < 2:
        raise ValueError(f"k must be at least 1 and folds at least 2 (got k={k}, folds={folds})")
    y, labels, exclude = make_target(tidy, target)
    rows = tidy.loc[y.index]
    counts = [int((y == code).sum()) for code in range(len(labels))]
    if min(counts) < folds:
        raise ValueError(f"too few products for {folds}-fold CV: class sizes {counts}")
    options = {
        "exclude": exclude,
        "tfidf_terms": tfidf_terms,
        "min_category_count": min_category_count,
    }
    # Matrices this small fit fastest on one BLAS thread: on a busy 2-core machine two
    # threads made each logistic regression 10-20 times slower than one.
    with threadpool_limits(limits=1):
        return _compare(rows, y, labels, counts, options, target, k, folds, seed)


def _compare(
    rows: pd.DataFrame,
    y: pd.Series,
    labels: list[str],
    counts: list[int],
    options: dict[str, Any],
    target: str,
    k: int,
    folds: int,
    seed: int,
) -> SelectionResult:
    """The cross-validation loop and the final fit behind :func:`compare_selectors`."""
    scores: dict[str, list[float]] = {}
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    for train, test in splitter.split(rows, y):
        preprocessor = make_preprocessor(**options).fit(rows.iloc[train])
        x_train, x_test = (
            preprocessor.transform(rows.iloc[train]),
            preprocessor.transform(rows.iloc[test]),
        )
        for name, _, model in _methods(min(k, x_train.shape[1]), seed):
            fitted = _fit(clone(model), x_train, y.iloc[train])
            score = balanced_accuracy_score(y.iloc[test], fitted.predict(x_test))
            scores.setdefault(name, []).append(float(score))

    preprocessor = make_preprocessor(**options).fit(rows)
    names = [str(n) for n in preprocessor.get_feature_names_out()]
    matrix = preprocessor.transform(rows)
    selected, table = {}, []
    for name, family, model in _methods(min(k, len(names)), seed):
        fitted = _fit(clone(model), matrix, y)
        chosen = [] if name == "chance" else _ranked(fitted, names)
        selected[name] = chosen
        table.append(
            {
                "method": name,
                "family": family,
                "n_features": len(chosen),
                "features": ", ".join(chosen[:5]) + (", ..." if len(chosen) > 5 else ""),
                "cv_mean": float(np.mean(scores[name])),
                "cv_sd": float(np.std(scores[name])),
            }
        )
    return SelectionResult(target, labels, counts, folds, k, pd.DataFrame(table), selected)


def _fit(model: Pipeline, x: Any, y: pd.Series) -> Pipeline:
    with warnings.catch_warnings():  # a filter on a feature constant within a fold warns
        warnings.simplefilter("ignore", (RuntimeWarning, UserWarning))
        return model.fit(x, y)


def _ranked(model: Pipeline, names: list[str]) -> list[str]:
    """The features the model uses, most important first."""
    keep = np.ones(len(names), dtype=bool)
    strength = np.zeros(len(names))
    if "select" in model.named_steps:
        selector = model.named_steps["select"]
        keep = selector.get_support()
        if hasattr(selector, "scores_"):
            strength = np.nan_to_num(selector.scores_)
        else:
            estimator = selector.estimator_
            strength_kept = np.abs(np.atleast_2d(estimator.coef_)).mean(axis=0)
            if isinstance(selector, RFE):
                strength[keep] = strength_kept
            else:
                strength = strength_kept
    else:
        strength[:] = np.abs(np.atleast_2d(model.named_steps["model"].coef_)).mean(axis=0)
    order = np.argsort(-strength, kind="stable")
    return [names[i] for i in order if keep[i]]
