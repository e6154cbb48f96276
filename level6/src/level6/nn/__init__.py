"""Neural networks from scratch: a perceptron, activations, a scalar autograd engine and a
NumPy multilayer perceptron trained by backpropagation, each checked against a library.

Read in this order: ``perceptron`` (one neuron and its limit), ``activations``,
``value`` (backpropagation one number at a time), ``mlp`` (the same with matrices),
``gradcheck`` (how to know the gradients are right), ``keras_bridge`` (the same network in
Keras, as an oracle).

>>> from level6.nn import MLP
>>> net = MLP([2, 8, 2], activation="tanh", seed=0)
>>> history = net.fit([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0], epochs=300, batch_size=4)
>>> net.predict([[0, 0], [0, 1], [1, 0], [1, 1]]).tolist()
[0, 1, 1, 0]
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use: the CLI's --help stays instant
    from level6.nn.activations import (
        ACTIVATIONS,
        relu,
        relu_derivative,
        sigmoid,
        sigmoid_derivative,
        softmax,
        softmax_jacobian,
        tanh,
        tanh_derivative,
    )
    from level6.nn.gradcheck import numerical_gradient, relative_error
    from level6.nn.mlp import MLP, Gradients, TrainingHistory, softmax_cross_entropy
    from level6.nn.perceptron import GATES, Perceptron, gate_data
    from level6.nn.value import Neuron, ScalarMLP, Value

__all__ = [
    "ACTIVATIONS",
    "GATES",
    "MLP",
    "Gradients",
    "Neuron",
    "Perceptron",
    "ScalarMLP",
    "TrainingHistory",
    "Value",
    "gate_data",
    "numerical_gradient",
    "relative_error",
    "relu",
    "relu_derivative",
    "sigmoid",
    "sigmoid_derivative",
    "softmax",
    "softmax_cross_entropy",
    "softmax_jacobian",
    "tanh",
    "tanh_derivative",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
