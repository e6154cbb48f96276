"""Contract tests: the scalar autograd engine differentiates like calculus says it should."""

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

SMALL = st.floats(-3, 3, allow_nan=False)


@pytest.fixture(scope="module")
def nn(solution):
    return solution("level6.nn")


def test_a_value_used_twice_gets_both_contributions(nn):
    a, b = nn.Value(2.0), nn.Value(-3.0)
    c = a * b + a
    c.backward()
    assert (a.grad, b.grad) == (-2.0, 2.0)


@settings(max_examples=60, deadline=None)
@given(x=SMALL, y=SMALL)
def test_gradients_match_central_differences(nn, x, y):
    def f(a, b):
        return (
            (a * b + (a - b) ** 2).tanh() * 3 + (a / (b * b + 1)).sigmoid() - (b.relu() + 1).log()
        )

    a, b = nn.Value(x), nn.Value(y)
    f(a, b).backward()
    h = 1e-6

    def value(p, q):
        return f(nn.Value(p), nn.Value(q)).data

    assert a.grad == pytest.approx((value(x + h, y) - value(x - h, y)) / (2 * h), abs=1e-5)
    if abs(y) > 1e-4:  # relu(b) has a kink at 0
        assert b.grad == pytest.approx((value(x, y + h) - value(x, y - h)) / (2 * h), abs=1e-5)


def test_backward_handles_a_long_chain_without_recursion(nn):
    x = nn.Value(1.0)
    y = x
    for _ in range(5_000):
        y = y * 1.0001
    y.backward()
    assert x.grad == pytest.approx(1.0001**5_000)


def test_backward_twice_gives_the_same_gradient(nn):
    a = nn.Value(0.5)
    out = (a * a).exp()
    out.backward()
    first = a.grad
    out.backward()
    assert a.grad == first == pytest.approx(2 * 0.5 * math.exp(0.25))


def test_a_scalar_mlp_learns_xor_by_gradient_descent(nn):
    net = nn.ScalarMLP([2, 4, 1], activation="tanh", seed=1)
    data = [([0, 0], -1), ([0, 1], 1), ([1, 0], 1), ([1, 1], -1)]
    for _ in range(200):
        loss = sum(((net(x)[0] - y) ** 2 for x, y in data), nn.Value(0.0))
        loss.backward()
        for p in net.parameters():
            p.data -= 0.05 * p.grad
    assert [net(x)[0].data > 0 for x, _ in data] == [False, True, True, False]
