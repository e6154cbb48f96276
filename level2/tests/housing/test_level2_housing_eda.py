"""EDA helpers: oracle tests against pandas/scipy/statsmodels, properties of VIF, the report files."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats
from statsmodels.stats.outliers_influence import variance_inflation_factor
from statsmodels.tools.tools import add_constant


def test_missing_counts_match_pandas(hs, synthetic):
    counts = hs.missing_counts(synthetic)
    assert list(counts.index) == list(synthetic.columns)
    assert counts["total_bedrooms"] == synthetic["total_bedrooms"].isna().sum() > 0
    assert counts.drop("total_bedrooms").sum() == 0


def test_skewness_matches_scipy_and_is_sorted(hs, synthetic):
    skew = hs.skewness(synthetic)
    assert "ocean_proximity" not in skew.index
    assert list(skew) == sorted(skew, reverse=True)
    expected = stats.skew(synthetic["population"], bias=False)
    assert skew["population"] == pytest.approx(expected)


def test_capped_values_find_the_pile_at_the_cap(hs):
    frame = pd.DataFrame(
        {
            "median_house_value": [1.0, 500001.0, 500001.0, 3.0],
            "housing_median_age": [52.0, 1.0, 2.0, np.nan],
        }
    )
    caps = hs.capped_values(frame).set_index("column")
    assert caps.loc["median_house_value", "max"] == 500001.0
    assert caps.loc["median_house_value", "rows_at_max"] == 2
    assert caps.loc["housing_median_age", "rows_at_max"] == 1
    assert caps.loc["housing_median_age", "share"] == pytest.approx(1 / 3)


def test_vif_matches_statsmodels(hs, synthetic):
    ours = hs.vif(synthetic)
    data = add_constant(synthetic.loc[:, list(ours.index)].dropna().to_numpy())
    for i, name in enumerate(ours.index, start=1):
        assert ours[name] == pytest.approx(variance_inflation_factor(data, i), rel=1e-6)


@settings(max_examples=20, deadline=None)
@given(seed=st.integers(0, 10_000), mix=st.floats(0.0, 0.99))
def test_vif_is_at_least_one_and_grows_with_collinearity(hs, seed, mix):
    rng = np.random.default_rng(seed)
    a, b, noise = rng.normal(size=(3, 200))
    frame = pd.DataFrame({"a": a, "b": b, "c": mix * a + (1 - mix) * noise})
    factors = hs.vif(frame, columns=("a", "b", "c"))
    assert (factors >= 1 - 1e-9).all()
    if mix > 0.9:
        assert factors["c"] > 5


def test_vif_needs_more_rows_than_columns(hs):
    frame = pd.DataFrame({"a": [1.0, 2.0], "b": [2.0, 1.0], "c": [0.0, 5.0]})
    with pytest.raises(ValueError, match="more complete rows"):
        hs.vif(frame, columns=("a", "b", "c"))


def test_write_report_writes_markdown_and_pngs(hs, synthetic, tmp_path):
    files = hs.write_report(synthetic, tmp_path, label="synthetic")
    names = sorted(path.name for path in files)
    assert names == [
        "correlation.png",
        "distributions.png",
        "geography.png",
        "missing.png",
        "report.md",
    ]
    for path in files:
        assert path.stat().st_size > 0
        if path.suffix == ".png":
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = (tmp_path / "report.md").read_text()
    assert "synthetic" in text
    assert "total_bedrooms" in text
    assert "500,001" in text
    assert "variance inflation" in text
    assert "impute the training median" in text
    assert "Income bands" in text


def test_missing_plan_follows_the_share_missing(hs):
    n = 100
    frame = pd.DataFrame(
        {
            "few": [np.nan] * 2 + [1.0] * (n - 2),
            "some": [np.nan] * 20 + [1.0] * (n - 20),
            "most": [np.nan] * 70 + [1.0] * (n - 70),
            "label": ["a"] * 3 + [None] * (n - 3),
            "median_house_value": [np.nan] + [1.0] * (n - 1),
            "full": [1.0] * n,
        }
    )
    plan = hs.missing_plan(frame).set_index("column")
    assert list(plan.index) == ["few", "some", "most", "label", "median_house_value"]
    assert plan.loc["few", "action"] == "impute the training median"
    assert plan.loc["some", "action"].endswith("add a missing indicator")
    assert plan.loc["most", "action"] == "drop the column"
    assert plan.loc["label", "action"] == "drop the column"
    assert plan.loc["median_house_value", "action"].startswith("drop the rows")
    assert plan.loc["some", "share"] == pytest.approx(0.2)
    assert hs.missing_plan(frame[["full"]]).empty


def test_iqr_outliers_match_a_numpy_count(hs):
    rng = np.random.default_rng(0)
    values = pd.Series(rng.lognormal(7, 0.8, 2000))
    frame = pd.DataFrame({"rooms": values, "flat": rng.normal(size=2000)})
    counts = hs.iqr_outliers(frame).set_index("column")
    assert list(counts.index) == ["rooms"]  # only the skewed column by default
    for scale, data in (("raw", values.to_numpy()), ("log", np.log1p(values.to_numpy()))):
        q1, q3 = np.percentile(data, [25, 75])
        fence = 1.5 * (q3 - q1)
        assert counts.loc["rooms", f"{scale}_low"] == np.sum(data < q1 - fence)
        assert counts.loc["rooms", f"{scale}_high"] == np.sum(data > q3 + fence)
    # a log-normal's long tail is all on the high side raw, and shrinks after the log
    assert counts.loc["rooms", "raw_low"] == 0
    assert counts.loc["rooms", "raw_high"] > 3 * counts.loc["rooms", "log_high"]


def test_category_counts_sum_to_the_rows(hs, synthetic):
    counts = hs.category_counts(synthetic)
    assert counts["rows"].sum() == len(synthetic)
    assert counts["share"].sum() == pytest.approx(1.0)
    assert list(counts["rows"]) == sorted(counts["rows"], reverse=True)


def test_strata_table_compares_stratified_and_random_splits(hs, synthetic):
    table = hs.strata_table(synthetic)
    assert list(table["income_band"]) == [1, 2, 3, 4, 5]
    for column in ("overall", "stratified", "random"):
        assert table[column].sum() == pytest.approx(1.0)
    assert table["stratified_error"].abs().max() <= table["random_error"].abs().max() + 1e-12


def test_feature_types_describe_every_column(hs, synthetic):
    types = hs.feature_types(synthetic).set_index("column")
    assert list(types.index) == list(synthetic.columns)
    assert types.loc["ocean_proximity", "kind"].startswith("categorical")
    assert types.loc["median_house_value", "kind"].startswith("target")


def test_plot_cv_writes_a_png(tmp_path):
    from level2.housing.plots import plot_cv

    table = pd.DataFrame({"model": ["a", "b"], "cv_rmse": [2.0, 1.0], "cv_sd": [0.1, 0.2]})
    path = plot_cv(table, tmp_path / "cv.png", "test", chosen="b")
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
