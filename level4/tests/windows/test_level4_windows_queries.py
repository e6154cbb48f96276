"""The catalogue: pandas and DuckDB agree to 1e-9 on every query, on real data and on
hypothesis-made series with gaps (some exactly 24 hours), missing values and ties."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from level4.windows import __main__ as cli
from level4.windows import data, queries

NAMES = [q.name for q in queries.CATALOGUE]


@pytest.fixture(scope="module")
def connection():
    return duckdb.connect()


@pytest.fixture(scope="module")
def air(realdata):
    realdata("sensors")
    return data.load_air_quality()


@pytest.mark.parametrize("name", NAMES)
def test_agrees_on_real_sensors_with_missing_rows(name, air, connection):
    frame = data.long_frame(air.iloc[3000:3600], ["CO(GT)", "NOx(GT)", "T"], drop_missing=False)
    assert frame["value"].isna().sum() > 50  # the slice holds -200 readings
    agreement = queries.compare(queries.query_named(name), frame, connection)
    assert agreement.ok, agreement
    assert agreement.compared > 0 or name == "lag_24h"


@pytest.mark.parametrize("name", NAMES)
def test_agrees_on_real_sensors_with_gaps(name, air, connection):
    frame = data.long_frame(air.iloc[4800:5600], ["CO(GT)", "PT08.S4(NO2)"])
    assert (frame.groupby("key")["ts"].diff() > pd.Timedelta("24h")).any()  # a real outage
    agreement = queries.compare(queries.query_named(name), frame, connection)
    assert agreement.ok, agreement


@pytest.mark.parametrize("name", NAMES)
def test_agrees_on_real_stocks(name, realdata, connection):
    realdata("stocks")
    frame = data.load_stocks(["AAPL", "KO"])
    frame = frame[frame.groupby("key").cumcount() < 300].reset_index(drop=True)
    agreement = queries.compare(queries.query_named(name), frame, connection)
    assert agreement.ok, agreement


GAPS_MINUTES = [30, 60, 60, 60, 90, 1440, 1440, 1500, 4320, 10080]  # 1440 = exactly 24 h


@st.composite
def long_frames(draw):
    parts = []
    for key in draw(st.sampled_from([["a"], ["a", "b"]])):
        n = draw(st.integers(1, 40))
        gaps = draw(st.lists(st.sampled_from(GAPS_MINUTES), min_size=n, max_size=n))
        values = draw(
            st.lists(
                st.one_of(
                    st.just(float("nan")),
                    st.sampled_from([1.0, 2.5, 2.5, 100.0]),  # ties
                    st.floats(0.1, 1000.0).map(lambda v: round(v, 2)),
                ),
                min_size=n,
                max_size=n,
            )
        )
        ts = pd.Timestamp("2024-01-01") + pd.to_timedelta(np.cumsum(gaps), unit="min")
        parts.append(pd.DataFrame({"key": key, "ts": ts, "value": values}))
    frame = pd.concat(parts, ignore_index=True)
    frame["ts"] = frame["ts"].astype("datetime64[us]")
    return frame


@pytest.mark.parametrize("name", NAMES)
@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(frame=long_frames())
def test_agrees_on_generated_series(name, frame, connection):
    agreement = queries.compare(queries.query_named(name), frame, connection)
    assert agreement.ok, (agreement, frame)


def test_the_bridges_matter():
    """Without the bridges the answers differ: pandas' right-closed window against RANGE."""
    ts = pd.to_datetime(["2024-01-01 00:00", "2024-01-02 00:00"]).astype("datetime64[us]")
    frame = pd.DataFrame({"key": "a", "ts": ts, "value": [1.0, 3.0]})
    mean_24h = queries.query_named("mean_24h").pandas(frame)
    both_ends = queries.query_named("count_24h_both_ends")
    assert mean_24h.tolist() == [1.0, 3.0]  # (t - 24h, t]: the reading 24 h earlier is out
    assert queries.run_sql(both_ends, frame).tolist() == [1.0, 2.0]  # [t - 24h, t]: it is in


def test_pandas_running_std_drifts_where_two_pass_does_not(air, connection):
    """The finding behind the two-pass std: pandas' own rolling std drifts on real data."""
    from level4.windows import windows as w

    frame = data.long_frame(air.iloc[:2000], ["PT08.S4(NO2)"], drop_missing=False)
    oracle = queries.run_sql(queries.query_named("std_24h_sample"), frame, connection).to_numpy()
    fast = w.rolling(frame, "24h", "std", min_periods=2).to_numpy()
    exact = w.rolling(frame, "24h", "std", min_periods=2, two_pass=True).to_numpy()
    assert np.nanmax(np.abs(fast - oracle)) > 1e-9
    assert np.nanmax(np.abs(exact - oracle)) < 1e-9


def test_non_causal_queries_are_marked():
    assert {q.name for q in queries.CATALOGUE if not q.causal} == {"centred_mean_5", "lead_1"}


def test_cli_constants_match_the_library():
    assert cli.SENSORS == data.SENSORS
    assert len(set(NAMES)) == len(NAMES)
    with pytest.raises(KeyError, match="known: mean_24_rows"):
        queries.query_named("nope")
