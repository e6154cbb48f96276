"""Experiment tracking with MLflow: one run per trial, one parent run per search.

Every trial is logged with its method, parameters, CV scores (mean, spread, each fold
as a compact list), mean fit time, the training data's sha256 and the package versions,
as one batch call per run: logging every fold as its own metric history made a hundred
runs take tens of seconds on SQLite. The default store is a SQLite file in the output
folder, ``sqlite:///DIR/mlflow.db``; ``mlflow ui --backend-store-uri sqlite:///DIR/mlflow.db``
browses the same runs. MLflow is imported only here, when tracking is on (it takes
seconds to import).
"""

from __future__ import annotations

import os
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from level4.tuning.methods import SearchResult

__all__ = ["PACKAGES", "default_uri", "list_runs", "log_search"]

PACKAGES = ("scikit-learn", "numpy", "scipy", "optuna", "mlflow", "mlroadmap-level1")
EXPERIMENT = "level4.tuning"


def default_uri(folder: Path) -> str:
    """The SQLite store inside an output folder."""
    return f"sqlite:///{(folder / 'mlflow.db').resolve()}"


def _client(uri: str) -> Any:
    os.environ.setdefault("MLFLOW_DISABLE_TELEMETRY", "true")
    import logging

    logging.getLogger("mlflow").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    from mlflow.tracking import MlflowClient

    return MlflowClient(tracking_uri=uri)


def _experiment(client: Any) -> str:
    found = client.get_experiment_by_name(EXPERIMENT)
    return str(found.experiment_id if found else client.create_experiment(EXPERIMENT))


def log_search(uri: str, result: SearchResult, data_sha256: str, corpus: str) -> int:
    """Log a search (parent run) and each of its trials (child runs); returns the runs logged."""
    from mlflow.entities import Metric, Param

    client = _client(uri)
    experiment = _experiment(client)
    versions = {f"version.{name}": version(name) for name in PACKAGES}
    common = {"method": result.method, "corpus": corpus, "data_sha256": data_sha256, **versions}
    parent = client.create_run(experiment, run_name=f"{result.method} search", tags=common)
    parent_id = parent.info.run_id
    summary = result.summary()
    client.log_batch(
        parent_id,
        metrics=[
            Metric(key, float(summary[key]), 0, 0)
            for key in (
                "best_cv_mcc",
                "best_cv_std",
                "fits",
                "full_fit_equivalents",
                "seconds",
                "trials",
            )
        ],
        params=[Param("budget", str(result.budget))],
    )
    for trial in result.trials:
        run = client.create_run(
            experiment,
            run_name=f"{result.method} #{trial.number}",
            tags={**common, "mlflow.parentRunId": parent_id, "trial": str(trial.number)},
        )
        client.log_batch(
            run.info.run_id,
            metrics=[
                Metric("cv_mcc", trial.mean, 0, 0),
                Metric("cv_mcc_std", trial.std, 0, 0),
                Metric("fit_seconds", trial.fit_seconds, 0, 0),
                Metric("fits", float(trial.fits), 0, 0),
                Metric("training_rows", float(trial.rows), 0, 0),
            ],
            params=[
                *(Param(key, str(value)) for key, value in trial.params.items()),
                Param("fold_scores", " ".join(f"{s:.4f}" for s in trial.scores)),
            ],
        )
        client.set_terminated(run.info.run_id)
    client.set_terminated(parent_id)
    return len(result.trials) + 1


def list_runs(uri: str, method: str | None = None) -> list[dict[str, Any]]:
    """Every trial run in the store (not the parent runs), best CV MCC first."""
    client = _client(uri)
    found = client.get_experiment_by_name(EXPERIMENT)
    if found is None:
        return []
    query = f"tags.method = '{method}'" if method else ""
    runs = client.search_runs(
        [found.experiment_id],
        filter_string=query,
        order_by=["metrics.cv_mcc DESC"],
        max_results=50_000,
    )
    rows = []
    for run in runs:
        if "trial" not in run.data.tags:
            continue
        rows.append(
            {
                "run_id": run.info.run_id,
                "method": run.data.tags.get("method"),
                "trial": int(run.data.tags["trial"]),
                "cv_mcc": run.data.metrics.get("cv_mcc"),
                "cv_mcc_std": run.data.metrics.get("cv_mcc_std"),
                "fit_seconds": run.data.metrics.get("fit_seconds"),
                "training_rows": run.data.metrics.get("training_rows"),
                "params": {k: v for k, v in run.data.params.items() if k != "fold_scores"},
                "data_sha256": run.data.tags.get("data_sha256"),
            }
        )
    return rows
