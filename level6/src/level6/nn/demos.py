"""The four demonstrations behind the CLI and the tour, as plain functions returning results."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from level6.nn.gradcheck import numerical_gradient, relative_error
from level6.nn.mlp import MLP, TrainingHistory
from level6.nn.perceptron import GATES, Perceptron, gate_data
from level6.nn.value import ScalarMLP, Value

__all__ = [
    "GateResult",
    "LearnResult",
    "gradient_check",
    "learn_digits",
    "perceptron_gates",
    "xor_by_autograd",
]


@dataclass(frozen=True)
class GateResult:
    gate: str
    converged: bool
    epochs: int
    accuracy: float


def perceptron_gates(max_epochs: int = 100) -> list[GateResult]:
    """Train a perceptron on each logic gate: AND, OR and NAND converge, XOR never does."""
    results = []
    for gate in GATES:
        inputs, outputs = gate_data(gate)
        model = Perceptron(max_epochs=max_epochs).fit(inputs, outputs)
        accuracy = float((model.predict(inputs) == outputs).mean())
        results.append(GateResult(gate, model.converged_, len(model.mistakes_), accuracy))
    return results


def xor_by_autograd(
    steps: int = 200, hidden: int = 4, seed: int = 1
) -> tuple[list[float], list[float]]:
    """Fit XOR with a 2-``hidden``-1 ``ScalarMLP`` by plain gradient descent on squared error.

    Returns the loss after each step and the network's outputs for (0,0), (0,1), (1,0),
    (1,1) (targets -1, 1, 1, -1).
    """
    net = ScalarMLP([2, hidden, 1], activation="tanh", seed=seed)
    data = [([0, 0], -1.0), ([0, 1], 1.0), ([1, 0], 1.0), ([1, 1], -1.0)]
    losses = []
    for _ in range(steps):
        loss = sum(((net(x)[0] - y) ** 2 for x, y in data), Value(0.0))
        loss.backward()
        for parameter in net.parameters():
            parameter.data -= 0.05 * parameter.grad
        losses.append(loss.data)
    return losses, [net(x)[0].data for x, _ in data]


def gradient_check(
    sizes: list[int], activation: str, batch: int = 8, seed: int = 0
) -> list[tuple[str, float]]:
    """Backpropagation against central differences for every parameter array of a random
    network: (name, largest relative error). Below about 1e-6 the backward pass is right."""
    rng = np.random.default_rng(seed)
    net = MLP(sizes, activation=activation, seed=seed)
    inputs = rng.normal(size=(batch, sizes[0]))
    labels = rng.integers(0, sizes[-1], size=batch)
    _, grads = net.loss_and_gradients(inputs, labels)
    rows = []
    named = [
        (f"W{i + 1}", w, g) for i, (w, g) in enumerate(zip(net.weights, grads.weights, strict=True))
    ]
    named += [
        (f"b{i + 1}", b, g) for i, (b, g) in enumerate(zip(net.biases, grads.biases, strict=True))
    ]
    for name, parameter, analytic in named:
        numeric = numerical_gradient(lambda: net.loss_and_gradients(inputs, labels)[0], parameter)
        rows.append((name, relative_error(analytic, numeric)))
    return rows


@dataclass(frozen=True)
class LearnResult:
    history: TrainingHistory
    test_accuracy: float
    n_train: int
    n_test: int


def learn_digits(
    epochs: int = 20, hidden: int = 64, seed: int = 0, plot: Path | None = None
) -> LearnResult:
    """Train the NumPy MLP on scikit-learn's bundled 8×8 digits (1,797 UCI images; MNIST
    itself is ``level6.digits``), 75/25 stratified split; optionally plot the curves."""
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    x_train, x_test, y_train, y_test = train_test_split(
        digits.data / 16.0, digits.target, test_size=0.25, random_state=seed, stratify=digits.target
    )
    net = MLP([64, hidden, 10], seed=seed)
    history = net.fit(
        x_train,
        y_train,
        epochs=epochs,
        batch_size=32,
        learning_rate=0.05,
        seed=seed,
        validation=(x_test, y_test),
    )
    if plot is not None:
        _plot_history(history, plot)
    accuracy = float((net.predict(x_test) == y_test).mean())
    return LearnResult(history, accuracy, len(x_train), len(x_test))


def _plot_history(history: TrainingHistory, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from level0.atomic import atomic_open

    epochs = range(1, len(history.loss) + 1)
    fig, loss_axis = plt.subplots(figsize=(6, 4))
    loss_axis.plot(epochs, history.loss, color="tab:blue", label="training loss")
    loss_axis.set_xlabel("epoch")
    loss_axis.set_ylabel("mean cross-entropy (nats)", color="tab:blue")
    accuracy_axis = loss_axis.twinx()
    accuracy_axis.plot(epochs, history.val_accuracy, color="tab:orange", label="test accuracy")
    accuracy_axis.set_ylabel("test accuracy", color="tab:orange")
    loss_axis.set_title("NumPy MLP on 8×8 digits: loss falls, accuracy rises")
    fig.tight_layout()
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=100)
    plt.close(fig)
