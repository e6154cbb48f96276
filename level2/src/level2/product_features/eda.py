"""Exploratory checks before any model: types, gaps, outliers, imbalance, sparsity, collinearity.

Each function answers one question a data scientist asks of a new table and
returns a small table or dict that the report prints as it is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer

__all__ = [
    "FEATURE_TYPES",
    "imbalance",
    "missing_values",
    "outliers",
    "sparsity",
    "variance_inflation",
]

#: The type of each tidy column: it decides how the column is encoded.
FEATURE_TYPES = {
    "price": "continuous (GBP)",
    "stock": "count",
    "rating": "ordinal (1-5 stars)",
    "category": "nominal",
    "in_stock": "binary",
    "title_chars": "count",
    "title_words": "count",
    "description_words": "count",
    "title_has_series": "binary",
    "text": "free text",
    "id": "identifier (not a feature)",
}
_RAW_FIELDS = {"price": "price_text", "stock": "stock", "rating": "rating"}


def missing_values(raw: pd.DataFrame, tidy: pd.DataFrame) -> pd.DataFrame:
    """Per field: values absent from the page, and values present but unusable after parsing."""
    rows = []
    for field in ("price", "stock", "rating", "description", "category"):
        source = raw[_RAW_FIELDS.get(field, field)].astype(str).str.strip()
        absent = int(source.eq("").sum())
        if field in ("price", "stock", "rating"):
            unusable = int(tidy[field].isna().sum()) - absent
        else:
            unusable = 0
        if (
            field == "stock"
        ):  # the scraper leaves stock empty for "Out of stock": that is 0, not missing
            absent -= int((source.eq("") & raw["in_stock"].str.casefold().eq("false")).sum())
            unusable = int(tidy["stock"].isna().sum()) - absent
        rows.append(
            {
                "field": field,
                "absent": absent,
                "unusable": unusable,
                "missing_share": (absent + unusable) / max(len(raw), 1),
            }
        )
    return pd.DataFrame(rows)


def outliers(
    tidy: pd.DataFrame, columns: tuple[str, ...] = ("price", "stock", "description_words")
) -> pd.DataFrame:
    """Tukey's fences (Q1 - 1.5 IQR, Q3 + 1.5 IQR) per column, and how many values lie outside."""
    rows = []
    for column in columns:
        values = tidy[column].dropna()
        q1, q3 = values.quantile([0.25, 0.75])
        low, high = q1 - 1.5 * (q3 - q1), q3 + 1.5 * (q3 - q1)
        rows.append(
            {
                "column": column,
                "q1": q1,
                "q3": q3,
                "lower_fence": low,
                "upper_fence": high,
                "below": int((values < low).sum()),
                "above": int((values > high).sum()),
                "max": values.max(),
            }
        )
    return pd.DataFrame(rows)


def imbalance(tidy: pd.DataFrame) -> dict[str, Any]:
    """How uneven the classes are: categories, stock, and price bands of equal width vs equal size."""
    counts = tidy["category"].value_counts()
    price = tidy["price"].dropna()
    width = pd.cut(price, 3).value_counts(sort=False)
    size = pd.qcut(price, 3, duplicates="drop").value_counts(sort=False)
    return {
        "categories": len(counts),
        "largest_category": (str(counts.index[0]), int(counts.iloc[0])),
        "smallest_category": (str(counts.index[-1]), int(counts.iloc[-1])),
        "in_stock_share": float(tidy["in_stock"].mean()),
        "equal_width_price_bands": [int(n) for n in width],
        "equal_size_price_bands": [int(n) for n in size],
    }


def sparsity(tidy: pd.DataFrame) -> dict[str, float | int]:
    """Share of non-zero cells in the full TF-IDF matrix and in the one-hot category matrix."""
    words = TfidfVectorizer(stop_words="english").fit_transform(tidy["text"])
    categories = tidy["category"].nunique()
    return {
        "tfidf_terms": int(words.shape[1]),
        "tfidf_density": float(words.nnz / (words.shape[0] * words.shape[1])),
        "onehot_columns": int(categories),
        "onehot_density": 1 / categories,
    }


def variance_inflation(frame: pd.DataFrame) -> pd.Series:
    """The variance inflation factor of each column: 1 / (1 - R²) of it regressed on the others.

    1 means the column shares nothing with the others; above 5-10 it is largely
    predictable from them, so a linear model cannot tell their effects apart;
    ``inf`` means an exact linear copy. Rows with a NaN are left out.
    """
    data = frame.dropna().to_numpy(dtype=float)
    factors = {}
    for j, name in enumerate(frame.columns):
        target = data[:, j]
        others = np.column_stack([np.ones(len(data)), np.delete(data, j, axis=1)])
        coef, *_ = np.linalg.lstsq(others, target, rcond=None)
        residual = target - others @ coef
        total = ((target - target.mean()) ** 2).sum()
        r_squared = 1 - (residual @ residual) / total if total > 0 else 1.0
        factors[name] = np.inf if r_squared >= 1 - 1e-12 else 1 / (1 - r_squared)
    return pd.Series(factors, name="VIF")
