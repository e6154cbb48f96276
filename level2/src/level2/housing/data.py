"""Load the housing table and split it into train and test sets stratified on income."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

__all__ = [
    "COLUMNS",
    "INCOME_BINS",
    "TARGET",
    "VALUE_CAP",
    "income_category",
    "load_housing",
    "split",
]

TARGET = "median_house_value"
VALUE_CAP = 500_001.0  # the census top-code of the target: "500,000 USD or more"
COLUMNS = (
    "longitude",
    "latitude",
    "housing_median_age",
    "total_rooms",
    "total_bedrooms",
    "population",
    "households",
    "median_income",
    TARGET,
    "ocean_proximity",
)
# median_income is in tens of thousands of USD; these five bands follow Hands-On ML.
INCOME_BINS = (0.0, 1.5, 3.0, 4.5, 6.0, np.inf)


def load_housing(path: str | Path) -> pd.DataFrame:
    """Read ``housing.csv``, checking that every expected column is there."""
    try:
        frame = pd.read_csv(path)
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"{path}: not UTF-8 text (byte offset {exc.start}); save it as UTF-8 CSV"
        ) from None
    except pd.errors.EmptyDataError:
        raise ValueError(f"{path}: empty; expected housing.csv") from None
    except pd.errors.ParserError as exc:
        first = str(exc).strip().splitlines()[0]
        raise ValueError(f"{path}: not a readable CSV ({first})") from None
    missing = [name for name in COLUMNS if name not in frame.columns]
    if missing:
        raise ValueError(f"{path}: not a housing table (missing columns: {', '.join(missing)})")
    if frame.empty:
        raise ValueError(f"{path}: no rows")
    return frame.loc[:, list(COLUMNS)]


def income_category(income: pd.Series) -> pd.Series:
    """Five income bands (1-5), used only to stratify the split."""
    bands = pd.cut(income, bins=list(INCOME_BINS), labels=[1, 2, 3, 4, 5], include_lowest=True)
    return bands.astype("int64")


def split(
    frame: pd.DataFrame, *, test_size: float = 0.2, seed: int = 42
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Train and test sets whose income-band proportions match the whole table's.

    A purely random split of a few thousand rows can over- or under-represent the
    rare top band; stratifying keeps the test set a fair sample of incomes.
    """
    train, test = train_test_split(
        frame,
        test_size=test_size,
        random_state=seed,
        stratify=income_category(frame["median_income"]),
    )
    return train.copy(), test.copy()
