"""MNIST from the registry: 60,000 training and 10,000 test digits, 28×28 grey levels.

The last 5,000 training images are held out for validation (choosing epochs and
architecture), as the Keras examples do; the 10,000 test images are touched once, for
the figure in the README.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from level0 import datasets
from level6.idx import load_split, pinned_sha256

__all__ = ["CLASSES", "VALIDATION_SIZE", "Digits", "load_digits"]

CLASSES = tuple(str(d) for d in range(10))
VALIDATION_SIZE = 5_000


@dataclass(frozen=True)
class Digits:
    """Images as float32 in [0, 1] (1 = ink), shape (n, 28, 28); labels 0–9."""

    train_images: NDArray[np.float32]
    train_labels: NDArray[np.uint8]
    val_images: NDArray[np.float32]
    val_labels: NDArray[np.uint8]
    test_images: NDArray[np.float32]
    test_labels: NDArray[np.uint8]
    sha256: str  # of the training images file, recorded in each model's metadata


def load_digits(limit: int | None = None) -> Digits:
    """MNIST split into train / validation / test; ``limit`` keeps only the first
    ``limit`` training images (for quick runs and tests; validation and test stay whole)."""
    folder = datasets.locate("mnist")
    images, labels = load_split(folder, "train")
    test_images, test_labels = load_split(folder, "t10k")
    cut = len(images) - VALIDATION_SIZE
    train_end = cut if limit is None else min(cut, limit)
    return Digits(
        train_images=_scale(images[:train_end]),
        train_labels=labels[:train_end],
        val_images=_scale(images[cut:]),
        val_labels=labels[cut:],
        test_images=_scale(test_images),
        test_labels=test_labels,
        sha256=pinned_sha256("mnist", "train-images-idx3-ubyte.gz"),
    )


def _scale(images: NDArray[np.uint8]) -> NDArray[np.float32]:
    return images.astype(np.float32) / 255.0
