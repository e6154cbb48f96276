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
    assert names == ["correlation.png", "distributions.png", "geography.png", "report.md"]
    for path in files:
        assert path.stat().st_size > 0
        if path.suffix == ".png":
            assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = (tmp_path / "report.md").read_text()
    assert "synthetic" in text
    assert "total_bedrooms" in text
    assert "500,001" in text
    assert "Variance inflation" in text
