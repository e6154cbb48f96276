"""Accuracy overall and per class, the confusion matrix and the mistakes that matter.

Overall accuracy hides where the model fails. On Fashion-MNIST nearly all the errors sit
in one corner: shirt, T-shirt/top, pullover and coat look alike at 28×28, while a bag
or a trouser is almost never mistaken. The confusion matrix (rows: true class, columns:
predicted) and its largest off-diagonal cells say which pairs a catalogue team should
send to a human.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from level6.products.data import CLASSES, Split

__all__ = ["Confusion", "Evaluation", "evaluate", "probabilities"]


@dataclass(frozen=True)
class Confusion:
    """One off-diagonal cell: ``count`` images of ``true`` predicted as ``predicted``."""

    true: str
    predicted: str
    count: int


@dataclass(frozen=True)
class Evaluation:
    """How a model did on one split."""

    accuracy: float
    per_class: dict[str, float]  # class -> share of its images classified correctly (recall)
    matrix: NDArray[np.int64]  # (10, 10): rows true class, columns predicted class
    images: int

    def confused_pairs(self, top: int = 5) -> list[Confusion]:
        """The ``top`` largest off-diagonal cells, largest first."""
        off = self.matrix.copy()
        np.fill_diagonal(off, 0)
        order = np.argsort(off, axis=None, kind="stable")[::-1][:top]
        cells = [divmod(int(i), len(CLASSES)) for i in order]
        return [Confusion(CLASSES[t], CLASSES[p], int(off[t, p])) for t, p in cells if off[t, p]]

    def as_dict(self) -> dict[str, Any]:
        """A JSON-ready summary."""
        return {
            "images": self.images,
            "accuracy": round(self.accuracy, 4),
            "per_class": {name: round(value, 4) for name, value in self.per_class.items()},
            "confused_pairs": [
                {"true": c.true, "predicted": c.predicted, "count": c.count}
                for c in self.confused_pairs()
            ],
            "confusion_matrix": self.matrix.tolist(),
        }


def probabilities(model: Any, images: NDArray[np.float32]) -> NDArray[np.float32]:
    """The model's class probabilities, (n, 10), with augmentation off (inference mode)."""
    return np.asarray(model.predict(images, batch_size=512, verbose=0), dtype=np.float32)


def evaluate(model: Any, split: Split) -> Evaluation:
    """Score ``model`` on ``split``."""
    predicted = probabilities(model, split.images).argmax(axis=1)
    matrix = np.zeros((len(CLASSES), len(CLASSES)), dtype=np.int64)
    np.add.at(matrix, (split.labels, predicted), 1)
    support = matrix.sum(axis=1)
    per_class = {
        name: float(matrix[i, i] / support[i]) if support[i] else float("nan")
        for i, name in enumerate(CLASSES)
    }
    return Evaluation(
        accuracy=float(np.trace(matrix) / max(1, len(split))),
        per_class=per_class,
        matrix=matrix,
        images=len(split),
    )
