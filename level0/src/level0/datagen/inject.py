"""Dirt on purpose: missing values, duplicated values, outliers and duplicated rows.

Real tables are never clean, and the later levels teach how to clean them, so each
column can ask for its share of dirt. Every injection picks its rows with a vectorised
coin toss (``rng.random(rows) < rate``), so the rate is a probability per row: 1,000
rows at ``missing = 0.2`` get about 200 blanks, not exactly 200.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from level0.datagen.rules import lookup
from level0.datagen.schema import Column, Outliers

__all__ = ["add_duplicates", "add_outliers", "duplicate_rows", "missing_mask"]


def add_outliers(
    column: Column, values: np.ndarray, outliers: Outliers, rng: np.random.Generator
) -> np.ndarray:
    """Move a share of values ``scale`` to ``2 * scale`` standard deviations from the median.

    Outliers ignore the column's min and max: being outside the usual range is what
    makes them outliers (a negative stock count, a 500-pound fare, a sensor spike).
    """
    hit = np.flatnonzero(rng.random(values.size) < outliers.rate)
    if hit.size == 0:
        return values
    center = float(np.median(values))
    spread = float(np.std(values)) or max(abs(center), 1.0)
    direction = {"high": np.ones(hit.size), "low": -np.ones(hit.size)}.get(
        outliers.side, rng.choice([-1.0, 1.0], hit.size)
    )
    moved = values.astype(np.float64)
    moved[hit] = center + direction * outliers.scale * spread * rng.uniform(1.0, 2.0, hit.size)
    if column.value_type == "int":
        return np.rint(moved).astype(np.int64)
    decimals = column.options.get("decimals")
    return np.round(moved, decimals) if decimals is not None else moved


def add_duplicates(values: np.ndarray, rate: float, rng: np.random.Generator) -> np.ndarray:
    """Overwrite a share of values with copies of values from other rows (repeated ids...)."""
    hit = np.flatnonzero(rng.random(values.size) < rate)
    if hit.size == 0:
        return values
    copied = values.copy()
    copied[hit] = values[rng.integers(0, values.size, hit.size)]
    return copied


def missing_mask(
    column: Column, rows: int, rng: np.random.Generator, table: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Which rows lose their value: one rate, or a rate per value of another column."""
    missing = column.missing
    if not missing.possible:
        return np.zeros(rows, dtype=bool)
    if missing.by is None or missing.rates is None:
        rate: float | np.ndarray = missing.rate
    else:
        rates = {(key,): r for key, r in missing.rates.items()}
        rate = lookup(column, "'missing.rates'", [table[missing.by]], rates, 0.0)
    return rng.random(rows) < rate


def duplicate_rows(frame: pd.DataFrame, rate: float, rng: np.random.Generator) -> pd.DataFrame:
    """Replace a share of rows with copies of other rows: the table keeps its length."""
    rows = len(frame)
    hit = np.flatnonzero(rng.random(rows) < rate)
    if hit.size == 0:
        return frame
    order = np.arange(rows)
    order[hit] = rng.integers(0, rows, hit.size)
    return frame.take(order).reset_index(drop=True)
