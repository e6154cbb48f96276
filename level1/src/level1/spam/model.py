"""The whole pipeline in one place: split, tune on CV, fit, score once, save, load, predict.

:func:`train` is the beginner ML pipeline written out step by step:

1. split the corpus once into a training part and a held-out part (stratified, fixed seed);
2. cross-validate every candidate on the training part and pick a threshold for each
   from its out-of-fold scores (at most ``max_blocked_ham`` of ham flagged);
3. keep the candidate with the best cross-validated MCC;
4. fit it on the whole training part, wrapped in scikit-learn's
   :class:`~sklearn.model_selection.FixedThresholdClassifier` so the threshold travels
   with the model;
5. score the held-out part, once.

The fitted model is an ordinary scikit-learn estimator, saved with ``level1.modelstore``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.model_selection import FixedThresholdClassifier

from level1 import modelstore
from level1.spam.corpus import HAM, SPAM, Corpus, heldout_split
from level1.spam.metrics import SpamReport, format_report, spam_report
from level1.spam.pipeline import DEFAULT_CANDIDATES, Candidate, build_pipeline
from level1.spam.search import choose_threshold, cross_validate, response

__all__ = [
    "TOOL",
    "Evaluation",
    "Scored",
    "TrainingRun",
    "Verdict",
    "classify",
    "evaluate",
    "format_training",
    "load_filter",
    "save_filter",
    "train",
]

TOOL = "level1.spam"


@dataclass(frozen=True)
class Scored:
    """One candidate after cross-validation: its threshold and its out-of-fold report."""

    candidate: Candidate
    threshold: float
    report: SpamReport


@dataclass(frozen=True)
class TrainingRun:
    """What :func:`train` produced: the model, how every candidate did on CV, the held-out report."""

    model: FixedThresholdClassifier
    corpus: Corpus
    leaderboard: list[Scored]
    chosen: Scored
    heldout: SpamReport
    max_blocked_ham: float
    test_size: float
    seed: int

    def to_dict(self) -> dict[str, Any]:
        corpus = self.corpus
        return {
            "corpus": corpus.name,
            "synthetic": corpus.synthetic,
            "messages": len(corpus),
            "duplicates_removed": corpus.duplicates_removed,
            "cross_validation": [
                {"model": str(s.candidate), "threshold": s.threshold, **s.report.to_dict()}
                for s in self.leaderboard
            ],
            "chosen": str(self.chosen.candidate),
            "threshold": self.chosen.threshold,
            "heldout": self.heldout.to_dict(),
        }


def format_training(run: TrainingRun) -> str:
    """The cross-validation table (the chosen row starred), then the held-out report."""
    corpus = run.corpus
    lines = [
        f"corpus {corpus.name}{' (synthetic)' if corpus.synthetic else ''}: {len(corpus)} messages"
        f" after removing {corpus.duplicates_removed} duplicates",
        f"cross-validation on the training part (threshold: at most "
        f"{run.max_blocked_ham:.2%} of ham blocked)",
        f"  {'model':<32} {'threshold':>9} {'caught':>7} {'blocked':>8} {'MCC':>7}",
    ]
    for scored in run.leaderboard:
        mark = "*" if scored is run.chosen else " "
        report = scored.report
        lines.append(
            f"{mark} {scored.candidate!s:<32} {scored.threshold:>9.4f} {report.spam_caught:>7.4f}"
            f" {report.blocked_ham:>8.3%} {report.mcc:>7.4f}"
        )
    lines += ["", format_report(run.heldout, f"held-out split, {run.chosen.candidate}")]
    return "\n".join(lines)


def train(
    corpus: Corpus,
    *,
    candidates: Sequence[Candidate] = DEFAULT_CANDIDATES,
    max_blocked_ham: float = 0.002,
    folds: int = 5,
    test_size: float = 0.2,
    seed: int = 0,
) -> TrainingRun:
    """Tune on cross-validation over the training part, fit, and score the held-out part once."""
    train_idx, test_idx = heldout_split(corpus.labels, test_size, seed)
    texts, labels = corpus.texts[train_idx], corpus.labels[train_idx]
    is_spam = labels == SPAM
    leaderboard = []
    for fold_scores in cross_validate(texts, labels, candidates, folds=folds, seed=seed):
        threshold = choose_threshold(fold_scores.scores, is_spam, max_blocked_ham)
        report = spam_report(labels, fold_scores.predict(threshold))
        leaderboard.append(Scored(fold_scores.candidate, threshold, report))
    chosen = max(leaderboard, key=lambda scored: scored.report.mcc)  # first one on ties
    model = FixedThresholdClassifier(
        build_pipeline(chosen.candidate),
        threshold=chosen.threshold,
        pos_label=SPAM,
        response_method=chosen.candidate.response_method,
    ).fit(texts, labels)
    heldout = spam_report(corpus.labels[test_idx], model.predict(corpus.texts[test_idx]))
    return TrainingRun(
        model, corpus, leaderboard, chosen, heldout, max_blocked_ham, test_size, seed
    )


def save_filter(run: TrainingRun, directory: str | Path) -> Path:
    """Save the model with its metrics and the facts needed to re-create its held-out split."""
    corpus, chosen = run.corpus, run.chosen
    return modelstore.save(
        run.model,
        directory,
        tool=TOOL,
        metrics={"cv": chosen.report.to_dict(), "heldout": run.heldout.to_dict()},
        data_sha256=corpus.sha256,
        extra={
            "corpus": corpus.name,
            "synthetic": corpus.synthetic,
            "messages": len(corpus),
            "duplicates_removed": corpus.duplicates_removed,
            "model": str(chosen.candidate),
            "threshold": chosen.threshold,
            "max_blocked_ham": run.max_blocked_ham,
            "test_size": run.test_size,
            "seed": run.seed,
        },
    )


def load_filter(directory: str | Path) -> modelstore.SavedModel:
    """A model saved by :func:`save_filter`; refuses anything else (see ``level1.modelstore``)."""
    saved = modelstore.load(directory, tool=TOOL)
    if not isinstance(saved.model, FixedThresholdClassifier):
        raise modelstore.ModelError(f"{directory} does not hold a thresholded spam filter")
    return saved


@dataclass(frozen=True)
class Verdict:
    """The filter's answer for one message: the label, its score and the threshold it met."""

    label: str
    score: float
    threshold: float

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "score": self.score, "threshold": self.threshold}


def classify(model: FixedThresholdClassifier, texts: Sequence[str]) -> list[Verdict]:
    """Label each text "ham" or "spam", with the score the threshold was applied to."""
    batch = np.array(list(texts), dtype=object)
    scores = response(model, batch, model.response_method)
    # The rule FixedThresholdClassifier.predict applies, here without a second pass through
    # the pipeline (that halved the cost of a served prediction, level5.api).
    labels = np.where(scores >= model.threshold, SPAM, HAM)
    return [
        Verdict(str(label), float(score), float(model.threshold))
        for label, score in zip(labels, scores, strict=True)
    ]


@dataclass(frozen=True)
class Evaluation:
    """A report, what it was computed on (the held-out split, or a whole other corpus),
    and each scored message's true label and score."""

    report: SpamReport
    scope: str
    labels: np.ndarray
    scores: np.ndarray


def evaluate(saved: modelstore.SavedModel, corpus: Corpus) -> Evaluation:
    """Score a saved filter on ``corpus``: only its held-out part if it was trained on it."""
    extra = saved.metadata.get("extra", {})
    if corpus.sha256 == saved.metadata.get("data_sha256"):
        _, test_idx = heldout_split(corpus.labels, extra["test_size"], extra["seed"])
        texts, labels = corpus.texts[test_idx], corpus.labels[test_idx]
        scope = f"held-out split of {corpus.name} (never seen in training or tuning)"
    else:
        texts, labels = corpus.texts, corpus.labels
        scope = f"whole {corpus.name} corpus (the model was trained on other data)"
    model = saved.model
    scores = response(model, texts, model.response_method)
    return Evaluation(spam_report(labels, model.predict(texts)), scope, labels, scores)
