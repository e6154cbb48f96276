"""Window statistics on a long frame (``key, ts, value``), each computed per key.

Every function returns a Series aligned with the frame's rows. The choices that change
an answer are explicit arguments:

* ``window``: an int counts **rows** (24 readings), a string is a **time span**
  (``"24h"``, ``"7D"``). Over a gap the two differ: 24 rows after a 5-day outage reach
  back 5 days; 24 hours reach back to the outage and hold few (or no) readings.
* pandas time windows are right-closed, ``(t - span, t]``; ``closed="left"`` gives
  ``[t - span, t)``, the window of the *previous* readings (no current value in it).
* ``min_periods``: how many non-missing values a window needs before it has a result.
  pandas' default is the window size for row windows and 1 for time windows.
* ``center=True`` puts the window around the row (it uses the future: never a feature).
* ``ddof=1`` is the sample standard deviation (pandas' default), ``ddof=0`` the
  population one (Bollinger bands use it).
"""

from __future__ import annotations

from functools import partial
from typing import Literal

import numpy as np
import pandas as pd

from level2.finance import drawdown as price_drawdown

__all__ = [
    "drawdown",
    "ewm_mean",
    "expanding",
    "lag",
    "lag_time",
    "rolling",
    "rolling_rank_pct",
    "rolling_zscore",
]

Stat = Literal["mean", "sum", "count", "min", "max", "std", "median", "quantile"]
Window = int | str
Closed = Literal["right", "left", "both", "neither"]


def _grouped(frame: pd.DataFrame) -> pd.core.groupby.SeriesGroupBy:
    if not frame["key"].is_monotonic_increasing:
        raise ValueError("the long frame must be sorted by key, then ts (see data.long_frame)")
    return frame.set_index("ts").groupby(frame["key"].to_numpy(), sort=False)["value"]


def _aligned(result: pd.Series, frame: pd.DataFrame) -> pd.Series:
    """A per-group result (group order = frame order) back on the frame's index."""
    return pd.Series(result.to_numpy(), index=frame.index, dtype="float64")


def rolling(
    frame: pd.DataFrame,
    window: Window,
    stat: Stat,
    *,
    min_periods: int | None = None,
    center: bool = False,
    closed: Closed | None = None,
    ddof: int = 1,
    q: float = 0.5,
    two_pass: bool = False,
) -> pd.Series:
    """A rolling statistic per key; ``"quantile"`` is the ``q`` quantile (linear interpolation).

    pandas' rolling ``std`` updates a running sum of squares as values enter and leave,
    and its rounding errors pile up along the series: on the real PT08.S4(NO2) column it
    drifted 1e-8 away from the exact figure. ``two_pass=True`` recomputes each window's
    std from scratch (NumPy, mean first, then squared deviations): exact to about 1e-13
    but a Python call per window, so about 50 times slower.
    """
    windows = _grouped(frame).rolling(window, min_periods=min_periods, center=center, closed=closed)
    if stat == "quantile":
        result = windows.quantile(q, interpolation="linear")
    elif stat == "std" and two_pass:
        result = windows.apply(partial(_two_pass_std, ddof=ddof), raw=True)
    elif stat == "std":
        result = windows.std(ddof=ddof)
    else:
        result = getattr(windows, stat)()
    return _aligned(result, frame)


def _two_pass_std(values: np.ndarray, ddof: int) -> float:
    present = values[~np.isnan(values)]
    if len(present) <= ddof:
        return float("nan")
    return float(np.sqrt(np.sum((present - present.mean()) ** 2) / (len(present) - ddof)))


def expanding(frame: pd.DataFrame, stat: Stat, *, min_periods: int = 1) -> pd.Series:
    """A statistic of everything so far, per key (NaN readings are skipped, not propagated)."""
    windows = _grouped(frame).expanding(min_periods=min_periods)
    return _aligned(getattr(windows, stat)(), frame)


def ewm_mean(frame: pd.DataFrame, alpha: float, *, adjust: bool) -> pd.Series:
    """Exponentially weighted mean per key, weight ``alpha`` on the newest reading.

    ``adjust=False`` is the recursion ``y[t] = (1 - alpha) y[t-1] + alpha x[t]``;
    ``adjust=True`` (pandas' default) divides by the sum of the weights actually used,
    so early values are not pulled towards the first reading. Both agree once
    ``(1 - alpha) ** n`` is negligible. Missing readings keep decaying the old weights
    (pandas' ``ignore_na=False``).
    """
    values = frame.groupby(frame["key"].to_numpy(), sort=False)["value"]
    return values.transform(lambda s: s.ewm(alpha=alpha, adjust=adjust).mean()).astype("float64")


def rolling_rank_pct(frame: pd.DataFrame, window: Window, *, min_periods: int = 1) -> pd.Series:
    """Where the current reading ranks in its trailing window, as a fraction in (0, 1].

    Ties get their average rank, and the rank is divided by the number of readings in
    the window: 1.0 means "the highest of the last ``window``".
    """
    windows = _grouped(frame).rolling(window, min_periods=min_periods)
    return _aligned(windows.rank(method="average", pct=True), frame)


def lag(frame: pd.DataFrame, rows: int) -> pd.Series:
    """The value ``rows`` readings earlier in the same key (a negative ``rows`` is a lead)."""
    return frame.groupby(frame["key"].to_numpy(), sort=False)["value"].shift(rows)


def lag_time(frame: pd.DataFrame, span: str) -> pd.Series:
    """The value exactly ``span`` earlier in the same key, NaN when there was no reading then."""
    earlier = frame.assign(ts=frame["ts"] + pd.Timedelta(span))
    found = frame[["key", "ts"]].merge(earlier, on=["key", "ts"], how="left")
    return pd.Series(found["value"].to_numpy(), index=frame.index, dtype="float64")


def drawdown(frame: pd.DataFrame) -> pd.Series:
    """Per key, how far each value is below its expanding maximum (level 2's ``drawdown``)."""
    values = frame.groupby(frame["key"].to_numpy(), sort=False)["value"]
    return values.transform(price_drawdown).astype("float64")


def rolling_zscore(frame: pd.DataFrame, window: Window, *, min_periods: int) -> pd.Series:
    """How unusual each reading is against the readings *before* it in ``window``.

    ``(x - mean) / std`` of the previous readings (``closed="left"`` for a time span,
    a one-row shift for a row count), so a spike does not inflate its own yardstick.
    """
    if isinstance(window, str):
        mean = rolling(frame, window, "mean", min_periods=min_periods, closed="left")
        std = rolling(frame, window, "std", min_periods=min_periods, closed="left", two_pass=True)
    else:
        previous = frame.assign(value=lag(frame, 1))
        mean = rolling(previous, window, "mean", min_periods=min_periods)
        std = rolling(previous, window, "std", min_periods=min_periods, two_pass=True)
    return (frame["value"] - mean) / std.where(std > 0)
