"""Stock volatility and Bollinger bands, per ticker, from the window primitives.

* **Volatility**: level 2's annualised rolling volatility (std of daily log returns
  over 21 trading days times sqrt(252)), computed per ticker.
* **Bollinger bands**: the 20-day moving average plus and minus 2 standard deviations
  of the close. Bollinger's convention is the *population* std (``ddof=0``), not pandas'
  default sample std; the bands are 2.6 % wider with ``ddof=1`` at 20 days.
  ``%B`` says where the close sits (0 = lower band, 1 = upper band).
* **Row windows against calendar windows**: 5 trading days is not always 7 calendar
  days (a holiday week has 4); the summary counts how often they differ.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

import numpy as np
import pandas as pd

from level2.finance import max_drawdown, rolling_volatility
from level4.windows import windows as w

__all__ = ["StockSummary", "bollinger", "summarise_stocks", "volatility"]


def bollinger(frame: pd.DataFrame, window: int = 20, k: float = 2.0) -> pd.DataFrame:
    """Per ticker: middle band (SMA), upper and lower bands, %B and band width."""
    middle = w.rolling(frame, window, "mean")
    spread = k * w.rolling(frame, window, "std", ddof=0)
    upper, lower = middle + spread, middle - spread
    return frame.assign(
        middle=middle,
        upper=upper,
        lower=lower,
        percent_b=(frame["value"] - lower) / (upper - lower),
        bandwidth=(upper - lower) / middle,
    )


def volatility(frame: pd.DataFrame, window: int = 21) -> pd.DataFrame:
    """Annualised rolling volatility per ticker (level 2's ``rolling_volatility``), long shape."""
    parts = []
    for key, group in frame.groupby("key", sort=True):
        series = rolling_volatility(group.set_index("ts")["value"], window)
        parts.append(
            pd.DataFrame({"key": key, "ts": series.index, "volatility": series.to_numpy()})
        )
    return pd.concat(parts, ignore_index=True)


@dataclass(frozen=True)
class StockSummary:
    """One ticker's window figures."""

    ticker: str
    days: int
    last_close: float
    volatility_now: float
    volatility_median: float
    volatility_max: float
    above_upper_band: float  # share of days
    below_lower_band: float
    max_drawdown: float
    weeks_of_4_days: float  # share of 7-day windows holding fewer than 5 trading days

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def summarise_stocks(
    frame: pd.DataFrame, *, window: int = 20, k: float = 2.0, vol_window: int = 21
) -> tuple[list[StockSummary], pd.DataFrame, pd.DataFrame]:
    """Summaries per ticker, plus the Bollinger and volatility tables they came from."""
    bands = bollinger(frame, window, k)
    vol = volatility(frame, vol_window)
    days_in_week = w.rolling(frame, "7D", "count")
    summaries = []
    for ticker, rows in bands.groupby("key", sort=True):
        judged = rows.dropna(subset=["upper"])
        series = vol.loc[vol["key"] == ticker, "volatility"].dropna()
        weeks = days_in_week.loc[rows.index].iloc[7:]  # skip the first, partial week
        summaries.append(
            StockSummary(
                ticker=str(ticker),
                days=len(rows),
                last_close=float(rows["value"].iloc[-1]),
                volatility_now=float(series.iloc[-1]) if len(series) else float("nan"),
                volatility_median=float(series.median()),
                volatility_max=float(series.max()),
                above_upper_band=float(np.mean(judged["value"] > judged["upper"])),
                below_lower_band=float(np.mean(judged["value"] < judged["lower"])),
                max_drawdown=max_drawdown(rows.set_index("ts")["value"]).depth,
                weeks_of_4_days=float(np.mean(weeks < 5)),
            )
        )
    return summaries, bands, vol
