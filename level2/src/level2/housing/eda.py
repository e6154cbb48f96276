"""Exploratory data analysis: the numbers that motivate each cleaning choice in features.py.

Everything here is computed from the table alone (no model), so the report can be
read before any training. :mod:`level2.housing.plots` draws them and
:mod:`level2.housing.report` writes them up.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from sklearn.model_selection import train_test_split

from level2.housing.data import TARGET, income_category, split
from level2.housing.features import CATEGORY, RATIOS

__all__ = [
    "DROP_COLUMN_ABOVE",
    "INDICATOR_ABOVE",
    "VIF_COLUMNS",
    "capped_values",
    "category_counts",
    "engineered_columns",
    "iqr_outliers",
    "missing_counts",
    "missing_plan",
    "skewness",
    "strata_table",
    "vif",
]

VIF_COLUMNS = (
    "housing_median_age",
    "total_rooms",
    "total_bedrooms",
    "population",
    "households",
    "median_income",
)
# Rules of thumb for missing values, by the share of a column that is missing.
DROP_COLUMN_ABOVE = 0.5  # more than half missing: imputing would invent most of the column
INDICATOR_ABOVE = 0.05  # 5-50 %: impute and add a "was missing" flag, the gap itself may inform


def missing_counts(frame: pd.DataFrame) -> pd.Series:
    """Missing values per column (every column, zeros included)."""
    return frame.isna().sum().astype("int64")


def missing_plan(
    frame: pd.DataFrame,
    *,
    target: str = TARGET,
    drop_column_above: float = DROP_COLUMN_ABOVE,
    indicator_above: float = INDICATOR_ABOVE,
) -> pd.DataFrame:
    """What to do with each column that has missing values, by the share missing.

    * a missing **target** drops the row: a label is never invented;
    * over ``drop_column_above`` (50 %): drop the **column**;
    * over ``indicator_above`` (5 %): impute and add a missing-indicator column;
    * below: impute (median for numbers, most frequent for categories). Dropping
      those rows instead would throw away their other columns and, unless values
      are missing at random, bias what is left.
    """
    rows = []
    for name, count in missing_counts(frame).items():
        if count == 0:
            continue
        share = count / len(frame)
        numeric = pd.api.types.is_numeric_dtype(frame[name])
        fill = "median" if numeric else "most frequent value"
        if name == target:
            action = "drop the rows (never impute the target)"
        elif share > drop_column_above:
            action = "drop the column"
        elif share > indicator_above:
            action = f"impute the training {fill} and add a missing indicator"
        else:
            action = f"impute the training {fill}"
        rows.append({"column": name, "missing": int(count), "share": share, "action": action})
    return pd.DataFrame(rows, columns=["column", "missing", "share", "action"])


def skewness(frame: pd.DataFrame) -> pd.Series:
    """Sample skewness of each numeric column, most skewed first."""
    numeric = frame.select_dtypes("number")
    return numeric.skew().sort_values(ascending=False)


def capped_values(
    frame: pd.DataFrame, columns: tuple[str, ...] = (TARGET, "housing_median_age")
) -> pd.DataFrame:
    """For each column: its maximum and how many rows sit exactly on it.

    A census top-code shows up as a pile of rows at the maximum (500,001 USD for the
    house value, 52 years for the age), far more than a smooth tail would hold.
    """
    rows = []
    for name in columns:
        values = frame[name].dropna()
        top = float(values.max())
        at_top = int((values == top).sum())
        rows.append(
            {"column": name, "max": top, "rows_at_max": at_top, "share": at_top / len(values)}
        )
    return pd.DataFrame(rows)


def iqr_outliers(frame: pd.DataFrame, columns: list[str] | None = None) -> pd.DataFrame:
    """Rows below and above Tukey's fences (Q1 - 1.5 IQR, Q3 + 1.5 IQR), raw and after log1p.

    By default for the skewed columns (skew above 1, the target left out). On the raw
    scale a long right tail puts every "outlier" on the high side; after ``log1p`` the
    distribution is nearly symmetric, fewer high values stand out and the tiny block
    groups appear on the low side. What counts as an outlier depends on the scale.
    """
    skew = skewness(frame.drop(columns=[TARGET], errors="ignore"))
    names = columns or list(skew[skew > 1].index)
    rows = []
    for name in names:
        values = frame[name].dropna()
        row: dict[str, object] = {"column": name}
        for scale, data in (("raw", values), ("log", np.log1p(values.clip(lower=0)))):
            q1, q3 = data.quantile([0.25, 0.75])
            spread = 1.5 * (q3 - q1)
            row[f"{scale}_low"] = int((data < q1 - spread).sum())
            row[f"{scale}_high"] = int((data > q3 + spread).sum())
        rows.append(row)
    return pd.DataFrame(rows, columns=["column", "raw_low", "raw_high", "log_low", "log_high"])


def category_counts(frame: pd.DataFrame, column: str = CATEGORY) -> pd.DataFrame:
    """Each category's row count and share, most common first: rare levels stand out."""
    counts = frame[column].value_counts(dropna=False)
    return pd.DataFrame(
        {
            "category": counts.index.astype(str),
            "rows": counts.to_numpy(),
            "share": counts.to_numpy() / len(frame),
        }
    )


def strata_table(frame: pd.DataFrame, *, seed: int = 42) -> pd.DataFrame:
    """Share of each income band in the whole table, a stratified and a random 20 % test set.

    The top and bottom bands are small (an imbalance); a random split can over- or
    under-sample them by chance, a stratified one keeps every band's share.
    """
    bands = income_category(frame["median_income"])
    _, stratified = split(frame, seed=seed)
    _, random = train_test_split(frame, test_size=0.2, random_state=seed)
    table = pd.DataFrame(
        {
            "overall": bands.value_counts(normalize=True),
            "stratified": bands.loc[stratified.index].value_counts(normalize=True),
            "random": bands.loc[random.index].value_counts(normalize=True),
        }
    ).sort_index()
    table.index.name = "income_band"
    table["stratified_error"] = table["stratified"] / table["overall"] - 1
    table["random_error"] = table["random"] / table["overall"] - 1
    return table.fillna(0.0).reset_index()


def engineered_columns(frame: pd.DataFrame) -> pd.DataFrame:
    """The size-free columns the pipeline builds: the three ratios plus age, income and households.

    Used to check that the ratios really remove the collinearity of the raw counts.
    """
    out = pd.DataFrame(index=frame.index)
    for name, (top, bottom) in RATIOS.items():
        out[name] = frame[top] / frame[bottom]
    out["housing_median_age"] = frame["housing_median_age"]
    out["log_median_income"] = np.log1p(frame["median_income"])
    out["log_households"] = np.log1p(frame["households"])
    return out


def vif(frame: pd.DataFrame, columns: tuple[str, ...] = VIF_COLUMNS) -> pd.Series:
    """Variance inflation factor of each column: 1 / (1 - R²) of that column regressed
    (least squares, with an intercept) on all the others. Rows with a missing value
    are dropped first. VIF above about 10 means the column is nearly a linear mix
    of the others, so a linear model's coefficient for it is unstable."""
    data = frame.loc[:, list(columns)].dropna().to_numpy(dtype=np.float64)
    if data.shape[0] <= data.shape[1]:
        raise ValueError(f"VIF needs more complete rows than columns ({data.shape[0]} rows)")
    result = {}
    for i, name in enumerate(columns):
        y = data[:, i]
        x = np.column_stack([np.ones(len(y)), np.delete(data, i, axis=1)])
        coef, *_ = np.linalg.lstsq(x, y, rcond=None)
        residual = y - x @ coef
        r2 = 1.0 - residual @ residual / np.sum((y - y.mean()) ** 2)
        result[name] = np.inf if r2 >= 1.0 else 1.0 / (1.0 - r2)
    return pd.Series(result, name="vif")
