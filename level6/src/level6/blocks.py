"""The building blocks both of level 6's CNNs (digits and products) are made of.

A VGG-style block: two 3×3 convolutions, each followed by batch normalisation and ReLU,
then 2×2 max pooling and dropout. The convolutions have no bias because batch
normalisation adds its own. Batch normalisation keeps running statistics for
inference; with momentum 0.9 (Keras' default is 0.99) they are usable after a few
dozen batches, so a short training run is judged fairly.
"""

from __future__ import annotations

from typing import Any

from level6.backend import load_keras

__all__ = ["conv_block", "dense_head"]


def conv_block(filters: int, dropout: float) -> list[Any]:
    """Conv-BN-ReLU twice, max pooling, dropout: the layers, to splice into a Sequential."""
    layers = load_keras().layers
    convs: list[Any] = []
    for _ in range(2):
        convs += [
            layers.Conv2D(filters, 3, padding="same", use_bias=False),
            layers.BatchNormalization(momentum=0.9),
            layers.ReLU(),
        ]
    return [*convs, layers.MaxPooling2D(), layers.Dropout(dropout)]


def dense_head(units: int, dropout: float, classes: int = 10) -> list[Any]:
    """Flatten, a dense layer with BN and ReLU, dropout, and the softmax over ``classes``."""
    layers = load_keras().layers
    return [
        layers.Flatten(),
        layers.Dense(units, use_bias=False),
        layers.BatchNormalization(momentum=0.9),
        layers.ReLU(),
        layers.Dropout(dropout),
        layers.Dense(classes, activation="softmax"),
    ]
