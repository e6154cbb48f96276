"""A multilayer perceptron in NumPy: forward pass, backpropagation, minibatch SGD with momentum.

The network is a list of dense layers, ``z = a_prev @ W + b`` then an activation, with
softmax at the end. Training minimises the mean cross-entropy between the softmax and
the true class. The gradient of that loss with respect to the last layer's ``z`` is
simply ``(softmax(z) - onehot(y)) / n``; from there, each layer passes it back:

    dW = a_prevᵀ @ dz        db = Σ dz        da_prev = dz @ Wᵀ        dz_prev = da_prev * f'(z_prev)

which is the chain rule that ``value.Value`` applies one number at a time, here applied
to whole matrices. Weight initialisation follows He et al. (2015) for ReLU layers and
Glorot and Bengio (2010) otherwise, so the signal neither dies nor explodes at the start.
"""

from __future__ import annotations

import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

from level0.atomic import atomic_write_bytes
from level6.nn.activations import ACTIVATIONS, softmax

__all__ = ["MLP", "Gradients", "TrainingHistory", "softmax_cross_entropy"]

Array = NDArray[np.float64]


def softmax_cross_entropy(logits: Array, labels: NDArray[np.int64]) -> tuple[float, Array]:
    """Mean cross-entropy of ``softmax(logits)`` against integer ``labels``, and its
    gradient with respect to ``logits``.

    Computed through log-softmax (z − max − log Σ e^(z − max)), never as log(softmax):
    a probability that rounds to 0 would make the log infinite.
    """
    n = len(labels)
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -float(log_probs[np.arange(n), labels].mean())
    grad = np.exp(log_probs)
    grad[np.arange(n), labels] -= 1.0
    return loss, grad / n


@dataclass
class Gradients:
    """d(loss)/d(parameter) for every layer, in the same order as ``MLP.weights``."""

    weights: list[Array]
    biases: list[Array]


@dataclass
class TrainingHistory:
    """Per-epoch mean training loss and, when validation data was given, its accuracy."""

    loss: list[float] = field(default_factory=list)
    val_accuracy: list[float] = field(default_factory=list)


class MLP:
    """A dense network for classification: ``sizes=[784, 128, 10]`` has one hidden layer."""

    def __init__(self, sizes: list[int], activation: str = "relu", seed: int = 0) -> None:
        if len(sizes) < 2 or min(sizes) < 1:
            raise ValueError(f"sizes needs an input and an output size, all positive; got {sizes}")
        if activation not in ACTIVATIONS:
            raise ValueError(f"activation must be one of {sorted(ACTIVATIONS)}; got {activation!r}")
        self.sizes = list(sizes)
        self.activation = activation
        rng = np.random.default_rng(seed)
        gain = 2.0 if activation == "relu" else 1.0  # He for ReLU, Glorot otherwise
        self.weights: list[Array] = []
        self.biases: list[Array] = []
        for n_in, n_out in itertools.pairwise(sizes):
            fan = n_in if activation == "relu" else (n_in + n_out) / 2
            self.weights.append(rng.normal(0.0, np.sqrt(gain / fan), size=(n_in, n_out)))
            self.biases.append(np.zeros(n_out))

    # -- forward and backward -------------------------------------------------------------

    def _forward(self, inputs: Array) -> tuple[list[Array], list[Array]]:
        """The pre-activations ``z`` and activations ``a`` of every layer (``a[0]`` is the
        input; the last ``z`` are the logits)."""
        f, _ = ACTIVATIONS[self.activation]
        activations, pre = [inputs], []
        for i, (w, b) in enumerate(zip(self.weights, self.biases, strict=True)):
            z = activations[-1] @ w + b
            pre.append(z)
            if i < len(self.weights) - 1:
                activations.append(f(z))
        return pre, activations

    def logits(self, inputs: ArrayLike) -> Array:
        return self._forward(np.asarray(inputs, dtype=float))[0][-1]

    def predict_proba(self, inputs: ArrayLike) -> Array:
        return softmax(self.logits(inputs))

    def predict(self, inputs: ArrayLike) -> NDArray[np.int64]:
        return np.asarray(self.logits(inputs).argmax(axis=1), dtype=np.int64)

    def loss_and_gradients(self, inputs: ArrayLike, labels: ArrayLike) -> tuple[float, Gradients]:
        """The mean cross-entropy on a batch and its gradient for every parameter."""
        x = np.asarray(inputs, dtype=float)
        y = np.asarray(labels, dtype=np.int64)
        _, df = ACTIVATIONS[self.activation]
        pre, activations = self._forward(x)
        loss, dz = softmax_cross_entropy(pre[-1], y)
        grad_w: list[Array] = []
        grad_b: list[Array] = []
        for i in reversed(range(len(self.weights))):
            grad_w.append(activations[i].T @ dz)
            grad_b.append(dz.sum(axis=0))
            if i > 0:
                dz = (dz @ self.weights[i].T) * df(pre[i - 1])
        return loss, Gradients(grad_w[::-1], grad_b[::-1])

    # -- training ----------------------------------------------------------------------------

    def fit(
        self,
        inputs: ArrayLike,
        labels: ArrayLike,
        *,
        epochs: int = 10,
        batch_size: int = 64,
        learning_rate: float = 0.1,
        momentum: float = 0.9,
        seed: int = 0,
        learning_rate_decay: float = 1.0,
        validation: tuple[ArrayLike, ArrayLike] | None = None,
        on_epoch: Callable[[int, TrainingHistory], None] | None = None,
    ) -> TrainingHistory:
        """Minibatch SGD with (heavy-ball) momentum: v ← μv − η·g, then θ ← θ + v.

        Momentum averages the recent gradients, so steps along a consistent direction
        grow and the zig-zag across a narrow valley cancels out. The learning rate is
        multiplied by ``learning_rate_decay`` after each epoch: big steps first, then
        smaller ones to settle. ``on_epoch(epoch, history)`` is called after each epoch
        (for progress reports).
        """
        x = np.asarray(inputs, dtype=float)
        y = np.asarray(labels, dtype=np.int64)
        if len(x) != len(y) or len(x) == 0:
            raise ValueError(f"need as many labels as inputs, and some; got {len(x)} and {len(y)}")
        rng = np.random.default_rng(seed)
        velocity_w = [np.zeros_like(w) for w in self.weights]
        velocity_b = [np.zeros_like(b) for b in self.biases]
        history = TrainingHistory()
        for epoch in range(epochs):
            order = rng.permutation(len(x))
            total = 0.0
            for start in range(0, len(x), batch_size):
                batch = order[start : start + batch_size]
                loss, grads = self.loss_and_gradients(x[batch], y[batch])
                total += loss * len(batch)
                for i in range(len(self.weights)):
                    velocity_w[i] = momentum * velocity_w[i] - learning_rate * grads.weights[i]
                    velocity_b[i] = momentum * velocity_b[i] - learning_rate * grads.biases[i]
                    self.weights[i] += velocity_w[i]
                    self.biases[i] += velocity_b[i]
            history.loss.append(total / len(x))
            if validation is not None:
                val_x, val_y = validation
                history.val_accuracy.append(
                    float((self.predict(val_x) == np.asarray(val_y)).mean())
                )
            learning_rate *= learning_rate_decay
            if on_epoch is not None:
                on_epoch(epoch, history)
        return history

    # -- saving ------------------------------------------------------------------------------

    def save(self, path: str | Path) -> None:
        """Write the weights to an ``.npz`` file (plain arrays, no pickle), atomically."""
        arrays: dict[str, Any] = {
            "sizes": np.array(self.sizes),
            "activation": np.array(self.activation),
        }
        arrays |= {f"w{i}": w for i, w in enumerate(self.weights)}
        arrays |= {f"b{i}": b for i, b in enumerate(self.biases)}
        buffer = io.BytesIO()
        np.savez(buffer, **arrays)
        atomic_write_bytes(path, buffer.getvalue())

    @classmethod
    def load(cls, path: str | Path) -> MLP:
        with np.load(path, allow_pickle=False) as data:
            model = cls([int(n) for n in data["sizes"]], str(data["activation"]))
            model.weights = [data[f"w{i}"] for i in range(len(model.weights))]
            model.biases = [data[f"b{i}"] for i in range(len(model.biases))]
        return model
