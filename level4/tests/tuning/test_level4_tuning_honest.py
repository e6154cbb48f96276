"""Nested CV and the out-of-fold threshold, on a small real sample."""

from __future__ import annotations

import numpy as np
import pytest

from level1.spam.corpus import heldout_split, load_sms
from level4.tuning import honest, methods, space
from level4.tuning.workflow import sample_corpus


@pytest.fixture(scope="module")
def small(realdata):
    corpus = sample_corpus(load_sms(realdata("sms_spam") / "SMSSpamCollection"), 300)
    train_idx, _ = heldout_split(corpus.labels)
    return corpus.texts[train_idx], corpus.labels[train_idx]


SVM = {
    "features": space.features(),
    "classifier": space.classifier("svm"),
    "classifier__C": 0.3,
}


def test_nested_cv_reports_its_optimism(small):
    texts, labels = small
    cv = methods.cv_splitter(2, 1, 0)
    nested = honest.nested_cv(
        "random", texts, labels, budget=6, inner=cv, best_cv=0.95, outer_folds=2, n_jobs=1
    )
    assert len(nested.outer_scores) == 2
    assert len(nested.winners) == 2
    assert all(-1 <= s <= 1 for s in nested.outer_scores)
    assert nested.optimism == pytest.approx(0.95 - np.mean(nested.outer_scores))
    assert nested.to_dict()["nested_mcc"] == pytest.approx(nested.score)


@pytest.mark.parametrize("budget", [0.0, 0.003, 0.05])
def test_the_threshold_keeps_blocked_ham_within_budget_on_the_oof_scores(small, budget):
    texts, labels = small
    threshold, scores = honest.oof_threshold(
        SVM, texts, labels, max_blocked_ham=budget, folds=3, n_jobs=1
    )
    ham = labels == "ham"
    assert (scores[ham] >= threshold).mean() <= budget
    assert len(scores) == len(labels)


def test_naive_bayes_is_scored_by_its_spam_probability(small):
    texts, labels = small
    nb = {**SVM, "classifier": space.classifier("nb")}
    del nb["classifier__C"]
    threshold, scores = honest.oof_threshold(nb, texts, labels, max_blocked_ham=0.01, folds=3)
    assert 0 <= scores.min() <= scores.max() <= 1
    assert scores[labels == "spam"].mean() > scores[labels == "ham"].mean()
    assert 0 <= threshold <= 1
