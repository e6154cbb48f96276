"""Four regressors on the same features, compared by k-fold cross-validated RMSE.

Each model is ``Pipeline([features, model])``. With ``neighbours`` (the default) the
regressor is the final estimator of a :class:`~sklearn.ensemble.StackingRegressor`
that adds one column, the neighbours' value (:func:`features.neighbour_value`),
predicted out of fold on the training rows (``passthrough=True`` keeps every other
feature). The settings of the boosting model were chosen by 5-fold CV on the
training split only (benchmarks/housing_bench.py).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import RegressorMixin
from sklearn.ensemble import (
    HistGradientBoostingRegressor,
    RandomForestRegressor,
    StackingRegressor,
)
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.tree import DecisionTreeRegressor
from tqdm import tqdm

from level2.housing.data import TARGET
from level2.housing.features import build_preprocessor, neighbour_value

__all__ = ["CHOSEN", "MODEL_NAMES", "cross_validate", "make_model", "rmse"]

MODEL_NAMES = ("linear", "tree", "forest", "hist_gb")
CHOSEN = "hist_gb"


NEIGHBOURS = 10


def make_model(
    name: str,
    *,
    seed: int = 42,
    n_estimators: int = 100,
    neighbours: int | None = NEIGHBOURS,
    rotated: bool = True,
) -> Pipeline:
    """The preprocessing pipeline followed by the regressor called ``name``.

    ``n_estimators`` sizes the forest and the boosting (max_iter is 10x it); tests
    pass small values to stay fast. ``neighbours=None`` leaves out the neighbours'
    value feature and ``rotated=False`` the rotated coordinates (for the ablation in
    the benchmark).
    """
    regressor: RegressorMixin
    if name == "linear":
        regressor = LinearRegression()
    elif name == "tree":
        regressor = DecisionTreeRegressor(random_state=seed)
    elif name == "forest":
        regressor = RandomForestRegressor(
            n_estimators=n_estimators, max_features=0.5, n_jobs=1, random_state=seed
        )
    elif name == "hist_gb":
        regressor = HistGradientBoostingRegressor(
            max_iter=10 * n_estimators,
            learning_rate=0.05,
            max_leaf_nodes=31,
            early_stopping=False,
            random_state=seed,
        )
    else:
        raise ValueError(f"unknown model {name!r}; choose from {', '.join(MODEL_NAMES)}")
    features = build_preprocessor(rotated=rotated)
    if neighbours is None:
        return Pipeline([("features", features), ("model", regressor)])
    stacked = StackingRegressor(
        [("neighbours", neighbour_value(neighbours))],
        final_estimator=regressor,
        passthrough=True,
        cv=KFold(n_splits=5, shuffle=True, random_state=seed),
    )
    return Pipeline([("features", features), ("model", stacked)])


def rmse(truth: pd.Series | np.ndarray, predicted: np.ndarray) -> float:
    """Root mean squared error, in the target's units (USD)."""
    diff = np.asarray(truth, dtype=np.float64) - np.asarray(predicted, dtype=np.float64)
    return float(np.sqrt(np.mean(diff**2)))


def cross_validate(
    train: pd.DataFrame,
    *,
    names: tuple[str, ...] = MODEL_NAMES,
    folds: int = 5,
    seed: int = 42,
    n_estimators: int = 100,
) -> pd.DataFrame:
    """RMSE of each model over ``folds`` shuffled folds of the training set only.

    Returns one row per model: mean and standard deviation of the fold RMSEs.
    The test set is never touched here.
    """
    x, y = train.drop(columns=[TARGET]), train[TARGET]
    splitter = KFold(n_splits=folds, shuffle=True, random_state=seed)
    rows = []
    for name in tqdm(names, desc=f"{folds}-fold CV", unit="model", disable=None):
        scores = -cross_val_score(
            make_model(name, seed=seed, n_estimators=n_estimators),
            x,
            y,
            cv=splitter,
            scoring="neg_root_mean_squared_error",
        )
        rows.append({"model": name, "cv_rmse": float(scores.mean()), "cv_sd": float(scores.std())})
    return pd.DataFrame(rows)
