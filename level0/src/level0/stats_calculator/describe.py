"""The in-memory path: every descriptive statistic of one column, computed with NumPy.

All values are in one array, so anything is possible: sorting (median, quantiles,
IQR), counting repeats (modes), a second pass over the data (variance from the
deviations, skewness, kurtosis, z-scores). The streaming path (``streaming.py``)
covers what can be done without holding the data.

Policies, the same everywhere in this project:

* NaN means "missing": it is skipped and counted in ``missing``.
* An infinity is an error: no statistic of it means anything.
* A statistic that is undefined for the data (the sample variance of one value, the
  skewness of a constant column) is ``None``, which is ``null`` in JSON.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import scipy.stats
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "PERCENTILES",
    "Correlation",
    "EmptyInputError",
    "Summary",
    "correlate",
    "describe",
    "finite_values",
    "iqr_outliers",
    "mean_confidence_interval",
    "zscores",
]

Floats = NDArray[np.float64]

PERCENTILES = (5, 25, 50, 75, 95)
"""The percentiles a summary reports (linear interpolation, NumPy's default)."""

Z_OUTLIER = 3.0
"""A value whose z-score is beyond this many standard deviations counts as an outlier."""

IQR_FACTOR = 1.5
"""Tukey's fences: Q1 - 1.5 IQR and Q3 + 1.5 IQR."""


class EmptyInputError(ValueError):
    """There is no number to describe (the input is empty or entirely missing)."""


@dataclass(frozen=True)
class Summary:
    """Descriptive statistics of one column. ``None`` marks a statistic the data does not define."""

    count: int
    missing: int
    mean: float
    median: float
    modes: list[float]
    mode_count: int
    variance_sample: float | None
    variance_population: float
    std_sample: float | None
    std_population: float
    min: float
    max: float
    range: float
    percentiles: dict[str, float]
    q1: float
    q3: float
    iqr: float
    outlier_fences: tuple[float, float]
    iqr_outliers: int
    max_abs_zscore: float | None
    zscore_outliers: int
    skewness: float | None
    excess_kurtosis: float | None
    confidence: float
    mean_ci: tuple[float, float] | None


@dataclass(frozen=True)
class Correlation:
    """Pearson and Spearman correlation of two columns over the rows where both are present."""

    n_pairs: int
    pearson: float | None
    spearman: float | None


def finite_values(values: ArrayLike) -> tuple[Floats, int]:
    """The values as a float array without NaNs, and how many NaNs were dropped.

    Raises ValueError on an infinity: a mean of ``inf`` is not a statistic anyone wants.
    """
    array = np.asarray(values, dtype=np.float64).ravel()
    missing = np.isnan(array)
    present = array[~missing]
    if np.isinf(present).any():
        raise ValueError(
            f"{int(np.isinf(present).sum())} infinite value(s) in the input; "
            "remove them or mark them missing (NaN)"
        )
    return present, int(missing.sum())


def describe(values: ArrayLike, confidence: float = 0.95) -> Summary:
    """Every statistic of the summary for ``values`` (NaNs skipped and counted).

    >>> s = describe([2, 4, 4, 4, 5, 5, 7, 9])
    >>> s.mean, s.std_population, s.modes
    (5.0, 2.0, [4.0])
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence}")
    x, missing = finite_values(values)
    n = x.size
    if n == 0:
        raise EmptyInputError(f"no numbers to describe ({missing} missing value(s) skipped)")

    mean = _mean(x)
    deviations = x - mean  # the second pass: variance from deviations, not from x**2
    m2 = float(np.mean(deviations**2))  # population variance
    std_population = math.sqrt(m2)
    variance_sample = m2 * n / (n - 1) if n > 1 else None
    std_sample = math.sqrt(variance_sample) if variance_sample is not None else None

    q1, median, q3 = (float(q) for q in np.percentile(x, [25, 50, 75]))
    iqr = q3 - q1
    fences = (q1 - IQR_FACTOR * iqr, q3 + IQR_FACTOR * iqr)
    modes, mode_count = _modes(x)
    z = zscores(x)

    skewness = excess_kurtosis = None
    if std_population > 0:  # moments of the standardised values: m3/m2^1.5 could underflow to 0/0
        standardised = deviations / std_population
        skewness = float(np.mean(standardised**3))
        excess_kurtosis = float(np.mean(standardised**4)) - 3.0

    ci = mean_confidence_interval(mean, std_sample, n, confidence)
    return Summary(
        count=n,
        missing=missing,
        mean=mean,
        median=median,
        modes=modes,
        mode_count=mode_count,
        variance_sample=variance_sample,
        variance_population=m2,
        std_sample=std_sample,
        std_population=std_population,
        min=float(x.min()),
        max=float(x.max()),
        range=float(x.max() - x.min()),
        percentiles={
            f"p{p}": float(v)
            for p, v in zip(PERCENTILES, np.percentile(x, PERCENTILES), strict=True)
        },
        q1=q1,
        q3=q3,
        iqr=iqr,
        outlier_fences=fences,
        iqr_outliers=int(((x < fences[0]) | (x > fences[1])).sum()),
        max_abs_zscore=float(np.abs(z).max()) if z is not None else None,
        zscore_outliers=int((np.abs(z) > Z_OUTLIER).sum()) if z is not None else 0,
        skewness=skewness,
        excess_kurtosis=excess_kurtosis,
        confidence=confidence,
        mean_ci=ci,
    )


def _modes(x: Floats) -> tuple[list[float], int]:
    """The values that occur most often, and how often. No modes when every value is distinct.

    With continuous data every value occurs once; calling all of them "modes" (as
    ``statistics.multimode`` does) says nothing, so that case reports none.
    """
    distinct, counts = np.unique(x, return_counts=True)
    top = int(counts.max())
    if top == 1 and x.size > 1:
        return [], 1
    return [float(v) for v in distinct[counts == top]], top


def zscores(values: ArrayLike) -> Floats | None:
    """(x - mean) / population std for every present value; ``None`` for a constant input.

    Population std (ddof=0) like ``scipy.stats.zscore``: the z-scores then have
    mean 0 and population std exactly 1.
    """
    x, _ = finite_values(values)
    if x.size == 0:
        raise EmptyInputError("no numbers to standardise")
    mean = _mean(x)
    std = float(np.sqrt(np.mean((x - mean) ** 2)))
    if std == 0:
        return None
    return (x - mean) / std


def _mean(x: Floats) -> float:
    """The mean, exact for a constant column.

    ``np.mean([0.1] * 7)`` is 0.1 plus a rounding error; the deviations from it would
    then be tiny but not zero, and the "constant" column would get a variance, a
    skewness and z-scores made of rounding noise.
    """
    first = float(x[0])
    return first if bool((x == first).all()) else float(np.mean(x))


def iqr_outliers(values: ArrayLike) -> Floats:
    """The present values outside Tukey's fences (Q1 - 1.5 IQR, Q3 + 1.5 IQR), in input order."""
    x, _ = finite_values(values)
    if x.size == 0:
        raise EmptyInputError("no numbers to search for outliers")
    q1, q3 = (float(q) for q in np.percentile(x, [25, 75]))
    low, high = q1 - IQR_FACTOR * (q3 - q1), q3 + IQR_FACTOR * (q3 - q1)
    outside: Floats = x[(x < low) | (x > high)]
    return outside


def mean_confidence_interval(
    mean: float, std_sample: float | None, n: int, confidence: float
) -> tuple[float, float] | None:
    """Student-t interval for the mean: mean ± t(n-1) · s / √n. ``None`` with fewer than 2 values.

    It needs only n, the mean and the sample std, so the streaming path can report it too.
    The t quantile comes from SciPy (inverting the t distribution is not this project's point).
    """
    if std_sample is None or n < 2:
        return None
    t = float(scipy.stats.t.ppf((1 + confidence) / 2, df=n - 1))
    half_width = t * std_sample / math.sqrt(n)
    return (mean - half_width, mean + half_width)


def correlate(x: ArrayLike, y: ArrayLike) -> Correlation:
    """Pearson (linear) and Spearman (rank) correlation over the rows where both values are present.

    Either is ``None`` when one column is constant over those rows: it is undefined then.
    """
    a = np.asarray(x, dtype=np.float64).ravel()
    b = np.asarray(y, dtype=np.float64).ravel()
    if a.shape != b.shape:
        raise ValueError(f"columns differ in length: {a.size} and {b.size} values")
    both = ~(np.isnan(a) | np.isnan(b))
    a, b = finite_values(a[both])[0], finite_values(b[both])[0]
    if a.size < 2:
        raise EmptyInputError(f"correlation needs at least 2 complete pairs, got {a.size}")
    return Correlation(
        n_pairs=int(a.size), pearson=_pearson(a, b), spearman=_pearson(_ranks(a), _ranks(b))
    )


def _pearson(a: Floats, b: Floats) -> float | None:
    """Covariance over the product of standard deviations, from centred values."""
    da, db = a - a.mean(), b - b.mean()
    denominator = math.sqrt(float(da @ da) * float(db @ db))
    if denominator == 0:
        return None
    return max(-1.0, min(1.0, float(da @ db) / denominator))  # rounding can step just past ±1


def _ranks(a: Floats) -> Floats:
    """1-based ranks; tied values share the average of the ranks they span (like scipy's rankdata)."""
    order = np.argsort(a, kind="stable")
    _, first, counts = np.unique(a[order], return_index=True, return_counts=True)
    average_rank = first + (counts + 1) / 2  # a tie group at 0-based positions first..first+count-1
    ranks = np.empty(a.size)
    ranks[order] = np.repeat(average_rank, counts)
    return ranks
