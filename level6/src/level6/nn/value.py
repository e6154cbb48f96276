"""A scalar that remembers how it was computed, so it can compute its own gradient.

In the spirit of Andrej Karpathy's micrograd: each arithmetic operation on ``Value``
objects builds a node of a graph and records a small function that passes the
gradient from the node's output back to its inputs (the chain rule, one step).
``backward()`` orders the graph so every node comes after everything it feeds, then
runs those steps from the output back. That is all backpropagation is; the NumPy MLP
(``mlp``) does the same with whole matrices at once.

>>> a, b = Value(2.0), Value(-3.0)
>>> c = a * b + a  # c = ab + a
>>> c.backward()
>>> a.grad, b.grad  # dc/da = b + 1, dc/db = a
(-2.0, 2.0)
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Iterable

__all__ = ["Neuron", "ScalarMLP", "Value"]

Number = float | int


class Value:
    """A scalar in a computation graph, with the gradient of the final output in ``grad``."""

    __slots__ = ("_backward", "_parents", "data", "grad", "op")

    def __init__(self, data: Number, parents: tuple[Value, ...] = (), op: str = "") -> None:
        self.data = float(data)
        self.grad = 0.0
        self._parents = parents
        self._backward: Callable[[], None] = lambda: None
        self.op = op

    def __repr__(self) -> str:
        return f"Value(data={self.data:.6g}, grad={self.grad:.6g})"

    # -- operations: each sets how the output's gradient flows to its inputs ------------

    def __add__(self, other: Value | Number) -> Value:
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data + other.data, (self, other), "+")

        def backward() -> None:
            self.grad += out.grad
            other.grad += out.grad

        out._backward = backward
        return out

    def __mul__(self, other: Value | Number) -> Value:
        other = other if isinstance(other, Value) else Value(other)
        out = Value(self.data * other.data, (self, other), "*")

        def backward() -> None:
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad

        out._backward = backward
        return out

    def __pow__(self, exponent: Number) -> Value:
        out = Value(self.data**exponent, (self,), f"**{exponent}")

        def backward() -> None:
            self.grad += exponent * self.data ** (exponent - 1) * out.grad

        out._backward = backward
        return out

    def _unary(self, value: float, derivative: float, op: str) -> Value:
        out = Value(value, (self,), op)

        def backward() -> None:
            self.grad += derivative * out.grad

        out._backward = backward
        return out

    def exp(self) -> Value:
        e = math.exp(self.data)
        return self._unary(e, e, "exp")

    def log(self) -> Value:
        return self._unary(math.log(self.data), 1.0 / self.data, "log")

    def tanh(self) -> Value:
        t = math.tanh(self.data)
        return self._unary(t, 1.0 - t * t, "tanh")

    def relu(self) -> Value:
        return self._unary(max(self.data, 0.0), float(self.data > 0), "relu")

    def sigmoid(self) -> Value:
        s = 0.5 * (1.0 + math.tanh(0.5 * self.data))  # the same curve, without overflow
        return self._unary(s, s * (1.0 - s), "sigmoid")

    # -- the rest follows from the operations above ---------------------------------------

    def __neg__(self) -> Value:
        return self * -1

    def __sub__(self, other: Value | Number) -> Value:
        return self + (-other)

    def __truediv__(self, other: Value | Number) -> Value:
        return self * (other**-1 if isinstance(other, Value) else 1.0 / other)

    def __radd__(self, other: Number) -> Value:
        return self + other

    def __rmul__(self, other: Number) -> Value:
        return self * other

    def __rsub__(self, other: Number) -> Value:
        return Value(other) - self

    def __rtruediv__(self, other: Number) -> Value:
        return Value(other) / self

    # -- backpropagation ------------------------------------------------------------------

    def backward(self) -> None:
        """Set ``grad`` of every value this one depends on to d(self)/d(value).

        The graph is sorted without recursion (an explicit stack), so a long chain of
        operations does not hit Python's recursion limit.
        """
        order: list[Value] = []
        seen: set[int] = set()
        stack: list[tuple[Value, bool]] = [(self, False)]
        while stack:
            node, parents_done = stack.pop()
            if parents_done:
                order.append(node)
            elif id(node) not in seen:
                seen.add(id(node))
                stack.append((node, True))
                stack.extend((parent, False) for parent in node._parents)
        for node in order:
            node.grad = 0.0
        self.grad = 1.0
        for node in reversed(order):
            node._backward()


class Neuron:
    """w·x + b followed by an activation, with every weight a ``Value``."""

    def __init__(self, n_inputs: int, activation: str = "tanh", seed: int = 0) -> None:
        rng = random.Random(seed)
        scale = 1.0 / math.sqrt(n_inputs)
        self.weights = [Value(rng.uniform(-scale, scale)) for _ in range(n_inputs)]
        self.bias = Value(0.0)
        self.activation = activation

    def __call__(self, inputs: Iterable[Value | Number]) -> Value:
        total = sum((w * x for w, x in zip(self.weights, inputs, strict=True)), self.bias)
        if self.activation == "linear":
            return total
        return getattr(total, self.activation)()

    def parameters(self) -> list[Value]:
        return [*self.weights, self.bias]


class ScalarMLP:
    """Layers of ``Neuron``s; the last layer is linear. Slow (one Python object per
    number) but every gradient is visible: the point is to read it, not to train MNIST."""

    def __init__(self, sizes: list[int], activation: str = "tanh", seed: int = 0) -> None:
        self.layers = [
            [
                Neuron(
                    n_in, activation if i < len(sizes) - 2 else "linear", seed=seed + 1000 * i + j
                )
                for j in range(n_out)
            ]
            for i, (n_in, n_out) in enumerate(itertools.pairwise(sizes))
        ]

    def __call__(self, inputs: Iterable[Value | Number]) -> list[Value]:
        values: list[Value | Number] = list(inputs)
        for layer in self.layers:
            values = [neuron(values) for neuron in layer]
        return values  # type: ignore[return-value]

    def parameters(self) -> list[Value]:
        return [p for layer in self.layers for neuron in layer for p in neuron.parameters()]
