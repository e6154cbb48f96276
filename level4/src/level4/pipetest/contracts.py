"""Data contracts: reusable checks that a table is what a pipeline expects.

Each ``expect_*`` function checks one promise about a pandas DataFrame (or Series) and
raises :class:`ContractViolation`, an ``AssertionError`` with a message that names the
column, the count and a few offending values, so it reads well in any test runner. A
:class:`Contract` bundles checks and reports every violation at once instead of the first.

    contract = Contract("sms", [
        lambda t: expect_columns(t, ["label", "message"]),
        lambda t: expect_values_in(t, "label", {"ham", "spam"}),
        lambda t: expect_null_rate(t, "message", 0.0),
    ])
    contract.assert_valid(table)
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from pandas.api import types

__all__ = [
    "DTYPE_CHECKS",
    "Contract",
    "ContractViolation",
    "expect_class_balance",
    "expect_columns",
    "expect_dtypes",
    "expect_null_rate",
    "expect_range",
    "expect_unique",
    "expect_values_in",
]

DTYPE_CHECKS: dict[str, Callable[[Any], bool]] = {
    "string": lambda s: types.is_string_dtype(s) or types.is_object_dtype(s),
    "integer": types.is_integer_dtype,
    "float": types.is_float_dtype,
    "numeric": lambda s: types.is_numeric_dtype(s) and not types.is_bool_dtype(s),
    "bool": types.is_bool_dtype,
    "datetime": types.is_datetime64_any_dtype,
    "category": lambda s: isinstance(s.dtype, pd.CategoricalDtype),
}


class ContractViolation(AssertionError):
    """A table broke a promise; the message says which, where and how often."""


def _examples(values: Iterable[Any], limit: int = 3) -> str:
    shown = [
        repr(v) if not isinstance(v, str) or len(v) < 40 else repr(v[:37] + "...") for v in values
    ]
    return ", ".join(shown[:limit]) + (", ..." if len(shown) > limit else "")


def _column(table: pd.DataFrame, column: str) -> pd.Series:
    if column not in table.columns:
        raise ContractViolation(f"column {column!r} is missing (columns: {list(table.columns)})")
    return table[column]


def expect_columns(table: pd.DataFrame, names: Sequence[str], *, exact: bool = True) -> None:
    """The table has these columns (in this order and no others, when ``exact``)."""
    have = list(table.columns)
    missing = [n for n in names if n not in have]
    if missing:
        raise ContractViolation(f"missing columns {missing}; the table has {have}")
    if exact and have != list(names):
        raise ContractViolation(f"columns are {have}, expected exactly {list(names)}")


def expect_dtypes(table: pd.DataFrame, kinds: Mapping[str, str]) -> None:
    """Each named column has a dtype of the given kind (``string``, ``integer``, ``float``,
    ``numeric``, ``bool``, ``datetime``, ``category``)."""
    wrong = []
    for column, kind in kinds.items():
        if kind not in DTYPE_CHECKS:
            raise ValueError(f"unknown dtype kind {kind!r}; use one of {', '.join(DTYPE_CHECKS)}")
        series = _column(table, column)
        if not DTYPE_CHECKS[kind](series):
            wrong.append(f"{column} is {series.dtype}, not {kind}")
    if wrong:
        raise ContractViolation("; ".join(wrong))


def expect_range(
    table: pd.DataFrame, column: str, low: float | None = None, high: float | None = None
) -> None:
    """Every non-null value of ``column`` lies in ``[low, high]``."""
    series = _column(table, column).dropna()
    outside = series[
        (series < low if low is not None else False)
        | (series > high if high is not None else False)
    ]
    if len(outside):
        raise ContractViolation(
            f"{column}: {len(outside)} of {len(series)} values outside [{low}, {high}], "
            f"e.g. {_examples(outside.tolist())}"
        )


def expect_unique(table: pd.DataFrame, columns: str | Sequence[str]) -> None:
    """No two rows share the same value (or combination of values) in ``columns``."""
    names = [columns] if isinstance(columns, str) else list(columns)
    for name in names:
        _column(table, name)
    repeated = table.duplicated(subset=names, keep="first")
    if repeated.any():
        values = table.loc[repeated, names[0]].tolist()
        raise ContractViolation(
            f"{'+'.join(names)}: {int(repeated.sum())} duplicate rows, e.g. {_examples(values)}"
        )


def expect_null_rate(table: pd.DataFrame, column: str, max_rate: float = 0.0) -> None:
    """At most ``max_rate`` of ``column`` is missing (empty strings count as missing)."""
    series = _column(table, column)
    missing = series.isna() | (series.astype("string").str.strip() == "").fillna(False)
    rate = float(missing.mean()) if len(series) else 0.0
    if rate > max_rate:
        raise ContractViolation(
            f"{column}: {int(missing.sum())} of {len(series)} missing ({rate:.2%}), "
            f"more than the allowed {max_rate:.2%}"
        )


def expect_values_in(table: pd.DataFrame, column: str, allowed: Collection[Any]) -> None:
    """Every non-null value of ``column`` is one of ``allowed``."""
    series = _column(table, column).dropna()
    unknown = series[~series.isin(list(allowed))]
    if len(unknown):
        raise ContractViolation(
            f"{column}: {len(unknown)} values not in {sorted(map(str, allowed))}, "
            f"e.g. {_examples(unknown.unique().tolist())}"
        )


def expect_class_balance(
    labels: pd.Series, *, min_share: float = 0.0, max_share: float = 1.0
) -> dict[str, float]:
    """Every class holds between ``min_share`` and ``max_share`` of the rows; returns the shares."""
    shares = {str(k): float(v) for k, v in labels.value_counts(normalize=True).items()}
    if not shares:
        raise ContractViolation("no labels at all")
    off = {k: v for k, v in shares.items() if not min_share <= v <= max_share}
    if off:
        described = ", ".join(f"{k} {v:.1%}" for k, v in sorted(off.items()))
        raise ContractViolation(
            f"class balance: {described} outside [{min_share:.1%}, {max_share:.1%}]"
        )
    return shares


@dataclass(frozen=True)
class Contract:
    """A named list of checks; :meth:`violations` runs them all and collects the messages."""

    name: str
    checks: Sequence[Callable[[pd.DataFrame], object]]

    def violations(self, table: pd.DataFrame) -> list[str]:
        found = []
        for check in self.checks:
            try:
                check(table)
            except ContractViolation as exc:
                found.append(str(exc))
        return found

    def assert_valid(self, table: pd.DataFrame) -> None:
        found = self.violations(table)
        if found:
            raise ContractViolation(
                f"{self.name}: {len(found)} of {len(self.checks)} checks failed:\n  "
                + "\n  ".join(found)
            )
