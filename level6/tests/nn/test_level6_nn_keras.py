"""Oracle test: the NumPy MLP and a Keras model with the same weights agree on outputs
and on gradients (TensorFlow's automatic differentiation)."""

import numpy as np
import pytest

from level6.nn import MLP
from level6.nn.keras_bridge import keras_gradients, to_keras


@pytest.mark.parametrize("activation", ["relu", "tanh", "sigmoid"])
def test_numpy_mlp_matches_keras_outputs_and_gradients(activation):
    rng = np.random.default_rng(0)
    net = MLP([6, 9, 5, 4], activation=activation, seed=1)
    inputs, labels = rng.normal(size=(16, 6)), rng.integers(0, 4, size=16)
    model = to_keras(net)
    np.testing.assert_allclose(np.asarray(model(inputs)), net.logits(inputs), atol=1e-5)
    loss, grads = net.loss_and_gradients(inputs, labels)
    keras_loss, keras_grads = keras_gradients(model, inputs, labels)
    assert keras_loss == pytest.approx(loss, abs=1e-5)
    for ours, theirs in zip(
        [*grads.weights, *grads.biases], [*keras_grads.weights, *keras_grads.biases], strict=True
    ):
        np.testing.assert_allclose(ours, theirs, atol=1e-5)
