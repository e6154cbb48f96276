"""Turn a request (tickers, CSV files, or a synthetic walk) into clean tables and a source line."""

from __future__ import annotations

import re
from pathlib import Path

from level2.finance.checks import CheckedPrices, clean_prices
from level2.finance.data import (
    UnknownTicker,
    available_tickers,
    load_ticker,
    read_price_csv,
    synthetic_prices,
)

__all__ = ["REAL_SOURCE", "SYNTHETIC_SOURCE", "collect"]

REAL_SOURCE = (
    "Kaggle 'S&P 500 stock data' (Cam Nugent, via IEX), registry dataset `stocks`: "
    "daily prices, split-adjusted, dividends not included"
)
SYNTHETIC_SOURCE = (
    "SYNTHETIC: seeded geometric random walks sharing a market factor (seed {seed}); "
    "not real prices"
)


def _name(path: Path) -> str:
    """A file-name-safe series name from a CSV's file name ("my prices.csv" -> "my_prices")."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", path.stem).strip("_") or "prices"


def collect(
    tickers: list[str], csv_files: list[Path], *, synthetic: bool = False, seed: int = 0
) -> tuple[list[CheckedPrices], str]:
    """Clean tables for ``tickers`` (registry or synthetic) and ``csv_files``, and their source.

    Raises ``UnknownTicker`` for a ticker not in the registry (also with ``synthetic``,
    so the same names work once the data is fetched), ``datasets.DatasetMissing``
    when the real data is not cached, and ``PriceDataError`` for a table it refuses.
    """
    known = available_tickers()
    symbols = [t.upper() for t in tickers]
    unknown = [t for t in tickers if t.upper() not in known]
    if unknown:
        raise UnknownTicker(
            f"unknown ticker{'s' * (len(unknown) > 1)} {', '.join(unknown)}; "
            f"available: {', '.join(known)}"
        )
    tables, sources = [], []
    if synthetic:
        walks = synthetic_prices(symbols, seed=seed)
        tables += [clean_prices(walks[t], t) for t in symbols]
        sources.append(SYNTHETIC_SOURCE.format(seed=seed))
    elif symbols:
        tables += [clean_prices(load_ticker(t), t) for t in symbols]
        sources.append(REAL_SOURCE)
    for path in csv_files:
        tables.append(clean_prices(read_price_csv(path), _name(path)))
        sources.append(f"your file {path}")
    return tables, "; ".join(sources)
