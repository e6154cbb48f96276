"""Kaggle's Titanic files: find them in the registry, read them, check they are what we expect.

``train.csv`` holds 891 passengers with the label ``Survived``; ``test.csv`` holds 418
more (PassengerId 892–1309) without it. The test labels are Kaggle's secret: a model is
scored on them only by submitting a file, so nothing here ever trains on test rows.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd

from level0.datasets import locate

__all__ = [
    "FEATURE_COLUMNS",
    "TARGET",
    "TEST_IDS",
    "DataError",
    "default_paths",
    "read_passengers",
    "sha256_of",
]

TARGET = "Survived"
FEATURE_COLUMNS = (
    "PassengerId",
    "Pclass",
    "Name",
    "Sex",
    "Age",
    "SibSp",
    "Parch",
    "Ticket",
    "Fare",
    "Cabin",
    "Embarked",
)
TEST_IDS = range(892, 1310)  # Kaggle's 418 test passengers


class DataError(ValueError):
    """A passenger file that cannot be used as it is, with what to fix."""


def default_paths() -> tuple[Path, Path]:
    """``train.csv`` and ``test.csv`` from the registry (never downloads; one-line error if absent)."""
    folder = locate("titanic")
    return folder / "train.csv", folder / "test.csv"


def read_passengers(path: str | Path, *, labelled: bool) -> pd.DataFrame:
    """Read a Kaggle-format passenger CSV and check its columns and ids.

    ``labelled=True`` (a training file) also requires a ``Survived`` column of 0/1.
    """
    path = Path(path)
    try:
        frame = pd.read_csv(path)
    except pd.errors.EmptyDataError:
        raise DataError(f"{path} is empty") from None
    except pd.errors.ParserError as exc:
        raise DataError(f"{path} is not a readable CSV ({' '.join(str(exc).split())})") from None
    required = (*FEATURE_COLUMNS, TARGET) if labelled else FEATURE_COLUMNS
    missing = [column for column in required if column not in frame.columns]
    if missing:
        hint = " (test rows have no labels: use train.csv)" if missing == [TARGET] else ""
        raise DataError(f"{path} lacks the column(s) {', '.join(missing)}{hint}")
    if frame.empty:
        raise DataError(f"{path} has a header but no passengers")
    ids = pd.to_numeric(frame["PassengerId"], errors="coerce")
    if ids.isna().any() or (ids % 1 != 0).any():
        raise DataError(f"{path}: PassengerId must be whole numbers")
    if ids.duplicated().any():
        raise DataError(f"{path}: PassengerId {int(ids[ids.duplicated()].iloc[0])} appears twice")
    if labelled and not frame[TARGET].isin([0, 1]).all():
        raise DataError(f"{path}: {TARGET} must be 0 or 1 on every row")
    return frame


def sha256_of(path: str | Path) -> str:
    """The file's sha256, recorded with a saved model so it says what it was trained on."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
