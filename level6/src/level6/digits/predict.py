"""Classify a photo or drawing of a digit: make it look like an MNIST image first."""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from level6.digits.models import DigitModel
from level6.images import load_grey, to_28x28

__all__ = ["as_mnist", "predict_grey", "predict_image"]


def as_mnist(grey: NDArray[np.float64]) -> NDArray[np.float32]:
    """Any grey image -> a 28×28 MNIST-style image: light ink on black, the digit fitted
    into 20×20 and centred by its centre of mass (``level6.images.to_28x28``)."""
    return to_28x28(grey, fit=20, centre_by_mass=True).astype(np.float32)


def predict_grey(model: DigitModel, grey: NDArray[np.float64]) -> NDArray[np.float64]:
    """The ten class probabilities for one grey image of any size."""
    return np.asarray(model.predict_proba(as_mnist(grey)[np.newaxis])[0], dtype=np.float64)


def predict_image(model: DigitModel, path: Path) -> NDArray[np.float64]:
    """The ten class probabilities for the digit in the image file at ``path``."""
    return predict_grey(model, load_grey(path))
