"""Reading numbers: a CSV column (whole, or in chunks) or numbers typed on stdin.

Blank cells and NaN are *missing*: they become NaN and are skipped later, with a count.
Text that is not a number is an *error*, reported with its row: silently dropping
"12,5" or "n/a?" would change the statistics without anyone noticing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator

import numpy as np
import pandas as pd
from numpy.typing import NDArray

__all__ = ["ColumnNotFoundError", "DataError", "iter_chunks", "parse_numbers", "read_columns"]

Floats = NDArray[np.float64]


class DataError(ValueError):
    """The input holds something that is not a number where a number belongs."""


class ColumnNotFoundError(KeyError):
    """The CSV file has no column of that name."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0])


def read_columns(path: str | os.PathLike[str], columns: list[str]) -> dict[str, Floats]:
    """The named columns of a CSV file as float arrays (NaN where a cell is blank)."""
    _check_columns(path, columns)
    frame = pd.read_csv(path, usecols=columns)
    return {name: _to_floats(frame[name], name, first_row=1) for name in columns}


def iter_chunks(
    path: str | os.PathLike[str], columns: list[str], chunk_rows: int
) -> Iterator[dict[str, Floats]]:
    """The named columns, ``chunk_rows`` rows at a time: memory stays at one chunk."""
    if chunk_rows < 1:
        raise ValueError(f"chunk size must be at least 1 row, not {chunk_rows}")
    _check_columns(path, columns)
    first_row = 1
    with pd.read_csv(path, usecols=columns, chunksize=chunk_rows) as reader:
        for frame in reader:
            yield {name: _to_floats(frame[name], name, first_row) for name in columns}
            first_row += len(frame)


def parse_numbers(text: str) -> Floats:
    """Numbers separated by whitespace or commas (``nan`` marks a missing one)."""
    tokens = [t for t in re.split(r"[\s,;]+", text) if t]
    values = np.empty(len(tokens))
    for i, token in enumerate(tokens):
        try:
            values[i] = float(token)
        except ValueError:
            raise DataError(f"item {i + 1} of the input, {token!r}, is not a number") from None
    return values


def _check_columns(path: str | os.PathLike[str], columns: list[str]) -> None:
    """Fail early, naming the columns that do exist."""
    header = list(pd.read_csv(path, nrows=0).columns)
    for name in columns:
        if name not in header:
            raise ColumnNotFoundError(
                f"no column {name!r} in {os.fspath(path)}; its columns are: {', '.join(map(str, header))}"
            )


def _to_floats(series: pd.Series, name: str, first_row: int) -> Floats:
    """A column as float64; text that is not a number raises DataError naming the row."""
    if pd.api.types.is_bool_dtype(series):
        raise DataError(f"column {name!r} holds true/false values, not numbers")
    if pd.api.types.is_numeric_dtype(series):
        values: Floats = series.to_numpy(dtype=np.float64, na_value=np.nan)
        return values
    numbers = pd.to_numeric(series, errors="coerce")
    bad = numbers.isna() & series.notna()
    if bad.any():
        position = int(np.argmax(bad.to_numpy()))
        raise DataError(
            f"column {name!r}, data row {first_row + position}: "
            f"{series.iloc[position]!r} is not a number ({int(bad.sum())} such cell(s))"
        )
    values = numbers.to_numpy(dtype=np.float64, na_value=np.nan)
    return values
