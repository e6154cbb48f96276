"""Contract tests: the NumPy MLP's gradients are right, and it learns."""

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st


@pytest.fixture(scope="module")
def nn(solution):
    return solution("level6.nn")


@settings(max_examples=25, deadline=None)
@given(
    sizes=st.lists(st.integers(1, 6), min_size=2, max_size=4).map(lambda s: [*s, 3]),
    activation=st.sampled_from(["sigmoid", "tanh", "relu"]),
    batch=st.integers(1, 8),
    seed=st.integers(0, 1_000),
)
def test_backprop_matches_finite_differences(nn, sizes, activation, batch, seed):
    rng = np.random.default_rng(seed)
    net = nn.MLP(sizes, activation=activation, seed=seed)
    inputs = rng.normal(size=(batch, sizes[0]))
    labels = rng.integers(0, sizes[-1], size=batch)
    assume(activation != "relu" or _clear_of_the_kink(net, inputs))
    _, grads = net.loss_and_gradients(inputs, labels)
    parameters = [*net.weights, *net.biases]
    for analytic, parameter in zip([*grads.weights, *grads.biases], parameters, strict=True):
        numeric = nn.numerical_gradient(
            lambda: net.loss_and_gradients(inputs, labels)[0], parameter
        )
        np.testing.assert_allclose(analytic, numeric, rtol=1e-4, atol=1e-8)


def _clear_of_the_kink(net, inputs, margin=1e-4):
    """Finite differences across ReLU's kink at 0 are meaningless: is every hidden
    pre-activation further than ``margin`` from it?"""
    activations = inputs
    for w, b in zip(net.weights[:-1], net.biases[:-1], strict=True):
        z = activations @ w + b
        if np.abs(z).min() < margin:
            return False
        activations = np.maximum(z, 0)
    return True


def test_cross_entropy_is_stable_and_exact(nn):
    logits = np.array([[1000.0, 0.0], [0.0, 0.0]])
    loss, grad = nn.softmax_cross_entropy(logits, np.array([1, 0]))
    assert loss == pytest.approx((1000.0 + np.log(2)) / 2)
    np.testing.assert_allclose(grad, [[0.5, -0.5], [-0.25, 0.25]])


def test_mlp_learns_xor_which_a_perceptron_cannot(nn):
    inputs, outputs = nn.gate_data("xor")
    net = nn.MLP([2, 8, 2], activation="tanh", seed=0)
    history = net.fit(inputs, outputs, epochs=300, batch_size=4, learning_rate=0.1)
    assert history.loss[-1] < 0.05 < history.loss[0]
    assert net.predict(inputs).tolist() == outputs.tolist()


def test_training_is_deterministic_under_a_seed(nn):
    rng = np.random.default_rng(3)
    inputs, labels = rng.normal(size=(64, 4)), rng.integers(0, 3, size=64)
    runs = []
    for _ in range(2):
        net = nn.MLP([4, 5, 3], seed=7)
        net.fit(inputs, labels, epochs=3, batch_size=16, seed=11)
        runs.append(net.logits(inputs))
    np.testing.assert_array_equal(runs[0], runs[1])


def test_mlp_learns_a_real_dataset_well_above_chance(nn):
    from sklearn.datasets import load_digits
    from sklearn.model_selection import train_test_split

    digits = load_digits()
    x_train, x_test, y_train, y_test = train_test_split(
        digits.data / 16.0, digits.target, test_size=0.25, random_state=0, stratify=digits.target
    )
    net = nn.MLP([64, 32, 10], seed=0)
    history = net.fit(
        x_train, y_train, epochs=15, batch_size=32, learning_rate=0.05, validation=(x_test, y_test)
    )
    assert history.loss[-1] < history.loss[0] / 5
    assert history.val_accuracy[-1] > 0.9  # chance is 0.1


def test_save_and_load_round_trip(nn, tmp_path):
    net = nn.MLP([3, 4, 2], activation="sigmoid", seed=2)
    path = tmp_path / "net.npz"
    net.save(path)
    again = nn.MLP.load(path)
    x = np.random.default_rng(0).normal(size=(5, 3))
    np.testing.assert_array_equal(again.logits(x), net.logits(x))
    assert (again.sizes, again.activation) == ([3, 4, 2], "sigmoid")


@pytest.mark.parametrize(
    ("sizes", "activation", "message"),
    [([4], "relu", "sizes"), ([4, 0], "relu", "sizes"), ([4, 2], "swish", "activation")],
)
def test_bad_shapes_and_activations_are_refused(nn, sizes, activation, message):
    with pytest.raises(ValueError, match=message):
        nn.MLP(sizes, activation=activation)
