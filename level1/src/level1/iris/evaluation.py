"""Scoring a fitted model on held-out flowers: accuracy, confusion matrix, per-class report.

Accuracy is one number; the confusion matrix shows *which* species are mistaken for
which (row = the true species, column = the predicted one), and the classification
report gives precision, recall and F1 for each species.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from sklearn.metrics import accuracy_score, classification_report, confusion_matrix

from level0.atomic import atomic_open
from level1.iris.data import SPECIES

__all__ = ["Evaluation", "evaluate", "plot_confusion_matrix"]


@dataclass(frozen=True)
class Evaluation:
    """How a model did on a test set."""

    accuracy: float
    labels: tuple[str, ...]
    confusion: np.ndarray  # confusion[i, j] = flowers of labels[i] predicted as labels[j]
    report_text: str
    report: dict[str, Any]

    def as_dict(self) -> dict[str, Any]:
        return {
            "accuracy": self.accuracy,
            "labels": list(self.labels),
            "confusion_matrix": self.confusion.tolist(),
            "classification_report": self.report,
        }


def evaluate(model: Any, features: pd.DataFrame, species: pd.Series) -> Evaluation:
    """Predict ``features`` with a fitted ``model`` and compare with the true ``species``."""
    predicted = model.predict(features)
    labels = list(SPECIES)
    return Evaluation(
        accuracy=float(accuracy_score(species, predicted)),
        labels=tuple(labels),
        confusion=confusion_matrix(species, predicted, labels=labels),
        report_text=str(classification_report(species, predicted, labels=labels, digits=3)),
        report=dict(
            classification_report(
                species, predicted, labels=labels, output_dict=True, zero_division=0
            )
        ),
    )


def plot_confusion_matrix(evaluation: Evaluation, path: Path, title: str) -> Path:
    """Draw the confusion matrix as an annotated heat map and save it as a PNG (atomically)."""
    counts = evaluation.confusion
    fig, ax = plt.subplots(figsize=(5.2, 4.4), layout="constrained")
    image = ax.imshow(counts, cmap="Blues", vmin=0)
    ticks = range(len(evaluation.labels))
    ax.set_xticks(ticks, evaluation.labels)
    ax.set_yticks(ticks, evaluation.labels)
    ax.set_xlabel("predicted species")
    ax.set_ylabel("true species")
    ax.set_title(title)
    threshold = counts.max() / 2 if counts.size else 0
    for (row, col), value in np.ndenumerate(counts):
        color = "white" if value > threshold else "black"
        ax.text(col, row, str(value), ha="center", va="center", color=color, fontsize=13)
    fig.colorbar(image, ax=ax, label="flowers (count)")
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=120)
    plt.close(fig)
    return path
