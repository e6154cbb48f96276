"""Where price tables come from: the registry's ten tickers, a learner's CSV, or a random walk.

Every source gives the same thing, a raw :class:`pandas.DataFrame` with at least the
columns ``date`` and ``close`` (``open``, ``high``, ``low``, ``volume`` when known), in
the order the file had them. Nothing is fixed here: :mod:`level2.finance.checks` looks
at the raw table and decides what is wrong with it.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from level0 import datasets

__all__ = [
    "PRICE_COLUMNS",
    "TRADING_DAYS",
    "UnknownTicker",
    "available_tickers",
    "load_ticker",
    "read_price_csv",
    "synthetic_prices",
]

DATASET = "stocks"
PRICE_COLUMNS = ("open", "high", "low", "close")
TRADING_DAYS = 252  # trading days in a year, to annualise daily figures
# The budget of one price file: 100,000 daily rows are 400 years of trading days, and a
# row of date, OHLC and volume is under 100 bytes, so 32 MB leaves room for extra columns.
MAX_ROWS = 100_000
MAX_FILE_BYTES = 32 * 2**20


class UnknownTicker(ValueError):
    """A ticker the registry does not hold; the message lists the ones it does."""


def available_tickers() -> list[str]:
    """The tickers of the registry's ``stocks`` dataset (known even when it is not downloaded)."""
    items = datasets.get(DATASET).items
    return sorted(Path(item.path).name.removesuffix("_data.csv") for item in items)


def load_ticker(ticker: str) -> pd.DataFrame:
    """The raw daily prices of ``ticker`` from the cached registry data.

    Raises :class:`UnknownTicker` for a name the registry does not hold and
    ``datasets.DatasetMissing`` (with the fetch command) when the data is not cached.
    """
    symbol = ticker.upper()
    known = available_tickers()
    if symbol not in known:
        raise UnknownTicker(f"unknown ticker {ticker!r}; available: {', '.join(known)}")
    return read_price_csv(datasets.locate(DATASET) / f"{symbol}_data.csv")


def read_price_csv(path: str | Path) -> pd.DataFrame:
    """Read a daily price file: a ``date`` and a ``close`` column, any others kept.

    Column names are matched without regard to case or surrounding spaces, so a file
    with ``Date,Close`` works too. Dates and prices are parsed leniently: a cell
    that is not a date or a number becomes missing, and the checks report it. A file
    over :data:`MAX_FILE_BYTES` or :data:`MAX_ROWS` rows is refused before it fills memory.
    """
    size = Path(path).stat().st_size
    if size > MAX_FILE_BYTES:
        raise ValueError(
            f"{path} is {size / 2**20:.0f} MB; a daily price file is far smaller "
            f"(this tool reads at most {MAX_FILE_BYTES // 2**20} MB, about {MAX_ROWS:,} rows)"
        )
    try:
        frame = pd.read_csv(
            path, dtype=str, keep_default_na=False, na_values=[""], nrows=MAX_ROWS + 1
        )
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{path} is not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset "
            f"{exc.start}); save it as UTF-8 CSV"
        ) from None
    except pd.errors.EmptyDataError:
        raise ValueError(f"{path} is empty; expected a CSV with date and close columns") from None
    except pd.errors.ParserError as exc:
        first = str(exc).strip().splitlines()[0]
        raise ValueError(f"{path} is not a readable CSV ({first})") from None
    if len(frame) > MAX_ROWS:
        raise ValueError(
            f"{path} has more than {MAX_ROWS:,} rows (about 400 years of trading days); "
            "is it really one ticker's daily prices?"
        )
    frame.columns = [str(name).strip().lower() for name in frame.columns]
    missing = [name for name in ("date", "close") if name not in frame.columns]
    if missing:
        raise ValueError(
            f"{path} has no {' or '.join(repr(m) for m in missing)} column "
            f"(its columns: {', '.join(frame.columns)})"
        )
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce")
    for name in (*PRICE_COLUMNS, "volume"):
        if name in frame.columns:
            frame[name] = pd.to_numeric(frame[name], errors="coerce")
    return frame


def synthetic_prices(
    tickers: list[str] | tuple[str, ...],
    *,
    days: int = 1259,
    start: str = "2013-02-08",
    seed: int = 0,
) -> dict[str, pd.DataFrame]:
    """Seeded geometric random walks, one per ticker, sharing a common market factor.

    Each day's log return is ``beta * market + own noise`` (daily drift about 8 %/year,
    volatility 15-35 %/year), so the series are correlated the way stocks are. The
    open, high and low are drawn around the close; volume is log-normal. These are
    NOT real prices: reports built on them say so.
    """
    rng = np.random.default_rng(seed)
    dates = pd.bdate_range(start, periods=days, name="date")
    market = rng.normal(0.0003, 0.008, days)
    tables = {}
    for ticker in tickers:
        beta = rng.uniform(0.6, 1.4)
        own_vol = rng.uniform(0.006, 0.018)
        log_returns = beta * market + rng.normal(0.0001, own_vol, days)
        close = rng.uniform(20, 300) * np.exp(np.cumsum(log_returns))
        opens = close * np.exp(rng.normal(0, 0.004, days))
        spread = np.abs(rng.normal(0, 0.006, (2, days)))
        tables[ticker] = pd.DataFrame(
            {
                "date": dates,
                "open": opens.round(4),
                "high": (np.maximum(opens, close) * (1 + spread[0])).round(4),
                "low": (np.minimum(opens, close) * (1 - spread[1])).round(4),
                "close": close.round(4),
                "volume": rng.lognormal(16, 0.4, days).round().astype("int64"),
                "name": ticker,
            }
        )
    return tables
