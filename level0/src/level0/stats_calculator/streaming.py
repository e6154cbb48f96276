"""The streaming path: one pass over a file too large for memory, exact count, mean and variance.

The textbook one-pass formula ``var = (Σx² - (Σx)²/n) / (n - 1)`` subtracts two huge,
nearly equal numbers when the values sit far from zero. With values around 1e9 the
sums of squares are around 1e18·n, where a float's spacing is already above 100, so
a spread of a few units vanishes in rounding: :func:`naive_variance` of
``1e9 + [4, 7, 13, 16]`` comes out as -170.7 (a negative variance!) instead of 30.

Welford's algorithm never forms those sums. It keeps the running mean and ``M2``, the
sum of squared deviations from the *current* mean, and updates both with the new
value's distance from the mean, a small number. :meth:`RunningStats.push` is that
update. :meth:`RunningStats.push_many` is the same idea for a whole chunk (Chan,
Golub and LeVeque's pairwise combination): summarise the chunk with NumPy, then merge
two (count, mean, M2) summaries; ``push`` is the special case of a chunk of one.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike
from tqdm import tqdm

from level0.stats_calculator.describe import (
    EmptyInputError,
    finite_values,
    mean_confidence_interval,
)
from level0.stats_calculator.loading import iter_chunks

__all__ = [
    "NEEDS_ALL_VALUES",
    "RunningCovariance",
    "RunningStats",
    "StreamSummary",
    "naive_variance",
    "stream_csv",
]

NEEDS_ALL_VALUES = {
    "median, percentiles, IQR and IQR outliers": "order statistics need the values sorted",
    "modes": "counting repeats needs every distinct value",
    "z-scores and z outliers": "each value needs the final mean and std: a second pass",
    "skewness and kurtosis": "possible in one pass with 3rd and 4th moment updates; not done here",
    "Spearman correlation": "ranks need the values sorted",
    "histogram": "the bin edges need the range first: a second pass",
}
"""What the streaming path does not report, and why; use the in-memory path for these."""


def naive_variance(values: Iterable[float]) -> float:
    """Sample variance by the textbook one-pass formula (Σx² - (Σx)²/n) / (n - 1).

    Kept to show why it is not used: far from zero it loses every significant digit.
    """
    n, total, total_squares = 0, 0.0, 0.0
    for x in values:
        n += 1
        total += x
        total_squares += x * x
    if n < 2:
        raise ValueError("the sample variance needs at least 2 values")
    return (total_squares - total * total / n) / (n - 1)


@dataclass
class RunningStats:
    """Count, mean, variance, min and max of a stream of numbers, in O(1) memory.

    >>> stats = RunningStats()
    >>> for x in [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]:
    ...     stats.push(x)
    >>> stats.variance_sample
    30.0
    """

    count: int = 0
    missing: int = 0
    mean: float = 0.0
    m2: float = 0.0  # sum of squared deviations from the mean
    min: float = math.inf
    max: float = -math.inf

    def push(self, x: float) -> None:
        """Welford's update for one value (NaN counts as missing)."""
        if math.isnan(x):
            self.missing += 1
            return
        if math.isinf(x):
            raise ValueError("an infinite value in the input; remove it or mark it missing")
        self.count += 1
        delta = x - self.mean
        self.mean += delta / self.count
        self.m2 += delta * (x - self.mean)  # old distance times new distance
        self.min = min(self.min, x)
        self.max = max(self.max, x)

    def push_many(self, values: ArrayLike) -> None:
        """Merge a whole chunk: summarise it with NumPy (two-pass), then combine the summaries."""
        x, missing = finite_values(values)
        self.missing += missing
        if x.size == 0:
            return
        constant = bool((x == x[0]).all())  # then np.mean could be off by rounding; x[0] is exact
        chunk_mean = float(x[0]) if constant else float(np.mean(x))
        chunk_m2 = float(np.sum((x - chunk_mean) ** 2))
        n_a, n_b = self.count, x.size
        n = n_a + n_b
        delta = chunk_mean - self.mean
        self.mean += delta * n_b / n
        self.m2 += chunk_m2 + delta * delta * n_a * n_b / n
        self.count = n
        self.min = min(self.min, float(x.min()))
        self.max = max(self.max, float(x.max()))

    @property
    def variance_population(self) -> float | None:
        return self.m2 / self.count if self.count else None

    @property
    def variance_sample(self) -> float | None:
        return self.m2 / (self.count - 1) if self.count > 1 else None


@dataclass
class RunningCovariance:
    """Pearson correlation of two streams of paired values, in one pass (pairs with a NaN skipped).

    The same merge as :class:`RunningStats`, plus the co-moment Σ(x - x̄)(y - ȳ), which
    combines like M2: ``C = C_a + C_b + δx·δy·n_a·n_b / n``.
    """

    count: int = 0
    mean_x: float = 0.0
    mean_y: float = 0.0
    m2_x: float = 0.0
    m2_y: float = 0.0
    comoment: float = 0.0

    def push_many(self, x: ArrayLike, y: ArrayLike) -> None:
        a = np.asarray(x, dtype=np.float64).ravel()
        b = np.asarray(y, dtype=np.float64).ravel()
        both = ~(np.isnan(a) | np.isnan(b))
        a, b = finite_values(a[both])[0], finite_values(b[both])[0]
        if a.size == 0:
            return
        da, db = a - a.mean(), b - b.mean()
        n_a, n_b = self.count, a.size
        n = n_a + n_b
        delta_x, delta_y = float(a.mean()) - self.mean_x, float(b.mean()) - self.mean_y
        weight = n_a * n_b / n
        self.mean_x += delta_x * n_b / n
        self.mean_y += delta_y * n_b / n
        self.m2_x += float(da @ da) + delta_x * delta_x * weight
        self.m2_y += float(db @ db) + delta_y * delta_y * weight
        self.comoment += float(da @ db) + delta_x * delta_y * weight
        self.count = n

    @property
    def pearson(self) -> float | None:
        denominator = math.sqrt(self.m2_x * self.m2_y)
        if self.count < 2 or denominator == 0:
            return None
        return max(-1.0, min(1.0, self.comoment / denominator))


@dataclass(frozen=True)
class StreamSummary:
    """What one pass over a column gives exactly, and what it leaves to the in-memory path."""

    count: int
    missing: int
    mean: float
    variance_sample: float | None
    variance_population: float
    std_sample: float | None
    std_population: float
    min: float
    max: float
    range: float
    confidence: float
    mean_ci: tuple[float, float] | None
    rows: int
    chunks: int
    pearson: float | None = None
    n_pairs: int | None = None
    not_computed: dict[str, str] = field(default_factory=lambda: dict(NEEDS_ALL_VALUES))


def stream_csv(
    path: str | os.PathLike[str],
    column: str,
    other: str | None = None,
    chunk_rows: int = 100_000,
    confidence: float = 0.95,
) -> StreamSummary:
    """Summarise ``column`` of a CSV file chunk by chunk (and its Pearson r with ``other``).

    Memory stays at one chunk whatever the file size. A progress bar shows rows read
    when stderr is a terminal.
    """
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, not {confidence}")
    stats, pairs = RunningStats(), RunningCovariance()
    rows = chunks = 0
    with tqdm(desc="reading", unit=" rows", unit_scale=True, disable=None) as progress:
        for chunk in iter_chunks(path, [column] if other is None else [column, other], chunk_rows):
            stats.push_many(chunk[column])
            if other is not None:
                pairs.push_many(chunk[column], chunk[other])
            rows += len(chunk[column])
            chunks += 1
            progress.update(len(chunk[column]))
    if stats.count == 0:
        raise EmptyInputError(
            f"no numbers in column {column!r} ({stats.missing} missing value(s) skipped)"
        )
    variance_population = stats.m2 / stats.count
    variance_sample = stats.variance_sample
    std_sample = math.sqrt(variance_sample) if variance_sample is not None else None
    return StreamSummary(
        count=stats.count,
        missing=stats.missing,
        mean=stats.mean,
        variance_sample=variance_sample,
        variance_population=variance_population,
        std_sample=std_sample,
        std_population=math.sqrt(variance_population),
        min=stats.min,
        max=stats.max,
        range=stats.max - stats.min,
        confidence=confidence,
        mean_ci=mean_confidence_interval(stats.mean, std_sample, stats.count, confidence),
        rows=rows,
        chunks=chunks,
        pearson=pairs.pearson if other is not None else None,
        n_pairs=pairs.count if other is not None else None,
    )
