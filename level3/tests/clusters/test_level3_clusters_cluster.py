"""k-means sweep, the knee rule, DBSCAN's eps: blobs are found, seeds are honoured, errors are clear."""

from __future__ import annotations

import numpy as np
import pytest
from scipy.spatial.distance import cdist
from sklearn.cluster import KMeans
from sklearn.metrics import adjusted_rand_score

CENTERS = 4  # as in conftest.blob_matrix


def test_the_silhouette_finds_the_number_of_well_separated_blobs(solution, blobs):
    mod = solution("level3.clusters")
    matrix, _ = blobs
    sweep = mod.sweep_k(mod.standardise(matrix), 2, 8, seed=0)
    assert sweep.best_k == CENTERS
    assert list(sweep.table["k"]) == list(range(2, 9))
    assert sweep.table["inertia"].is_monotonic_decreasing


def test_kmeans_recovers_the_blobs_exactly(solution, blobs):
    mod = solution("level3.clusters")
    matrix, truth = blobs
    labels = mod.kmeans_labels(mod.standardise(matrix), CENTERS, seed=0)
    assert adjusted_rand_score(truth, labels) == pytest.approx(1.0)


def test_labels_are_stable_under_a_seed(solution):
    mod = solution("level3.clusters")
    rng = np.random.default_rng(3)
    x = rng.normal(size=(150, 4))  # no real structure: the seed alone decides the labels
    first = mod.kmeans_labels(x, 5, seed=7)
    again = mod.kmeans_labels(x, 5, seed=7)
    np.testing.assert_array_equal(first, again)
    other_seed = [mod.kmeans_labels(x, 5, seed=s) for s in (1, 2)]
    assert adjusted_rand_score(*other_seed) > 0.5  # similar partitions, maybe not identical


def test_kmeans_labels_match_scikit_learn(blobs):
    from level3.clusters import kmeans_labels, standardise

    x = standardise(blobs[0])
    oracle = KMeans(n_clusters=3, n_init=10, random_state=0).fit_predict(x)
    np.testing.assert_array_equal(kmeans_labels(x, 3, seed=0), oracle)


def test_standardise_gives_mean_zero_and_unit_spread(solution, blobs):
    mod = solution("level3.clusters")
    x = mod.standardise(blobs[0].assign(constant=1.0))
    np.testing.assert_allclose(x.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(x.std(axis=0), [1, 1, 1, 1, 1, 0], atol=1e-12)


def test_dbscan_finds_the_blobs_with_the_k_distance_eps(solution, blobs):
    mod = solution("level3.clusters")
    matrix, truth = blobs
    result = mod.dbscan(mod.standardise(matrix), min_samples=5)
    assert result.clusters == CENTERS
    assert result.noise <= len(matrix) * 0.05
    kept = result.labels != -1
    assert adjusted_rand_score(truth[kept], result.labels[kept]) == pytest.approx(1.0)


def test_k_distance_eps_is_a_real_kth_neighbour_distance(make_blobs_matrix):
    from level3.clusters import k_distance_eps

    matrix, _ = make_blobs_matrix(seed=1, rows=80)
    x = matrix.to_numpy()
    distances = np.sort(cdist(x, x), axis=1)[:, 4]  # column 0 is the point itself
    eps = k_distance_eps(x, min_samples=5)
    assert np.isclose(distances, eps).any()
    assert np.median(distances) <= eps <= distances.max()


@pytest.mark.parametrize(
    ("curve", "expected"),
    [([10, 3, 2, 1.5, 1.2, 1.0], 1), ([0, 0.1, 0.2, 0.3, 5, 10], 3), ([4, 4, 4], 0)],
)
def test_knee_is_the_point_farthest_from_the_chord(curve, expected):
    from level3.clusters import knee

    assert knee(np.array(curve)) == expected


@pytest.mark.parametrize(
    ("k_min", "k_max", "message"),
    [(1, 5, "start at 2"), (5, 4, "empty k range"), (2, 30, "more than 30 rows")],
)
def test_an_impossible_k_range_is_a_clear_error(solution, k_min, k_max, message):
    mod = solution("level3.clusters")
    x = np.random.default_rng(0).normal(size=(30, 3))
    with pytest.raises(ValueError, match=message):
        mod.sweep_k(x, k_min, k_max)


def test_analyse_ties_it_together(solution, blobs):
    mod = solution("level3.clusters")
    matrix, truth = blobs
    analysis = mod.analyse(matrix, k_max=6, data_label="blobs")
    summary = analysis.summary()
    assert summary["best_k_silhouette"] == CENTERS
    assert summary["dbscan"]["clusters"] == CENTERS
    assert summary["dbscan"]["adjusted_rand_vs_kmeans"] > 0.9
    assert sum(p["size"] for p in summary["profiles"]) == len(matrix)
    assert adjusted_rand_score(truth, analysis.labels) == pytest.approx(1.0)
