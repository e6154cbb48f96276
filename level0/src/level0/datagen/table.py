"""generate(): from a schema to a DataFrame, one vectorised column at a time.

The steps, for every column:

1. draw its clean values (columns.py; derived ones through rules.py), sources first;
2. inject its dirt (inject.py): outliers, then duplicated values, then missing values;
3. turn the NumPy array into a pandas column of the right dtype.

Seeding: every column gets its own random generators, derived from the seed *and the
column's name* through ``numpy.random.SeedSequence``. So a column's values depend only
on the seed and its own settings (and its sources): adding, removing or reordering
other columns leaves it byte for byte the same.
"""

from __future__ import annotations

import hashlib
import operator
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from level0.datagen.columns import GENERATORS
from level0.datagen.inject import add_duplicates, add_outliers, duplicate_rows, missing_mask
from level0.datagen.presets import preset
from level0.datagen.schema import Column, Schema, load_schema, parse_schema

__all__ = ["column_streams", "generate", "resolve", "to_series"]


def generate(
    schema: str | Mapping[str, Any] | Schema | os.PathLike[str], rows: int, seed: int = 0
) -> pd.DataFrame:
    """A table of ``rows`` rows from a preset name, a schema dict, a Schema or a schema file.

    The same ``(schema, rows, seed)`` always gives the same table, and the same bytes
    once written. Raises SchemaError (a ValueError) naming the column when the schema
    is wrong.
    """
    checked = resolve(schema)
    rows = _whole("rows", rows)
    seed = _whole("seed", seed)
    clean: dict[str, np.ndarray] = {}
    for name in checked.order:
        column = checked.column(name)
        values_rng = column_streams(seed, name)[0]
        clean[name] = GENERATORS[column.kind](column, rows, values_rng, clean)
    data = {}
    for column in checked.columns:
        if column.hidden:
            continue
        _, outliers_rng, duplicates_rng, missing_rng = column_streams(seed, column.name)
        values = clean[column.name]
        if column.outliers is not None:
            values = add_outliers(column, values, column.outliers, outliers_rng)
        if column.duplicates:
            values = add_duplicates(values, column.duplicates, duplicates_rng)
        missing = missing_mask(column, rows, missing_rng, clean)
        data[column.name] = to_series(column, values, missing)
    frame = pd.DataFrame(data, index=pd.RangeIndex(rows))
    if checked.duplicate_rows:
        table_rng = np.random.default_rng(np.random.SeedSequence(seed))
        frame = duplicate_rows(frame, checked.duplicate_rows, table_rng)
    return frame


def resolve(schema: object) -> Schema:
    """A checked Schema from a preset name, a dict, a Schema or a path to a JSON/TOML file."""
    if isinstance(schema, str):
        return parse_schema(preset(schema))
    if isinstance(schema, os.PathLike):
        return load_schema(Path(schema))
    if isinstance(schema, Schema | Mapping):
        return parse_schema(schema)
    raise TypeError(
        f"schema must be a preset name, a dict, a Schema or a path, not {type(schema).__name__}"
    )


def column_streams(seed: int, name: str) -> list[np.random.Generator]:
    """Four independent generators for one column: values, outliers, duplicates, missing.

    The column's name is hashed into the SeedSequence's ``spawn_key``, the documented way
    to give each consumer its own stream, so the streams follow the name, not the position.
    """
    name_key = int.from_bytes(hashlib.sha256(name.encode("utf-8")).digest()[:16], "big")
    column_seed = np.random.SeedSequence(seed, spawn_key=(name_key,))
    return [np.random.default_rng(child) for child in column_seed.spawn(4)]


def to_series(column: Column, values: np.ndarray, missing: np.ndarray) -> pd.Series:
    """The pandas column: int64/Int64, float64, bool/boolean, category, datetime64[us] or str.

    A column that may have missing values (its schema says so, whatever this draw gave)
    gets a nullable dtype, so the dtype depends on the schema alone.
    """
    nullable = column.missing.possible
    match column.value_type:
        case "int":
            ints = values.astype(np.int64)
            data: Any = pd.arrays.IntegerArray(ints, missing) if nullable else ints
        case "bool":
            flags = values.astype(bool)
            data = pd.arrays.BooleanArray(flags, missing) if nullable else flags
        case "float":
            data = np.where(missing, np.nan, values.astype(np.float64))
        case "datetime":
            data = np.where(missing, np.datetime64("NaT", "us"), values.astype("datetime64[us]"))
        case "category":
            labels = values.astype(object)
            labels[missing] = None
            data = pd.Categorical(labels, categories=column.levels)
        case _:
            texts = values.astype(object)
            texts[missing] = None
            data = pd.array(texts, dtype="str")
    return pd.Series(data, name=column.name)


def _whole(what: str, value: object) -> int:
    """``value`` as a whole number >= 0, or a ValueError that says what was wrong."""
    try:
        number = operator.index(value)  # type: ignore[arg-type]
    except TypeError:
        raise ValueError(f"{what} must be a whole number >= 0, not {value!r}") from None
    if isinstance(value, bool) or number < 0:
        raise ValueError(f"{what} must be a whole number >= 0, not {value!r}")
    return number
