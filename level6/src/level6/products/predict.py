"""Classify a photo of one article: make it look like a Fashion-MNIST image, then ask the model.

Fashion-MNIST images were made from studio photos of a single item on a plain light
background: trimmed to the item, longest edge scaled to 28 pixels, negated and turned
grey. :func:`level6.images.to_28x28` repeats those steps (``fit=28``, centred by its box).
The caveat follows: a photo of a person wearing the shirt, two items, a patterned or
dark background, or a cropped item is not the input the model learned from, and its
answer is a guess dressed as a probability.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from level6.images import load_grey, to_28x28
from level6.products.data import CLASSES
from level6.products.evaluate import probabilities

__all__ = ["Guess", "photo_to_input", "predict_photo", "top_classes"]


@dataclass(frozen=True)
class Guess:
    """One class and the model's probability for it."""

    label: str
    probability: float


def photo_to_input(path: Path) -> NDArray[np.float32]:
    """The photo at ``path`` as a (1, 28, 28, 1) light-on-black model input."""
    field = to_28x28(load_grey(path), fit=28, centre_by_mass=False)
    return field.astype(np.float32)[np.newaxis, ..., np.newaxis]


def top_classes(model: Any, image: NDArray[np.float32], k: int = 3) -> list[Guess]:
    """The ``k`` most probable classes for one (1, 28, 28, 1) image, most probable first."""
    probs = probabilities(model, image)[0]
    order = np.argsort(probs, kind="stable")[::-1][:k]
    return [Guess(CLASSES[i], float(probs[i])) for i in order]


def predict_photo(model: Any, path: Path, k: int = 3) -> list[Guess]:
    """The ``k`` most probable categories for the article photographed in ``path``."""
    return top_classes(model, photo_to_input(path), k)
