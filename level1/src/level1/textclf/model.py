"""Train, evaluate, save and use a text classifier for any labelled table.

The model is the spam detector's pipeline (:mod:`level1.spam.pipeline`): TF-IDF words
and characters, then naive Bayes, logistic regression or a linear SVM, chosen by
cross-validated accuracy with the same fold machinery (:func:`level1.spam.cross_validate`).
What changes is that labels are whatever the file holds, two or more of them, and the
metrics are the general ones: accuracy, macro-averaged F1 and the confusion matrix.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score
from sklearn.pipeline import Pipeline

from level1 import modelstore
from level1.spam import Candidate, build_pipeline, cross_validate, heldout_split
from level1.textclf.table import LabelledTexts, TableError, TableFormat

__all__ = [
    "CANDIDATES",
    "FORMAT_VERSION",
    "TOOL",
    "ClassReport",
    "Prediction",
    "TrainingRun",
    "class_report",
    "evaluate",
    "load_classifier",
    "predict",
    "save_classifier",
    "train",
]

TOOL = "level1.textclf"
FORMAT_VERSION = 1  # bump when what is saved changes; older model folders are then refused
CANDIDATES: tuple[Candidate, ...] = (
    *(Candidate("nb", alpha) for alpha in (0.1, 0.3, 1.0)),
    *(Candidate("logreg", c) for c in (1.0, 10.0, 100.0)),
    *(Candidate("svm", c) for c in (0.1, 0.3, 1.0)),
)


@dataclass(frozen=True)
class ClassReport:
    """Accuracy, macro F1 (every label counts the same) and the confusion matrix."""

    accuracy: float
    macro_f1: float
    labels: list[str]
    confusion: list[list[int]]

    @property
    def rows(self) -> int:
        return sum(map(sum, self.confusion))

    def to_dict(self) -> dict[str, Any]:
        return {
            "accuracy": self.accuracy,
            "macro_f1": self.macro_f1,
            "labels": self.labels,
            "confusion": self.confusion,
            "rows": self.rows,
        }


def class_report(
    truth: Sequence[str] | np.ndarray, predicted: Sequence[str] | np.ndarray
) -> ClassReport:
    """Score predicted labels against the truth; labels are the union of both."""
    labels = sorted(set(np.asarray(truth).tolist()) | set(np.asarray(predicted).tolist()))
    return ClassReport(
        accuracy=float(accuracy_score(truth, predicted)),
        macro_f1=float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)),
        labels=labels,
        confusion=confusion_matrix(truth, predicted, labels=labels).tolist(),
    )


@dataclass(frozen=True)
class TrainingRun:
    """The fitted pipeline, the cross-validation table and the held-out report (if any)."""

    model: Pipeline
    data: LabelledTexts
    table_format: TableFormat
    cv_accuracy: dict[Candidate, float]
    chosen: Candidate
    folds: int
    test_size: float
    seed: int
    heldout: ClassReport | None = field(default=None)


def train(
    data: LabelledTexts,
    table_format: TableFormat,
    *,
    candidates: Sequence[Candidate] = CANDIDATES,
    folds: int = 5,
    test_size: float = 0.2,
    seed: int = 0,
) -> TrainingRun:
    """Hold out ``test_size`` of the rows (0: none), choose a candidate by cross-validated
    accuracy on the rest, fit it there and score the held-out rows once."""
    if test_size:
        try:
            train_idx, test_idx = heldout_split(data.labels, test_size, seed)
        except ValueError as exc:
            raise TableError(
                f"too few rows to hold out {test_size:.0%} of {data.source} ({exc}); "
                "try --holdout 0"
            ) from None
    else:
        train_idx, test_idx = np.arange(len(data)), np.arange(0)
    texts, labels = data.texts[train_idx], data.labels[train_idx]
    smallest = int(np.unique(labels, return_counts=True)[1].min())
    folds = min(folds, smallest)
    if folds < 2:
        raise TableError(
            f"a label has a single example left for training in {data.source}; "
            "add examples or try --holdout 0"
        )
    results = cross_validate(texts, labels, candidates, folds=folds, seed=seed)
    cv_accuracy = {r.candidate: float(np.mean(r.predict() == labels)) for r in results}
    chosen = max(cv_accuracy, key=cv_accuracy.__getitem__)  # first one on ties
    model = build_pipeline(chosen).fit(texts, labels)
    heldout = None
    if len(test_idx):
        heldout = class_report(data.labels[test_idx], model.predict(data.texts[test_idx]))
    return TrainingRun(
        model, data, table_format, cv_accuracy, chosen, folds, test_size, seed, heldout
    )


def save_classifier(run: TrainingRun, directory: str | Path) -> Path:
    """Save through ``level1.modelstore``, with what ``info`` and ``evaluate`` need to know."""
    return modelstore.save(
        run.model,
        directory,
        tool=TOOL,
        metrics={
            "cv_accuracy": run.cv_accuracy[run.chosen],
            "heldout": None if run.heldout is None else run.heldout.to_dict(),
        },
        data_sha256=run.data.sha256,
        extra={
            "format_version": FORMAT_VERSION,
            "source": Path(run.data.source).name,
            "rows": len(run.data),
            "classes": run.data.classes,
            "model": str(run.chosen),
            "folds": run.folds,
            "test_size": run.test_size,
            "seed": run.seed,
            "table_format": run.table_format.to_dict(),
        },
    )


def load_classifier(directory: str | Path) -> modelstore.SavedModel:
    """A model saved by :func:`save_classifier`, or a one-line :class:`modelstore.ModelError`."""
    saved = modelstore.load(directory, tool=TOOL)
    version = saved.metadata.get("extra", {}).get("format_version")
    if version != FORMAT_VERSION:
        raise modelstore.ModelError(
            f"{directory} was saved in textclf model format {version}, "
            f"this textclf reads format {FORMAT_VERSION}; retrain it"
        )
    if not isinstance(saved.model, Pipeline):
        raise modelstore.ModelError(f"{directory} does not hold a text-classification pipeline")
    return saved


@dataclass(frozen=True)
class Prediction:
    """A label, and its probability when the model gives one (the SVM does not)."""

    text: str
    label: str
    probability: float | None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "label": self.label, "probability": self.probability}


def predict(model: Pipeline, texts: Sequence[str]) -> list[Prediction]:
    """Predict a label for each text."""
    batch = np.array(list(texts), dtype=object)
    labels = model.predict(batch)
    if hasattr(model, "predict_proba"):
        probabilities: list[float | None] = [
            float(p) for p in model.predict_proba(batch).max(axis=1)
        ]
    else:
        probabilities = [None] * len(batch)
    return [
        Prediction(text, str(label), probability)
        for text, label, probability in zip(batch, labels, probabilities, strict=True)
    ]


def evaluate(saved: modelstore.SavedModel, data: LabelledTexts) -> tuple[ClassReport, str]:
    """Score a saved model on ``data``: only the held-out rows if it was trained on this data."""
    extra = saved.metadata.get("extra", {})
    if data.sha256 == saved.metadata.get("data_sha256"):
        if not extra.get("test_size"):
            raise TableError(
                f"the model was trained on all of {data.source} (--holdout 0), "
                "so there is nothing left to evaluate it on"
            )
        _, rows = heldout_split(data.labels, extra["test_size"], extra["seed"])
        scope = f"the held-out rows of {Path(data.source).name} (never seen in training)"
    else:
        rows = np.arange(len(data))
        scope = f"all {len(data)} rows of {Path(data.source).name}"
    report = class_report(data.labels[rows], saved.model.predict(data.texts[rows]))
    return report, scope
