"""Contract tests: the perceptron learns what a line can separate and nothing else."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def nn(solution):
    return solution("level6.nn")


@pytest.mark.parametrize("gate", ["and", "or", "nand"])
def test_perceptron_converges_on_separable_gates(nn, gate):
    inputs, outputs = nn.gate_data(gate)
    model = nn.Perceptron(max_epochs=50).fit(inputs, outputs)
    assert model.converged_
    assert model.mistakes_[-1] == 0
    assert model.predict(inputs).tolist() == outputs.tolist()


def test_perceptron_cannot_learn_xor(nn):
    inputs, outputs = nn.gate_data("xor")
    model = nn.Perceptron(max_epochs=200).fit(inputs, outputs)
    assert not model.converged_
    assert min(model.mistakes_) > 0  # every epoch makes a mistake: no line separates XOR
    assert (model.predict(inputs) == outputs).mean() < 1.0


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 10_000), n=st.integers(10, 80))
def test_perceptron_separates_any_linearly_separable_sample(nn, seed, n):
    rng = np.random.default_rng(seed)
    direction = rng.normal(size=3)
    points = rng.normal(size=(n, 3))
    margin = points @ direction
    points = points[np.abs(margin) > 0.1]  # a clear margin, so convergence is quick (Novikoff)
    labels = (points @ direction > 0).astype(int)
    if len(set(labels.tolist())) < 2:
        return
    model = nn.Perceptron(max_epochs=2_000, seed=seed).fit(points, labels)
    assert model.converged_
    assert (model.predict(points) == labels).all()


def test_perceptron_refuses_more_than_two_classes(nn):
    with pytest.raises(ValueError, match="two classes"):
        nn.Perceptron().fit([[0.0], [1.0], [2.0]], [0, 1, 2])
