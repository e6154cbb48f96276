"""Each from-scratch estimator next to its scikit-learn twin, on the datasets bundled with sklearn.

A twin pair gets the same hyperparameters, the same preprocessing (a
StandardScaler inside a Pipeline, fitted on the training part only, for the
models that measure distances or weights) and the same stratified 70/30
split. The table shows the score of each and how far their outputs agree,
which is a stronger statement than equal scores: two models can both reach
95 % accuracy by getting different samples wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import Any, Literal

import numpy as np
import sklearn.cluster
import sklearn.decomposition
import sklearn.linear_model
import sklearn.neighbors
import sklearn.svm
import sklearn.tree
from sklearn.datasets import load_breast_cancer, load_digits, load_iris
from sklearn.metrics import adjusted_rand_score
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from level3.algorithms.kmeans import KMeans
from level3.algorithms.knn import KNeighborsClassifier
from level3.algorithms.logistic import LogisticRegression
from level3.algorithms.pca import PCA
from level3.algorithms.svm import LinearSVC
from level3.algorithms.tree import DecisionTreeClassifier

__all__ = [
    "ALGORITHMS",
    "DATASETS",
    "Comparison",
    "Twin",
    "compare",
    "format_table",
    "load_dataset",
]

DATASETS: dict[str, Callable[..., Any]] = {
    "iris": load_iris,  # 150 flowers, 4 features, 3 species
    "breast_cancer": load_breast_cancer,  # 569 tumours, 30 features, benign/malignant
    "digits": load_digits,  # 1797 8×8 images, 64 features, 10 digits
}

Kind = Literal["classifier", "clustering", "decomposition"]


@dataclass(frozen=True)
class Twin:
    """One of our estimators and scikit-learn's counterpart, built for ``n_classes`` classes."""

    kind: Kind
    ours: Callable[[int], Any]
    sklearn: Callable[[int], Any]
    scaled: bool = True  # standardise the features first


ALGORITHMS: dict[str, Twin] = {
    "logistic": Twin(
        "classifier",
        lambda k: LogisticRegression(C=1.0),
        lambda k: sklearn.linear_model.LogisticRegression(C=1.0, max_iter=1000),
    ),
    "tree": Twin(
        "classifier",
        lambda k: DecisionTreeClassifier(),
        lambda k: sklearn.tree.DecisionTreeClassifier(random_state=0),
        scaled=False,  # splits depend on the order of values only
    ),
    "knn": Twin(
        "classifier",
        lambda k: KNeighborsClassifier(n_neighbors=5),
        lambda k: sklearn.neighbors.KNeighborsClassifier(n_neighbors=5),
    ),
    "svm": Twin(
        "classifier",
        lambda k: LinearSVC(C=1.0, random_state=0),
        lambda k: sklearn.svm.LinearSVC(C=1.0, loss="hinge", dual=True, max_iter=50_000),
    ),
    "kmeans": Twin(
        "clustering",
        lambda k: KMeans(n_clusters=k, n_init=10, random_state=0),
        lambda k: sklearn.cluster.KMeans(n_clusters=k, n_init=10, random_state=0),
    ),
    "pca": Twin(
        "decomposition",
        lambda k: PCA(n_components=2),
        lambda k: sklearn.decomposition.PCA(n_components=2, svd_solver="full"),
    ),
}

METRICS = {
    "classifier": ("test accuracy", "same test predictions"),
    "clustering": ("inertia", "ARI between the two labellings"),
    "decomposition": ("variance explained by 2 PCs", "min |cos| between matching PCs"),
}


@dataclass
class Comparison:
    """One row of the table: our score, sklearn's, and how much the two outputs agree (1 = all)."""

    algorithm: str
    dataset: str
    metric: str
    ours: float
    sklearn: float
    agreement: float
    agreement_is: str

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def load_dataset(name: str) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Features and labels of a bundled dataset (``DATASETS``); no download."""
    if name not in DATASETS:
        raise ValueError(f"unknown dataset {name!r}; choose from {', '.join(DATASETS)}")
    X, y = DATASETS[name](return_X_y=True)
    return X, y


def compare(
    algorithms: list[str] | None = None, datasets: list[str] | None = None, seed: int = 0
) -> list[Comparison]:
    """Fit every twin pair on every dataset; one :class:`Comparison` per pair and dataset."""
    rows = []
    for algorithm in algorithms or list(ALGORITHMS):
        if algorithm not in ALGORITHMS:
            raise ValueError(
                f"unknown algorithm {algorithm!r}; choose from {', '.join(ALGORITHMS)}"
            )
        for dataset in datasets or list(DATASETS):
            rows.append(_compare_one(algorithm, dataset, seed))
    return rows


def _compare_one(algorithm: str, dataset: str, seed: int) -> Comparison:
    twin = ALGORITHMS[algorithm]
    X, y = load_dataset(dataset)
    k = len(np.unique(y))
    ours, theirs = (_pipeline(make(k), twin.scaled) for make in (twin.ours, twin.sklearn))
    metric, agreement_is = METRICS[twin.kind]
    if twin.kind == "classifier":
        X_train, X_test, y_train, y_test = train_test_split(
            X, y, test_size=0.3, stratify=y, random_state=seed
        )
        ours_pred = ours.fit(X_train, y_train).predict(X_test)
        theirs_pred = theirs.fit(X_train, y_train).predict(X_test)
        scores = (np.mean(ours_pred == y_test), np.mean(theirs_pred == y_test))
        agreement = np.mean(ours_pred == theirs_pred)
    elif twin.kind == "clustering":
        ours_model, theirs_model = ours.fit(X)[-1], theirs.fit(X)[-1]
        scores = (ours_model.inertia_, theirs_model.inertia_)
        agreement = adjusted_rand_score(ours_model.labels_, theirs_model.labels_)
    else:
        ours_model, theirs_model = ours.fit(X)[-1], theirs.fit(X)[-1]
        scores = tuple(m.explained_variance_ratio_.sum() for m in (ours_model, theirs_model))
        cosines = np.abs(np.sum(ours_model.components_ * theirs_model.components_, axis=1))
        agreement = cosines.min()
    return Comparison(
        algorithm,
        dataset,
        metric,
        float(scores[0]),
        float(scores[1]),
        float(agreement),
        agreement_is,
    )


def _pipeline(estimator: Any, scaled: bool) -> Pipeline:
    return make_pipeline(StandardScaler(), estimator) if scaled else make_pipeline(estimator)


def format_table(rows: list[Comparison]) -> str:
    """A plain-text table: algorithm, dataset, metric, ours, sklearn, agreement."""
    header = ("algorithm", "dataset", "metric", "ours", "sklearn", "agreement")
    body = [
        (
            r.algorithm,
            r.dataset,
            r.metric,
            f"{r.ours:.4g}",
            f"{r.sklearn:.4g}",
            f"{r.agreement:.3f}",
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True))
        for line in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    notes = sorted({f"agreement for {r.metric}: {r.agreement_is}" for r in rows})
    return "\n".join([*(line.rstrip() for line in lines), "", *notes])
