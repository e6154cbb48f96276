"""The streaming path: Welford against exact oracles, chunking invariance, and the naive formula's failure."""

from __future__ import annotations

import math
import statistics

import numpy as np
import pandas as pd
import pytest
import scipy.stats
from hypothesis import given, settings
from hypothesis import strategies as st

SMALL = st.floats(min_value=-100, max_value=100, allow_nan=False, allow_infinity=False)

OFFSET_EXAMPLE = [1e9 + v for v in (4.0, 7.0, 13.0, 16.0)]  # true sample variance: 30


def test_naive_formula_fails_where_welford_does_not(solution):
    """Catastrophic cancellation: Σx² and (Σx)²/n are both ~4e18, their difference is 90."""
    stats = solution("level0.stats_calculator")
    assert statistics.variance(OFFSET_EXAMPLE) == 30.0  # exact (Fractions inside)
    naive = stats.naive_variance(OFFSET_EXAMPLE)
    assert abs(naive - 30.0) > 100  # not a rounding error: every digit is wrong
    assert naive < 0  # here it is even negative, which a variance can never be
    running = stats.RunningStats()
    for x in OFFSET_EXAMPLE:
        running.push(x)
    assert running.variance_sample == 30.0
    chunked = stats.RunningStats()
    chunked.push_many(OFFSET_EXAMPLE)
    assert chunked.variance_sample == 30.0


@settings(max_examples=40)
@given(st.lists(SMALL, min_size=2, max_size=50))
def test_welford_with_a_huge_offset_matches_the_exact_variance(solution, small):
    stats = solution("level0.stats_calculator")
    xs = [1e9 + v for v in small]
    exact = statistics.variance(xs)  # of the floats as stored: exact rational arithmetic
    running = stats.RunningStats()
    for x in xs:
        running.push(x)
    # The offset leaves 1e9 * 2**-52 ≈ 2e-7 of absolute resolution per value.
    assert running.variance_sample == pytest.approx(exact, rel=1e-6, abs=1e-6)
    assert running.mean == pytest.approx(statistics.fmean(xs), rel=1e-15)


@settings(max_examples=60)
@given(st.lists(SMALL, min_size=1, max_size=60), st.data())
def test_any_chunking_gives_the_same_answer(solution, xs, data):
    """push one by one, push_many in arbitrary chunks and describe() all agree with statistics."""
    stats = solution("level0.stats_calculator")
    cuts = sorted(data.draw(st.lists(st.integers(0, len(xs)), max_size=5)))
    chunked, single = stats.RunningStats(), stats.RunningStats()
    for start, stop in zip([0, *cuts], [*cuts, len(xs)], strict=True):
        chunked.push_many(xs[start:stop])
    for x in xs:
        single.push(x)
    assert chunked.count == single.count == len(xs)
    assert (chunked.min, chunked.max) == (single.min, single.max) == (min(xs), max(xs))
    assert chunked.mean == pytest.approx(statistics.fmean(xs), rel=1e-12, abs=1e-12)
    assert single.mean == pytest.approx(statistics.fmean(xs), rel=1e-12, abs=1e-12)
    assert chunked.variance_population == pytest.approx(
        statistics.pvariance(xs), rel=1e-9, abs=1e-9
    )
    assert single.variance_population == pytest.approx(statistics.pvariance(xs), rel=1e-9, abs=1e-9)
    if len(xs) > 1:
        assert chunked.variance_sample == pytest.approx(statistics.variance(xs), rel=1e-9, abs=1e-9)
    else:
        assert chunked.variance_sample is None


def test_running_stats_skip_nans_and_refuse_infinity(solution):
    stats = solution("level0.stats_calculator")
    running = stats.RunningStats()
    running.push(float("nan"))
    running.push_many([1.0, np.nan, 3.0])
    assert (running.count, running.missing, running.mean) == (2, 2, 2.0)
    with pytest.raises(ValueError, match="infinite"):
        running.push(math.inf)
    with pytest.raises(ValueError, match="infinite"):
        running.push_many([1.0, -math.inf])


@settings(max_examples=40)
@given(st.lists(st.tuples(SMALL, SMALL), min_size=3, max_size=50), st.integers(1, 10))
def test_running_pearson_matches_scipy(solution, pairs, chunk):
    stats = solution("level0.stats_calculator")
    x, y = np.array(pairs).T
    running = stats.RunningCovariance()
    for start in range(0, len(x), chunk):
        running.push_many(x[start : start + chunk], y[start : start + chunk])
    if x.std() < 1e-6 or y.std() < 1e-6:
        return  # near-constant: both sides are rounding noise
    assert running.pearson == pytest.approx(scipy.stats.pearsonr(x, y).statistic, abs=1e-9)


def write_csv(path, **columns):
    pd.DataFrame(columns).to_csv(path, index=False)
    return path


def test_stream_csv_agrees_with_the_in_memory_path(solution, tmp_path):
    stats = solution("level0.stats_calculator")
    rng = np.random.default_rng(7)
    price = 1e9 + rng.normal(0.0, 3.0, 1_000)  # a huge offset, read back from text
    area = price * 0.5 + rng.normal(0.0, 1.0, 1_000)
    price[::97] = np.nan
    path = write_csv(tmp_path / "data.csv", price=price, area=area)
    values = stats.read_columns(path, ["price", "area"])
    full = stats.describe(values["price"])
    for chunk_rows in (1, 64, 5_000):
        streamed = stats.stream_csv(path, "price", "area", chunk_rows=chunk_rows)
        assert streamed.chunks == math.ceil(1_000 / chunk_rows)
        assert (streamed.count, streamed.missing, streamed.rows) == (
            full.count,
            full.missing,
            1_000,
        )
        assert streamed.mean == pytest.approx(full.mean, rel=1e-14)
        assert streamed.variance_sample == pytest.approx(full.variance_sample, rel=1e-6)
        assert (streamed.min, streamed.max) == (full.min, full.max)
        assert streamed.mean_ci == pytest.approx(full.mean_ci, rel=1e-14)
        assert streamed.pearson == pytest.approx(
            stats.correlate(values["price"], values["area"]).pearson, abs=1e-6
        )
        assert "median, percentiles, IQR and IQR outliers" in streamed.not_computed


def test_stream_csv_errors(solution, tmp_path):
    stats = solution("level0.stats_calculator")
    path = write_csv(tmp_path / "d.csv", a=[1.0, 2.0], empty=[np.nan, np.nan], text=["1", "x"])
    with pytest.raises(KeyError, match=r"no column 'zz'.*a, empty, text"):
        stats.stream_csv(path, "zz")
    with pytest.raises(stats.EmptyInputError, match="no numbers in column 'empty'"):
        stats.stream_csv(path, "empty")
    with pytest.raises(stats.DataError, match=r"column 'text', data row 2: 'x' is not a number"):
        stats.stream_csv(path, "text")
    with pytest.raises(ValueError, match="at least 1 row"):
        stats.stream_csv(path, "a", chunk_rows=0)


def test_bad_cell_is_found_in_a_later_chunk(solution, tmp_path):
    stats = solution("level0.stats_calculator")
    cells = [str(i) for i in range(10)]
    cells[7] = "12,5"
    path = write_csv(tmp_path / "d.csv", v=cells)
    with pytest.raises(stats.DataError, match="data row 8: '12,5'"):
        stats.stream_csv(path, "v", chunk_rows=3)
    with pytest.raises(stats.DataError, match="data row 8: '12,5'"):
        stats.read_columns(path, ["v"])


def test_parse_numbers(solution):
    stats = solution("level0.stats_calculator")
    parsed = stats.parse_numbers("1 2.5\n-3e2, nan;4\n")
    np.testing.assert_array_equal(parsed, [1.0, 2.5, -300.0, np.nan, 4.0])
    with pytest.raises(stats.DataError, match="item 2 of the input, 'two', is not a number"):
        stats.parse_numbers("1 two 3")
