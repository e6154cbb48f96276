"""Contract tests: activations are stable, and each derivative matches finite differences."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

FINITE = st.floats(-50, 50, allow_nan=False)


@pytest.fixture(scope="module")
def nn(solution):
    return solution("level6.nn")


@pytest.mark.parametrize("name", ["sigmoid", "tanh", "relu"])
@settings(max_examples=40, deadline=None)
@given(z=arrays(np.float64, st.integers(1, 20), elements=FINITE))
def test_derivative_matches_central_differences(nn, name, z):
    f, df = nn.ACTIVATIONS[name]
    z = z[np.abs(z) > 1e-3]  # ReLU has a kink at 0: compare away from it
    h = 1e-6
    numeric = (f(z + h) - f(z - h)) / (2 * h)
    np.testing.assert_allclose(df(z), numeric, atol=1e-6)


def test_sigmoid_and_softmax_do_not_overflow(nn):
    z = np.array([-1000.0, 0.0, 1000.0])
    with np.errstate(over="raise", invalid="raise"):  # underflow to 0 is the right answer
        np.testing.assert_allclose(nn.sigmoid(z), [0.0, 0.5, 1.0])
        probs = nn.softmax(np.array([[1000.0, 1000.0, -1000.0]]))
    np.testing.assert_allclose(probs, [[0.5, 0.5, 0.0]])


@settings(max_examples=40, deadline=None)
@given(z=arrays(np.float64, st.tuples(st.integers(1, 5), st.integers(2, 6)), elements=FINITE))
def test_softmax_rows_are_distributions_unchanged_by_a_shift(nn, z):
    probs = nn.softmax(z)
    assert (probs >= 0).all()
    np.testing.assert_allclose(probs.sum(axis=1), 1.0)
    np.testing.assert_allclose(nn.softmax(z + 7.5), probs, atol=1e-12)


def test_softmax_jacobian_matches_finite_differences(nn):
    z = np.array([0.3, -1.2, 2.0, 0.0])
    h = 1e-6
    numeric = np.column_stack(
        [(nn.softmax(z + h * e) - nn.softmax(z - h * e)) / (2 * h) for e in np.eye(len(z))]
    )
    np.testing.assert_allclose(nn.softmax_jacobian(z), numeric, atol=1e-8)
