"""Reading the CSV and deciding what each column is: a date, a number, a category or text.

The default report is built from these column kinds, so the rules are few and
written down here rather than buried in the report code.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

__all__ = ["ColumnKinds", "DataError", "infer_kinds", "load_csv"]

MAX_CATEGORIES = 20
"""A text column with at most this many distinct values is a category (a group-by candidate)."""

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


class DataError(ValueError):
    """The CSV cannot be reported on: empty, unreadable, or without rows."""


def load_csv(path: str | Path) -> pd.DataFrame:
    """Read ``path`` as UTF-8 CSV; columns whose values look like ISO dates become datetimes.

    Raises :class:`DataError` for an empty file, a header without rows, text that is
    not UTF-8 or a malformed CSV; ``FileNotFoundError`` when there is no file.
    """
    path = Path(path)
    try:
        frame = pd.read_csv(path, encoding="utf-8")
    except pd.errors.EmptyDataError:
        raise DataError(f"{path} is empty: it has no header and no rows") from None
    except UnicodeDecodeError as exc:
        raise DataError(
            f"{path} is not UTF-8 text (byte {exc.start}); re-save it as UTF-8"
        ) from None
    except pd.errors.ParserError as exc:
        raise DataError(f"{path} is not a well-formed CSV: {' '.join(str(exc).split())}") from None
    if frame.empty:
        raise DataError(f"{path} has a header but no data rows")
    for name in frame.columns:
        column = frame[name]
        if pd.api.types.is_string_dtype(column) and _looks_like_dates(column):
            with contextlib.suppress(
                ValueError, TypeError
            ):  # not dates after all: leave it as text
                frame[name] = pd.to_datetime(column, format="ISO8601")
    return frame


def _looks_like_dates(column: pd.Series) -> bool:
    values = column.dropna()
    return not values.empty and all(_ISO_DATE.match(str(v)) for v in values.head(20))


@dataclass(frozen=True)
class ColumnKinds:
    """Column names by kind, in the order they appear in the data."""

    dates: tuple[str, ...]
    numbers: tuple[str, ...]
    categories: tuple[str, ...]
    text: tuple[str, ...]


def infer_kinds(frame: pd.DataFrame) -> ColumnKinds:
    """Sort the columns into dates, numbers (ids excluded), categories and free text.

    * dates: datetime columns (see :func:`load_csv`);
    * numbers: int and float columns, except identifiers (``id`` or ``..._id``);
    * categories: booleans, and text or numbers-as-ids with 2 to ``MAX_CATEGORIES`` distinct values;
    * text: the rest (names, order ids, comments).
    """
    dates, numbers, categories, text = [], [], [], []
    for name in frame.columns:
        column = frame[name]
        label = str(name)
        if pd.api.types.is_datetime64_any_dtype(column):
            dates.append(label)
        elif (
            pd.api.types.is_numeric_dtype(column)
            and not pd.api.types.is_bool_dtype(column)
            and not _is_id(label)
        ):
            numbers.append(label)
        elif 2 <= column.nunique(dropna=True) <= MAX_CATEGORIES:
            categories.append(label)
        else:
            text.append(label)
    return ColumnKinds(tuple(dates), tuple(numbers), tuple(categories), tuple(text))


def _is_id(name: str) -> bool:
    lowered = name.lower()
    return lowered == "id" or lowered.endswith("_id")
