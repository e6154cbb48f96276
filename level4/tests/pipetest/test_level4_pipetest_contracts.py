"""Data contracts against pandas' own answers, on generated tables."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from level4.pipetest import (
    Contract,
    ContractViolation,
    expect_class_balance,
    expect_columns,
    expect_dtypes,
    expect_null_rate,
    expect_range,
    expect_unique,
    expect_values_in,
)

VALUES = st.lists(st.one_of(st.none(), st.integers(-5, 5)), min_size=1, max_size=40)


@given(values=VALUES, max_rate=st.floats(0, 1))
def test_null_rate_agrees_with_pandas(values: list[int | None], max_rate: float) -> None:
    table = pd.DataFrame({"v": pd.array(values, dtype="Int64")})
    rate = float(table["v"].isna().mean())
    if rate <= max_rate:
        expect_null_rate(table, "v", max_rate)
    else:
        with pytest.raises(ContractViolation, match="missing"):
            expect_null_rate(table, "v", max_rate)


@given(values=st.lists(st.integers(0, 6), min_size=1, max_size=30))
def test_uniqueness_agrees_with_pandas_duplicated(values: list[int]) -> None:
    table = pd.DataFrame({"k": values})
    duplicates = int(table.duplicated("k").sum())
    if duplicates == 0:
        expect_unique(table, "k")
    else:
        with pytest.raises(ContractViolation, match=f"{duplicates} duplicate rows"):
            expect_unique(table, "k")


@given(
    values=st.lists(st.floats(-10, 10), min_size=1, max_size=30),
    low=st.floats(-10, 0),
    high=st.floats(0, 10),
)
def test_range_counts_every_value_outside(values: list[float], low: float, high: float) -> None:
    table = pd.DataFrame({"x": values})
    outside = int(((table["x"] < low) | (table["x"] > high)).sum())
    if outside == 0:
        expect_range(table, "x", low, high)
    else:
        with pytest.raises(ContractViolation, match=f"{outside} of {len(values)} values outside"):
            expect_range(table, "x", low, high)


@given(labels=st.lists(st.sampled_from("abc"), min_size=1, max_size=50))
def test_class_balance_returns_pandas_shares(labels: list[str]) -> None:
    series = pd.Series(labels)
    shares = expect_class_balance(series)
    expected = series.value_counts(normalize=True)
    assert shares == pytest.approx({k: float(v) for k, v in expected.items()})
    smallest = float(expected.min())
    with pytest.raises(ContractViolation, match="class balance"):
        expect_class_balance(series, min_share=float(np.nextafter(smallest, 2)))


def test_schema_dtypes_and_allowed_values() -> None:
    table = pd.DataFrame({"id": [1, 2], "label": ["ham", "eggs"], "score": [0.5, 0.7]})
    expect_columns(table, ["id", "label", "score"])
    expect_dtypes(table, {"id": "integer", "label": "string", "score": "float"})
    with pytest.raises(ContractViolation, match="columns are"):
        expect_columns(table, ["label", "id", "score"])
    with pytest.raises(ContractViolation, match="id is int64, not float"):
        expect_dtypes(table, {"id": "float"})
    with pytest.raises(ContractViolation, match="'eggs'"):
        expect_values_in(table, "label", {"ham", "spam"})
    with pytest.raises(ContractViolation, match="column 'nope' is missing"):
        expect_null_rate(table, "nope")


def test_contract_reports_every_violation_at_once() -> None:
    table = pd.DataFrame({"label": ["ham", "ham", None], "text": ["a", "a", ""]})
    contract = Contract(
        "example",
        [
            lambda t: expect_values_in(t, "label", {"ham", "spam"}),
            lambda t: expect_null_rate(t, "label", 0.0),
            lambda t: expect_unique(t, "text"),
            lambda t: expect_null_rate(t, "text", 0.5),
        ],
    )
    found = contract.violations(table)
    assert len(found) == 2
    with pytest.raises(ContractViolation, match="2 of 4 checks failed"):
        contract.assert_valid(table)
