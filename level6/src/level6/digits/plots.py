"""The three figures of a digit model: training curves, confusion matrix, confident mistakes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from level0.atomic import atomic_open
from level6.digits.evaluate import Evaluation

__all__ = ["plot_confusion", "plot_curves", "plot_mistakes"]


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig: Any, path: Path) -> Path:
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=100)
    _pyplot().close(fig)
    return path


def plot_curves(loss: list[float], val_accuracy: list[float], title: str, path: Path) -> Path:
    plt = _pyplot()
    epochs = range(1, len(loss) + 1)
    fig, loss_axis = plt.subplots(figsize=(6, 4))
    loss_axis.plot(epochs, loss, "o-", color="tab:blue")
    loss_axis.set_xlabel("epoch")
    loss_axis.set_ylabel("training loss (cross-entropy, nats)", color="tab:blue")
    accuracy_axis = loss_axis.twinx()
    accuracy_axis.plot(epochs, val_accuracy, "s-", color="tab:orange")
    accuracy_axis.set_ylabel("validation accuracy (5,000 images)", color="tab:orange")
    loss_axis.set_title(title)
    fig.tight_layout()
    return _save(fig, path)


def plot_confusion(evaluation: Evaluation, title: str, path: Path) -> Path:
    """Counts off the diagonal only: the diagonal would drown the colour scale."""
    plt = _pyplot()
    off = evaluation.confusion.copy()
    np.fill_diagonal(off, 0)
    fig, axis = plt.subplots(figsize=(6, 5.2))
    image = axis.imshow(off, cmap="Reds")
    for (row, col), count in np.ndenumerate(off):
        if count:
            axis.text(col, row, str(count), ha="center", va="center", fontsize=7)
    axis.set_xticks(range(10))
    axis.set_yticks(range(10))
    axis.set_xlabel("predicted digit")
    axis.set_ylabel("true digit")
    axis.set_title(f"{title}: errors by pair (accuracy {evaluation.accuracy:.4f})")
    fig.colorbar(image, ax=axis, label="test images")
    fig.tight_layout()
    return _save(fig, path)


def plot_mistakes(
    evaluation: Evaluation, images: NDArray[np.float32], title: str, path: Path
) -> Path:
    plt = _pyplot()
    shown = evaluation.mistakes[:16]
    fig, axes = plt.subplots(2, 8, figsize=(10, 3.2))
    for axis in axes.flat:
        axis.axis("off")
    for axis, mistake in zip(axes.flat, shown, strict=False):
        axis.imshow(images[mistake.index], cmap="gray_r")
        axis.set_title(f"{mistake.true}→{mistake.predicted} {mistake.confidence:.0%}", fontsize=9)
    fig.suptitle(f"{title}: most confident mistakes (true→predicted, confidence)")
    fig.tight_layout()
    return _save(fig, path)
