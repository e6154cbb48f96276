"""The vectorised figures against plain-Python oracles on small generated price series."""

from __future__ import annotations

import itertools
import math
import statistics

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

prices_lists = st.lists(
    st.floats(min_value=1.0, max_value=1000.0).map(lambda x: round(x, 2)), min_size=2, max_size=40
)
FAST = settings(max_examples=40, deadline=None)


def as_series(values: list[float]) -> pd.Series:
    dates = pd.bdate_range("2020-01-01", periods=len(values), name="date")
    return pd.Series(values, index=dates, name="X", dtype="float64")


@FAST
@given(prices_lists)
def test_simple_and_log_returns_match_a_loop(solution, values):
    fin = solution("level2.finance")
    expected = [values[i] / values[i - 1] - 1 for i in range(1, len(values))]
    expected_log = [math.log(values[i] / values[i - 1]) for i in range(1, len(values))]
    assert fin.simple_returns(as_series(values)).tolist() == pytest.approx(expected, abs=1e-12)
    assert fin.log_returns(as_series(values)).tolist() == pytest.approx(expected_log, abs=1e-12)


@FAST
@given(prices_lists)
def test_drawdown_matches_a_running_peak_loop(solution, values):
    fin = solution("level2.finance")
    expected, peak = [], -math.inf
    for price in values:
        peak = max(peak, price)
        expected.append(price / peak - 1)
    got = fin.drawdown(as_series(values))
    assert got.tolist() == pytest.approx(expected, abs=1e-12)
    assert (got <= 0).all()
    worst = fin.max_drawdown(as_series(values))
    assert worst.depth == pytest.approx(min(expected), abs=1e-12)
    assert worst.peak <= worst.trough


@FAST
@given(prices_lists, st.integers(min_value=2, max_value=8))
def test_rolling_mean_and_std_match_statistics(solution, values, window):
    fin = solution("level2.finance")
    series = as_series(values)
    mean, std = fin.moving_average(series, window), fin.rolling_std(series, window)
    for i in range(len(values)):
        if i + 1 < window:
            assert math.isnan(mean.iloc[i])
            assert math.isnan(std.iloc[i])
        else:
            chunk = values[i + 1 - window : i + 1]
            assert mean.iloc[i] == pytest.approx(statistics.fmean(chunk), rel=1e-9)
            assert std.iloc[i] == pytest.approx(statistics.stdev(chunk), rel=1e-6, abs=1e-6)


@FAST
@given(prices_lists)
def test_log_returns_add_up_and_simple_returns_compound(solution, values):
    fin = solution("level2.finance")
    series = as_series(values)
    total = values[-1] / values[0] - 1
    assert float(fin.log_returns(series).sum()) == pytest.approx(math.log(1 + total), abs=1e-9)
    assert float((1 + fin.simple_returns(series)).prod() - 1) == pytest.approx(total, rel=1e-9)
    assert float(fin.cumulative_returns(series).iloc[-1]) == pytest.approx(total, rel=1e-12)


def test_max_drawdown_dates_and_recovery(solution):
    fin = solution("level2.finance")
    series = as_series([100, 120, 90, 60, 110, 125, 100])
    worst = fin.max_drawdown(series)
    assert worst.depth == pytest.approx(60 / 120 - 1)
    assert (worst.peak, worst.trough, worst.recovery) == tuple(series.index[[1, 3, 5]])
    never = fin.max_drawdown(as_series([100, 80, 90]))
    assert never.recovery is None


def test_rolling_volatility_is_annualised_std_of_log_returns(solution):
    fin = solution("level2.finance")
    series = as_series([100, 101, 99, 102, 104, 103])
    logs = [math.log(b / a) for a, b in itertools.pairwise(series)]
    vol = fin.rolling_volatility(series, 5)
    assert float(vol.iloc[-1]) == pytest.approx(statistics.stdev(logs) * math.sqrt(252))


def test_correlation_of_returns_matches_numpy(solution):
    fin = solution("level2.finance")
    walks = fin.synthetic_prices(["A", "B", "C"], days=300, seed=3)
    closes = pd.DataFrame({name: table.set_index("date")["close"] for name, table in walks.items()})
    logs = np.diff(np.log(closes.to_numpy()), axis=0)
    got = fin.correlation_matrix(closes)
    np.testing.assert_allclose(got.to_numpy(), np.corrcoef(logs, rowvar=False), atol=1e-12)
    assert list(got.columns) == ["A", "B", "C"]


def test_resampling_takes_first_max_min_last_and_sum(solution):
    fin = solution("level2.finance")
    days = pd.bdate_range("2024-01-01", "2024-01-12", name="date")  # two Mon-Fri weeks
    bars = pd.DataFrame(
        {
            "open": np.arange(10.0) + 10,
            "high": np.arange(10.0) + 12,
            "low": np.arange(10.0) + 8,
            "close": np.arange(10.0) + 11,
            "volume": np.ones(10, dtype="int64"),
        },
        index=days,
    )
    weekly = fin.resample_ohlcv(bars, "W-FRI")
    assert weekly.to_dict("list") == {
        "open": [10.0, 15.0],
        "high": [16.0, 21.0],
        "low": [8.0, 13.0],
        "close": [15.0, 20.0],
        "volume": [5, 5],
    }
    weekly_returns = fin.period_returns(bars["close"], "W-FRI")
    assert weekly_returns.tolist() == pytest.approx([15 / 11 - 1, 20 / 15 - 1])
    assert len(fin.resample_ohlcv(bars, "ME")) == 1


def test_synthetic_prices_are_seeded_and_positive(solution):
    fin = solution("level2.finance")
    one = fin.synthetic_prices(["A"], days=50, seed=7)["A"]
    again = fin.synthetic_prices(["A"], days=50, seed=7)["A"]
    other = fin.synthetic_prices(["A"], days=50, seed=8)["A"]
    pd.testing.assert_frame_equal(one, again)
    assert not one["close"].equals(other["close"])
    assert (one[["open", "high", "low", "close"]] > 0).all().all()
    assert (one["high"] >= one[["open", "close"]].max(axis=1)).all()
    assert fin.check_prices(one) == []
