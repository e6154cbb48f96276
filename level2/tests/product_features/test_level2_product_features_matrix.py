"""The learned steps (clipping, imputation, bands, encoding), the feature matrix, and the EDA checks."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays
from statsmodels.stats.outliers_influence import variance_inflation_factor


def tukey_clip(column: np.ndarray, k: float = 1.5) -> np.ndarray:
    """The oracle: clip to [Q1 - k IQR, Q3 + k IQR] with numpy, column by column."""
    q1, q3 = np.nanpercentile(column, [25, 75])
    return np.clip(column, q1 - k * (q3 - q1), q3 + k * (q3 - q1))


@settings(max_examples=40)
@given(
    values=arrays(
        np.float64,
        st.tuples(st.integers(4, 40), st.integers(1, 3)),
        elements=st.floats(-1e6, 1e6) | st.just(np.nan),
    )
)
def test_iqr_clipper_matches_numpy_and_keeps_nan(pf, values):
    if np.isnan(values).all(axis=0).any():
        return  # a column without any value has no quartiles
    clipped = pf.IQRClipper().fit_transform(values)
    expected = np.column_stack([tukey_clip(values[:, j]) for j in range(values.shape[1])])
    np.testing.assert_allclose(clipped, expected)
    assert np.array_equal(np.isnan(clipped), np.isnan(values))
    upper = pf.IQRClipper(upper_only=True).fit(values)
    kept_low = values <= upper.upper_
    np.testing.assert_array_equal(upper.transform(values)[kept_low], values[kept_low])


def test_clipping_learns_its_fences_from_the_training_rows_only(pf):
    train = np.array([[1.0], [2.0], [3.0], [4.0], [5.0]])
    clipper = pf.IQRClipper().fit(train)
    assert clipper.upper_[0] == pytest.approx(4 + 1.5 * 2)
    assert clipper.transform(np.array([[100.0], [-100.0]])).ravel().tolist() == [7.0, -1.0]
    assert clipper.get_feature_names_out(["stock"]).tolist() == ["stock"]


def test_the_preprocessor_output_has_no_gaps_and_readable_names(pf, demo_tidy):
    preprocessor = pf.make_preprocessor()
    values = preprocessor.fit_transform(demo_tidy)
    names = list(preprocessor.get_feature_names_out())
    assert values.shape == (len(demo_tidy), len(names))
    assert not np.isnan(values).any()
    assert {"price", "price_missing", "rating_missing", "price_band", "in_stock"} <= set(names)
    assert any(n.startswith("category=") for n in names)
    assert sum(n.startswith("word=") for n in names) == 20
    bands = values[:, names.index("price_band")]
    assert set(np.unique(bands)) == {0.0, 1.0, 2.0}
    without = pf.make_preprocessor(exclude=("price",)).fit(demo_tidy).get_feature_names_out()
    assert not any(n.startswith("price") for n in without)


def test_bands_and_medians_come_from_the_rows_it_was_fitted_on(pf, demo_tidy):
    train, other = demo_tidy.iloc[:120], demo_tidy.iloc[120:]
    preprocessor = pf.make_preprocessor().fit(train)
    numeric = preprocessor.named_steps["columns"].named_transformers_["numeric"]
    assert numeric.named_steps["impute"].statistics_[0] == pytest.approx(
        np.median(np.clip(train["price"].dropna(), None, numeric.named_steps["clip"].upper_[0]))
    )
    refitted = pf.make_preprocessor().fit(other)
    assert not np.allclose(
        numeric.named_steps["clip"].upper_,
        refitted.named_steps["columns"].named_transformers_["numeric"].named_steps["clip"].upper_,
    )


def test_build_feature_matrix_contract(pf, demo_jsonl):
    matrix = pf.build_feature_matrix(demo_jsonl)
    assert isinstance(matrix, pd.DataFrame)
    assert matrix.index.name == "product_id"
    assert matrix.index.is_unique
    assert not matrix.isna().any().any()
    assert (matrix.std() > 0).all()  # constant columns were dropped
    described = pf.describe_columns(matrix)
    assert list(described) == list(matrix.columns)
    assert all(text and text != name for name, text in described.items())
    scaled = pf.build_feature_matrix(demo_jsonl, scale=True)
    np.testing.assert_allclose(scaled.mean(), 0, atol=1e-9)
    assert list(scaled.columns) == list(matrix.columns)


def test_build_feature_matrix_on_the_books(pf, realdata):
    matrix = pf.build_feature_matrix(realdata("products"))
    assert matrix.shape[0] == 1000
    assert matrix["price"].between(10, 60).all()
    assert "in_stock" not in matrix.columns  # every book is in stock: a constant, dropped
    assert "category=other" in matrix.columns  # 50 categories, the rare ones grouped
    assert matrix.loc["a897fe39b1053632", "price"] == 51.77


def test_write_matrix_files_agree(pf, demo_tidy, tmp_path):
    matrix = pf.build_feature_matrix(demo_tidy)
    csv_path, json_path = pf.write_matrix(matrix, tmp_path, "demo")
    meta = json.loads(json_path.read_text(encoding="utf-8"))
    back = pd.read_csv(csv_path, index_col="product_id")
    assert [c["name"] for c in meta["columns"]] == list(back.columns) == list(matrix.columns)
    assert meta["rows"] == len(back) == len(matrix)
    np.testing.assert_allclose(back.to_numpy(), matrix.to_numpy(), rtol=1e-5)


def test_too_few_products(pf, demo_tidy):
    with pytest.raises(ValueError, match="at least 2 products"):
        pf.build_feature_matrix(demo_tidy.iloc[:1])


def test_vif_matches_statsmodels(pf):
    rng = np.random.default_rng(0)
    a, b = rng.normal(size=200), rng.normal(size=200)
    frame = pd.DataFrame({"a": a, "b": b, "c": a + 0.3 * b + rng.normal(scale=0.2, size=200)})
    ours = pf.variance_inflation(frame)
    design = np.column_stack([np.ones(200), frame.to_numpy()])
    oracle = [variance_inflation_factor(design, j + 1) for j in range(3)]
    np.testing.assert_allclose(ours.to_numpy(), oracle, rtol=1e-8)
    copy = frame.assign(d=frame["a"] * 2)
    assert np.isinf(pf.variance_inflation(copy)["d"])


def test_outlier_fences_and_counts(pf):
    tidy = pd.DataFrame({"price": [1.0, 2, 3, 4, 5, 100], "stock": [0.0, 1, 1, 1, 1, 1]})
    table = pf.outliers(tidy, ("price", "stock")).set_index("column")
    q1, q3 = np.percentile(tidy["price"], [25, 75])
    assert table.loc["price", "upper_fence"] == pytest.approx(q3 + 1.5 * (q3 - q1))
    assert table.loc["price", "above"] == 1
    assert table.loc["stock", "below"] == 1


def test_imbalance_and_sparsity(pf, demo_tidy):
    balance = pf.imbalance(demo_tidy)
    sizes = balance["equal_size_price_bands"]
    assert max(sizes) - min(sizes) <= 1
    assert sum(balance["equal_width_price_bands"]) == sum(sizes)
    sparse = pf.sparsity(demo_tidy)
    assert 0 < sparse["tfidf_density"] < 1
    assert sparse["onehot_density"] == pytest.approx(1 / demo_tidy["category"].nunique())


def test_missing_values_counts_what_the_page_left_out(pf, demo_jsonl):
    raw = pf.load_products(demo_jsonl)
    table = pf.missing_values(raw, pf.tidy_products(raw)).set_index("field")
    assert table.loc["price", "absent"] == (raw["price_text"] == "").sum()
    assert table.loc["rating", "absent"] == (raw["rating"] == "").sum() > 0
    assert table.loc["category", "missing_share"] == 0
