"""k-NN against scikit-learn's: the same neighbours, distances and votes.

Distances must agree to rounding (both use ‖q‖² − 2q·x + ‖x‖²). Which of several
points at exactly the same distance gets in as the k-th neighbour is unspecified
in both libraries, so neighbour sets and votes are compared on the queries with
no tie at the k-th place.
"""

from __future__ import annotations

import numpy as np
import pytest
import sklearn.neighbors
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.datasets import load_digits, load_iris
from sklearn.model_selection import train_test_split

from level3.algorithms import knn
from level3.algorithms.common import squared_distances


@st.composite
def neighbour_data(draw):
    n = draw(st.integers(2, 40))
    d = draw(st.integers(1, 4))
    values = st.floats(-10, 10, width=32, allow_subnormal=False)
    X = draw(arrays(np.float64, (n, d), elements=values))
    queries = draw(arrays(np.float64, (draw(st.integers(1, 10)), d), elements=values))
    y = draw(arrays(np.int64, n, elements=st.integers(0, 2)))
    y[:2] = [0, 1]
    return X, y, queries, draw(st.integers(1, n))


def no_tie_at_k(X, queries, k):
    """Queries whose k-th and (k+1)-th nearest training points are at different distances."""
    d = np.sort(np.sqrt(squared_distances(queries, X)), axis=1)
    if k == len(X):
        return np.ones(len(queries), dtype=bool)
    return d[:, k] - d[:, k - 1] > 1e-6 * (1 + d[:, k])


@settings(max_examples=15)
@given(data=neighbour_data())
def test_same_neighbours_and_votes_as_sklearn(solution, data):
    X, y, queries, k = data
    ours = solution("level3.algorithms").KNeighborsClassifier(n_neighbors=k).fit(X, y)
    theirs = sklearn.neighbors.KNeighborsClassifier(n_neighbors=k).fit(X, y)
    ours_d, ours_i = ours.kneighbors(queries)
    theirs_d, theirs_i = theirs.kneighbors(queries)
    np.testing.assert_allclose(ours_d, theirs_d, atol=1e-6)
    assert np.all(np.diff(ours_d, axis=1) >= 0)  # nearest first
    clear = no_tie_at_k(X, queries, k)
    for row in np.flatnonzero(clear):
        assert set(ours_i[row]) == set(theirs_i[row])
    theirs_proba = theirs.predict_proba(queries)
    np.testing.assert_array_equal(ours.predict_proba(queries)[clear], theirs_proba[clear])
    theirs_votes = theirs.classes_[
        np.argmax(theirs_proba, axis=1)
    ]  # sklearn's predict, one call less
    np.testing.assert_array_equal(ours.predict(queries)[clear], theirs_votes[clear])


@pytest.mark.parametrize("k", [1, 5])
def test_digits_predictions_match_sklearn(solution, k):
    X, y = load_digits(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, random_state=0)
    ours = solution("level3.algorithms").KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    theirs = sklearn.neighbors.KNeighborsClassifier(n_neighbors=k).fit(X_train, y_train)
    ours_pred, theirs_pred = ours.predict(X_test), theirs.predict(X_test)
    clear = no_tie_at_k(X_train, X_test, k)  # integer pixels: equal distances happen
    assert clear.mean() > 0.8
    np.testing.assert_array_equal(ours_pred[clear], theirs_pred[clear])
    assert abs(np.mean(ours_pred == y_test) - np.mean(theirs_pred == y_test)) <= 0.005
    assert np.mean(ours_pred == y_test) > 0.97


def test_blocks_of_queries_give_the_same_answer(solution, monkeypatch):
    X, y = load_iris(return_X_y=True)
    model = solution("level3.algorithms").KNeighborsClassifier(n_neighbors=3).fit(X, y)
    whole = model.kneighbors(X)
    monkeypatch.setattr(knn, "BLOCK_ENTRIES", 7 * len(X))  # 7 queries per block
    blocked = knn.KNeighborsClassifier(n_neighbors=3).fit(X, y).kneighbors(X)
    np.testing.assert_array_equal(whole[1], blocked[1])
    np.testing.assert_allclose(whole[0], blocked[0])


def test_one_neighbour_memorises_the_training_set(solution):
    X, y = load_iris(return_X_y=True)
    X, index = np.unique(X, axis=0, return_index=True)  # drop duplicate flowers
    model = solution("level3.algorithms").KNeighborsClassifier(n_neighbors=1).fit(X, y[index])
    assert model.score(X, y[index]) == 1.0
    distances, indices = model.kneighbors(X)
    np.testing.assert_array_equal(indices[:, 0], np.arange(len(X)))
    np.testing.assert_allclose(distances[:, 0], 0.0, atol=1e-6)


@pytest.mark.parametrize(("k", "message"), [(0, "positive integer"), (151, "more than the 150")])
def test_bad_k_is_refused(solution, k, message):
    X, y = load_iris(return_X_y=True)
    with pytest.raises(ValueError, match=message):
        solution("level3.algorithms").KNeighborsClassifier(n_neighbors=k).fit(X, y)


@settings(max_examples=25)
@given(
    scores=arrays(
        np.float64, st.tuples(st.integers(1, 6), st.integers(1, 60)), elements=st.integers(-5, 5)
    ),
    k=st.integers(1, 60),
    probe=st.integers(1, 60),
)
def test_k_smallest_is_a_stable_sort_cut_short(scores, k, probe):
    k = min(k, scores.shape[1])
    expected = np.argsort(scores, axis=1, kind="stable")[:, :k]  # ties: lower index first
    # Small probes give loose bounds and many candidates; the answer must not change.
    np.testing.assert_array_equal(knn.k_smallest(scores, k, probe), expected)


def test_squared_distances_match_the_definition():
    rng = np.random.default_rng(0)
    A, B = rng.normal(size=(7, 3)), rng.normal(size=(5, 3))
    direct = ((A[:, None, :] - B[None, :, :]) ** 2).sum(axis=2)
    np.testing.assert_allclose(squared_distances(A, B), direct, atol=1e-12)
    assert np.all(squared_distances(A, A) >= 0)
