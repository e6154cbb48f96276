"""The tables a tree is tuned on: Titanic through level 1's feature steps, or breast cancer.

A tree is only explainable if its thresholds are in the units a person knows, so
nothing here is scaled: Titanic passengers go through ``level1.titanic``'s own steps
(the guard, titles and family size, train-only imputation, companion survival) and
then a one-hot encoding of the categories, with the numbers passed through as they
are ("Age <= 6.5", not "Age <= -1.8 standard deviations").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.datasets import load_breast_cancer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

from level0.cli import Failure
from level0.datasets import DatasetError, locate

__all__ = ["DATASETS", "Table", "default_dataset", "load_table"]

DATASETS = ("titanic", "breast_cancer")


@dataclass(frozen=True)
class Table:
    """Raw rows ``X``, labels ``y`` (0/1), class names and the unscaled preprocessing."""

    name: str
    X: pd.DataFrame
    y: np.ndarray
    class_names: tuple[str, str]
    categorical: tuple[str, ...]  # one-hot columns, for "Sex is female" instead of "<= 0.5"
    data: str  # "real" or "bundled"
    titanic: bool = False

    def prepare(self) -> Any:
        """A fresh, unfitted preprocessing step ("passthrough" when there is none)."""
        if not self.titanic:
            return "passthrough"
        from level1.titanic.models import CATEGORICAL, NUMERIC, SKEWED, make_model

        encode = ColumnTransformer(
            [
                (
                    "categories",
                    OneHotEncoder(
                        handle_unknown="infrequent_if_exist", min_frequency=5, sparse_output=False
                    ),
                    list(CATEGORICAL),
                ),
                ("numbers", "passthrough", [*NUMERIC, *SKEWED]),
            ],
            verbose_feature_names_out=False,
        ).set_output(transform="pandas")
        # level 1's feature steps (everything before its encoder), then our unscaled encoder
        return Pipeline([*make_model().steps[:-2], ("encode", encode)])


def _titanic() -> Table:
    from level1.titanic.data import TARGET, read_passengers
    from level1.titanic.models import CATEGORICAL

    train = read_passengers(locate("titanic") / "train.csv", labelled=True)
    return Table(
        "titanic",
        train.drop(columns=[TARGET]),
        train[TARGET].to_numpy(),
        ("died", "survived"),
        tuple(CATEGORICAL),
        "real",
        titanic=True,
    )


def _breast_cancer() -> Table:
    bunch = load_breast_cancer(as_frame=True)
    return Table(
        "breast_cancer",
        bunch.data,
        bunch.target.to_numpy(),
        ("malignant", "benign"),
        (),
        "bundled",
    )


def default_dataset() -> str:
    """ "titanic" when its real data is cached, else the bundled "breast_cancer"."""
    try:
        locate("titanic")
    except DatasetError:
        return "breast_cancer"
    return "titanic"


def load_table(name: str) -> Table:
    """A table by name; titanic needs the cached registry data (Failure with the fetch command)."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    if name == "breast_cancer":
        return _breast_cancer()
    try:
        return _titanic()
    except DatasetError as exc:
        raise Failure(str(exc)) from None
