"""Train, save, load and evaluate: the steps the CLI and the tour share.

Decision about the capped target: the 965 block groups at 500,001 USD stay in
training and in the test set. Dropping them would make the test RMSE look better
while the model would still meet such districts in use; keeping them costs some
RMSE (the model cannot predict above a value it never sees exceed the cap, and
the true values there are unknown) and is comparable with Hands-On ML's figures.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from level0 import datasets
from level1 import modelstore
from level2.housing.data import TARGET, VALUE_CAP, load_housing, split
from level2.housing.features import TRUSTED as FEATURE_FUNCTIONS
from level2.housing.models import CHOSEN, cross_validate, make_model, rmse

__all__ = [
    "TOOL",
    "TRUSTED",
    "TrainResult",
    "evaluate",
    "file_sha256",
    "load_frame",
    "real_data_path",
    "save",
    "train",
]

TOOL = "level2.housing"
# skops does not trust these by default: our feature functions, plus scikit-learn
# internals that fitted trees, boosted trees, the neighbours' k-d tree and the stacking
# (its KFold and fitted-estimator Bunch) store.
TRUSTED = [
    *FEATURE_FUNCTIONS,
    "numpy.dtype",
    "sklearn.tree._tree.Tree",
    "sklearn.ensemble._hist_gradient_boosting.predictor.TreePredictor",
    "sklearn.metrics._dist_metrics.EuclideanDistance64",
    "sklearn.model_selection._split.KFold",
    "sklearn.neighbors._kd_tree.KDTree",
    "sklearn.utils._bunch.Bunch",
]


def real_data_path() -> Path:
    """The registry's housing.csv (raises datasets.DatasetMissing when not cached)."""
    return Path(datasets.locate("housing")) / "housing.csv"


@dataclass
class TrainResult:
    """The CV table on the training split and the fitted chosen model."""

    cv_table: pd.DataFrame
    model: Pipeline
    chosen: str


def train(
    frame: pd.DataFrame,
    *,
    seed: int = 42,
    folds: int = 5,
    n_estimators: int = 100,
    names: tuple[str, ...] | None = None,
) -> TrainResult:
    """Cross-validate the models on the training split, then fit the chosen one on all of it.

    The chosen model is fixed in advance (histogram gradient boosting) and confirmed by the
    CV table; the test split is not used. BLAS/OpenMP run on one thread: on a small shared
    machine, oversubscribed threads made one boosting fit 30 times slower.
    """
    train_set, _ = split(frame, seed=seed)
    with threadpool_limits(1):
        kwargs: dict[str, Any] = {"folds": folds, "seed": seed, "n_estimators": n_estimators}
        if names is not None:
            kwargs["names"] = names
        table = cross_validate(train_set, **kwargs)
        model = make_model(CHOSEN, seed=seed, n_estimators=n_estimators)
        model.fit(train_set.drop(columns=[TARGET]), train_set[TARGET])
    return TrainResult(cv_table=table, model=model, chosen=CHOSEN)


def file_sha256(path: Path) -> str:
    """The sha256 of a data file, stored with the model and checked by :func:`evaluate`."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(result: TrainResult, directory: Path, *, data: Path | None, seed: int) -> Path:
    """Store the fitted model with its CV figures via level1.modelstore."""
    digest = file_sha256(data) if data is not None else None
    metrics = {
        row.model: {"cv_rmse": row.cv_rmse, "cv_sd": row.cv_sd}
        for row in result.cv_table.itertuples()
    }
    return modelstore.save(
        result.model,
        directory,
        tool=TOOL,
        metrics=metrics,
        data_sha256=digest,
        extra={"chosen": result.chosen, "seed": seed, "data": str(data) if data else "synthetic"},
    )


def evaluate(
    directory: Path, frame: pd.DataFrame, *, data_sha256: str | None = None
) -> dict[str, Any]:
    """Load the saved model and report its RMSE on the held-out test split (same seed).

    The test split is only the same rows if the table is the same: with
    ``data_sha256`` (the sha256 of the file ``frame`` came from) a model trained on
    another file is refused. The RMSE is also given separately for the capped rows
    (value 500,001 USD), where the "true" value is only a floor.
    """
    saved = modelstore.load(directory, tool=TOOL, trusted=TRUSTED)
    trained_on = saved.metadata.get("data_sha256")
    if data_sha256 is not None and trained_on is not None and data_sha256 != trained_on:
        raise modelstore.ModelError(
            f"{directory} was trained on another table (sha256 {trained_on[:12]}…, this one "
            f"{data_sha256[:12]}…); its test split would overlap the training rows"
        )
    seed = int(saved.metadata.get("extra", {}).get("seed", 42))
    _, test_set = split(frame, seed=seed)
    truth = test_set[TARGET]
    with threadpool_limits(1):
        predicted = saved.model.predict(test_set.drop(columns=[TARGET]))
    capped = (truth >= VALUE_CAP).to_numpy()
    return {
        "model": saved.metadata.get("extra", {}).get("chosen", "?"),
        "test_rows": len(test_set),
        "test_rmse": rmse(truth, predicted),
        "capped_rows": int(capped.sum()),
        "rmse_capped_rows": rmse(truth[capped], predicted[capped]) if capped.any() else None,
        "rmse_other_rows": rmse(truth[~capped], predicted[~capped]),
    }


def load_frame(path: Path | None) -> tuple[pd.DataFrame, Path]:
    """The table at ``path``, or the registry's real housing.csv."""
    source = path if path is not None else real_data_path()
    return load_housing(source), source
