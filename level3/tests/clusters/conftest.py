"""Shared data for the clusters tests: well-separated blobs as a feature matrix."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.datasets import make_blobs

CENTERS = 4


def blob_matrix(seed: int = 0, rows: int = 200) -> tuple[pd.DataFrame, np.ndarray]:
    """Four well-separated groups in 5 dimensions, with product-like price and rating columns."""
    x, truth = make_blobs(
        n_samples=rows, centers=CENTERS, n_features=5, cluster_std=0.5, random_state=seed
    )
    columns = ["price", "rating", "f2", "f3", "f4"]
    matrix = pd.DataFrame(x, columns=columns, index=pd.Index(range(rows), name="product_id"))
    return matrix, np.asarray(truth)


@pytest.fixture
def make_blobs_matrix() -> object:
    """``make_blobs_matrix(seed, rows)`` -> (matrix, true labels)."""
    return blob_matrix


@pytest.fixture
def blobs() -> tuple[pd.DataFrame, np.ndarray]:
    return blob_matrix()
