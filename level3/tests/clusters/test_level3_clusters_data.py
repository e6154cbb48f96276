"""Reading a feature matrix, and the real books (realdata)."""

from __future__ import annotations

import pandas as pd
import pytest


def test_a_features_csv_round_trips(solution, tmp_path, blobs):
    mod = solution("level3.clusters")
    path = tmp_path / "features.csv"
    blobs[0].to_csv(path)
    features = mod.load_features(path)
    assert features.kind == "file"
    pd.testing.assert_frame_equal(features.matrix, blobs[0], check_exact=False)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,a,b\n1,1,x\n2,2,y\n3,3,z\n", "non-numeric column"),
        ("id,a,b\n1,1,2\n2,,3\n3,3,4\n", "missing or infinite"),
        ("id,a,b\n1,1,2\n2,2,3\n", "at least 3 rows"),
        ("id,a\n1,1\n2,2\n3,3\n", "at least 2 feature columns"),
    ],
)
def test_a_bad_matrix_is_a_one_line_error(solution, tmp_path, text, message):
    mod = solution("level3.clusters")
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(ValueError, match=message):
        mod.read_features(path)


def test_a_missing_file_is_an_os_error(solution, tmp_path):
    mod = solution("level3.clusters")
    with pytest.raises(FileNotFoundError):
        mod.read_features(tmp_path / "nope.csv")


def test_the_real_books_give_level_2s_matrix(solution, realdata):
    realdata("products")
    mod = solution("level3.clusters")
    features = mod.load_features()
    assert features.kind == "real"
    assert features.matrix.shape == (1000, 63)
    assert {"price", "rating", "price_band", "category=Fantasy"} <= set(features.matrix.columns)
    x = mod.standardise(features.matrix)
    # category=Music (13 of 1,000 books) is the kind of column k-means singles out
    assert x[:, list(features.matrix.columns).index("category=Music")].max() > 8
