"""Rosenblatt's perceptron (1958): a weighted sum, a step, and a rule that nudges the
weights after every mistake.

The rule: for a sample x with label y in {-1, +1}, if sign(w·x + b) ≠ y then
w ← w + η·y·x and b ← b + η·y. Novikoff proved (1962) that on linearly separable data
this stops making mistakes after a finite number of updates. On data that no line
separates, such as XOR, it never stops; Minsky and Papert made that limit famous in 1969,
and hidden layers (``mlp``) are the way round it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = ["GATES", "Perceptron", "gate_data"]

GATES: dict[str, tuple[int, int, int, int]] = {
    "and": (0, 0, 0, 1),
    "or": (0, 1, 1, 1),
    "nand": (1, 1, 1, 0),
    "xor": (0, 1, 1, 0),
}
"""Truth tables for the inputs (0,0), (0,1), (1,0), (1,1)."""


def gate_data(gate: str) -> tuple[NDArray[np.float64], NDArray[np.int64]]:
    """The four input pairs of a logic gate and its 0/1 outputs."""
    inputs = np.array([[0, 0], [0, 1], [1, 0], [1, 1]], dtype=float)
    return inputs, np.array(GATES[gate], dtype=np.int64)


@dataclass
class Perceptron:
    """A binary linear classifier trained with Rosenblatt's mistake-driven rule.

    Labels may be any two values; they are mapped to -1/+1 inside. ``fit`` stops after
    the first epoch without a mistake (``converged_`` is then True) or after
    ``max_epochs`` epochs.
    """

    learning_rate: float = 1.0
    max_epochs: int = 100
    shuffle: bool = True
    seed: int = 0
    weights_: NDArray[np.float64] = field(init=False, repr=False)
    bias_: float = field(init=False, default=0.0)
    classes_: NDArray[np.int64] = field(init=False, repr=False)
    mistakes_: list[int] = field(init=False, default_factory=list)
    converged_: bool = field(init=False, default=False)

    def fit(self, inputs: ArrayLike, labels: ArrayLike) -> Perceptron:
        x = np.asarray(inputs, dtype=float)
        y_raw = np.asarray(labels)
        self.classes_ = np.unique(y_raw)
        if len(self.classes_) != 2:
            raise ValueError(f"a perceptron separates two classes; got {len(self.classes_)}")
        y = np.where(y_raw == self.classes_[1], 1.0, -1.0)
        rng = np.random.default_rng(self.seed)
        self.weights_ = np.zeros(x.shape[1])
        self.bias_ = 0.0
        self.mistakes_ = []
        self.converged_ = False
        for _ in range(self.max_epochs):
            order = rng.permutation(len(x)) if self.shuffle else np.arange(len(x))
            mistakes = 0
            for i in order:
                if y[i] * (x[i] @ self.weights_ + self.bias_) <= 0:  # wrong side, or on the line
                    self.weights_ += self.learning_rate * y[i] * x[i]
                    self.bias_ += self.learning_rate * y[i]
                    mistakes += 1
            self.mistakes_.append(mistakes)
            if mistakes == 0:
                self.converged_ = True
                break
        return self

    def decision_function(self, inputs: ArrayLike) -> NDArray[np.float64]:
        """w·x + b: positive on the side of the second class."""
        return np.asarray(inputs, dtype=float) @ self.weights_ + self.bias_

    def predict(self, inputs: ArrayLike) -> NDArray[np.int64]:
        return np.where(self.decision_function(inputs) > 0, self.classes_[1], self.classes_[0])
