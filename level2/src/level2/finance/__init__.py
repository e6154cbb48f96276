"""Analyse daily stock prices with vectorised pandas: returns, trends, drawdowns, correlation.

Ten real tickers (2013-2018) come from the data registry; a learner's own CSV or a
labelled synthetic random walk work the same way:

* :func:`load_ticker`, :func:`read_price_csv` and :func:`synthetic_prices` give a raw table;
* :func:`check_prices` finds what is wrong with it (unsorted or duplicate dates, gaps,
  non-positive prices) and :func:`clean_prices` fixes or refuses it, reporting each finding;
* :mod:`level2.finance.analytics` computes returns, log returns, moving averages, rolling
  volatility, drawdowns, the maximum drawdown, correlations, weekly/monthly resampling
  and cumulative returns, each one vectorised pandas expression;
* :func:`write_report` writes a Markdown report with PNG charts, CSVs and JSON.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without pandas
    from level2.finance.analytics import (
        MaxDrawdown,
        correlation_matrix,
        cumulative_returns,
        drawdown,
        log_returns,
        max_drawdown,
        moving_average,
        period_returns,
        resample_ohlcv,
        rolling_std,
        rolling_volatility,
        simple_returns,
    )
    from level2.finance.checks import (
        CheckedPrices,
        PriceDataError,
        Problem,
        check_prices,
        clean_prices,
    )
    from level2.finance.data import (
        TRADING_DAYS,
        UnknownTicker,
        available_tickers,
        load_ticker,
        read_price_csv,
        synthetic_prices,
    )
    from level2.finance.report import (
        Report,
        TickerSummary,
        format_summary_table,
        summarise,
        write_report,
    )

__all__ = [
    "TRADING_DAYS",
    "CheckedPrices",
    "MaxDrawdown",
    "PriceDataError",
    "Problem",
    "Report",
    "TickerSummary",
    "UnknownTicker",
    "available_tickers",
    "check_prices",
    "clean_prices",
    "correlation_matrix",
    "cumulative_returns",
    "drawdown",
    "format_summary_table",
    "load_ticker",
    "log_returns",
    "max_drawdown",
    "moving_average",
    "period_returns",
    "read_price_csv",
    "resample_ohlcv",
    "rolling_std",
    "rolling_volatility",
    "simple_returns",
    "summarise",
    "synthetic_prices",
    "write_report",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
