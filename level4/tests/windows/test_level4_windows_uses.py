"""The data and the three uses: Air Quality's quirks, anomalies against known runs and
spikes, Bollinger bands and volatility through level 2, and the forecast against persistence."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from level2.finance import drawdown as level2_drawdown
from level2.finance import rolling_volatility
from level4.windows import anomalies, data, forecast, stocks
from level4.windows import windows as w


@pytest.fixture(scope="module")
def air(realdata):
    realdata("sensors")
    return data.load_air_quality()


def test_air_quality_reads_with_its_quirks(air):
    assert air.shape == (9357, 13)
    assert air.index[0] == pd.Timestamp("2004-03-10 18:00")
    assert (air.index.to_series().diff().dropna() == pd.Timedelta("1h")).all()
    assert air["NMHC(GT)"].isna().sum() == 8443  # SOURCES.md's count of -200
    assert not (air == data.MISSING).any().any()
    assert air["CO(GT)"].iloc[0] == pytest.approx(2.6)  # "2,6": decimal comma


@pytest.mark.parametrize("bad", [b"", b"\xff\xfe\x00binary", b"a;b\n1;2\n"])
def test_a_file_in_another_format_is_refused_in_one_line(tmp_path, bad):
    path = tmp_path / "bad.csv"
    path.write_bytes(bad)
    with pytest.raises(ValueError, match=r"bad\.csv"):
        data.read_air_quality(path)


def test_long_frame_drops_or_keeps_missing_readings(air):
    kept = data.long_frame(air, ["CO(GT)"], drop_missing=False)
    dropped = data.long_frame(air, ["CO(GT)"])
    assert len(kept) == 9357
    assert len(dropped) == 9357 - 1683
    assert list(dropped.columns) == ["key", "ts", "value"]


def test_count_and_time_windows_differ_over_gaps(air):
    frame = data.long_frame(air, ["CO(GT)"])
    rows = w.rolling(frame, 24, "count", min_periods=1)
    hours = w.rolling(frame, "24h", "count")
    assert rows.max() == 24
    assert (hours <= 24).all()
    assert (hours < rows).sum() > 500  # after every gap, 24 rows reach back further than 24 h


def test_anomaly_checks_against_missing_runs_and_spikes(air):
    check, scored = anomalies.check_sensor(air, "CO(GT)")
    runs = anomalies.missing_runs(air["CO(GT)"])
    assert runs["hours"].sum() == 1683
    assert runs["hours"].iloc[0] == 173
    assert runs["start"].iloc[0] == pd.Timestamp("2004-10-13 11:00")
    assert check.scored_missing == 0
    assert check.time_scores_reaching_across_outage == 0
    assert check.row_scores_reaching_across_outage > 100  # the count window does reach back
    assert 0 < check.flagged < 0.02 * check.readings
    assert check.injected_recall >= 0.6
    assert check.hampel_agreement > 0.3
    assert scored["flag"].sum() == check.flagged


def test_stale_windows_by_hand():
    ts = pd.to_datetime(
        ["2024-01-01 00:00", "2024-01-01 01:00", "2024-01-03 00:00", "2024-01-03 01:00"]
    ).astype("datetime64[us]")
    frame = pd.DataFrame({"key": "a", "ts": ts, "value": [1.0, 2.0, 3.0, 4.0]})
    assert anomalies.stale_windows(frame, 2).tolist() == [False, False, True, True]
    assert anomalies.stale_windows(frame, 1).tolist() == [False, False, True, False]
    assert not anomalies.stale_windows(frame, "24h").any()


def test_hampel_marks_an_isolated_spike_only():
    values = pd.Series(np.sin(np.arange(200) / 5.0))
    values.iloc[100] += 5
    assert anomalies.hampel_spikes(values).to_numpy().nonzero()[0].tolist() == [100]


def test_bollinger_uses_population_std_and_reuses_level2():
    frame = data.synthetic_stocks(["AAA", "BBB"], seed=1)
    bands = stocks.bollinger(frame, 20, 2.0)
    one = frame[frame["key"] == "BBB"].set_index("ts")["value"]
    expected = one.rolling(20).mean() + 2 * one.rolling(20).std(ddof=0)
    assert np.allclose(bands.loc[frame["key"] == "BBB", "upper"], expected, equal_nan=True)
    vol = stocks.volatility(frame)
    mine = vol[vol["key"] == "BBB"].set_index("ts")["volatility"]
    assert np.allclose(mine, rolling_volatility(one, 21), equal_nan=True)
    assert np.allclose(w.drawdown(frame)[frame["key"] == "BBB"], level2_drawdown(one))


def test_stock_summaries_on_real_prices(realdata):
    realdata("stocks")
    summaries, bands, _ = stocks.summarise_stocks(data.load_stocks(["AAPL", "IBM"]))
    assert [s.ticker for s in summaries] == ["AAPL", "IBM"]
    for s in summaries:
        assert s.days == 1259
        assert 0.02 < s.above_upper_band + s.below_lower_band < 0.25
        assert 0.05 < s.volatility_median < 0.5
        assert 0.0 < s.weeks_of_4_days < 0.3  # holiday weeks: 7 calendar days, 4 trading days
    inside = bands.dropna(subset=["upper"])
    assert ((inside["percent_b"] >= 0) & (inside["percent_b"] <= 1)).mean() > 0.8


def test_forecast_beats_persistence_and_keeps_the_tail_apart(air):
    result = forecast.evaluate_forecast(air, splits=3, candidates=forecast.CANDIDATES[1:2])
    assert result.rows_heldout > 1000
    assert pd.Timestamp(result.heldout_start) == air.index[-1] - pd.Timedelta(days=60)
    assert result.heldout_mae < result.heldout_persistence_mae
    assert result.cv[0]["cv_mae"] < result.cv[0]["cv_persistence_mae"]
    first = result.predictions["target_time"].min()
    assert first > pd.Timestamp(result.heldout_start) + pd.Timedelta(hours=23)
