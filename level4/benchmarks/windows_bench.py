"""One window query four ways: the 24-hour trailing mean per sensor on SYNTHETIC minute data.

The data is synthetic, from level0.datagen's ``sensor_series`` preset (one reading a
minute with gaps in the clock, missing values and spikes), one seed per sensor,
stacked into a long frame ``key, ts, value``. The query is the catalogue's ``mean_24h``:
per key, the mean of the non-missing readings in ``(t - 24h, t]``.

    python level4/benchmarks/windows_bench.py                    # 10 sensors x 1,000,000 rows
    python level4/benchmarks/windows_bench.py --rows 100000      # a quick run

The plain-Python loop (a deque per key, one pass) runs on a subsample and its time is
scaled up linearly (it is O(n)); the table says so. Every engine's answer is checked
against pandas on the same rows before its time is reported.
"""

from __future__ import annotations

import argparse
import time
from collections import deque
from collections.abc import Callable

import numpy as np
import pandas as pd

from level0 import datagen

DAY_US = 24 * 3600 * 1_000_000


def synthetic_frame(sensors: int, rows: int) -> pd.DataFrame:
    """SYNTHETIC: ``sensors`` datagen sensor_series, ``rows`` minutes each, as key, ts, value."""
    parts = []
    for seed in range(sensors):
        table = datagen.generate("sensor_series", rows=rows, seed=seed)
        parts.append(
            pd.DataFrame(
                {
                    "key": f"sensor-{seed:02d}",
                    "ts": table["timestamp"].astype("datetime64[us]"),
                    "value": table["temperature_c"].astype("float64"),
                }
            )
        )
    return pd.concat(parts, ignore_index=True)


def by_pandas(frame: pd.DataFrame) -> np.ndarray:
    grouped = frame.set_index("ts").groupby(frame["key"].to_numpy(), sort=False)["value"]
    return grouped.rolling("24h").mean().to_numpy()


def by_duckdb(frame: pd.DataFrame) -> np.ndarray:
    import duckdb

    con = duckdb.connect()
    con.register("series", frame)
    sql = (
        "SELECT AVG(value) OVER (PARTITION BY key ORDER BY ts RANGE BETWEEN "
        f"INTERVAL {DAY_US - 1} MICROSECONDS PRECEDING AND CURRENT ROW) AS result "
        "FROM series ORDER BY key, ts"
    )
    return np.ma.filled(
        np.ma.asarray(con.sql(sql).fetchnumpy()["result"]).astype("float64"), np.nan
    )


def by_polars(frame: pd.DataFrame) -> np.ndarray:
    import polars as pl

    table = pl.from_pandas(frame)
    result = table.select(pl.col("value").rolling_mean_by("ts", window_size="24h").over("key"))
    return result["value"].to_numpy().astype("float64")


def by_python(frame: pd.DataFrame) -> np.ndarray:
    """One pass with a deque per key: add the new reading, drop those 24 h old or older."""
    keys = frame["key"].tolist()
    stamps = frame["ts"].astype("int64").tolist()  # microseconds
    values = frame["value"].tolist()
    out = [float("nan")] * len(values)
    window: deque[tuple[int, float]] = deque()
    total, count, current = 0.0, 0, None
    for i, (key, ts, value) in enumerate(zip(keys, stamps, values, strict=True)):
        if key != current:
            window.clear()
            total, count, current = 0.0, 0, key
        if value == value:  # not NaN
            window.append((ts, value))
            total += value
            count += 1
        while window and window[0][0] <= ts - DAY_US:
            total -= window.popleft()[1]
            count -= 1
        out[i] = total / count if count else float("nan")
    return np.array(out)


def timed(
    run: Callable[[pd.DataFrame], np.ndarray], frame: pd.DataFrame
) -> tuple[float, np.ndarray]:
    start = time.perf_counter()
    answer = run(frame)
    return time.perf_counter() - start, answer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sensors", type=int, default=10)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows per sensor")
    parser.add_argument("--python-rows", type=int, default=500_000, help="loop subsample")
    args = parser.parse_args()

    start = time.perf_counter()
    frame = synthetic_frame(args.sensors, args.rows)
    print(
        f"SYNTHETIC data (level0.datagen sensor_series): {len(frame):,} rows, "
        f"{args.sensors} sensors, {frame['value'].isna().mean():.1%} missing, "
        f"made in {time.perf_counter() - start:.1f} s"
    )
    reference_time, reference = timed(by_pandas, frame)
    rows = [("pandas groupby().rolling('24h').mean()", reference_time, len(frame), "measured")]
    for name, run in (
        ("DuckDB AVG() OVER (RANGE ...)", by_duckdb),
        ("polars rolling_mean_by().over()", by_polars),
    ):
        seconds, answer = timed(run, frame)
        gap = np.nanmax(np.abs(answer - reference) / np.maximum(1.0, np.abs(reference)))
        assert np.array_equal(np.isnan(answer), np.isnan(reference)), name
        assert gap <= 1e-9, (name, gap)
        rows.append((name, seconds, len(frame), "measured"))
    sample = frame.iloc[: args.python_rows]
    seconds, answer = timed(by_python, sample)
    gap = np.nanmax(np.abs(answer - reference[: len(sample)]))
    assert gap <= 1e-9, gap
    scaled = seconds * len(frame) / len(sample)
    rows.append(("plain Python loop (deque)", scaled, len(sample), "extrapolated"))

    print(f"\n{'engine':<40} {'seconds':>9} {'M rows/s':>9} {'vs pandas':>10}  run on")
    for name, secs, on, how in rows:
        speed = len(frame) / secs / 1e6
        print(
            f"{name:<40} {secs:>9.2f} {speed:>9.2f} {reference_time / secs:>9.2f}x"
            f"  {on:,} rows, {how}"
        )


if __name__ == "__main__":
    main()
