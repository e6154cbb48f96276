"""Activation functions and their derivatives, written to be stable for any finite input.

Each function maps an array to an array of the same shape. A derivative is written in
terms of the input ``z`` (not the output) so that every pair can be checked the same way
against finite differences (see ``tests/nn``). Softmax is the exception: it mixes a
whole row, so its derivative is a Jacobian per row, and in practice it is only ever
differentiated together with the cross-entropy loss (``mlp.softmax_cross_entropy``).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "ACTIVATIONS",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "softmax_jacobian",
    "tanh",
    "tanh_derivative",
]

Array = NDArray[np.float64]


def sigmoid(z: Array) -> Array:
    """1 / (1 + e^-z), computed without overflow: e^-z for z < 0 would overflow, so use
    e^z / (1 + e^z) there."""
    z = np.asarray(z, dtype=float)
    out = np.empty_like(z)
    positive = z >= 0
    out[positive] = 1.0 / (1.0 + np.exp(-z[positive]))
    ez = np.exp(z[~positive])
    out[~positive] = ez / (1.0 + ez)
    return out


def sigmoid_derivative(z: Array) -> Array:
    """σ'(z) = σ(z)(1 − σ(z)); at most 0.25, which is why deep sigmoid nets learn slowly."""
    s = sigmoid(z)
    return s * (1.0 - s)


def tanh(z: Array) -> Array:
    """The hyperbolic tangent: a sigmoid rescaled to (-1, 1) and centred on zero."""
    return np.tanh(np.asarray(z, dtype=float))


def tanh_derivative(z: Array) -> Array:
    """tanh'(z) = 1 − tanh(z)²."""
    return 1.0 - np.tanh(np.asarray(z, dtype=float)) ** 2


def relu(z: Array) -> Array:
    """max(0, z): cheap, and its gradient does not shrink for positive inputs."""
    return np.maximum(np.asarray(z, dtype=float), 0.0)


def relu_derivative(z: Array) -> Array:
    """1 where z > 0, else 0 (at exactly 0 we pick 0, as the major libraries do)."""
    return (np.asarray(z, dtype=float) > 0).astype(float)


def softmax(z: Array) -> Array:
    """Row-wise e^z / Σ e^z. Subtracting each row's maximum first changes nothing
    mathematically and keeps e^z from overflowing."""
    z = np.asarray(z, dtype=float)
    shifted = z - z.max(axis=-1, keepdims=True)
    e = np.exp(shifted)
    return e / e.sum(axis=-1, keepdims=True)


def softmax_jacobian(z: Array) -> Array:
    """For one row z: ∂softmax_i/∂z_j = s_i (δ_ij − s_j), a (k, k) matrix."""
    s = softmax(np.asarray(z, dtype=float).reshape(-1))
    return np.diag(s) - np.outer(s, s)


ACTIVATIONS: dict[str, tuple[Callable[[Array], Array], Callable[[Array], Array]]] = {
    "sigmoid": (sigmoid, sigmoid_derivative),
    "tanh": (tanh, tanh_derivative),
    "relu": (relu, relu_derivative),
}
"""Hidden-layer activations by name: (function, derivative)."""
