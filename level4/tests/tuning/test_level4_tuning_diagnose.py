"""Over- and underfitting: models built to overfit and to underfit get the right verdict."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.neighbors import KNeighborsClassifier

from level4.tuning.diagnose import BIAS_LIMIT, GAP_LIMIT, Curve, diagnose, learning, validation

CV = StratifiedKFold(3, shuffle=True, random_state=0)


@pytest.fixture(scope="module")
def noisy():
    """Two informative features, a fifth of the labels flipped at random: noise to memorise."""
    return make_classification(
        n_samples=400, n_features=5, n_informative=2, flip_y=0.2, random_state=0
    )


def test_one_nearest_neighbour_on_noisy_labels_is_high_variance(noisy):
    x, y = noisy
    found = diagnose(learning(KNeighborsClassifier(n_neighbors=1), x, y, CV))
    assert found.verdict == "high variance"
    assert found.train == pytest.approx(1.0)
    assert found.text.startswith("high variance: ")


def test_a_heavily_regularised_model_is_high_bias():
    x, y = make_classification(n_samples=400, weights=[0.8], random_state=0)
    found = diagnose(learning(LogisticRegression(C=1e-6), x, y, CV))
    assert found.verdict == "high bias"
    assert found.train < BIAS_LIMIT
    assert found.text.startswith("high bias: ")


def test_a_moderately_regularised_model_fits_well():
    x, y = make_classification(n_samples=600, n_informative=5, random_state=0, class_sep=2.0)
    assert diagnose(learning(LogisticRegression(C=1.0), x, y, CV)).verdict == "good fit"


def test_the_validation_curve_shows_both_failure_modes(noisy):
    x, y = noisy
    curve = validation(KNeighborsClassifier(), x, y, "n_neighbors", [1, 15, 199], CV)
    gaps = np.array(curve.train) - np.array(curve.cv)
    assert gaps[0] > GAP_LIMIT  # one neighbour: memorises
    assert curve.cv[1] > curve.cv[0]  # smoothing over 15 generalises better


@given(
    train=st.floats(-1, 1),
    cv=st.floats(-1, 1),
    earlier=st.floats(-1, 1),
)
def test_the_verdict_follows_the_numbers(train, cv, earlier):
    curve = Curve("rows", [100.0, 200.0], [train, train], [earlier, cv], [0.0, 0.0])
    found = diagnose(curve)
    assert ("high variance" in found.verdict) == (train - cv > GAP_LIMIT)
    assert ("high bias" in found.verdict) == (train < BIAS_LIMIT)
    assert found.text.startswith(found.verdict.split(" and ")[0])
    assert found.gap == pytest.approx(train - cv)
