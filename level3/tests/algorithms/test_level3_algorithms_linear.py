"""Logistic regression and the linear SVM against scikit-learn's, on generated and bundled data.

Tolerances: both logistic solvers minimise the same strictly convex objective as
scikit-learn, so weights agree to 1e-5 when both converge tightly (Newton) and to
~1e-2 for plain gradient descent stopped at tol=1e-5. Pegasos is stochastic: its
objective lands within 2 % of liblinear's exact optimum and predictions agree.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest
import sklearn.linear_model
import sklearn.svm
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.datasets import load_breast_cancer, load_iris
from sklearn.exceptions import ConvergenceWarning
from sklearn.preprocessing import StandardScaler

from level3.algorithms.svm import svm_objective


def standardised(load):
    X, y = load(return_X_y=True)
    return StandardScaler().fit_transform(X), y


@st.composite
def classification_data(draw, max_classes=3):
    """Small tables of moderate values with at least two classes."""
    n = draw(st.integers(8, 40))
    d = draw(st.integers(1, 4))
    X = draw(arrays(np.float64, (n, d), elements=st.floats(-3, 3, width=32)))
    k = draw(st.integers(2, max_classes))
    y = draw(arrays(np.int64, n, elements=st.integers(0, k - 1)))
    y[:2] = [0, 1]  # at least two classes
    return X, y


def sklearn_logistic(C, X, y):
    return sklearn.linear_model.LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X, y)


# --- logistic regression ------------------------------------------------------------


@pytest.mark.parametrize("load", [load_iris, load_breast_cancer])
@pytest.mark.parametrize("C", [0.1, 1.0])
def test_newton_matches_sklearn_weights_and_probabilities(solution, load, C):
    X, y = standardised(load)
    ours = solution("level3.algorithms").LogisticRegression(C=C, tol=1e-8).fit(X, y)
    theirs = sklearn_logistic(C, X, y)
    assert ours.coef_.shape == theirs.coef_.shape
    np.testing.assert_allclose(ours.coef_, theirs.coef_, atol=1e-4)
    np.testing.assert_allclose(ours.intercept_, theirs.intercept_, atol=1e-4)
    np.testing.assert_allclose(ours.predict_proba(X), theirs.predict_proba(X), atol=1e-5)
    assert np.array_equal(ours.predict(X), theirs.predict(X))
    assert ours.n_iter_ < 15  # Newton: a handful of steps


def test_gradient_descent_reaches_the_same_optimum(solution):
    X, y = standardised(load_iris)
    ours = solution("level3.algorithms").LogisticRegression(C=0.1, solver="gd", tol=1e-5)
    ours.fit(X, y)
    theirs = sklearn_logistic(0.1, X, y)
    np.testing.assert_allclose(ours.coef_, theirs.coef_, atol=1e-2)
    assert np.mean(ours.predict(X) == theirs.predict(X)) == 1.0
    assert ours.n_iter_ > 20  # many small steps where Newton needs a few


@settings(max_examples=20)
@given(data=classification_data(), C=st.sampled_from([0.1, 1.0]))
def test_newton_matches_sklearn_on_generated_data(solution, data, C):
    X, y = data
    ours = solution("level3.algorithms").LogisticRegression(C=C, tol=1e-9).fit(X, y)
    np.testing.assert_allclose(
        ours.predict_proba(X), sklearn_logistic(C, X, y).predict_proba(X), atol=1e-4
    )


@settings(max_examples=15)
@given(data=classification_data())
def test_probabilities_are_a_distribution_and_intercepts_centred(solution, data):
    X, y = data
    model = solution("level3.algorithms").LogisticRegression().fit(X, y)
    proba = model.predict_proba(X)
    assert proba.shape == (len(X), len(np.unique(y)))
    assert np.all(proba >= 0)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    if len(model.classes_) > 2:  # the softmax is unchanged by a shared shift: centred like sklearn
        assert abs(model.intercept_.sum()) < 1e-8


def test_string_labels_come_back_as_strings(solution):
    X, y = standardised(load_iris)
    names = np.array(["setosa", "versicolor", "virginica"])[y]
    model = solution("level3.algorithms").LogisticRegression().fit(X, names)
    assert list(model.classes_) == ["setosa", "versicolor", "virginica"]
    assert np.mean(model.predict(X) == names) > 0.95


def test_gradient_descent_out_of_steps_warns(solution):
    X, y = load_breast_cancer(return_X_y=True)  # unscaled: ill-conditioned for plain GD
    model = solution("level3.algorithms").LogisticRegression(solver="gd", max_iter=5)
    with pytest.warns(ConvergenceWarning, match="did not reach tol"):
        model.fit(X, y)
    assert model.n_iter_ == 5


@pytest.mark.parametrize(("params", "message"), [({"solver": "sgd"}, "solver"), ({"C": 0}, "C")])
def test_bad_parameters_are_refused(solution, params, message):
    X, y = standardised(load_iris)
    with pytest.raises(ValueError, match=message):
        solution("level3.algorithms").LogisticRegression(**params).fit(X, y)


# --- linear SVM (Pegasos) ----------------------------------------------------------


def objectives(model_coef, model_intercept, X, y, C):
    """J of each one-vs-rest problem for given weights (our svm_objective)."""
    classes = np.unique(y)
    signs = 2.0 * (y[:, None] == classes) - 1.0
    Y = signs[:, 1:] if len(classes) == 2 else signs
    X1 = np.hstack([X, np.ones((len(X), 1))])
    W = np.vstack([model_coef.T, model_intercept])
    return svm_objective(W, X1, Y, 1.0 / (C * len(X)))


def liblinear(C, X, y):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return sklearn.svm.LinearSVC(C=C, loss="hinge", dual=True, tol=1e-8, max_iter=100_000).fit(
            X, y
        )


@pytest.mark.parametrize("load", [load_iris, load_breast_cancer])
def test_pegasos_objective_within_two_percent_of_liblinear(solution, load):
    X, y = standardised(load)
    ours = solution("level3.algorithms").LinearSVC(C=0.1, random_state=0).fit(X, y)
    theirs = liblinear(0.1, X, y)
    ours_j = objectives(ours.coef_, ours.intercept_, X, y, 0.1)
    best_j = objectives(theirs.coef_, theirs.intercept_, X, y, 0.1)
    assert np.all(ours_j <= 1.02 * best_j)
    assert np.all(ours_j >= best_j * (1 - 1e-6))  # liblinear solves it exactly: nobody beats it
    assert np.mean(ours.predict(X) == theirs.predict(X)) >= 0.98
    assert abs(ours.score(X, y) - theirs.score(X, y)) <= 0.02


@settings(max_examples=15)
@given(data=classification_data(max_classes=2), C=st.sampled_from([0.01, 0.1]))
def test_pegasos_near_the_optimum_on_generated_data(solution, data, C):
    X, y = data
    # The error of Pegasos falls like log T / (λT): on these tiny sets (few steps per
    # epoch, λ = 1/(Cn) large) 1,000 epochs are cheap and needed for 2 % everywhere.
    ours = solution("level3.algorithms").LinearSVC(C=C, max_iter=1000, random_state=0).fit(X, y)
    theirs = liblinear(C, X, y)
    ours_j = objectives(ours.coef_, ours.intercept_, X, y, C)
    best_j = objectives(theirs.coef_, theirs.intercept_, X, y, C)
    assert np.all(ours_j <= 1.02 * best_j + 1e-3)


def test_pegasos_is_deterministic_under_a_seed_and_shapes_follow_sklearn(solution):
    X, y = standardised(load_iris)
    LinearSVC = solution("level3.algorithms").LinearSVC
    first, second = LinearSVC(random_state=3).fit(X, y), LinearSVC(random_state=3).fit(X, y)
    np.testing.assert_array_equal(first.coef_, second.coef_)
    assert first.decision_function(X).shape == (150, 3)
    binary = LinearSVC(random_state=0).fit(X[:100], y[:100])
    assert binary.coef_.shape == (1, 4)
    assert binary.decision_function(X[:100]).shape == (100,)
    assert np.array_equal(binary.predict(X[:100]), y[:100])  # setosa vs versicolor: separable
