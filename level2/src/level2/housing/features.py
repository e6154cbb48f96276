"""The cleaning and feature pipeline: one ColumnTransformer, so nothing leaks from test to train.

Everything is built from scikit-learn classes plus module-level functions in
FunctionTransformer, so a saved model holds no custom class and skops only has
to be told to trust these functions (:data:`TRUSTED`).

Two location features help the models most (see the README's ablation table):

* **rotated coordinates**: ``longitude cos a + latitude sin a`` for a few angles. A
  tree splits on one column at a time, so a diagonal boundary such as the coast
  costs it many splits in longitude/latitude and one in the right rotation.
* **the neighbours' value** (:func:`neighbour_value`): the distance-weighted mean
  value of the 10 nearest training block groups. It uses the target, so it must be
  computed out of fold: :class:`~sklearn.ensemble.StackingRegressor` (in models.py)
  trains it on 4/5 of the rows to describe the other 1/5, and never lets a row see
  its own price.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.neighbors import KNeighborsRegressor
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, StandardScaler

__all__ = [
    "GEO_COLUMNS",
    "RATIOS",
    "TRUSTED",
    "build_preprocessor",
    "neighbour_value",
    "ratio",
    "ratio_name",
    "rotation_names",
    "rotations",
]

# name -> (numerator, denominator)
RATIOS = {
    "rooms_per_household": ("total_rooms", "households"),
    "bedrooms_per_room": ("total_bedrooms", "total_rooms"),
    "population_per_household": ("population", "households"),
}
LOG_COLUMNS = ["total_rooms", "total_bedrooms", "population", "households", "median_income"]
PLAIN_COLUMNS = ["longitude", "latitude", "housing_median_age"]
CATEGORY = "ocean_proximity"
ANGLES = 7  # rotations by 22.5, 45, ..., 157.5 degrees (0 and 90 are longitude and latitude)
GEO_COLUMNS = [0, 1]  # positions of the scaled longitude and latitude in the output
TRUSTED = [f"{__name__}.{name}" for name in ("ratio", "ratio_name", "rotations", "rotation_names")]


def ratio(x: ArrayLike) -> NDArray[np.float64]:
    """First column divided by the second, as one column."""
    values = np.asarray(x, dtype=np.float64)
    return values[:, [0]] / values[:, [1]]


def ratio_name(transformer: object, names_in: ArrayLike) -> list[str]:
    """Feature name of a ratio column: "a_per_b" from the two input names."""
    first, second = (str(n) for n in np.asarray(names_in))
    return [f"{first}_per_{second}"]


def _angles() -> NDArray[np.float64]:
    return np.linspace(0, np.pi, ANGLES + 1, endpoint=False)[1:]


def rotations(x: ArrayLike) -> NDArray[np.float64]:
    """Longitude and latitude (two columns) projected on ``ANGLES`` rotated axes."""
    values = np.asarray(x, dtype=np.float64)
    angles = _angles()
    return values[:, [0]] * np.cos(angles) + values[:, [1]] * np.sin(angles)


def rotation_names(transformer: object, names_in: ArrayLike) -> list[str]:
    """Feature names of the rotated axes: "rotated_22deg", ..."""
    return [f"rotated_{np.degrees(a):.0f}deg" for a in _angles()]


def neighbour_value(k: int = 10) -> Pipeline:
    """Predict a block group's value from its ``k`` nearest neighbours (scaled longitude and
    latitude, inverse-distance weights). Used as a feature through stacking, never directly."""
    location = ColumnTransformer([("location", "passthrough", GEO_COLUMNS)])
    return Pipeline(
        [("location", location), ("neighbours", KNeighborsRegressor(k, weights="distance"))]
    )


def _ratio_pipeline() -> Pipeline:
    return make_pipeline(
        SimpleImputer(strategy="median"),
        FunctionTransformer(ratio, feature_names_out=ratio_name),
        StandardScaler(),
    )


def build_preprocessor(*, rotated: bool = True) -> ColumnTransformer:
    """Median imputation, three ratios, log1p of the skewed counts and income, rotated
    coordinates, one-hot encoding of ocean_proximity, standard scaling of the rest.

    Longitude and latitude come first (:data:`GEO_COLUMNS`), for :func:`neighbour_value`.
    ``rotated=False`` leaves out the rotated coordinates (for the ablation in the benchmark).
    """
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
    rotation_pipeline = make_pipeline(
        FunctionTransformer(rotations, feature_names_out=rotation_names), StandardScaler()
    )
    parts: list[tuple[str, object, list[str]]] = [("plain", plain_pipeline, PLAIN_COLUMNS)]
    parts += [(name, _ratio_pipeline(), list(columns)) for name, columns in RATIOS.items()]
    parts.append(("log", log_pipeline, LOG_COLUMNS))
    if rotated:
        parts.append(("rotated", rotation_pipeline, ["longitude", "latitude"]))
    parts.append(("category", category_pipeline, [CATEGORY]))
    return ColumnTransformer(parts, remainder="drop", verbose_feature_names_out=False)
