"""Cluster profiles: a partition of the rows, in the matrix's own units, readable as Markdown."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st


def _products() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "price": [10.0, 12.0, 50.0, 55.0, 58.0],
            "price_band": [0.0, 0.0, 2.0, 2.0, 1.0],
            "rating": [1.0, 2.0, 5.0, 4.0, 3.0],
            "category=Books": [1.0, 1.0, 0.0, 0.0, 1.0],
            "category=Toys": [0.0, 0.0, 1.0, 1.0, 0.0],
        }
    )


def test_a_profile_reports_price_band_rating_and_category_mix(solution):
    mod = solution("level3.clusters")
    profiles = mod.cluster_profiles(_products(), np.array([0, 0, 1, 1, 1]))
    cheap, dear = profiles
    assert (cheap["cluster"], cheap["size"], cheap["share"]) == (0, 2, 0.4)
    assert cheap["price_mean"] == 11.0
    assert cheap["price_range"] == [10.0, 12.0]
    assert cheap["price_bands"] == {"0": 1.0, "1": 0.0, "2": 0.0}
    assert cheap["rating_mean"] == 1.5
    assert cheap["categories"] == {"Books": 1.0}
    assert dear["categories"] == {"Toys": pytest.approx(0.667, abs=1e-3), "Books": 0.333}
    assert dear["price_bands"] == {"0": 0.0, "1": 0.333, "2": 0.667}
    assert "price" in cheap["top_features"]


@settings(max_examples=25, deadline=None)
@given(
    labels=st.lists(st.integers(min_value=-1, max_value=4), min_size=3, max_size=40),
    seed=st.integers(0, 2**16),
)
def test_profiles_partition_the_rows(solution, labels, seed):
    mod = solution("level3.clusters")
    rng = np.random.default_rng(seed)
    matrix = pd.DataFrame(rng.normal(size=(len(labels), 3)), columns=["price", "rating", "x"])
    profiles = mod.cluster_profiles(matrix, np.array(labels))
    assert sum(p["size"] for p in profiles) == len(matrix)
    assert sum(p["share"] for p in profiles) == pytest.approx(1.0, abs=1e-3)
    assert [p["cluster"] for p in profiles] == sorted(set(labels))


def test_columns_a_matrix_lacks_are_left_out(solution):
    mod = solution("level3.clusters")
    matrix = pd.DataFrame({"a": [1.0, 2.0, 3.0], "b": [0.0, 0.0, 1.0]})
    (only,) = mod.cluster_profiles(matrix, np.zeros(3, dtype=int))
    assert "price_mean" not in only
    assert "categories" not in only
    assert only["size"] == 3


def test_labels_must_match_the_rows(solution):
    mod = solution("level3.clusters")
    with pytest.raises(ValueError, match="4 labels for 5 rows"):
        mod.cluster_profiles(_products(), np.zeros(4, dtype=int))


def test_markdown_has_one_row_per_cluster_and_names_noise(solution):
    mod = solution("level3.clusters")
    profiles = mod.cluster_profiles(_products(), np.array([-1, 0, 1, 1, 1]))
    table = mod.profiles_markdown(profiles).strip().splitlines()
    assert len(table) == 2 + 3
    assert table[2].startswith("| noise | 1 |")
    assert "Toys 67%" in table[4]
