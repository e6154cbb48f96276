"""The bias/variance trade-off, measured: accuracy as one complexity knob turns.

Each sweep runs from the simplest model to the most flexible one: a shallow to
an unpruned tree, many neighbours to one, a strong penalty (small C) to almost
none. Cross-validated training accuracy climbs all the way, since a flexible model
fits its training data better and better; accuracy on the held-out folds rises
while the model stops *underfitting* (high bias), peaks, then stalls or falls as
it starts *overfitting* (high variance: it learns the noise of its particular
training sample). The gap between the two curves is the variance showing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np
from matplotlib.figure import Figure
from sklearn.model_selection import StratifiedKFold, cross_validate
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from level0.atomic import atomic_open
from level3.algorithms.compare import load_dataset
from level3.algorithms.knn import KNeighborsClassifier
from level3.algorithms.logistic import LogisticRegression
from level3.algorithms.svm import LinearSVC
from level3.algorithms.tree import DecisionTreeClassifier

__all__ = ["SWEEPS", "Sweep", "SweepPoint", "plot_sweep", "sweep"]


@dataclass(frozen=True)
class Sweep:
    """A complexity parameter, its values from simplest to most flexible, and the model it sets."""

    parameter: str
    values: Sequence[Any]
    axis_label: str
    make: Callable[[Any], Any]
    scaled: bool = True


SWEEPS: dict[str, Sweep] = {
    "tree": Sweep(
        "max_depth",
        [1, 2, 3, 4, 5, 6, 8, 10, None],
        "max_depth (levels; None = grown until pure)",
        lambda depth: DecisionTreeClassifier(max_depth=depth),
        scaled=False,
    ),
    "knn": Sweep(
        "n_neighbors",
        [64, 32, 16, 8, 4, 2, 1],
        "k (neighbours that vote)",
        lambda k: KNeighborsClassifier(n_neighbors=k),
    ),
    "logistic": Sweep(
        "C",
        [1e-4, 1e-3, 1e-2, 0.1, 1.0, 10.0, 100.0],
        "C (inverse L2 penalty, λ = 1/(C n); log steps)",
        lambda C: LogisticRegression(C=C),
    ),
    "svm": Sweep(
        "C",
        [1e-4, 1e-3, 1e-2, 0.1, 1.0, 10.0],
        "C (hinge-loss weight, λ = 1/(C n); log steps)",
        lambda C: LinearSVC(C=C, random_state=0),
    ),
}


@dataclass
class SweepPoint:
    """Mean cross-validated accuracy on the training folds and on the held-out fold."""

    value: Any
    train_accuracy: float
    test_accuracy: float

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def sweep(
    algorithm: str, dataset: str = "breast_cancer", folds: int = 5, seed: int = 0
) -> list[SweepPoint]:
    """Stratified ``folds``-fold CV accuracy (train and test) at every value of the sweep."""
    if algorithm not in SWEEPS:
        raise ValueError(f"no sweep for {algorithm!r}; choose from {', '.join(SWEEPS)}")
    if folds < 2:
        raise ValueError(f"folds must be at least 2, not {folds}")
    spec = SWEEPS[algorithm]
    X, y = load_dataset(dataset)
    splitter = StratifiedKFold(folds, shuffle=True, random_state=seed)
    points = []
    for value in spec.values:
        model = spec.make(value)
        pipeline = make_pipeline(StandardScaler(), model) if spec.scaled else model
        scores = cross_validate(pipeline, X, y, cv=splitter, return_train_score=True)
        points.append(
            SweepPoint(
                value, float(scores["train_score"].mean()), float(scores["test_score"].mean())
            )
        )
    return points


def plot_sweep(points: list[SweepPoint], algorithm: str, dataset: str, path: Path) -> Path:
    """Train and test accuracy against the parameter, simplest model on the left; PNG, atomically."""
    spec = SWEEPS[algorithm]
    positions = np.arange(len(points))
    fig = Figure(figsize=(6.4, 4.2), layout="constrained")  # no pyplot: no GUI backend, no globals
    ax = fig.subplots()
    ax.plot(positions, [p.train_accuracy for p in points], "o-", label="training folds")
    ax.plot(positions, [p.test_accuracy for p in points], "s-", label="held-out folds")
    best = int(np.argmax([p.test_accuracy for p in points]))
    ax.axvline(best, color="grey", linestyle=":", label=f"best held-out: {points[best].value}")
    ax.set_xticks(positions, [str(p.value) for p in points])
    ax.set_xlabel(f"{spec.axis_label}  →  more flexible")
    ax.set_ylabel("accuracy (fraction correct)")
    ax.set_title(f"Bias/variance: {algorithm} on {dataset}, {spec.parameter} swept")
    ax.legend()
    ax.grid(alpha=0.3)
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=110)
    return path
