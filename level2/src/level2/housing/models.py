"""Four regressors on the same features, compared by k-fold cross-validated RMSE."""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.base import RegressorMixin
from sklearn.ensemble import HistGradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import Pipeline
from sklearn.tree import DecisionTreeRegressor

from level2.housing.data import TARGET
from level2.housing.features import build_preprocessor

__all__ = ["CHOSEN", "MODEL_NAMES", "cross_validate", "make_model", "rmse"]

MODEL_NAMES = ("linear", "tree", "forest", "hist_gb")
CHOSEN = "hist_gb"


def make_model(name: str, *, seed: int = 42, n_estimators: int = 100) -> Pipeline:
    """The preprocessing pipeline followed by the regressor called ``name``.

    ``n_estimators`` sizes the forest and the boosting (max_iter is 5x it); tests
    pass small values to stay fast.
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
            max_iter=5 * n_estimators,
            learning_rate=0.1,
            max_leaf_nodes=63,
            l2_regularization=1.0,
            early_stopping=False,
            random_state=seed,
        )
    else:
        raise ValueError(f"unknown model {name!r}; choose from {', '.join(MODEL_NAMES)}")
    return Pipeline([("features", build_preprocessor()), ("model", regressor)])


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
    for name in names:
        scores = -cross_val_score(
            make_model(name, seed=seed, n_estimators=n_estimators),
            x,
            y,
            cv=splitter,
            scoring="neg_root_mean_squared_error",
        )
        rows.append({"model": name, "cv_rmse": float(scores.mean()), "cv_sd": float(scores.std())})
    return pd.DataFrame(rows)
