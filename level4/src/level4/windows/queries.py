"""The catalogue: each window query in pandas and in DuckDB SQL, and the check that they agree.

A :class:`Query` pairs a pandas function of the long frame with a SQL statement over
the table ``series(key, ts, value)`` that returns ``key, ts, result`` in (key, ts)
order. DuckDB is the oracle: :func:`compare` runs both and demands agreement to
``1e-9`` (relative and absolute), with NaN on one side only where the other is NULL.

The semantic differences bridged here, each once and on purpose:

* **closed ends.** pandas' time window ``rolling("24h")`` is ``(t - 24h, t]``; SQL's
  ``RANGE BETWEEN INTERVAL 24 HOURS PRECEDING AND CURRENT ROW`` is ``[t - 24h, t]``.
  The SQL takes one microsecond off the span (timestamps here are whole microseconds),
  or pandas says ``closed="both"`` (query ``count_24h_both_ends``).
* **excluding the current row.** pandas' ``closed="left"`` is SQL's
  ``EXCLUDE CURRENT ROW`` (the timestamps of a key are unique).
* **NaN against NULL.** DuckDB reads pandas' NaN as NULL; aggregates skip NULL as pandas
  skips NaN, and NULL comes back as NaN.
* **min_periods.** SQL has none: ``CASE WHEN COUNT(value) OVER w >= k`` does the job
  (COUNT skips NULL, as min_periods counts non-missing values).
* **sample against population std.** pandas ``std()`` is ``STDDEV_SAMP``;
  ``std(ddof=0)`` is ``STDDEV_POP``.
* **rounding in a running std.** pandas' rolling std drifted 1.0e-8 from DuckDB (and from
  NumPy's two-pass std) on the real PT08.S4(NO2) column: its running sums carry rounding
  errors along the series. The std queries use ``two_pass=True``, which does not.
* **EWM.** SQL has no exponential window: a recursive CTE carries the mean and the weight
  behind it, updated as pandas does for ``adjust=True`` and ``adjust=False`` (which
  resets the weight to 1 after each reading: after a gap the two forms differ).
* **rank in a window.** SQL's ``RANK()`` ignores the frame, so a self-join counts the
  smaller and equal values in the window (pandas' average rank over the count).
* **lag by time.** ``LAG`` counts rows; the value 24 hours earlier is a join on
  ``ts - INTERVAL 24 HOURS``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from level4.windows import windows as w

__all__ = ["CATALOGUE", "TOLERANCE", "Agreement", "Query", "compare", "query_named", "run_sql"]

TOLERANCE = 1e-9
DAY_US = 24 * 3600 * 1_000_000


@dataclass(frozen=True)
class Query:
    """One named window query: what it computes, in pandas and in SQL, and what was bridged."""

    name: str
    summary: str
    pandas: Callable[[pd.DataFrame], pd.Series]
    sql: str
    bridge: str = ""
    causal: bool = True  # uses only the current and earlier rows of its key


def _frame(rows: str, order: str = "ts") -> str:
    return f"(PARTITION BY key ORDER BY {order} {rows})"


def _min_periods(aggregate: str, window: str, k: int) -> str:
    return f"CASE WHEN COUNT(value) OVER {window} >= {k} THEN {aggregate} OVER {window} END"


def _select(expression: str, source: str = "series") -> str:
    return f"SELECT key, ts, {expression} AS result FROM {source} ORDER BY key, ts"


ROWS_24 = _frame("ROWS BETWEEN 23 PRECEDING AND CURRENT ROW")
HOURS_24 = _frame(f"RANGE BETWEEN INTERVAL {DAY_US - 1} MICROSECONDS PRECEDING AND CURRENT ROW")
DAYS_7 = _frame(f"RANGE BETWEEN INTERVAL {7 * DAY_US - 1} MICROSECONDS PRECEDING AND CURRENT ROW")
EVER = _frame("ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW")
CENTRED_5 = _frame("ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING")
BEFORE_24H = _frame("RANGE BETWEEN INTERVAL 24 HOURS PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW")


def _ewm_sql(alpha: float, adjust: bool) -> str:
    """Pandas' EWM (``ignore_na=False``) as a recursion over each key's rows, in SQL.

    The state is the mean ``y`` and the weight ``w`` behind it. Every row decays
    ``w`` by ``1 - alpha``; a reading then gives ``y = (w y + c x) / (w + c)`` and sets
    ``w`` to ``w + c`` with adjust (c = 1) or back to 1 without (c = alpha): pandas'
    own update, so a gap of missing readings is weighed as pandas weighs it.
    """
    r, c = f"{1.0 - alpha!r}::DOUBLE", f"{1.0 if adjust else alpha!r}::DOUBLE"
    after = f"{r} * e.w + {c}" if adjust else "1.0::DOUBLE"
    return f"""
WITH RECURSIVE numbered AS (
    SELECT key, ts, value, ROW_NUMBER() OVER (PARTITION BY key ORDER BY ts) AS rn FROM series
), ew(key, rn, ts, y, w) AS (
    SELECT key, rn, ts, value, CASE WHEN value IS NULL THEN NULL ELSE 1.0::DOUBLE END
    FROM numbered WHERE rn = 1
    UNION ALL
    SELECT n.key, n.rn, n.ts,
        CASE WHEN e.y IS NULL THEN n.value
             WHEN n.value IS NULL THEN e.y
             ELSE ({r} * e.w * e.y + {c} * n.value) / ({r} * e.w + {c}) END,
        CASE WHEN e.y IS NULL THEN (CASE WHEN n.value IS NULL THEN NULL ELSE 1.0::DOUBLE END)
             WHEN n.value IS NULL THEN {r} * e.w
             ELSE {after} END
    FROM ew e JOIN numbered n ON n.key = e.key AND n.rn = e.rn + 1
)
SELECT key, ts, y AS result FROM ew ORDER BY key, ts"""


def _rank_sql(rows: int, min_periods: int) -> str:
    """Average rank of the current value among the non-missing values of its row window."""
    return f"""
WITH numbered AS (
    SELECT key, ts, value, ROW_NUMBER() OVER (PARTITION BY key ORDER BY ts) AS rn FROM series
)
SELECT a.key, a.ts,
    CASE WHEN a.value IS NULL OR COUNT(b.value) < {min_periods} THEN NULL
         ELSE (COUNT_IF(b.value < a.value) + (COUNT_IF(b.value = a.value) + 1) / 2.0::DOUBLE)
              / COUNT(b.value) END AS result
FROM numbered a JOIN numbered b
    ON b.key = a.key AND b.rn BETWEEN a.rn - {rows - 1} AND a.rn
GROUP BY a.key, a.ts, a.value
ORDER BY a.key, a.ts"""


CATALOGUE: tuple[Query, ...] = (
    Query(
        "mean_24_rows",
        "trailing mean of the last 24 readings, only when all 24 are present",
        lambda f: w.rolling(f, 24, "mean"),
        _select(_min_periods("AVG(value)", ROWS_24, 24)),
        "min_periods=24 (pandas' default for a row window) as CASE WHEN COUNT(value) >= 24",
    ),
    Query(
        "mean_24h",
        "trailing mean of the readings in the last 24 hours (time window over gaps)",
        lambda f: w.rolling(f, "24h", "mean"),
        _select(f"AVG(value) OVER {HOURS_24}"),
        "pandas (t-24h, t] against SQL [t-24h, t]: the SQL span is 24 h minus 1 us",
    ),
    Query(
        "count_24h_both_ends",
        "readings in [t - 24h, t]: pandas closed='both' equals SQL RANGE as written",
        lambda f: w.rolling(f, "24h", "count", closed="both"),
        _select(
            "COUNT(value) OVER (PARTITION BY key ORDER BY ts "
            "RANGE BETWEEN INTERVAL 24 HOURS PRECEDING AND CURRENT ROW)"
        ),
        "the other way round: pandas moves its left end instead of SQL",
    ),
    Query(
        "std_24h_sample",
        "sample standard deviation over the last 24 hours, from 2 readings on",
        lambda f: w.rolling(f, "24h", "std", min_periods=2, two_pass=True),
        _select(_min_periods("STDDEV_SAMP(value)", HOURS_24, 2)),
        "pandas std(ddof=1) = STDDEV_SAMP; two-pass std (pandas' running one drifted 1e-8)",
    ),
    Query(
        "std_24_rows_population",
        "population standard deviation of the last 24 rows, from 12 readings on",
        lambda f: w.rolling(f, 24, "std", ddof=0, min_periods=12, two_pass=True),
        _select(_min_periods("STDDEV_POP(value)", ROWS_24, 12)),
        "pandas std(ddof=0) = STDDEV_POP",
    ),
    Query(
        "sum_7d",
        "sum over the last 7 calendar days (a week of trading days is 5 rows, or 4)",
        lambda f: w.rolling(f, "7D", "sum"),
        _select(f"SUM(value) OVER {DAYS_7}"),
        "pandas' sum of an all-NaN window is NaN (min_periods=1), SQL's SUM of NULLs is NULL",
    ),
    Query(
        "median_24_rows",
        "median of the last 24 rows, from 6 readings on",
        lambda f: w.rolling(f, 24, "median", min_periods=6),
        _select(_min_periods("MEDIAN(value)", ROWS_24, 6)),
    ),
    Query(
        "p90_7d",
        "90th percentile over the last 7 days (linear interpolation)",
        lambda f: w.rolling(f, "7D", "quantile", q=0.9),
        _select(f"QUANTILE_CONT(value, 0.9) OVER {DAYS_7}"),
        "pandas interpolation='linear' = QUANTILE_CONT (QUANTILE_DISC picks a reading)",
    ),
    Query(
        "centred_mean_5",
        "mean of the 5 rows centred on each row (uses the future: for smoothing, not features)",
        lambda f: w.rolling(f, 5, "mean", center=True, min_periods=1),
        _select(f"AVG(value) OVER {CENTRED_5}"),
        "center=True = ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING",
        causal=False,
    ),
    Query(
        "expanding_max",
        "highest value so far",
        lambda f: w.expanding(f, "max"),
        _select(f"MAX(value) OVER {EVER}"),
    ),
    Query(
        "expanding_mean_from_3",
        "mean of everything so far, once 3 readings are in",
        lambda f: w.expanding(f, "mean", min_periods=3),
        _select(_min_periods("AVG(value)", EVER, 3)),
    ),
    Query(
        "drawdown",
        "value / expanding max - 1 (level 2's drawdown, per key)",
        w.drawdown,
        _select(f"value / MAX(value) OVER {EVER} - 1"),
        "pandas cummax is NaN on a NaN row; so is value / max when value is NULL",
    ),
    Query(
        "ewm_recursive_a0.1",
        "exponentially weighted mean, alpha 0.1, the plain recursion (adjust=False)",
        lambda f: w.ewm_mean(f, 0.1, adjust=False),
        _ewm_sql(0.1, adjust=False),
        "no EWM in SQL: a recursive CTE over ROW_NUMBER carries (mean, weight) as pandas does",
    ),
    Query(
        "ewm_adjusted_a0.1",
        "exponentially weighted mean, alpha 0.1, normalised weights (adjust=True)",
        lambda f: w.ewm_mean(f, 0.1, adjust=True),
        _ewm_sql(0.1, adjust=True),
        "adjust=True divides by the weights used so far; adjust=False starts at x[0] with weight 1",
    ),
    Query(
        "rank_pct_24_rows",
        "percentile rank of each reading among the last 24 rows",
        lambda f: w.rolling_rank_pct(f, 24),
        _rank_sql(24, 1),
        "RANK() ignores the frame: a self-join counts smaller and equal values",
    ),
    Query(
        "lag_1",
        "the previous reading of the same key",
        lambda f: w.lag(f, 1),
        _select("LAG(value, 1) OVER (PARTITION BY key ORDER BY ts)"),
    ),
    Query(
        "lead_1",
        "the next reading of the same key (the future: a target, never a feature)",
        lambda f: w.lag(f, -1),
        _select("LEAD(value, 1) OVER (PARTITION BY key ORDER BY ts)"),
        causal=False,
    ),
    Query(
        "lag_24h",
        "the reading exactly 24 hours earlier, if there was one",
        lambda f: w.lag_time(f, "24h"),
        "SELECT a.key, a.ts, b.value AS result FROM series a LEFT JOIN series b "
        "ON b.key = a.key AND b.ts = a.ts - INTERVAL 24 HOURS ORDER BY a.key, a.ts",
        "LAG counts rows, which over a gap is not 24 hours: a join on the time instead",
    ),
    Query(
        "zscore_prior_24h",
        "(x - mean) / std of the readings in the 24 hours before (the anomaly score)",
        lambda f: w.rolling_zscore(f, "24h", min_periods=6),
        _select(
            f"(value - {_min_periods('AVG(value)', BEFORE_24H, 6)}) / "
            f"NULLIF(STDDEV_SAMP(value) OVER {BEFORE_24H}, 0)"
        ),
        "pandas closed='left' [t-24h, t) = SQL EXCLUDE CURRENT ROW; std 0 -> NULL as NaN",
    ),
)


def query_named(name: str) -> Query:
    """The catalogue entry called ``name`` (``KeyError`` listing the names otherwise)."""
    for query in CATALOGUE:
        if query.name == name:
            return query
    raise KeyError(f"no query {name!r}; known: {', '.join(q.name for q in CATALOGUE)}")


def run_sql(query: Query, frame: pd.DataFrame, connection: object | None = None) -> pd.Series:
    """Run the query's SQL in DuckDB on ``frame`` (registered as ``series``); result per row."""
    import duckdb

    con = connection if connection is not None else duckdb.connect()
    assert isinstance(con, duckdb.DuckDBPyConnection)
    con.register("series", frame[["key", "ts", "value"]])
    try:
        answer = con.sql(query.sql).fetchnumpy()
    finally:
        con.unregister("series")
    result = np.ma.filled(np.ma.asarray(answer["result"]).astype("float64"), np.nan)
    if len(result) != len(frame):
        raise AssertionError(f"{query.name}: SQL gave {len(result)} rows for {len(frame)}")
    return pd.Series(result, index=frame.index, dtype="float64")


@dataclass(frozen=True)
class Agreement:
    """How pandas and DuckDB compared on one query: rows, largest gap, NaN mismatches."""

    query: str
    rows: int
    compared: int
    max_difference: float
    nan_mismatches: int

    @property
    def ok(self) -> bool:
        return self.nan_mismatches == 0 and self.max_difference <= TOLERANCE

    def as_dict(self) -> dict[str, object]:
        return {
            "query": self.query,
            "rows": self.rows,
            "compared": self.compared,
            "max_difference": self.max_difference,
            "nan_mismatches": self.nan_mismatches,
            "ok": self.ok,
        }


def compare(query: Query, frame: pd.DataFrame, connection: object | None = None) -> Agreement:
    """Run ``query`` both ways on ``frame``; the difference is relative above 1, absolute below."""
    mine = query.pandas(frame).to_numpy(dtype="float64")
    oracle = run_sql(query, frame, connection).to_numpy()
    missing_mine, missing_oracle = np.isnan(mine), np.isnan(oracle)
    both = ~missing_mine & ~missing_oracle
    gaps = np.abs(mine[both] - oracle[both]) / np.maximum(1.0, np.abs(oracle[both]))
    return Agreement(
        query=query.name,
        rows=len(frame),
        compared=int(both.sum()),
        max_difference=float(gaps.max()) if gaps.size else 0.0,
        nan_mismatches=int((missing_mine != missing_oracle).sum()),
    )
