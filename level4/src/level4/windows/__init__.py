"""Window functions on sensor and stock time series, in pandas and checked against DuckDB SQL.

Read in this order: :mod:`.data` (the long frame ``key, ts, value``; Air Quality's
quirks; the stocks through level 2), :mod:`.windows` (rolling, expanding, EWM, ranks,
lags, drawdown: the choices that change an answer), :mod:`.queries` (the catalogue: each
query in pandas and in SQL, and what was bridged), then the three uses:
:mod:`.anomalies`, :mod:`.stocks` and :mod:`.forecast`.

>>> frame = long_frame(load_air_quality(), ["CO(GT)"])                 # doctest: +SKIP
>>> rolling(frame, "24h", "mean").iloc[-1]                             # doctest: +SKIP
>>> compare(query_named("mean_24h"), frame).ok                         # doctest: +SKIP
True
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without pandas
    from level4.windows.anomalies import (
        SensorCheck,
        check_sensor,
        detect,
        hampel_spikes,
        missing_runs,
        stale_windows,
    )
    from level4.windows.data import (
        SENSORS,
        load_air_quality,
        load_stocks,
        long_frame,
        read_air_quality,
        synthetic_air_quality,
        synthetic_stocks,
    )
    from level4.windows.forecast import (
        CANDIDATES,
        ForecastResult,
        evaluate_forecast,
        features,
        persistence,
        target,
    )
    from level4.windows.queries import CATALOGUE, Agreement, Query, compare, query_named, run_sql
    from level4.windows.stocks import StockSummary, bollinger, summarise_stocks, volatility
    from level4.windows.windows import (
        drawdown,
        ewm_mean,
        expanding,
        lag,
        lag_time,
        rolling,
        rolling_rank_pct,
        rolling_zscore,
    )

__all__ = [
    "CANDIDATES",
    "CATALOGUE",
    "SENSORS",
    "Agreement",
    "ForecastResult",
    "Query",
    "SensorCheck",
    "StockSummary",
    "bollinger",
    "check_sensor",
    "compare",
    "detect",
    "drawdown",
    "evaluate_forecast",
    "ewm_mean",
    "expanding",
    "features",
    "hampel_spikes",
    "lag",
    "lag_time",
    "load_air_quality",
    "load_stocks",
    "long_frame",
    "missing_runs",
    "persistence",
    "query_named",
    "read_air_quality",
    "rolling",
    "rolling_rank_pct",
    "rolling_zscore",
    "run_sql",
    "stale_windows",
    "summarise_stocks",
    "synthetic_air_quality",
    "synthetic_stocks",
    "target",
    "volatility",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
