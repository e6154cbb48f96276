"""Score a digit model on the test images: accuracy, confusions, the most confident mistakes."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from level6.digits.models import DigitModel

__all__ = ["Evaluation", "Mistake", "evaluate"]


@dataclass(frozen=True)
class Mistake:
    index: int  # into the evaluated images
    true: int
    predicted: int
    confidence: float  # the probability the model gave its wrong answer


@dataclass(frozen=True)
class Evaluation:
    accuracy: float
    confusion: NDArray[np.int64]  # rows: true digit, columns: predicted digit
    per_class: list[float]  # accuracy (recall) of each digit
    mistakes: list[Mistake]  # most confident first

    def top_confusions(self, n: int = 5) -> list[tuple[int, int, int]]:
        """The ``n`` most frequent (true, predicted, count) errors."""
        off = self.confusion.copy()
        np.fill_diagonal(off, 0)
        order = np.argsort(off, axis=None)[::-1][:n]
        return [(int(i // 10), int(i % 10), int(off.flat[i])) for i in order if off.flat[i] > 0]


def evaluate(
    model: DigitModel, images: NDArray[np.float32], labels: NDArray[np.uint8], n_mistakes: int = 16
) -> Evaluation:
    """Everything ``python -m level6.digits evaluate`` reports, computed in one pass."""
    probabilities = model.predict_proba(images)
    predicted = probabilities.argmax(axis=1)
    truth = labels.astype(np.int64)
    confusion = np.zeros((10, 10), dtype=np.int64)
    np.add.at(confusion, (truth, predicted), 1)
    per_class = (np.diag(confusion) / np.maximum(confusion.sum(axis=1), 1)).tolist()
    wrong = np.flatnonzero(predicted != truth)
    confidence = probabilities[wrong, predicted[wrong]]
    worst = wrong[np.argsort(confidence)[::-1][:n_mistakes]]
    mistakes = [
        Mistake(int(i), int(truth[i]), int(predicted[i]), float(probabilities[i, predicted[i]]))
        for i in worst
    ]
    return Evaluation(float((predicted == truth).mean()), confusion, per_class, mistakes)
