"""Build the default model folder from the registry data: spam, sentiment, housing, iris.

Each model is trained by the project that teaches it (levels 1 and 2) and saved with
``level1.modelstore``; this module only chooses the data and the settings a served
model needs:

* spam: level 1's filter on the SMS collection (the threshold keeps blocked ham ≤ 0.2%);
* sentiment: level 1's text classifier on the three UCI sentiment files together,
  logistic regression only, because the app shows probabilities and which words
  pushed the decision, and a linear model's coefficients say exactly that;
* housing: level 2's histogram gradient boosting, plus a 90% prediction interval from
  the 5th and 95th percentiles of its cross-validated residuals on the training split;
* iris: level 1's default classifier on the 150 flowers.

When a dataset is not cached the model is trained on synthetic data instead and its
metadata says so (``"synthetic": true``, or the text classifier's ``"source": "synthetic"``),
so nothing pretends to be real.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from level0.datasets import DatasetMissing
from level1 import modelstore

if TYPE_CHECKING:
    from level1.textclf import LabelledTexts

__all__ = ["TRAINERS", "Trained", "train_defaults"]

SENTIMENT_FILES = ("amazon_cells", "imdb", "yelp")
INTERVAL = (5.0, 95.0)  # residual percentiles: a 90% interval


@dataclass(frozen=True)
class Trained:
    """One model written by :func:`train_defaults`: where, and its headline figure."""

    name: str
    path: Path
    synthetic: bool
    summary: str


def train_spam(target: Path) -> Trained:
    from level1.spam import load_corpus, save_filter, train

    try:
        corpus = load_corpus("sms")
    except DatasetMissing:
        corpus = load_corpus("synthetic")
    run = train(corpus)
    save_filter(run, target)
    report = run.heldout
    summary = f"held-out spam caught {report.spam_caught:.3f}, ham blocked {report.blocked_ham:.4f}"
    return Trained("spam", target, corpus.synthetic, summary)


def train_sentiment(target: Path) -> Trained:
    from level0.datasets import locate
    from level1.textclf import CANDIDATES, LabelledTexts, read_labelled, save_classifier, train
    from level1.textclf import table_format as make_format

    fmt = make_format("sentences.txt", header=False)  # UCI's layout: text <tab> 0 or 1
    try:
        folder = locate("sentiment")
        parts = [read_labelled(folder / f"{name}_labelled.txt", fmt) for name in SENTIMENT_FILES]
        data = LabelledTexts(
            "UCI sentiment sentences (" + ", ".join(SENTIMENT_FILES) + ")",
            np.concatenate([p.texts for p in parts]),
            np.concatenate([p.labels for p in parts]),
        )
    except DatasetMissing:
        data = _synthetic_sentiment()
    run = train(data, fmt, candidates=[c for c in CANDIDATES if c.kind == "logreg"])
    save_classifier(run, target)
    accuracy = run.heldout.accuracy if run.heldout else float("nan")
    return Trained(
        "sentiment", target, data.source == "synthetic", f"held-out accuracy {accuracy:.3f}"
    )


def _synthetic_sentiment() -> LabelledTexts:
    """400 made-up sentences (1 = positive) for machines without the UCI files."""
    from level1.textclf import LabelledTexts

    rng = np.random.default_rng(0)
    good = ["great", "love", "excellent", "works", "happy", "best", "friendly"]
    bad = ["awful", "broken", "hate", "poor", "worst", "dull", "rude"]
    texts = [" ".join(rng.choice(good if i % 2 else bad, 4)) + f" item {i}" for i in range(400)]
    labels = [str(i % 2) for i in range(400)]
    return LabelledTexts("synthetic", np.array(texts, dtype=object), np.array(labels, dtype=object))


def train_housing(target: Path) -> Trained:
    from sklearn.model_selection import KFold, cross_val_predict
    from threadpoolctl import threadpool_limits

    from level0.datagen import generate
    from level2.housing import CHOSEN, TARGET, load_housing, make_model, rmse, split
    from level2.housing.workflow import file_sha256, real_data_path

    source: Path | None
    try:
        source = real_data_path()
        frame = load_housing(source)
    except DatasetMissing:
        source, frame = None, generate("housing", rows=3000, seed=0)
    train_set, _ = split(frame)  # level 2's split: its test rows stay unseen here too
    features, truth = train_set.drop(columns=[TARGET]), train_set[TARGET]
    with threadpool_limits(1):  # see level2.housing.workflow.train
        folds = KFold(5, shuffle=True, random_state=42)
        predicted = cross_val_predict(make_model(CHOSEN, seed=42), features, truth, cv=folds)
        model = make_model(CHOSEN, seed=42).fit(features, truth)
    low, high = np.percentile(truth - predicted, INTERVAL)
    cv_rmse = rmse(truth, predicted)
    covered = float(np.mean((truth - predicted >= low) & (truth - predicted <= high)))
    modelstore.save(
        model,
        target,
        tool="level2.housing",
        metrics={"cv_rmse": cv_rmse, "interval_coverage_cv": covered},
        data_sha256=file_sha256(source) if source else None,
        extra={
            "chosen": CHOSEN,
            "seed": 42,
            "synthetic": source is None,
            "residual_interval": [float(low), float(high)],
        },
    )
    summary = f"CV RMSE {cv_rmse:,.0f} USD, 90% interval {low:+,.0f} … {high:+,.0f} USD"
    return Trained("housing", target, source is None, summary)


def train_iris(target: Path) -> Trained:
    from level1.iris import DEFAULT_MODEL, cross_validate_models, load_data, train

    (chosen,) = cross_validate_models(*load_data(), names=(DEFAULT_MODEL,))
    modelstore.save(
        train(DEFAULT_MODEL),
        target,
        tool="level1.iris",
        metrics={"cv_accuracy": chosen.mean, "cv_sd": chosen.std},
        extra={"model": DEFAULT_MODEL, "synthetic": False},
    )
    return Trained("iris", target, False, f"10-fold CV accuracy {chosen.mean:.3f}")


TRAINERS: dict[str, Callable[[Path], Trained]] = {
    "spam": train_spam,
    "sentiment": train_sentiment,
    "housing": train_housing,
    "iris": train_iris,
}


def train_defaults(out: str | Path, names: tuple[str, ...] = tuple(TRAINERS)) -> list[Trained]:
    """Train and save the named default models into ``out/<name>``; each replaces its
    old folder only once complete (``modelstore.save``)."""
    root = Path(out)
    return [TRAINERS[name](root / name) for name in names]
