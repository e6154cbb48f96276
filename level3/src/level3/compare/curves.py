"""Learning curves and validation curves: where each model sits between bias and variance.

* A *learning curve* scores a model trained on growing fractions of the data, on the
  training rows and on held-out rows. A large, persistent gap means high variance
  (more data or more regularisation would help); two low curves that meet early mean
  high bias (a more flexible model is needed; more data will not help).
* A *validation curve* sweeps one complexity knob (tree depth, the SVM's ``C``,
  k-NN's ``k``, the logistic ``C``). Left of the peak the model underfits, right of
  it the training score keeps rising while the held-out one falls: overfitting.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from sklearn.model_selection import StratifiedKFold, learning_curve, validation_curve
from threadpoolctl import threadpool_limits

from level0.atomic import atomic_open
from level3.compare.data import Dataset
from level3.compare.models import make_pipeline

__all__ = ["LEARNING_MODELS", "VALIDATION_SWEEPS", "plot_learning_curves", "plot_validation_curves"]

LEARNING_MODELS = ("logistic_regression", "decision_tree", "rbf_svm", "random_forest")

# model -> (parameter, values, log-scale x axis?)
VALIDATION_SWEEPS: dict[str, tuple[str, list[Any], bool]] = {
    "decision_tree": ("max_depth", [1, 2, 3, 4, 6, 8, 12, 16, 24], False),
    "knn": ("n_neighbors", [1, 2, 3, 5, 8, 13, 21, 34, 55], True),
    "logistic_regression": ("C", [1e-3, 1e-2, 1e-1, 1.0, 10.0, 100.0, 1e3], True),
    "rbf_svm": ("C", [1e-2, 1e-1, 1.0, 10.0, 100.0, 1e3], True),
}


def _band(ax: Axes, x: Any, scores: np.ndarray, label: str, marker: str) -> None:
    mean, std = scores.mean(axis=1), scores.std(axis=1)
    ax.plot(x, mean, marker=marker, label=label)
    ax.fill_between(x, mean - std, mean + std, alpha=0.2)


def _save(fig: Any, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=110)
    plt.close(fig)
    return path


def plot_learning_curves(
    dataset: Dataset,
    path: Path,
    models: tuple[str, ...] = LEARNING_MODELS,
    folds: int = 5,
    sizes: int = 6,
    seed: int = 0,
) -> Path:
    """One panel per model: training and CV accuracy against the number of training rows."""
    fig, axes = plt.subplots(1, len(models), figsize=(4 * len(models), 3.6), squeeze=False)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for ax, model in zip(axes[0], models, strict=True):
        with threadpool_limits(limits=1):  # small fits: threads only contend (models.py)
            counts, train, valid = learning_curve(
                make_pipeline(dataset, model, seed),
                dataset.X,
                dataset.y,
                cv=splitter,
                train_sizes=np.linspace(0.1, 1.0, sizes),
                shuffle=True,
                random_state=seed,
            )
        _band(ax, counts, train, "training", "o")
        _band(ax, counts, valid, "cross-validation", "s")
        ax.set_title(model)
        ax.set_xlabel("training rows (count)")
        ax.set_ylabel("accuracy (fraction correct)")
        ax.grid(alpha=0.3)
    axes[0][0].legend(loc="lower right")
    fig.suptitle(f"Learning curves on {dataset.name} ({folds}-fold CV, bands = ±1 std)")
    fig.tight_layout()
    return _save(fig, path)


def plot_validation_curves(
    dataset: Dataset,
    path: Path,
    sweeps: dict[str, tuple[str, list[Any], bool]] | None = None,
    folds: int = 5,
    seed: int = 0,
) -> Path:
    """One panel per model: training and CV accuracy against one complexity parameter."""
    sweeps = VALIDATION_SWEEPS if sweeps is None else sweeps
    fig, axes = plt.subplots(1, len(sweeps), figsize=(4 * len(sweeps), 3.6), squeeze=False)
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    for ax, (model, (param, values, log_x)) in zip(axes[0], sweeps.items(), strict=True):
        with threadpool_limits(limits=1):
            train, valid = validation_curve(
                make_pipeline(dataset, model, seed),
                dataset.X,
                dataset.y,
                param_name=f"model__{param}",
                param_range=values,
                cv=splitter,
            )
        _band(ax, values, train, "training", "o")
        _band(ax, values, valid, "cross-validation", "s")
        if log_x:
            ax.set_xscale("log")
        ax.set_title(f"{model}: {param}")
        ax.set_xlabel(f"{param} (log scale)" if log_x else param)
        ax.set_ylabel("accuracy (fraction correct)")
        ax.grid(alpha=0.3)
    axes[0][0].legend(loc="lower right")
    fig.suptitle(f"Validation curves on {dataset.name} ({folds}-fold CV, bands = ±1 std)")
    fig.tight_layout()
    return _save(fig, path)
