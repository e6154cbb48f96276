"""The iris measurements (bundled with scikit-learn) and a stratified train/test split.

150 flowers, 50 of each species, four measurements in centimetres. The labels are kept
as species names, not 0/1/2, so every table, prediction and plot reads without a key.
"""

from __future__ import annotations

import pandas as pd
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split

__all__ = ["FEATURES", "SPECIES", "load_data", "split"]

FEATURES = ("sepal length", "sepal width", "petal length", "petal width")  # all in cm
SPECIES = ("setosa", "versicolor", "virginica")


def load_data() -> tuple[pd.DataFrame, pd.Series]:
    """The 150 flowers: X has the four :data:`FEATURES` (cm), y the species name."""
    bunch = load_iris(as_frame=True)
    features = bunch.data.set_axis(list(FEATURES), axis=1)
    species = pd.Series(
        [SPECIES[code] for code in bunch.target], index=features.index, name="species"
    )
    return features, species


def split(
    features: pd.DataFrame, species: pd.Series, test_size: float = 0.2, seed: int = 0
) -> tuple[pd.DataFrame, pd.DataFrame, pd.Series, pd.Series]:
    """Hold out ``test_size`` of the flowers, with each species in the same proportion.

    Stratifying matters on small data: an unlucky plain split could leave a species
    under-represented in the test set and make its accuracy meaningless.
    Returns ``X_train, X_test, y_train, y_test`` like scikit-learn's ``train_test_split``.
    """
    parts = train_test_split(
        features, species, test_size=test_size, random_state=seed, stratify=species
    )
    return parts[0], parts[1], parts[2], parts[3]
