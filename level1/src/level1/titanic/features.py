"""Feature engineering as scikit-learn transformers, so it is fitted on training rows only.

Every step is a class with ``fit`` (learn from the training rows) and ``transform``
(apply to any rows). Inside a :class:`~sklearn.pipeline.Pipeline`, cross-validation
refits them in every fold, and predicting on test passengers only calls ``transform``:
nothing computed from the test rows can reach the model.

* :class:`TrainRowsGuard` refuses to be fitted on rows without labels or on Kaggle's
  test passengers.
* :class:`PassengerFeatures` derives title, family size, deck, fare per person and a
  sex-by-class cell from each row alone (it learns nothing).
* :class:`TrainImputer` learns fill-in values from the training rows: the median age
  per title, the median fare per person per class, the commonest port.
* :class:`CompanionSurvival` learns which women and children survived on each ticket
  and in each family of the training passengers, and tells a passenger whether such a
  travelling companion survived. On its own training rows it leaves out their own label.
"""

from __future__ import annotations

from typing import Any, Self

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from level1.titanic.data import TEST_IDS

__all__ = [
    "CompanionSurvival",
    "LeakageError",
    "PassengerFeatures",
    "TrainImputer",
    "TrainRowsGuard",
    "title_of",
]

TITLES = ("Mr", "Mrs", "Miss", "Master")
TITLE_ALIASES = {
    "Mlle": "Miss",
    "Ms": "Miss",
    "Mme": "Mrs",
    "Lady": "Mrs",
    "the Countess": "Mrs",
    "Dona": "Mrs",
}


class LeakageError(ValueError):
    """An attempt to fit on rows that must never be trained on."""


def _text(column: pd.Series) -> pd.Series:
    """A text column as plain Python strings (NaN where missing), whatever its dtype."""
    return column.astype(object).where(column.notna(), np.nan)


def title_of(names: pd.Series) -> pd.Series:
    """The title in "Surname, Title. Given names": Mr, Mrs, Miss, Master or Rare."""
    raw = _text(names).str.extract(r",\s*([^.]+)\.", expand=False).str.strip()
    title = raw.replace(TITLE_ALIASES)
    return title.where(title.isin(TITLES), "Rare").astype(object)


class TrainRowsGuard(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """First step of the pipeline: fitting on unlabelled rows or test passengers is an error.

    ``transform`` passes rows through unchanged; predicting on test rows is fine.
    """

    def fit(self, X: pd.DataFrame, y: Any = None) -> Self:
        if y is None:
            raise LeakageError(
                "refusing to fit without Survived labels: rows without labels are test rows"
            )
        labels = pd.Series(np.asarray(y))
        if labels.isna().any() or not labels.isin([0, 1]).all():
            raise LeakageError("refusing to fit: Survived must be 0 or 1 on every training row")
        if "PassengerId" in X.columns:
            ids = pd.to_numeric(X["PassengerId"], errors="coerce")
            in_test = ids[ids.isin(TEST_IDS)]
            if len(in_test):
                raise LeakageError(
                    f"refusing to fit on Kaggle's test passengers (PassengerId {TEST_IDS.start}–"
                    f"{TEST_IDS.stop - 1}; found {len(in_test)}, e.g. {int(in_test.iloc[0])})"
                )
        self.n_rows_fitted_ = len(X)
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        check_is_fitted(self, "n_rows_fitted_")
        return X


class PassengerFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Add derived columns, each computed from its own row (nothing is learned).

    Title (from the name), FamilySize (SibSp + Parch + 1), FamilyGroup (alone, small
    up to 4, large), Deck (the cabin's letter, U when unknown), FarePerPerson (the
    ticket's fare shared by the family; NaN when the fare is missing), SexClass (e.g.
    female_3: third-class women survived far less often than first-class ones).
    """

    def fit(self, X: pd.DataFrame, y: Any = None) -> Self:
        self.columns_in_ = list(X.columns)
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        check_is_fitted(self, "columns_in_")
        out = X.copy()
        sex = _text(X["Sex"]).str.lower()
        out["Sex"] = sex
        out["Title"] = title_of(X["Name"])
        family = X["SibSp"] + X["Parch"] + 1
        out["FamilySize"] = family
        out["FamilyGroup"] = np.select([family == 1, family <= 4], ["alone", "small"], "large")
        out["FamilyGroup"] = out["FamilyGroup"].astype(object)
        out["Deck"] = _text(X["Cabin"]).str[0].fillna("U").astype(object)
        out["FarePerPerson"] = X["Fare"] / family
        out["SexClass"] = (sex.fillna("unknown") + "_" + X["Pclass"].astype(str)).astype(object)
        return out


class TrainImputer(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Fill missing Age, FarePerPerson and Embarked with values learned from the training rows.

    Age gets the median age of the passenger's title (a "Master" is a boy, a "Mrs" an
    adult woman), FarePerPerson the median of the passenger's class, Embarked the
    commonest port. Expects :class:`PassengerFeatures`' columns.
    """

    def fit(self, X: pd.DataFrame, y: Any = None) -> Self:
        self.age_overall_ = float(X["Age"].median())
        self.age_by_title_ = {
            str(title): float(age)
            for title, age in X.groupby("Title")["Age"].median().dropna().items()
        }
        self.fare_overall_ = float(X["FarePerPerson"].median())
        self.fare_by_class_ = {
            int(pclass): float(fare)
            for pclass, fare in X.groupby("Pclass")["FarePerPerson"].median().dropna().items()
        }
        ports = _text(X["Embarked"]).dropna()
        self.embarked_mode_ = str(ports.mode().sort_values().iloc[0]) if len(ports) else "S"
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        check_is_fitted(self, "age_by_title_")
        out = X.copy()
        age_guess = X["Title"].map(self.age_by_title_).astype(float).fillna(self.age_overall_)
        out["Age"] = X["Age"].fillna(age_guess)
        fare_guess = X["Pclass"].map(self.fare_by_class_).astype(float).fillna(self.fare_overall_)
        out["FarePerPerson"] = X["FarePerPerson"].fillna(fare_guess)
        out["Embarked"] = _text(X["Embarked"]).fillna(self.embarked_mode_).astype(object)
        return out


def _companion_keys(X: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Two ways passengers travelled together: the same ticket, or the same surname and fare."""
    ticket = "ticket:" + _text(X["Ticket"]).fillna("?").astype(str)
    surname = _text(X["Name"]).str.split(",").str[0].fillna("?").astype(str)
    family = "family:" + surname + "|" + X["Fare"].round(2).astype(str)
    return ticket.astype(object), family.astype(object)


def _woman_or_child(X: pd.DataFrame) -> np.ndarray:
    """True for women and boys (title Master): the people lifeboats took first."""
    flags: np.ndarray = ((X["Sex"] == "female") | (X["Title"] == "Master")).to_numpy(dtype=bool)
    return flags


class CompanionSurvival(TransformerMixin, BaseEstimator):  # type: ignore[misc]
    """Did the women and children travelling with a passenger survive? Learned from train labels.

    Companions share a ticket, or a surname and a fare. "Women and children first" and
    families stayed together, so the fate of a group's women and boys tells about its
    other women and boys. ``fit`` counts, per ticket and per family, the training
    women and children and the survivors among them. ``transform`` adds:

    * ``CompanionsKnown``: 1 if the passenger has such companions among the training rows;
    * ``CompanionSurvived``: 1 if at least one of them survived, 0 if none did, 0.5 if
      there are none to go by.

    This is an honest signal for a test passenger whose companions are in train.csv:
    only training labels are used. On the training rows themselves (``fit_transform``)
    each passenger's own label is left out, otherwise the feature would contain the
    answer and the model would learn to trust it blindly. Expects
    :class:`PassengerFeatures`' columns.
    """

    def fit(self, X: pd.DataFrame, y: Any = None) -> Self:
        if y is None:
            raise LeakageError("CompanionSurvival learns from Survived labels; fit it with y")
        labels = np.asarray(y, dtype=float)
        counted = _woman_or_child(X)
        self.passengers_: dict[str, int] = {}
        self.survivors_: dict[str, int] = {}
        for keys in _companion_keys(X):
            groups = pd.DataFrame({"key": keys.to_numpy()[counted], "y": labels[counted]})
            by_key = groups.groupby("key")["y"]
            self.passengers_.update({str(k): int(v) for k, v in by_key.count().items()})
            self.survivors_.update({str(k): int(v) for k, v in by_key.sum().items()})
        return self

    def transform(self, X: pd.DataFrame) -> pd.DataFrame:
        return self._add(X, own=None)

    def fit_transform(self, X: pd.DataFrame, y: Any = None, **fit_params: Any) -> pd.DataFrame:
        self.fit(X, y)
        return self._add(X, own=np.asarray(y, dtype=float))

    def _add(self, X: pd.DataFrame, own: np.ndarray | None) -> pd.DataFrame:
        check_is_fitted(self, "passengers_")
        known = np.zeros(len(X))
        survived = np.zeros(len(X))
        counted = _woman_or_child(X)
        for keys in _companion_keys(X):
            known += keys.map(self.passengers_).fillna(0).to_numpy(dtype=float)
            survived += keys.map(self.survivors_).fillna(0).to_numpy(dtype=float)
            if own is not None:  # a training row: take the passenger out of its own groups
                known -= counted
                survived -= np.where(counted, own, 0.0)
        out = X.copy()
        out["CompanionsKnown"] = (known > 0).astype(float)
        out["CompanionSurvived"] = np.where(known > 0, (survived > 0).astype(float), 0.5)
        return out
