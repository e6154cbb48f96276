"""The steps the CLI and the tour share: load a model folder, score it on the test set
with its confusion plot, draw saliency maps for a few test images."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from level6 import modelfile
from level6.products.data import CLASSES, load_split
from level6.products.evaluate import Evaluation, evaluate, probabilities
from level6.products.plots import plot_confusion, plot_saliency
from level6.products.saliency import saliency_maps
from level6.products.train import TOOL

__all__ = ["SALIENCY_ORDER", "load_model", "saliency_grid", "score_on_test"]

# The confusable upper-body garments first, then the classes that are easy to tell apart.
SALIENCY_ORDER = (6, 0, 2, 4, 1, 8, 5, 7, 3, 9)


def load_model(directory: Path) -> Any:
    """The Keras model saved by ``train`` in ``directory`` (checked against its metadata)."""
    return modelfile.load(directory, tool=TOOL).model


def score_on_test(model: Any, plot: Path, *, root: Path | None = None) -> Evaluation:
    """The model on the 10,000 test images; writes the confusion matrix to ``plot``."""
    result = evaluate(model, load_split("test", root=root))
    plot_confusion(
        result.matrix,
        plot,
        f"Fashion-MNIST test set: {result.images:,} images, accuracy {result.accuracy:.4f}",
    )
    return result


def saliency_grid(model: Any, plot: Path, *, count: int, root: Path | None = None) -> Path:
    """Saliency maps of the first test image of ``count`` classes, as a PNG grid."""
    test = load_split("test", root=root)
    picks = [int(np.flatnonzero(test.labels == c)[0]) for c in SALIENCY_ORDER[:count]]
    images = test.images[picks]
    predicted = probabilities(model, images).argmax(axis=1)
    maps = saliency_maps(model, images, predicted.astype(np.int64))
    titles = [
        f"true: {CLASSES[test.labels[i]]}\npredicted: {CLASSES[p]}"
        for i, p in zip(picks, predicted, strict=True)
    ]
    return plot_saliency(images, maps, titles, plot)
