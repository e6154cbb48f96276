"""The learned steps, as one scikit-learn pipeline: impute, clip, encode, discretise, vectorise.

Everything that learns from the data sits here, so that ``fit`` on a training
fold learns it from that fold only and nothing leaks from the test fold:

============================  ==========================================  ====================
columns                       steps                                       teaches
============================  ==========================================  ====================
price, stock, rating,         clip at the upper IQR fence, then the       outliers, missing
text lengths                  median for a missing value + a flag         values, imputation
price (again)                 clip, impute, 3 equal-frequency bands       discretisation
in_stock, title flags         passed through (already 0/1)
category                      one-hot; categories under 10 rows -> other  encoding categoricals
title + description           TF-IDF of the most frequent words           text features
all                           drop constant columns                       sparsity
============================  ==========================================  ====================

Scaling is not in here: the feature selection adds the scaler each method
needs (``StandardScaler`` for most, ``MinMaxScaler`` for chi-square, which
needs non-negative inputs), and level 3 scales before clustering.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.feature_selection import VarianceThreshold
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import KBinsDiscretizer, OneHotEncoder
from sklearn.utils.validation import check_is_fitted, validate_data

from level2.product_features.clean import KEYWORDS

__all__ = ["FLAGS", "NUMERIC", "IQRClipper", "feature_name", "make_preprocessor"]

NUMERIC = ("price", "stock", "rating", "title_chars", "title_words", "description_words")
FLAGS = (
    "in_stock",
    "stock_negative",
    "description_missing",
    "title_has_series",
    "title_has_number",
    "title_has_colon",
    *(f"keyword_{word}" for word in KEYWORDS),
)


class IQRClipper(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Clip each column to Tukey's fences, [Q1 - k IQR, Q3 + k IQR], learned in ``fit``.

    Clipping (winsorising) keeps the row and caps the extreme value: one £2,342
    pair of socks should not stretch a price scale that every other row shares.
    ``upper_only`` leaves small values alone: a stock of 0 is a fact (sold out),
    not an outlier, even when most products have 20 to 28 in stock.
    NaN stays NaN, for the imputer that follows.
    """

    def __init__(self, k: float = 1.5, upper_only: bool = False) -> None:
        self.k = k
        self.upper_only = upper_only

    def fit(self, X: Any, y: Any = None) -> IQRClipper:
        values = validate_data(self, X, dtype=np.float64, ensure_all_finite="allow-nan")
        q1, q3 = np.nanpercentile(values, [25, 75], axis=0)
        self.lower_ = np.full_like(q1, -np.inf) if self.upper_only else q1 - self.k * (q3 - q1)
        self.upper_ = q3 + self.k * (q3 - q1)
        return self

    def transform(self, X: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
        check_is_fitted(self)
        values = validate_data(
            self, X, dtype=np.float64, ensure_all_finite="allow-nan", reset=False
        )
        clipped: np.ndarray[Any, np.dtype[np.float64]] = np.clip(values, self.lower_, self.upper_)
        return clipped


def feature_name(transformer: str, feature: str) -> str:
    """Readable names: "category=Fiction", "word=love", "rating_missing", "price_band"."""
    if feature.startswith("missingindicator_"):
        return feature.removeprefix("missingindicator_") + "_missing"
    if transformer == "category":
        value = feature.removeprefix("category_")
        return "category=" + ("other" if value == "infrequent_sklearn" else value)
    if transformer == "words":
        return "word=" + feature
    if transformer == "price_band":
        return "price_band"
    return feature


def make_preprocessor(
    *,
    exclude: Iterable[str] = (),
    tfidf_terms: int = 20,
    min_category_count: int = 10,
    price_bands: int = 3,
) -> Pipeline:
    """The pipeline from a tidy table to a numeric matrix; ``exclude`` drops tidy columns
    (e.g. ``("price",)`` when price is what the model predicts)."""
    excluded = set(exclude)
    parts: list[tuple[str, Any, Any]] = [
        ("numeric", _clip_impute(add_indicator=True), [c for c in NUMERIC if c not in excluded]),
        ("flags", "passthrough", [c for c in FLAGS if c not in excluded]),
        (
            "category",
            OneHotEncoder(
                handle_unknown="infrequent_if_exist",
                min_frequency=min_category_count,
                sparse_output=False,
            ),
            ["category"],
        ),
        (
            "words",
            TfidfVectorizer(max_features=tfidf_terms, stop_words="english", sublinear_tf=True),
            "text",
        ),
    ]
    if "price" not in excluded:
        bands = KBinsDiscretizer(
            n_bins=price_bands,
            encode="ordinal",
            strategy="quantile",
            quantile_method="averaged_inverted_cdf",
        )
        parts.append(("price_band", Pipeline([*_clip_impute().steps, ("bands", bands)]), ["price"]))
    columns = ColumnTransformer(parts, sparse_threshold=0.0, verbose_feature_names_out=feature_name)
    return Pipeline([("columns", columns), ("drop_constant", VarianceThreshold())])


def _clip_impute(add_indicator: bool = False) -> Pipeline:
    return Pipeline(
        [
            ("clip", IQRClipper(upper_only=True)),  # every column here is >= 0, skewed right
            ("impute", SimpleImputer(strategy="median", add_indicator=add_indicator)),
        ]
    )
