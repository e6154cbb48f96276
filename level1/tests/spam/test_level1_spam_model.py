"""Training end to end: CV choice, thresholded model, held-out report, save/load, evaluate."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import FixedThresholdClassifier

from level1 import modelstore

SMALL = [("svm", 1.0), ("nb", 0.1)]


@pytest.fixture(scope="module")
def small_run(solution):
    mod = solution("level1.spam")
    corpus = mod.synthetic_corpus(rows=300, seed=3)
    candidates = [mod.Candidate(kind, strength) for kind, strength in SMALL]
    return mod.train(corpus, candidates=candidates, folds=3)


def test_training_picks_the_best_cv_candidate_and_keeps_its_threshold(small_run):
    assert len(small_run.leaderboard) == 2
    assert small_run.chosen.report.mcc == max(s.report.mcc for s in small_run.leaderboard)
    assert isinstance(small_run.model, FixedThresholdClassifier)
    assert small_run.model.threshold == small_run.chosen.threshold
    assert small_run.model.pos_label == "spam"


def test_heldout_report_covers_a_fifth_of_the_corpus(small_run):
    assert small_run.heldout.messages == round(0.2 * len(small_run.corpus))
    assert 0 <= small_run.heldout.blocked_ham <= 1


def test_classify_labels_by_the_threshold(solution, small_run):
    verdicts = solution("level1.spam").classify(
        small_run.model, ["claim your prize cash now", "dinner with mum on Sunday"]
    )
    for verdict in verdicts:
        assert (verdict.label == "spam") == (verdict.score >= verdict.threshold)
    assert [v.label for v in verdicts] == ["spam", "ham"]


def test_classify_agrees_with_the_models_own_predict(solution, small_run):
    texts = small_run.corpus.texts
    verdicts = solution("level1.spam").classify(small_run.model, texts)
    assert [v.label for v in verdicts] == small_run.model.predict(texts).tolist()


def test_saved_filter_predicts_the_same_and_knows_its_data(solution, small_run, tmp_path):
    mod = solution("level1.spam")
    mod.save_filter(small_run, tmp_path / "model")
    saved = mod.load_filter(tmp_path / "model")
    texts = small_run.corpus.texts[:50]
    np.testing.assert_array_equal(saved.model.predict(texts), small_run.model.predict(texts))
    assert saved.metadata["data_sha256"] == small_run.corpus.sha256
    assert saved.metadata["extra"]["threshold"] == small_run.chosen.threshold
    assert saved.metadata["metrics"]["heldout"]["mcc"] == small_run.heldout.mcc


def test_evaluate_scores_only_the_heldout_part_of_the_training_corpus(
    solution, small_run, tmp_path
):
    mod = solution("level1.spam")
    mod.save_filter(small_run, tmp_path / "model")
    saved = mod.load_filter(tmp_path / "model")
    same = mod.evaluate(saved, small_run.corpus)
    assert "held-out" in same.scope
    assert same.report == small_run.heldout
    other = mod.evaluate(saved, mod.synthetic_corpus(rows=100, seed=9))
    assert "whole" in other.scope
    assert other.report.messages == 100


def test_load_refuses_another_tools_model(solution, tmp_path):
    model = LogisticRegression().fit([[0.0], [1.0]], ["ham", "spam"])
    modelstore.save(model, tmp_path / "m", tool="level1.textclf")
    with pytest.raises(modelstore.ModelError, match=r"made by level1\.textclf"):
        solution("level1.spam").load_filter(tmp_path / "m")


def test_real_sms_meets_the_targets(solution, realdata):
    """The README's figures: the CV-chosen model (linear SVM, C=0.3) with its CV threshold."""
    mod = solution("level1.spam")
    corpus = mod.load_sms(realdata("sms_spam") / "SMSSpamCollection")
    run = mod.train(corpus, candidates=[mod.Candidate("svm", 0.3)])
    report = run.heldout
    assert report.messages == 1035
    assert report.accuracy >= 0.985
    assert report.spam_caught >= 0.92
    assert report.blocked_ham <= 0.005
    assert report.mcc >= 0.93
