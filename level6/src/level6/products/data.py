"""Fashion-MNIST as arrays: the ten categories, a held-out validation split, the test set.

The 60,000 training images are Zalando article photos in no particular order; the
last 5,000 of them are held out as the validation set that chooses epochs and
architecture, so the 10,000 test images are read once, for the reported figure.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from level6 import idx

__all__ = ["CLASSES", "VALIDATION_SIZE", "Split", "data_sha256", "folder", "load_split"]

CLASSES = (
    "T-shirt/top",
    "trouser",
    "pullover",
    "dress",
    "coat",
    "sandal",
    "shirt",
    "sneaker",
    "bag",
    "ankle boot",
)
VALIDATION_SIZE = 5_000

Images = NDArray[np.float32]  # (n, 28, 28, 1), values in [0, 1], 1 = white (the article)
Labels = NDArray[np.int32]  # (n,), indices into CLASSES


@dataclass(frozen=True)
class Split:
    """Images and their labels, ready for Keras."""

    images: Images
    labels: Labels

    def __len__(self) -> int:
        return len(self.labels)

    def head(self, limit: int | None) -> Split:
        """The first ``limit`` examples (all of them for ``None``)."""
        return self if limit is None else Split(self.images[:limit], self.labels[:limit])


def folder() -> Path:
    """The verified Fashion-MNIST folder from the registry."""
    from level0 import datasets

    return datasets.locate("fashion_mnist")


def load_split(name: str, *, root: Path | None = None) -> Split:
    """``train`` (55,000), ``validation`` (the last 5,000 training images) or ``test`` (10,000)."""
    if name not in ("train", "validation", "test"):
        raise ValueError(f"unknown split {name!r}: choose train, validation or test")
    images, labels = idx.load_split(root or folder(), "t10k" if name == "test" else "train")
    if name == "train":
        images, labels = images[:-VALIDATION_SIZE], labels[:-VALIDATION_SIZE]
    elif name == "validation":
        images, labels = images[-VALIDATION_SIZE:], labels[-VALIDATION_SIZE:]
    scaled = (images.astype(np.float32) / 255.0)[..., np.newaxis]
    return Split(scaled, labels.astype(np.int32))  # Keras wants int labels, not uint8


def data_sha256(root: Path | None = None) -> str:
    """sha256 of the training images and labels files, recorded with every model."""
    digest = hashlib.sha256()
    for name in ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"):
        digest.update(((root or folder()) / name).read_bytes())
    return digest.hexdigest()
