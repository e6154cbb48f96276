"""The two pictures: the confusion matrix and a grid of images beside their saliency maps.

Both are drawn with matplotlib's Agg backend (no display needed) and written atomically,
so an interrupted run never leaves half a PNG behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from level0.atomic import atomic_open
from level6.products.data import CLASSES

__all__ = ["plot_confusion", "plot_saliency"]


def plot_confusion(matrix: NDArray[np.int64], path: Path, title: str) -> Path:
    """The confusion matrix as a heat map with the counts written in each cell."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(8.5, 7.5))
    shown = ax.imshow(matrix, cmap="Blues")
    fig.colorbar(shown, ax=ax, label="images")
    ax.set_xticks(range(len(CLASSES)), CLASSES, rotation=45, ha="right")
    ax.set_yticks(range(len(CLASSES)), CLASSES)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.set_title(title)
    threshold = matrix.max() / 2
    for (row, col), count in np.ndenumerate(matrix):
        colour = "white" if count > threshold else "black"
        ax.text(col, row, str(count), ha="center", va="center", fontsize=7, color=colour)
    fig.tight_layout()
    _save(fig, path)
    return path


def plot_saliency(
    images: NDArray[np.float32], maps: NDArray[np.float32], titles: Sequence[str], path: Path
) -> Path:
    """Each image (top) above its saliency map (bottom, scaled to its own maximum)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    count = len(images)
    fig, axes = plt.subplots(2, count, figsize=(1.9 * count, 4.6), squeeze=False)
    for column in range(count):
        top, bottom = axes[0, column], axes[1, column]
        top.imshow(images[column].reshape(28, 28), cmap="gray", vmin=0, vmax=1)
        top.set_title(titles[column], fontsize=8)
        peak = float(maps[column].max()) or 1.0
        bottom.imshow(maps[column] / peak, cmap="hot", vmin=0, vmax=1)
        for ax in (top, bottom):
            ax.set_xticks([])
            ax.set_yticks([])
    axes[0, 0].set_ylabel("image (28×28 px)")
    axes[1, 0].set_ylabel("|∂ score / ∂ pixel|")
    fig.suptitle("Saliency: pixels the predicted class's score is most sensitive to")
    fig.tight_layout()
    _save(fig, path)
    return path


def _save(fig: object, path: Path) -> None:
    import matplotlib.pyplot as plt

    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=110)  # type: ignore[attr-defined]
    plt.close(fig)  # type: ignore[arg-type]
