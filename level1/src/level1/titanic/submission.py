"""Predictions in Kaggle's submission format: a CSV of PassengerId,Survived, one row per test passenger."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from level0.atomic import atomic_open
from level1.titanic.data import TARGET, DataError

__all__ = ["SUBMISSION_COLUMNS", "check_submission", "make_submission", "write_submission"]

SUBMISSION_COLUMNS = ("PassengerId", TARGET)


def make_submission(model: Any, test: pd.DataFrame) -> pd.DataFrame:
    """Predict every passenger of ``test`` with a fitted pipeline; ids kept in file order."""
    if TARGET in test.columns:
        test = test.drop(columns=[TARGET])
    predicted = model.predict(test)
    return pd.DataFrame(
        {"PassengerId": test["PassengerId"].astype(int).to_numpy(), TARGET: predicted.astype(int)}
    )


def check_submission(submission: pd.DataFrame, test: pd.DataFrame) -> None:
    """Raise :class:`DataError` unless ``submission`` is a valid Kaggle file for ``test``."""
    if tuple(submission.columns) != SUBMISSION_COLUMNS:
        raise DataError(f"a submission has exactly the columns {','.join(SUBMISSION_COLUMNS)}")
    if submission["PassengerId"].tolist() != test["PassengerId"].astype(int).tolist():
        raise DataError("the submission must list every test PassengerId once, in the file's order")
    if not submission[TARGET].isin([0, 1]).all():
        raise DataError(f"{TARGET} must be 0 or 1")


def write_submission(submission: pd.DataFrame, path: str | Path) -> Path:
    """Write the CSV atomically: a failed run never leaves a half-written submission."""
    path = Path(path)
    with atomic_open(path, "w", newline="", encoding="utf-8") as handle:
        submission.to_csv(handle, index=False, lineterminator="\n")
    return path
