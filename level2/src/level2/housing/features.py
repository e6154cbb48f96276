"""The cleaning and feature pipeline: one ColumnTransformer, so nothing leaks from test to train.

Everything is built from scikit-learn classes plus two module-level functions in
FunctionTransformer, so a saved model holds no custom class and skops only has
to be told to trust these two functions (:data:`TRUSTED`).
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

__all__ = ["RATIOS", "TRUSTED", "build_preprocessor", "ratio", "ratio_name"]

# name -> (numerator, denominator)
RATIOS = {
    "rooms_per_household": ("total_rooms", "households"),
    "bedrooms_per_room": ("total_bedrooms", "total_rooms"),
    "population_per_household": ("population", "households"),
}
LOG_COLUMNS = ["total_rooms", "total_bedrooms", "population", "households", "median_income"]
PLAIN_COLUMNS = ["longitude", "latitude", "housing_median_age"]
CATEGORY = "ocean_proximity"
TRUSTED = [f"{__name__}.ratio", f"{__name__}.ratio_name"]


def ratio(x: ArrayLike) -> NDArray[np.float64]:
    """First column divided by the second, as one column."""
    values = np.asarray(x, dtype=np.float64)
    return values[:, [0]] / values[:, [1]]


def ratio_name(transformer: object, names_in: ArrayLike) -> list[str]:
    """Feature name of a ratio column: "a_per_b" from the two input names."""
    first, second = (str(n) for n in np.asarray(names_in))
    return [f"{first}_per_{second}"]


def _ratio_pipeline() -> Pipeline:
    return make_pipeline(
        SimpleImputer(strategy="median"),
        FunctionTransformer(ratio, feature_names_out=ratio_name),
        StandardScaler(),
    )


def build_preprocessor() -> ColumnTransformer:
    """Median imputation, three ratios, log1p of the skewed counts and income, one-hot
    encoding of ocean_proximity, standard scaling of the rest."""
    log_pipeline = make_pipeline(
        SimpleImputer(strategy="median"),
        FunctionTransformer(np.log1p, feature_names_out="one-to-one"),
        StandardScaler(),
    )
    plain_pipeline = make_pipeline(SimpleImputer(strategy="median"), StandardScaler())
    category_pipeline = make_pipeline(
        SimpleImputer(strategy="most_frequent"),
        OneHotEncoder(handle_unknown="ignore", sparse_output=False),
    )
    parts: list[tuple[str, object, list[str]]] = [
        (name, _ratio_pipeline(), list(columns)) for name, columns in RATIOS.items()
    ]
    parts += [
        ("log", log_pipeline, LOG_COLUMNS),
        ("plain", plain_pipeline, PLAIN_COLUMNS),
        ("category", category_pipeline, [CATEGORY]),
    ]
    return ColumnTransformer(parts, remainder="drop", verbose_feature_names_out=False)
