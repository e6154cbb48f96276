"""The in-memory path against independent oracles: the stdlib ``statistics`` module and SciPy."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pytest
import scipy.stats
from hypothesis import assume, given, settings
from hypothesis import strategies as st

NUMBERS = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
SAMPLES = st.lists(NUMBERS, min_size=2, max_size=60)


def close(a: float | None, b: float, scale: float = 1.0, digits: float = 1e-9) -> bool:
    """Relative closeness, with an absolute floor proportional to the data's scale."""
    assert a is not None
    return math.isclose(a, b, rel_tol=digits, abs_tol=digits * scale)


@settings(max_examples=60)
@given(SAMPLES)
def test_moments_match_statistics(solution, xs):
    stats = solution("level0.stats_calculator")
    s = stats.describe(xs)
    scale = max(1.0, max(abs(x) for x in xs))
    assert s.count == len(xs)
    assert s.missing == 0
    assert close(s.mean, statistics.fmean(xs), scale)
    assert s.median == pytest.approx(statistics.median(xs), rel=1e-12, abs=1e-9)
    assert close(s.variance_sample, statistics.variance(xs), scale**2)
    assert close(s.variance_population, statistics.pvariance(xs), scale**2)
    assert close(s.std_sample, statistics.stdev(xs), scale)
    assert close(s.std_population, statistics.pstdev(xs), scale)
    assert (s.min, s.max) == (min(xs), max(xs))
    assert s.range == max(xs) - min(xs)


@settings(max_examples=60)
@given(SAMPLES)
def test_quantiles_match_statistics_inclusive(solution, xs):
    """NumPy's default 'linear' quantile is statistics.quantiles(method='inclusive')."""
    s = solution("level0.stats_calculator").describe(xs)
    quartiles = statistics.quantiles(xs, n=4, method="inclusive")
    percentiles = statistics.quantiles(xs, n=20, method="inclusive")
    assert s.q1 == pytest.approx(quartiles[0], rel=1e-12, abs=1e-9)
    assert s.q3 == pytest.approx(quartiles[2], rel=1e-12, abs=1e-9)
    assert s.iqr == pytest.approx(quartiles[2] - quartiles[0], rel=1e-9, abs=1e-9)
    assert s.percentiles["p5"] == pytest.approx(percentiles[0], rel=1e-12, abs=1e-9)
    assert s.percentiles["p95"] == pytest.approx(percentiles[18], rel=1e-12, abs=1e-9)
    assert s.min <= s.percentiles["p5"] <= s.q1 <= s.median <= s.q3 <= s.percentiles["p95"] <= s.max


@settings(max_examples=60)
@given(st.lists(st.integers(-5, 5), min_size=2, max_size=40))
def test_modes_match_multimode_when_a_value_repeats(solution, xs):
    s = solution("level0.stats_calculator").describe(xs)
    expected = sorted(statistics.multimode(xs))
    if len(set(xs)) == len(xs):  # every value distinct: the documented "no mode" case
        assert (s.modes, s.mode_count) == ([], 1)
    else:
        assert s.modes == expected
        assert s.mode_count == xs.count(expected[0])


@settings(max_examples=60)
@given(st.lists(st.floats(-1e3, 1e3), min_size=3, max_size=60))
def test_shape_and_interval_match_scipy(solution, xs):
    x = np.array(xs)
    # Away from constant data, where both implementations only measure rounding noise.
    assume(x.std() > 1e-3 * (1 + np.abs(x).max()))
    s = solution("level0.stats_calculator").describe(xs, confidence=0.9)
    assert s.skewness == pytest.approx(scipy.stats.skew(x), rel=1e-7, abs=1e-9)
    assert s.excess_kurtosis == pytest.approx(scipy.stats.kurtosis(x), rel=1e-7, abs=1e-9)
    low, high = scipy.stats.ttest_1samp(x, 0.0).confidence_interval(0.9)
    assert s.mean_ci == pytest.approx((low, high), rel=1e-9, abs=1e-9)
    z = scipy.stats.zscore(x)
    assert s.max_abs_zscore == pytest.approx(np.abs(z).max(), rel=1e-9)
    assert s.zscore_outliers == int((np.abs(z) > 3).sum())


# Magnitudes below 1e-100 are left out: squared deviations there fall into subnormal floats
# (below 2.2e-308), which keep too few bits for "std == 1" to hold to 9 digits.
NOT_TINY = st.floats(-1e3, 1e3).filter(lambda v: v == 0 or abs(v) > 1e-100)


@settings(max_examples=40)
@given(st.lists(NOT_TINY, min_size=2, max_size=60))
def test_zscores_have_mean_zero_and_unit_std(solution, xs):
    z = solution("level0.stats_calculator").zscores(xs)
    if z is None:
        assert len(set(xs)) == 1
    else:
        assert z.mean() == pytest.approx(0.0, abs=1e-9)
        assert z.std() == pytest.approx(1.0, rel=1e-9)
        np.testing.assert_allclose(z, scipy.stats.zscore(xs), rtol=1e-9, atol=1e-9)


def test_iqr_outliers_are_the_values_beyond_tukeys_fences(solution):
    stats = solution("level0.stats_calculator")
    xs = [1, 2, 3, 4, 5, 6, 7, 8, 100, -50]
    q1, q3 = np.percentile(xs, [25, 75])
    expected = [x for x in xs if x < q1 - 1.5 * (q3 - q1) or x > q3 + 1.5 * (q3 - q1)]
    assert list(stats.iqr_outliers(xs)) == expected == [100, -50]
    assert stats.describe(xs).iqr_outliers == 2


@settings(max_examples=50)
@given(st.lists(st.tuples(st.floats(-1e3, 1e3), st.floats(-1e3, 1e3)), min_size=3, max_size=50))
def test_correlation_matches_scipy(solution, pairs):
    x, y = np.array(pairs).T
    assume(x.std() > 1e-3 and y.std() > 1e-3)
    c = solution("level0.stats_calculator").correlate(x, y)
    assert c.n_pairs == len(pairs)
    assert c.pearson == pytest.approx(scipy.stats.pearsonr(x, y).statistic, abs=1e-9)
    assert c.spearman == pytest.approx(scipy.stats.spearmanr(x, y).statistic, abs=1e-9)


def test_correlation_with_ties_and_missing_pairs(solution):
    stats = solution("level0.stats_calculator")
    x = [1, 2, 2, 3, np.nan, 5, 5, 5]
    y = [2, 1, 4, 4, 9, np.nan, 6, 7]
    keep = [0, 1, 2, 3, 6, 7]
    c = stats.correlate(x, y)
    assert c.n_pairs == 6
    xk, yk = np.array(x)[keep], np.array(y)[keep]
    assert c.spearman == pytest.approx(scipy.stats.spearmanr(xk, yk).statistic, abs=1e-12)
    assert c.pearson == pytest.approx(scipy.stats.pearsonr(xk, yk).statistic, abs=1e-12)


def test_correlation_of_a_constant_column_is_undefined(solution):
    c = solution("level0.stats_calculator").correlate([1, 2, 3], [4, 4, 4])
    assert (c.pearson, c.spearman) == (None, None)


def test_perfect_monotone_relation(solution):
    c = solution("level0.stats_calculator").correlate([1, 2, 3, 4], [1, 8, 27, 1000])
    assert c.spearman == 1.0
    assert 0.7 < c.pearson < 1.0


# --- awkward inputs -------------------------------------------------------------------


def test_nans_are_skipped_and_counted(solution):
    s = solution("level0.stats_calculator").describe([1.0, np.nan, 3.0, float("nan")])
    assert (s.count, s.missing, s.mean) == (2, 2, 2.0)


@pytest.mark.parametrize("value", [7.5, 0.1, 1.56e-65, -3e12])
def test_constant_column(solution, value):
    """0.1 * 7 / 7 is not 0.1 in floats: a naive mean would give the constant a fake spread."""
    stats = solution("level0.stats_calculator")
    s = stats.describe([value] * 7)
    assert (s.mean, s.median, s.variance_sample, s.std_population, s.iqr) == (
        value,
        value,
        0.0,
        0.0,
        0.0,
    )
    assert (s.modes, s.mode_count) == ([value], 7)
    assert s.skewness is None  # 0/0: undefined, reported as None rather than NaN
    assert s.excess_kurtosis is None
    assert s.max_abs_zscore is None
    assert s.zscore_outliers == 0
    assert s.mean_ci == (value, value)
    assert stats.zscores([value] * 7) is None


def test_one_element(solution):
    s = solution("level0.stats_calculator").describe([42.0])
    assert (s.count, s.mean, s.median, s.range, s.variance_population) == (1, 42.0, 42.0, 0.0, 0.0)
    assert s.variance_sample is None  # divided by n - 1 = 0
    assert s.std_sample is None
    assert s.mean_ci is None
    assert s.modes == [42.0]


@pytest.mark.parametrize("values", [[], [np.nan, np.nan]])
def test_empty_input_is_a_clear_error(solution, values):
    stats = solution("level0.stats_calculator")
    with pytest.raises(stats.EmptyInputError, match="no numbers"):
        stats.describe(values)


def test_infinity_is_rejected(solution):
    with pytest.raises(ValueError, match="infinite"):
        solution("level0.stats_calculator").describe([1.0, math.inf])


def test_bad_confidence_is_rejected(solution):
    with pytest.raises(ValueError, match="confidence"):
        solution("level0.stats_calculator").describe([1.0, 2.0], confidence=95)


def test_huge_offset_keeps_the_variance(solution):
    """The in-memory path subtracts the mean before squaring, so an offset of 1e9 costs nothing."""
    xs = [1e9 + v for v in (4.0, 7.0, 13.0, 16.0)]
    s = solution("level0.stats_calculator").describe(xs)
    assert s.variance_sample == statistics.variance(xs) == 30.0
    assert s.skewness == pytest.approx(0.0, abs=1e-12)


def test_summary_is_json_ready(solution):
    """No NaN or numpy scalars leak out: json.dumps would otherwise fail or write invalid JSON."""
    import json
    from dataclasses import asdict

    text = json.dumps(asdict(solution("level0.stats_calculator").describe([3.0])), allow_nan=False)
    assert '"variance_sample": null' in text
