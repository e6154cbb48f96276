"""The four datasets, each as features, labels and the preprocessing its models share.

Two come from the data registry and reuse level 1's work instead of copying it:
Titanic goes through ``level1.titanic``'s feature pipeline (titles, family size,
train-only imputation, one-hot encoding, scaling) and the SMS spam collection through
``level1.spam``'s loader (deduplicated) and TF-IDF features. Two are bundled with
scikit-learn, so they work offline: handwritten digits and breast cancer (both scaled,
which logistic regression, the SVMs and k-NN need and the trees ignore).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.base import TransformerMixin
from sklearn.datasets import load_breast_cancer, load_digits
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from level0.cli import Failure
from level0.datasets import DatasetError

__all__ = ["DATASETS", "Dataset", "load_dataset"]

DATASETS = ("titanic", "spam", "digits", "breast_cancer")


@dataclass(frozen=True)
class Dataset:
    """Features ``X`` (a table, texts or a matrix), labels ``y`` and a preprocessing factory.

    ``prepare()`` returns a fresh, unfitted transformer; it goes inside every model's
    pipeline so cross-validation refits it on each training fold (nothing leaks).
    """

    name: str
    X: Any
    y: np.ndarray
    prepare: Callable[[], TransformerMixin | Pipeline]
    data: str  # "real" (registry) or "bundled" (scikit-learn)
    description: str

    def __len__(self) -> int:
        return len(self.y)

    def subset(self, rows: int, seed: int = 0) -> Dataset:
        """A stratified random ``rows``-row subset (for quick runs and tests)."""
        from sklearn.model_selection import train_test_split

        if rows >= len(self):
            return self
        keep, _ = train_test_split(
            np.arange(len(self)), train_size=rows, stratify=self.y, random_state=seed
        )
        keep = np.sort(keep)
        X = self.X.iloc[keep] if hasattr(self.X, "iloc") else self.X[keep]
        return Dataset(self.name, X, self.y[keep], self.prepare, self.data, self.description)


def _titanic() -> Dataset:
    from level1.titanic import TARGET, default_paths, make_model, read_passengers

    train = read_passengers(default_paths()[0], labelled=True)

    def prepare() -> Pipeline:
        return Pipeline(make_model().steps[:-1])  # level 1's pipeline without its classifier

    return Dataset(
        "titanic",
        train.drop(columns=[TARGET]),
        train[TARGET].to_numpy(),
        prepare,
        "real",
        f"Kaggle Titanic train.csv: {len(train)} passengers, survived or not",
    )


def _spam() -> Dataset:
    from level1.spam import load_corpus, text_features

    corpus = load_corpus("sms")
    return Dataset(
        "spam",
        corpus.texts,
        (corpus.labels == "spam").astype(int),
        text_features,
        "real",
        f"SMS Spam Collection: {len(corpus)} unique messages "
        f"({corpus.duplicates_removed} duplicates removed), spam = 1",
    )


def _bundled(name: str) -> Dataset:
    loader = load_digits if name == "digits" else load_breast_cancer
    bunch = loader()
    what = (
        "8x8 handwritten digits, 10 classes"
        if name == "digits"
        else "Wisconsin breast cancer, malignant = 0 / benign = 1"
    )
    return Dataset(
        name,
        np.asarray(bunch.data, dtype=float),
        np.asarray(bunch.target),
        StandardScaler,
        "bundled",
        f"scikit-learn {name}: {len(bunch.target)} rows x {bunch.data.shape[1]} features, {what}",
    )


def load_dataset(name: str) -> Dataset:
    """A dataset by name (one of :data:`DATASETS`); registry data is never downloaded here.

    Raises :class:`level0.cli.Failure` with the fetch command when titanic or spam is
    not cached, and ``ValueError`` for an unknown name.
    """
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose one of {', '.join(DATASETS)}")
    try:
        if name == "titanic":
            return _titanic()
        if name == "spam":
            return _spam()
    except DatasetError as exc:
        raise Failure(str(exc)) from None
    return _bundled(name)
