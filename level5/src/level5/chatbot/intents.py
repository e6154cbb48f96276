"""Intent classification on CLINC150 with out-of-scope detection, both ways the CLINC paper reports.

One TF-IDF feature union (word 1-2-grams + character 2-5-grams inside word boundaries)
feeds linear SVMs:

* **oos class**: the out-of-scope training queries are a 151st class; the answer is the
  highest-scoring class.
* **threshold**: a model trained on the 150 in-scope intents only; a query whose best
  score is below a threshold is out of scope.
* **combined** (what the bot uses): the oos-class model, and a query is also out of
  scope when its best *in-scope* score is below a threshold.

C and both thresholds are chosen on the validation split; the test split is read only
by :func:`~level5.chatbot.model.evaluate`. The threshold rule: the highest in-scope accuracy whose
out-of-scope recall on validation is at least ``MIN_OOS_RECALL``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.svm import LinearSVC

from level5.chatbot.data import OOS, Clinc

__all__ = [
    "C_GRID",
    "MIN_OOS_RECALL",
    "Scores",
    "TrainedIntents",
    "build_features",
    "fit_intents",
    "scores",
]

C_GRID = (0.5, 1.0, 2.0)
MIN_OOS_RECALL = 0.5  # the operating point: in-scope accuracy is maximised subject to this


def build_features() -> FeatureUnion:
    """Word 1-2-grams and char_wb 2-5-grams, sublinear TF-IDF; rare n-grams dropped (min_df)."""
    return FeatureUnion(
        [
            ("words", TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, min_df=2)),
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=3
                ),
            ),
        ]
    )


@dataclass(frozen=True)
class Scores:
    """What one model says about a set of texts, decided against a threshold."""

    best: NDArray[np.str_]  # the highest-scoring in-scope intent of each text
    top: NDArray[np.float64]  # its score
    oos_class: NDArray[np.bool_]  # the oos class won outright (always False without one)

    def decide(self, threshold: float | None) -> NDArray[np.str_]:
        """The intents, with ``"oos"`` where the oos class won or the top score is below ``threshold``."""
        out_of_scope = (
            self.oos_class if threshold is None else self.oos_class | (self.top < threshold)
        )
        return np.where(out_of_scope, OOS, self.best)


def scores(model: Pipeline, texts: Sequence[str]) -> Scores:
    """Score ``texts`` with ``model``, separating the oos class (if it has one) from the rest."""
    raw = np.asarray(model.decision_function(list(texts)), dtype=np.float64)
    classes = np.asarray(model.classes_)
    in_scope = classes != OOS
    inside = raw[:, in_scope]
    best = classes[in_scope][inside.argmax(axis=1)]
    oos_class = raw.argmax(axis=1) == np.flatnonzero(~in_scope)[0] if (~in_scope).any() else None
    if oos_class is None:
        oos_class = np.zeros(len(texts), dtype=bool)
    return Scores(best, inside.max(axis=1), oos_class)


def metrics(predicted: Sequence[str] | NDArray[np.str_], truth: Sequence[str]) -> dict[str, float]:
    """In-scope accuracy, out-of-scope recall and precision (the CLINC paper's figures)."""
    pred, true = np.asarray(predicted), np.asarray(truth)
    inside, said_oos = true != OOS, pred == OOS
    return {
        "in_scope_accuracy": float((pred[inside] == true[inside]).mean()),
        "oos_recall": float(said_oos[~inside].mean()),
        "oos_precision": float((true[said_oos] == OOS).mean()) if said_oos.any() else 0.0,
    }


def choose_threshold(scored: Scores, truth: Sequence[str]) -> float:
    """The threshold with the best in-scope accuracy among those reaching ``MIN_OOS_RECALL``
    on ``truth`` (the validation split); the one with the best recall if none reaches it.

    Every distinct top score is a candidate. Both figures are counts of scores on one
    side of the threshold, so sorted arrays and ``searchsorted`` give them all at once.
    """
    true = np.asarray(truth)
    inside = true != OOS
    candidates = np.unique(scored.top)
    # in-scope queries answered right at threshold t: right intent, oos class lost, top >= t
    right = np.sort(scored.top[inside & ~scored.oos_class & (scored.best == true)])
    accuracy = (len(right) - np.searchsorted(right, candidates, side="left")) / inside.sum()
    # out-of-scope queries caught at t: the oos class won, or top < t
    missed = np.sort(scored.top[~inside & ~scored.oos_class])
    caught = (~inside & scored.oos_class).sum() + np.searchsorted(missed, candidates, side="left")
    recall = caught / max(1, (~inside).sum())
    reaching = recall >= MIN_OOS_RECALL
    if not reaching.any():
        return float(candidates[np.argmax(recall)])
    best = np.flatnonzero(reaching)[np.argmax(accuracy[reaching])]  # the first: lowest threshold
    return float(candidates[best])


def _fit_svm(features: Any, intents: Sequence[str], c: float) -> LinearSVC:
    svm = LinearSVC(C=c).fit(features, list(intents))
    svm.coef_ = svm.coef_.astype(np.float32)  # halves the saved file; scores change by ~1e-7
    return svm


@dataclass
class TrainedIntents:
    """The two fitted pipelines, the chosen C and thresholds, and the validation figures."""

    oos_class: Pipeline  # 151 classes: the bot's model
    in_scope: Pipeline  # 150 classes: the paper's threshold method
    c: float
    threshold: float  # for the combined mode, on the oos-class model's in-scope scores
    in_scope_threshold: float  # for the threshold mode
    confidence: tuple[float, float]  # slope, intercept: P(top intent right) = sigmoid(a*score + b)
    validation: dict[str, dict[str, float]]  # mode -> metrics
    search: list[dict[str, float]]  # one row per C tried
    train_size: int


def fit_intents(
    data: Clinc, *, per_intent: int | None = None, c_grid: Sequence[float] = C_GRID
) -> TrainedIntents:
    """Fit on train (+ oos_train), choose C on validation (oos-class accuracy), then the thresholds."""
    train = data.split("train")
    if per_intent is not None:
        train = train.per_intent(per_intent)
    val = data.split("val")
    features = build_features().fit(train.texts)
    train_x, val_x = features.transform(train.texts), features.transform(val.texts)
    search, fitted = [], {}
    for c in c_grid:
        svm = _fit_svm(train_x, train.intents, c)
        fitted[c] = svm
        row = metrics(svm.predict(val_x), val.intents)
        search.append({"C": c, **row})
    c = max(
        c_grid, key=lambda value: (search[list(c_grid).index(value)]["in_scope_accuracy"], -value)
    )
    oos_class = Pipeline([("features", features), ("svm", fitted[c])])
    inside = train.without(OOS)  # the threshold method never sees an out-of-scope query
    inside_svm = _fit_svm(features.transform(inside.texts), inside.intents, c)
    in_scope = Pipeline([("features", features), ("svm", inside_svm)])
    combined_scores, threshold_scores = scores(oos_class, val.texts), scores(in_scope, val.texts)
    threshold = choose_threshold(combined_scores, val.intents)
    in_scope_threshold = choose_threshold(threshold_scores, val.intents)
    validation = {
        "oos_class": metrics(combined_scores.decide(None), val.intents),
        "threshold": metrics(threshold_scores.decide(in_scope_threshold), val.intents),
        "combined": metrics(combined_scores.decide(threshold), val.intents),
    }
    right = combined_scores.best == np.asarray(val.intents)
    platt = LogisticRegression().fit(combined_scores.top.reshape(-1, 1), right)
    confidence = (float(platt.coef_[0, 0]), float(platt.intercept_[0]))
    return TrainedIntents(
        oos_class,
        in_scope,
        c,
        threshold,
        in_scope_threshold,
        confidence,
        validation,
        search,
        len(train),
    )
