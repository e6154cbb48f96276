"""k-means and PCA against scikit-learn's.

k-means: from the same starting centres both run Lloyd's algorithm with the
same stopping rule, so inertia must agree within 1 % (in practice to rounding)
and the labellings must be the same partition. From their own k-means++ starts
(different random draws) the best of 10 runs must still be within 1 %.
PCA: components equal up to sign, variances equal, to rounding.
"""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import sklearn.cluster
import sklearn.decomposition
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from sklearn.datasets import load_digits, load_iris, make_blobs
from sklearn.metrics import adjusted_rand_score
from sklearn.preprocessing import StandardScaler

from level3.algorithms.kmeans import kmeans_plusplus, lloyd
from level3.algorithms.pca import tall_skinny_r


def scaled(load):
    return StandardScaler().fit_transform(load(return_X_y=True)[0])


# --- k-means ----------------------------------------------------------------------------


@pytest.mark.parametrize(("load", "k"), [(load_iris, 3), (load_digits, 10)])
def test_same_start_same_clustering_as_sklearn(solution, load, k):
    X = scaled(load)
    start, _ = sklearn.cluster.kmeans_plusplus(X, n_clusters=k, random_state=0)
    ours = solution("level3.algorithms").KMeans(k, init=start).fit(X)
    theirs = sklearn.cluster.KMeans(k, init=start, n_init=1).fit(X)
    assert ours.inertia_ == pytest.approx(theirs.inertia_, rel=0.01)
    assert adjusted_rand_score(ours.labels_, theirs.labels_) == 1.0
    np.testing.assert_allclose(ours.cluster_centers_, theirs.cluster_centers_, atol=1e-8)
    assert ours.n_iter_ == theirs.n_iter_


@settings(max_examples=20)
@given(seed=st.integers(0, 2**16), k=st.integers(1, 5), n=st.integers(10, 60))
def test_same_start_on_generated_blobs(solution, seed, k, n):
    X, _ = make_blobs(n_samples=n, centers=3, n_features=2, random_state=seed)
    start = X[np.random.default_rng(seed).choice(n, k, replace=False)]
    ours = solution("level3.algorithms").KMeans(k, init=start).fit(X)
    theirs = sklearn.cluster.KMeans(k, init=start, n_init=1).fit(X)
    assert ours.inertia_ == pytest.approx(theirs.inertia_, rel=0.01, abs=1e-9)


@pytest.mark.parametrize(("load", "k"), [(load_iris, 3), (load_digits, 10)])
def test_own_kmeans_plus_plus_starts_reach_sklearn_inertia(solution, load, k):
    X = scaled(load)
    ours = solution("level3.algorithms").KMeans(k, n_init=10, random_state=0).fit(X)
    theirs = sklearn.cluster.KMeans(k, n_init=10, random_state=0).fit(X)
    assert ours.inertia_ == pytest.approx(theirs.inertia_, rel=0.01)


@settings(max_examples=15)
@given(seed=st.integers(0, 2**16), k=st.integers(2, 6))
def test_lloyd_never_increases_inertia(seed, k):
    X, _ = make_blobs(n_samples=80, centers=4, random_state=seed)
    start = kmeans_plusplus(X, k, np.random.RandomState(seed))
    inertias = []
    for steps in range(1, 6):
        centers, labels, _ = lloyd(X, start, max_iter=steps, tol=0.0)
        inertias.append(np.sum((X - centers[labels]) ** 2))
    assert all(a >= b - 1e-9 for a, b in itertools.pairwise(inertias))


def test_kmeans_plus_plus_spreads_out_distinct_data_points():
    X, _ = make_blobs(n_samples=300, centers=5, cluster_std=0.3, random_state=1)
    rng = np.random.RandomState(0)
    plus = kmeans_plusplus(X, 5, rng)
    assert len(np.unique(plus, axis=0)) == 5
    assert all(any(np.array_equal(c, x) for x in X) for c in plus)  # centres are data points
    # Five tight, far-apart blobs: k-means++ puts one centre in each blob almost surely.
    blob = sklearn.cluster.KMeans(5, n_init=1, random_state=0).fit(X).predict(plus)
    assert len(set(blob)) == 5


def test_predict_transform_and_fit_predict_agree(solution):
    X = scaled(load_iris)
    model = solution("level3.algorithms").KMeans(3, random_state=0)
    labels = model.fit_predict(X)
    np.testing.assert_array_equal(labels, model.labels_)
    np.testing.assert_array_equal(model.predict(X), labels)
    distances = model.transform(X)
    assert distances.shape == (150, 3)
    np.testing.assert_array_equal(np.argmin(distances, axis=1), labels)
    assert np.sum(distances.min(axis=1) ** 2) == pytest.approx(model.inertia_)


def test_an_empty_cluster_is_restarted(solution):
    X = np.array([[0.0], [0.1], [10.0], [10.1]])
    start = np.array([[0.0], [10.0], [100.0]])  # the third centre attracts no point
    model = solution("level3.algorithms").KMeans(3, init=start).fit(X)
    assert len(set(model.labels_)) == 3
    assert model.inertia_ < 0.01


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"n_clusters": 200}, "should be >= n_clusters"),
        ({"n_clusters": 2, "init": np.zeros((3, 4))}, "expected \\(2, 4\\)"),
        ({"init": "forgy"}, "init must be"),
        ({"n_init": 0}, "n_init"),
    ],
)
def test_bad_parameters_are_refused(solution, params, message):
    with pytest.raises(ValueError, match=message):
        solution("level3.algorithms").KMeans(**params).fit(scaled(load_iris))


# --- PCA -----------------------------------------------------------------------------


def assert_same_up_to_sign(ours, theirs, atol):
    signs = np.sign(np.sum(ours * theirs, axis=1))
    np.testing.assert_allclose(ours * signs[:, None], theirs, atol=atol)


@pytest.mark.parametrize("load", [load_iris, load_digits])
def test_components_and_variances_match_sklearn(solution, load):
    X = load(return_X_y=True)[0]
    ours = solution("level3.algorithms").PCA(n_components=3).fit(X)
    theirs = sklearn.decomposition.PCA(n_components=3, svd_solver="full").fit(X)
    assert_same_up_to_sign(ours.components_, theirs.components_, atol=1e-8)
    np.testing.assert_allclose(ours.explained_variance_, theirs.explained_variance_, rtol=1e-10)
    np.testing.assert_allclose(ours.explained_variance_ratio_, theirs.explained_variance_ratio_)
    np.testing.assert_allclose(ours.singular_values_, theirs.singular_values_, rtol=1e-10)
    signs = np.sign(np.sum(ours.components_ * theirs.components_, axis=1))
    np.testing.assert_allclose(ours.transform(X) * signs, theirs.transform(X), atol=1e-8)


@pytest.mark.filterwarnings(
    "ignore:invalid value encountered in divide"
)  # sklearn, on all-equal rows
@settings(max_examples=25)
@given(
    X=arrays(
        np.float64,
        st.tuples(st.integers(2, 30), st.integers(1, 6)),
        elements=st.floats(-100, 100, allow_subnormal=False),
    )
)
def test_generated_data_matches_sklearn_where_components_are_unique(solution, X):
    ours = solution("level3.algorithms").PCA().fit(X)
    theirs = sklearn.decomposition.PCA(svd_solver="full").fit(X)
    scale = max(1.0, theirs.explained_variance_.max())
    np.testing.assert_allclose(
        ours.explained_variance_, theirs.explained_variance_, atol=1e-9 * scale
    )
    variance = theirs.explained_variance_
    for j in range(len(variance)):  # a direction is defined only if its variance stands apart
        gaps = np.abs(np.delete(variance, j) - variance[j])
        if variance[j] > 1e-6 * scale and (len(gaps) == 0 or gaps.min() > 1e-3 * scale):
            cosine = abs(ours.components_[j] @ theirs.components_[j])
            assert cosine == pytest.approx(1.0, abs=1e-6)


@settings(max_examples=25)
@given(
    X=arrays(
        np.float64, st.tuples(st.integers(2, 30), st.integers(1, 6)), elements=st.floats(-100, 100)
    )
)
def test_orthonormal_components_and_exact_round_trip(solution, X):
    model = solution("level3.algorithms").PCA().fit(X)
    V = model.components_
    np.testing.assert_allclose(V @ V.T, np.eye(len(V)), atol=1e-9)
    scale = 1 + np.abs(X).max()
    np.testing.assert_allclose(model.inverse_transform(model.transform(X)), X, atol=1e-9 * scale)
    assert np.all(np.diff(model.explained_variance_) <= 1e-9 * scale**2)  # largest first


@pytest.mark.parametrize(("rows", "block"), [(10, 4), (1000, 64), (50, 100)])
def test_tall_skinny_r_is_an_r_of_the_whole_matrix(rows, block):
    A = np.random.default_rng(rows).normal(size=(rows, 3))
    R = tall_skinny_r(A, block=block)
    assert R.shape == (3, 3)
    np.testing.assert_allclose(np.triu(R), R)  # upper triangular
    np.testing.assert_allclose(R.T @ R, A.T @ A, atol=1e-10 * rows)  # AᵀA = RᵀQᵀQR = RᵀR
    np.testing.assert_allclose(
        np.linalg.svd(R, compute_uv=False), np.linalg.svd(A, compute_uv=False)
    )


def test_a_variance_fraction_keeps_as_many_components_as_sklearn(solution):
    X = load_digits(return_X_y=True)[0]
    for fraction in (0.5, 0.8, 0.95):
        ours = solution("level3.algorithms").PCA(n_components=fraction).fit(X)
        theirs = sklearn.decomposition.PCA(n_components=fraction, svd_solver="full").fit(X)
        assert ours.n_components_ == theirs.n_components_
        assert ours.explained_variance_ratio_.sum() >= fraction


def test_feature_names_out(solution):
    model = solution("level3.algorithms").PCA(n_components=2).fit(load_iris(return_X_y=True)[0])
    assert list(model.get_feature_names_out()) == ["pca0", "pca1"]


@pytest.mark.parametrize("n_components", [0, 5, 1.5, "all"])
def test_bad_n_components_is_refused(solution, n_components):
    with pytest.raises(ValueError, match="n_components"):
        solution("level3.algorithms").PCA(n_components=n_components).fit(
            load_iris(return_X_y=True)[0]
        )
