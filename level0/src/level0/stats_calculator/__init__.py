"""Descriptive statistics of a CSV column or of numbers on stdin: NumPy in memory, Welford streaming.

Two paths to the same numbers:

* :func:`describe` holds the column in memory and computes everything: mean, median,
  modes, sample and population variance, quantiles, IQR outliers, z-scores, skewness,
  kurtosis and a t confidence interval; :func:`correlate` adds Pearson and Spearman.
* :func:`stream_csv` reads a file of any size in chunks and reports, exactly, what one
  pass allows (count, mean, variance, min, max, the CI, Pearson r), with Welford's
  update in :class:`RunningStats`; :data:`NEEDS_ALL_VALUES` says what it cannot give.

:func:`naive_variance` is the textbook one-pass formula, kept to show how it fails.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without the heavy libraries
    from level0.stats_calculator.describe import (
        Correlation,
        EmptyInputError,
        Summary,
        correlate,
        describe,
        iqr_outliers,
        mean_confidence_interval,
        zscores,
    )
    from level0.stats_calculator.loading import (
        ColumnNotFoundError,
        DataError,
        parse_numbers,
        read_columns,
    )
    from level0.stats_calculator.plot import plot_histogram
    from level0.stats_calculator.streaming import (
        NEEDS_ALL_VALUES,
        RunningCovariance,
        RunningStats,
        StreamSummary,
        naive_variance,
        stream_csv,
    )

__all__ = [
    "NEEDS_ALL_VALUES",
    "ColumnNotFoundError",
    "Correlation",
    "DataError",
    "EmptyInputError",
    "RunningCovariance",
    "RunningStats",
    "StreamSummary",
    "Summary",
    "correlate",
    "describe",
    "iqr_outliers",
    "mean_confidence_interval",
    "naive_variance",
    "parse_numbers",
    "plot_histogram",
    "read_columns",
    "stream_csv",
    "zscores",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
