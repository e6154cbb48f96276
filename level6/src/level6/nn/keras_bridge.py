"""The same network in Keras, to prove the NumPy one right.

:func:`to_keras` builds a Keras model with exactly the weights of an :class:`~level6.nn.mlp.MLP`.
If the hand-written forward pass and backpropagation are correct, Keras (a different
implementation, with automatic differentiation) gives the same logits and the same
gradients (``tests/nn`` checks both to 1e-5).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from level6.backend import load_keras
from level6.nn.mlp import MLP, Gradients

__all__ = ["keras_gradients", "to_keras"]


def to_keras(mlp: MLP) -> Any:
    """A ``keras.Sequential`` of Dense layers with the MLP's weights; the last layer is
    linear, so the model outputs logits as ``MLP.logits`` does."""
    keras = load_keras()
    layers: list[Any] = [keras.Input(shape=(mlp.sizes[0],), dtype="float64")]
    for i, n_out in enumerate(mlp.sizes[1:]):
        last = i == len(mlp.sizes) - 2
        layers.append(
            keras.layers.Dense(n_out, activation=None if last else mlp.activation, dtype="float64")
        )
    model = keras.Sequential(layers)
    for layer, w, b in zip(model.layers, mlp.weights, mlp.biases, strict=True):
        layer.set_weights([w, b])
    return model


def keras_gradients(model: Any, inputs: ArrayLike, labels: ArrayLike) -> tuple[float, Gradients]:
    """Mean sparse cross-entropy (from logits) of a Keras model and its gradients, by
    TensorFlow's automatic differentiation (``tf.GradientTape``)."""
    keras = load_keras()
    import tensorflow as tf

    loss_fn = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    x = tf.constant(np.asarray(inputs, dtype=float))
    y = tf.constant(np.asarray(labels, dtype=np.int64))
    with tf.GradientTape() as tape:
        loss = loss_fn(y, model(x))
    grads: list[NDArray[np.float64]] = [
        g.numpy() for g in tape.gradient(loss, model.trainable_variables)
    ]
    return float(loss.numpy()), Gradients(weights=grads[0::2], biases=grads[1::2])
