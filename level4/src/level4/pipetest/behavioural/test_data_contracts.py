"""Data contracts for the raw files the two models learn from."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from level0.datasets import DatasetMissing, locate
from level4.pipetest import (
    ContractViolation,
    expect_class_balance,
    expect_columns,
    expect_dtypes,
    expect_null_rate,
    expect_range,
    expect_unique,
    expect_values_in,
    fixture,
    mark,
    raises,
    skip,
)
from level4.pipetest.models import SENTIMENT_FILES


def read_tsv(path: Path, names: list[str]) -> pd.DataFrame:
    """A tab-separated file with no header and no quoting (both datasets need QUOTE_NONE)."""
    return pd.read_csv(
        path,
        sep="\t",
        header=None,
        names=names,
        quoting=csv.QUOTE_NONE,
        dtype=str,
        keep_default_na=False,
        encoding="utf-8",
    )


def dataset(name: str) -> Path:
    try:
        return locate(name)
    except DatasetMissing as exc:
        skip(str(exc))


@fixture(scope="module")
def sms() -> pd.DataFrame:
    return read_tsv(dataset("sms_spam") / "SMSSpamCollection", ["label", "message"])


def test_sms_schema_labels_and_nulls(sms: pd.DataFrame) -> None:
    expect_columns(sms, ["label", "message"])
    expect_dtypes(sms, {"label": "string", "message": "string"})
    expect_values_in(sms, "label", {"ham", "spam"})
    expect_null_rate(sms, "message", 0.0)


def test_sms_message_lengths(sms: pd.DataFrame) -> None:
    expect_range(sms.assign(length=sms["message"].str.len()), "length", 1, 1000)


def test_sms_class_balance(sms: pd.DataFrame) -> None:
    shares = expect_class_balance(sms["label"], min_share=0.10, max_share=0.90)
    assert 0.10 <= shares["spam"] <= 0.20


def test_raw_sms_repeats_messages_so_level1_deduplicates(sms: pd.DataFrame) -> None:
    with raises(ContractViolation, match="duplicate rows"):
        expect_unique(sms, "message")
    expect_unique(sms.drop_duplicates("message"), "message")


@mark.parametrize("source", SENTIMENT_FILES)
def test_sentiment_file_is_balanced_and_complete(source: str) -> None:
    table = read_tsv(dataset("sentiment") / f"{source}_labelled.txt", ["sentence", "label"])
    expect_columns(table, ["sentence", "label"])
    expect_values_in(table, "label", {"0", "1"})
    expect_null_rate(table, "sentence", 0.0)
    assert expect_class_balance(table["label"], min_share=0.5, max_share=0.5) == {
        "0": 0.5,
        "1": 0.5,
    }
