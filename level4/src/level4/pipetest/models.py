"""The models under behavioural test: level 1's spam filter and text classifier, trained small.

The spam filter is trained the level 1 way (``level1.spam.train``: a held-out split, a
threshold from out-of-fold scores, one fit) on a single candidate with three folds: the
linear SVM with C=0.3 that level 1's full search picks for SMS, so it is level 1's model.
The sentiment classifier is ``level1.textclf``'s pipeline (TF-IDF words and characters,
logistic regression with C=10) fitted once on the training part of its held-out split,
which is what ``textclf.train`` ends with once it has chosen a candidate. A test session
trains both in seconds; the behavioural checks then use the held-out texts (never seen
in training) and texts made from templates.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = ["SENTIMENT_FILES", "Subject", "sentiment_subject", "spam_subject"]

SENTIMENT_FILES = ("amazon_cells", "imdb", "yelp")


@dataclass(frozen=True)
class ScoredModel:
    """A fitted scikit-learn classifier as a :class:`~level4.pipetest.behaviour.TextModel`."""

    estimator: Any
    positive: str
    method: str  # "predict_proba" or "decision_function"

    def predict(self, texts: Sequence[str]) -> np.ndarray:
        return np.asarray(self.estimator.predict(np.array(list(texts), dtype=object)))

    def score(self, texts: Sequence[str]) -> np.ndarray:
        batch = np.array(list(texts), dtype=object)
        scores = np.asarray(getattr(self.estimator, self.method)(batch), dtype=float)
        if scores.ndim == 2:
            return scores[:, list(self.estimator.classes_).index(self.positive)]
        return scores


@dataclass(frozen=True)
class Subject:
    """A model under test, its held-out texts by label and where its data came from."""

    name: str
    model: ScoredModel
    heldout: dict[str, list[str]]
    data: str  # "real" or "synthetic"
    heldout_accuracy: float


def spam_subject(corpus_name: str = "sms") -> Subject:
    """level 1's spam filter trained on ``corpus_name`` ("sms", or "synthetic" without data)."""
    from level1.spam import Candidate, heldout_split, load_corpus, train

    corpus = load_corpus(corpus_name)
    run = train(corpus, candidates=[Candidate("svm", 0.3)], folds=3)
    _, test_idx = heldout_split(corpus.labels, run.test_size, run.seed)
    texts, labels = corpus.texts[test_idx], corpus.labels[test_idx]
    heldout = {label: [str(t) for t in texts[labels == label]] for label in ("ham", "spam")}
    model = ScoredModel(run.model, "spam", run.model.response_method)
    return Subject(
        f"level1.spam on {corpus.name}",
        model,
        heldout,
        "synthetic" if corpus.synthetic else "real",
        run.heldout.accuracy,
    )


def sentiment_subject() -> Subject:
    """level 1's text classifier on the three UCI sentiment files together (3,000 sentences)."""
    from level0.datasets import locate
    from level1.spam import Candidate, build_pipeline, deduplicate, heldout_split
    from level1.textclf import class_report, read_labelled, table_format

    folder = locate("sentiment")
    parts = []
    for source in SENTIMENT_FILES:
        path = folder / f"{source}_labelled.txt"
        parts.append(read_labelled(path, table_format(path, header=False)))
    texts, labels, _ = deduplicate(
        np.concatenate([p.texts for p in parts]), np.concatenate([p.labels for p in parts])
    )
    train_idx, test_idx = heldout_split(labels, 0.2, 0)
    pipeline = build_pipeline(Candidate("logreg", 10.0)).fit(texts[train_idx], labels[train_idx])
    held_texts, held_labels = texts[test_idx], labels[test_idx]
    heldout = {label: [str(t) for t in held_texts[held_labels == label]] for label in ("0", "1")}
    accuracy = class_report(held_labels, pipeline.predict(held_texts)).accuracy
    name = f"level1.textclf pipeline on {len(texts)} sentiment sentences"
    return Subject(name, ScoredModel(pipeline, "1", "predict_proba"), heldout, "real", accuracy)
