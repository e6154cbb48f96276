"""Tuning on the training part only: cross-validated scores for every candidate, a threshold.

:func:`cross_validate` does what ``GridSearchCV`` over the pipeline would do, with one
saving: the TF-IDF step does not depend on the classifier, so it is fitted once per fold
(on that fold's training rows only, so nothing leaks) and every candidate classifier is
trained on the same features. With ten candidates that is 5 vectoriser fits instead
of 50. What comes back are *out-of-fold* scores: each training message is scored by a
model that never saw it, which is what a threshold must be chosen on.

:func:`choose_threshold` turns those scores into an operating point: catch as much spam
as possible while blocking at most a budgeted share of ham.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from sklearn.base import TransformerMixin
from sklearn.model_selection import StratifiedKFold
from tqdm import tqdm

from level1.spam.pipeline import DEFAULT_CANDIDATES, Candidate, text_features

__all__ = ["OutOfFold", "choose_threshold", "cross_validate", "response"]


@dataclass(frozen=True)
class OutOfFold:
    """One candidate's out-of-fold scores: for two classes, the score of ``classes[1]``;
    for more, one column per class."""

    candidate: Candidate
    classes: np.ndarray
    scores: np.ndarray

    def predict(self, threshold: float | None = None) -> np.ndarray:
        """Labels from the scores; two classes switch at ``threshold`` (default: the model's)."""
        if self.scores.ndim == 2:
            return np.asarray(self.classes[self.scores.argmax(axis=1)])
        cut = self.candidate.default_threshold if threshold is None else threshold
        return np.asarray(self.classes[(self.scores >= cut).astype(int)])


def response(classifier: object, features: object, method: str) -> np.ndarray:
    """The classifier's scores: a vector (score of the second class) for two classes."""
    scores = np.asarray(getattr(classifier, method)(features), dtype=float)
    if method == "predict_proba" and scores.shape[1] == 2:
        return scores[:, 1]
    return scores


def cross_validate(
    texts: np.ndarray,
    labels: np.ndarray,
    candidates: Sequence[Candidate] = DEFAULT_CANDIDATES,
    *,
    folds: int = 5,
    seed: int = 0,
    features: Callable[[], TransformerMixin] = text_features,
    description: str = "cross-validation",
) -> list[OutOfFold]:
    """Out-of-fold scores of every candidate on ``texts``, with stratified ``folds``."""
    classes = np.unique(labels)
    width = 1 if len(classes) == 2 else len(classes)
    shape = (len(texts),) if width == 1 else (len(texts), width)
    scores = {candidate: np.zeros(shape) for candidate in candidates}
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    splits = splitter.split(np.zeros(len(labels)), labels)
    for train_idx, test_idx in tqdm(splits, total=folds, desc=description, disable=None):
        vectoriser = features()
        train_x = vectoriser.fit_transform(texts[train_idx])
        test_x = vectoriser.transform(texts[test_idx])
        for candidate in candidates:
            classifier = candidate.classifier().fit(train_x, labels[train_idx])
            scores[candidate][test_idx] = response(classifier, test_x, candidate.response_method)
    return [OutOfFold(candidate, classes, scores[candidate]) for candidate in candidates]


def choose_threshold(
    scores: np.ndarray, is_positive: np.ndarray, max_false_positive: float
) -> float:
    """The threshold that catches the most positives while flagging at most
    ``max_false_positive`` of the negatives (a message is flagged when ``score >= threshold``).

    With ``k`` false positives allowed, the threshold must stay above the (k+1)-th highest
    negative score. The lowest positive score above that line is the last one worth
    catching; the threshold goes halfway between it and the highest negative below it,
    so no part of the budget is spent on ham that buys no extra spam.
    """
    if not 0 <= max_false_positive < 1:
        raise ValueError(f"the false positive budget must be in [0, 1), got {max_false_positive}")
    scores = np.asarray(scores, dtype=float)
    is_positive = np.asarray(is_positive, dtype=bool)
    negatives = np.sort(scores[~is_positive])[::-1]
    if len(negatives) == 0 or not is_positive.any():
        raise ValueError("choosing a threshold needs both classes among the scores")
    allowed = int(np.floor(max_false_positive * len(negatives)))
    line = negatives[allowed]  # the highest negative score that must not be flagged
    caught = scores[is_positive & (scores > line)]
    if len(caught) == 0:
        return float(np.nextafter(line, np.inf))
    lowest_caught = caught.min()
    below = negatives[negatives < lowest_caught].max()  # exists: ``line`` is one of them
    return float(max((below + lowest_caught) / 2, np.nextafter(below, np.inf)))
