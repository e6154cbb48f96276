"""The two time series: UCI Air Quality (hourly, 13 sensors) and the ten stocks (daily).

Window code here works on one shape, the **long frame**: columns ``key`` (which series:
a sensor or a ticker), ``ts`` (a timestamp) and ``value`` (a float, NaN when missing),
sorted by key then time, one row per (key, ts). The same frame goes to pandas, to
DuckDB and to polars.

Air Quality's reading quirks live in :func:`read_air_quality`: ``;`` separators,
decimal commas, two empty columns at the end of each line, 114 empty lines after the
data, and ``-200`` for a missing reading. The stocks come through level 2's loader and
checks (:func:`level2.finance.load_ticker`, :func:`level2.finance.clean_prices`).
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from level0 import datasets
from level4.windows.sensors import SENSORS

__all__ = [
    "MISSING",
    "SENSORS",
    "load_air_quality",
    "load_stocks",
    "long_frame",
    "read_air_quality",
    "synthetic_air_quality",
    "synthetic_stocks",
]

DATASET = "sensors"
FILE = "AirQualityUCI.csv"
MISSING = -200  # the dataset's code for a missing reading
MAX_FILE_BYTES = 64 * 2**20  # the real file is 0.8 MB; 64 MB is about 800,000 hourly rows


def read_air_quality(path: str | Path) -> pd.DataFrame:
    """An AirQualityUCI.csv as a wide hourly table: a ``time`` index, one float column per sensor.

    ``-200`` becomes NaN. A file that is not in this format is refused with a
    ``ValueError`` that says what was expected.
    """
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(f"{path} is {size / 2**20:.0f} MB; an Air Quality file is about 1 MB")
    try:
        raw = pd.read_csv(path, sep=";", decimal=",", encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path} is not UTF-8 text (byte offset {exc.start})") from None
    except pd.errors.EmptyDataError:
        raise ValueError(f"{path} is empty; expected the UCI AirQualityUCI.csv") from None
    except pd.errors.ParserError as exc:
        raise ValueError(f"{path} is not a ';'-separated CSV ({str(exc).strip()[:80]})") from None
    raw = raw.dropna(how="all")
    absent = [c for c in ("Date", "Time", *SENSORS) if c not in raw.columns]
    if absent:
        raise ValueError(
            f"{path} lacks the Air Quality columns {', '.join(absent[:4])}"
            f"{' ...' if len(absent) > 4 else ''}; expected the UCI AirQualityUCI.csv layout"
        )
    stamps = pd.to_datetime(
        raw["Date"].astype(str) + " " + raw["Time"].astype(str),
        format="%d/%m/%Y %H.%M.%S",
        errors="coerce",
    )
    if stamps.isna().any() or len(stamps) < 2:
        raise ValueError(f"{path}: dates must read as DD/MM/YYYY and times as HH.MM.SS")
    values = raw[list(SENSORS)].apply(pd.to_numeric, errors="coerce").astype("float64")
    wide = values.mask(values == MISSING).set_axis(pd.DatetimeIndex(stamps, name="time"))
    if not wide.index.is_monotonic_increasing or wide.index.has_duplicates:
        raise ValueError(f"{path}: the timestamps must be increasing and unique")
    return wide


def load_air_quality() -> pd.DataFrame:
    """The registry's Air Quality data (``DatasetMissing`` with the fetch command when absent)."""
    return read_air_quality(datasets.locate(DATASET) / FILE)


def synthetic_air_quality(days: int = 120, seed: int = 0) -> pd.DataFrame:
    """A SYNTHETIC stand-in with Air Quality's columns: daily and weekly cycles, missing runs, spikes.

    CO follows a rush-hour profile with weekday/weekend levels and AR(1) noise; the
    other columns are noisy functions of it. Missing runs (1 h to 5 days) and a few
    spikes are put in on purpose. ``attrs["synthetic"]`` says what it is.
    """
    rng = np.random.default_rng(seed)
    time = pd.date_range("2004-03-10 18:00", periods=days * 24, freq="h", name="time")
    hour, weekday = time.hour.to_numpy(), time.day_of_week.to_numpy()
    rush = np.exp(-((hour - 8.5) ** 2) / 4) + 1.2 * np.exp(-((hour - 19) ** 2) / 5)
    noise = np.zeros(len(time))
    shocks = rng.normal(0, 0.25, len(time))
    for i in range(1, len(time)):
        noise[i] = 0.8 * noise[i - 1] + shocks[i]
    co = np.clip(0.6 + 2.2 * rush * np.where(weekday < 5, 1.0, 0.6) + noise, 0.1, None)
    temperature = 15 + 8 * np.sin(2 * np.pi * (hour - 9) / 24) + rng.normal(0, 1, len(time))
    columns = {name: co * rng.uniform(100, 400) + rng.normal(0, 30, len(time)) for name in SENSORS}
    columns.update(
        {
            "CO(GT)": co.round(1),
            "T": temperature,
            "RH": 50 - temperature + rng.normal(0, 3, len(time)),
        }
    )
    wide = pd.DataFrame(columns, index=time)[list(SENSORS)]
    spikes = rng.choice(len(time), size=max(1, days // 10), replace=False)
    wide.iloc[spikes, 0] += 8.0
    for start, length in zip(
        rng.integers(0, len(time), days // 8), rng.integers(1, 120, days // 8), strict=True
    ):
        wide.iloc[start : start + length, rng.integers(0, len(SENSORS))] = np.nan
    wide.attrs["synthetic"] = True
    return wide


def long_frame(
    wide: pd.DataFrame, columns: list[str] | None = None, *, drop_missing: bool = True
) -> pd.DataFrame:
    """Wide (one column per series) to long ``key, ts, value``.

    Dropping the missing readings (the default) turns a regular hourly grid with holes
    into irregular series: then 24 rows and 24 hours are no longer the same window.
    ``drop_missing=False`` keeps them as NaN rows on the grid.
    """
    picked = wide[columns] if columns is not None else wide
    stacked = picked.rename_axis(index="ts", columns="key").stack().rename("value").reset_index()
    return _canonical(stacked.dropna(subset=["value"]) if drop_missing else stacked)


def _canonical(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.astype({"key": "str", "value": "float64"})
    frame["ts"] = pd.to_datetime(frame["ts"]).astype("datetime64[us]")
    frame = frame.sort_values(["key", "ts"], kind="stable").reset_index(drop=True)
    return frame[["key", "ts", "value"]]


def load_stocks(tickers: list[str] | None = None, column: str = "close") -> pd.DataFrame:
    """The registry's daily prices as a long frame (key = ticker), through level 2's checks."""
    from level2.finance import available_tickers, clean_prices, load_ticker

    names = tickers or available_tickers()
    tables = {name: clean_prices(load_ticker(name), name.upper()).prices for name in names}
    return _stack_prices(tables, column)


def synthetic_stocks(tickers: list[str], seed: int = 0, column: str = "close") -> pd.DataFrame:
    """Level 2's SYNTHETIC correlated random walks as a long frame (labelled in ``attrs``)."""
    from level2.finance import clean_prices, synthetic_prices

    raw = synthetic_prices(tickers, seed=seed)
    tables = {name: clean_prices(table, name).prices for name, table in raw.items()}
    frame = _stack_prices(tables, column)
    frame.attrs["synthetic"] = True
    return frame


def _stack_prices(tables: dict[str, pd.DataFrame], column: str) -> pd.DataFrame:
    parts = [
        pd.DataFrame({"key": name, "ts": table.index, "value": table[column].to_numpy()})
        for name, table in tables.items()
    ]
    return _canonical(pd.concat(parts, ignore_index=True))
