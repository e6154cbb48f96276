"""The figures of a price series, each one vectorised pandas expression (no Python loops).

All functions take a Series of prices (or a DataFrame, one column per ticker) indexed
by date, sorted, one row per trading day, as :func:`level2.finance.checks.clean_prices`
returns. Conventions:

* a **simple return** is ``p[t] / p[t-1] - 1``; a **log return** is ``log(p[t] / p[t-1])``.
  Log returns add up over time (the sum of a month's daily log returns is the month's log
  return), simple returns compound (``prod(1 + r) - 1``). The first day has no return,
  so return series are one row shorter than the prices.
* rolling windows count trading days (rows), not calendar days, and give NaN until a
  full window is available (``min_periods=window``). The rolling standard deviation is
  the sample one (divides by ``window - 1``), as pandas does.
* volatility is the standard deviation of daily log returns times ``sqrt(252)``: the
  annualised figure that quotes use.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from level2.finance.data import TRADING_DAYS

__all__ = [
    "MaxDrawdown",
    "correlation_matrix",
    "cumulative_returns",
    "drawdown",
    "log_returns",
    "max_drawdown",
    "moving_average",
    "period_returns",
    "resample_ohlcv",
    "rolling_std",
    "rolling_volatility",
    "simple_returns",
]

# A function given a Series returns a Series; given a DataFrame, a DataFrame.
Prices = TypeVar("Prices", pd.Series, pd.DataFrame)


def simple_returns(prices: Prices) -> Prices:
    """Day-over-day returns ``p[t] / p[t-1] - 1``, without the first (undefined) day."""
    return (prices / prices.shift(1) - 1).iloc[1:]


def log_returns(prices: Prices) -> Prices:
    """Day-over-day log returns ``log(p[t]) - log(p[t-1])``, without the first day."""
    return np.log(prices).diff().iloc[1:]


def moving_average(prices: Prices, window: int) -> Prices:
    """The simple moving average over the last ``window`` rows (NaN before a full window)."""
    return prices.rolling(window, min_periods=window).mean()


def rolling_std(values: Prices, window: int) -> Prices:
    """The sample standard deviation over the last ``window`` rows (NaN before a full window)."""
    return values.rolling(window, min_periods=window).std(ddof=1)


def rolling_volatility(prices: Prices, window: int = 21) -> Prices:
    """Annualised volatility: the rolling std of daily log returns times sqrt(252).

    21 trading days is about one calendar month.
    """
    return rolling_std(log_returns(prices), window) * np.sqrt(TRADING_DAYS)


def drawdown(prices: Prices) -> Prices:
    """How far each price is below the highest price so far: ``p / running max - 1`` (<= 0)."""
    return prices / prices.cummax() - 1


@dataclass(frozen=True)
class MaxDrawdown:
    """The deepest fall from a peak: its depth (a negative fraction) and its dates.

    ``recovery`` is the first date the price got back to the peak, or None if it
    never did within the data.
    """

    depth: float
    peak: pd.Timestamp
    trough: pd.Timestamp
    recovery: pd.Timestamp | None

    def as_dict(self) -> dict[str, object]:
        return {
            "depth": self.depth,
            "peak": str(self.peak.date()),
            "trough": str(self.trough.date()),
            "recovery": None if self.recovery is None else str(self.recovery.date()),
        }


def max_drawdown(prices: pd.Series) -> MaxDrawdown:
    """The maximum drawdown of one price series, with its peak, trough and recovery dates."""
    falls = drawdown(prices)
    trough = falls.idxmin()
    peak = prices.loc[:trough].idxmax()
    after = prices.loc[trough:]
    recovered = after[after >= prices.loc[peak]]
    return MaxDrawdown(
        depth=float(falls.loc[trough]),
        peak=pd.Timestamp(peak),
        trough=pd.Timestamp(trough),
        recovery=pd.Timestamp(recovered.index[0]) if len(recovered) else None,
    )


def correlation_matrix(prices: pd.DataFrame) -> pd.DataFrame:
    """Pearson correlation of the tickers' daily log returns (never of the prices).

    Two prices that both drift upwards correlate strongly whatever they do day to day;
    returns ask the real question: do they move together on the same days?
    """
    return log_returns(prices).corr()


def resample_ohlcv(prices: pd.DataFrame, rule: str) -> pd.DataFrame:
    """Daily bars to weekly (``"W-FRI"``) or monthly (``"ME"``) bars.

    Each column needs its own rule: the period's first open, highest high, lowest
    low, last close and total volume. Taking the mean would invent prices.
    """
    rules = {"open": "first", "high": "max", "low": "min", "close": "last", "volume": "sum"}
    present = {column: how for column, how in rules.items() if column in prices.columns}
    return prices.resample(rule).agg(present).dropna(subset=["close"])


def period_returns(prices: Prices, rule: str) -> Prices:
    """Returns per week or month: each period's last close against the previous period's.

    The first period is measured from the first price, so a partial first month
    still gets a return.
    """
    last = prices.resample(rule).last()
    previous = last.shift(1)
    previous.iloc[0] = prices.iloc[0]
    return last / previous - 1


def cumulative_returns(prices: Prices) -> Prices:
    """Growth since the first day: ``p[t] / p[first] - 1``, what 1 USD invested became, minus 1.

    For several tickers each column starts at its own first price, so they compare
    as if the same amount had been invested in each on the first common date.
    """
    return prices / prices.iloc[0] - 1
