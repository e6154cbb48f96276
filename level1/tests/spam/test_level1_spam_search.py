"""Cross-validation with shared features (oracle: sklearn's cross_val_predict) and the threshold."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.model_selection import StratifiedKFold, cross_val_predict

HAM_WORDS = [
    "meeting",
    "lunch",
    "tomorrow",
    "thanks",
    "see",
    "you",
    "later",
    "home",
    "mum",
    "dinner",
    "call",
    "ok",
]
SPAM_WORDS = [
    "free",
    "prize",
    "winner",
    "claim",
    "cash",
    "now",
    "urgent",
    "txt",
    "offer",
    "call",
    "reply",
    "mobile",
]


def toy_texts(
    classes: int = 2, per_class: int = 40, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """Short messages whose words mostly, but not always, come from their class's list."""
    rng = np.random.default_rng(seed)
    pools = [HAM_WORDS, SPAM_WORDS, ["goal", "match", "team", "score", "win", "league", "coach"]][
        :classes
    ]
    names = ["ham", "spam", "sport"][:classes]
    texts, labels = [], []
    for name, pool in zip(names, pools, strict=True):
        for _ in range(per_class):
            words = [
                rng.choice(pool) if rng.random() < 0.7 else rng.choice(pools[rng.integers(classes)])
                for _ in range(6)
            ]
            texts.append(" ".join(words))
            labels.append(name)
    return np.array(texts, dtype=object), np.array(labels, dtype=object)


@pytest.mark.parametrize(("kind", "strength"), [("svm", 1.0), ("nb", 0.3), ("logreg", 10.0)])
def test_out_of_fold_predictions_match_cross_val_predict(solution, kind, strength):
    mod = solution("level1.spam")
    texts, labels = toy_texts()
    candidate = mod.Candidate(kind, strength)
    (result,) = mod.cross_validate(texts, labels, [candidate], folds=3, seed=0)
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
    expected = cross_val_predict(mod.build_pipeline(candidate), texts, labels, cv=folds)
    np.testing.assert_array_equal(result.predict(), expected)


def test_multiclass_scores_have_one_column_per_class(solution):
    mod = solution("level1.spam")
    texts, labels = toy_texts(classes=3)
    candidate = mod.Candidate("logreg", 10.0)
    (result,) = mod.cross_validate(texts, labels, [candidate], folds=3)
    assert result.scores.shape == (len(texts), 3)
    folds = StratifiedKFold(n_splits=3, shuffle=True, random_state=0)
    expected = cross_val_predict(mod.build_pipeline(candidate), texts, labels, cv=folds)
    np.testing.assert_array_equal(result.predict(), expected)


def test_every_candidate_is_scored(solution):
    mod = solution("level1.spam")
    texts, labels = toy_texts()
    results = mod.cross_validate(texts, labels, mod.DEFAULT_CANDIDATES, folds=3)
    assert [r.candidate for r in results] == list(mod.DEFAULT_CANDIDATES)
    assert all(r.scores.shape == (len(texts),) for r in results)


score_lists = st.lists(
    st.tuples(st.floats(-5, 5, allow_nan=False), st.booleans()), min_size=2, max_size=80
).filter(lambda rows: any(p for _, p in rows) and not all(p for _, p in rows))


@settings(max_examples=80)
@given(rows=score_lists, budget=st.floats(0, 0.5))
def test_threshold_keeps_the_budget_and_catches_the_most(solution, rows, budget):
    choose = solution("level1.spam").choose_threshold
    scores = np.array([s for s, _ in rows])
    positive = np.array([p for _, p in rows])
    threshold = choose(scores, positive, budget)
    allowed = int(np.floor(budget * (~positive).sum()))
    flagged = scores >= threshold
    assert (flagged & ~positive).sum() <= allowed
    # brute force: no threshold that keeps the budget catches more positives
    best = max(
        (scores[positive] >= t).sum()
        for t in [*np.unique(scores), np.inf]
        if ((scores >= t) & ~positive).sum() <= allowed
    )
    assert (flagged & positive).sum() == best


def test_threshold_refuses_a_bad_budget_or_one_class(solution):
    choose = solution("level1.spam").choose_threshold
    with pytest.raises(ValueError, match="budget"):
        choose(np.array([0.1, 0.9]), np.array([False, True]), 1.0)
    with pytest.raises(ValueError, match="both classes"):
        choose(np.array([0.1, 0.9]), np.array([True, True]), 0.01)


def test_threshold_sits_between_the_classes(solution):
    choose = solution("level1.spam").choose_threshold
    scores = np.array([-2.0, -1.0, 0.0, 1.0, 3.0])
    positive = np.array([False, False, False, True, True])
    assert choose(scores, positive, 0.0) == pytest.approx(0.5)
    # a budget of one ham buys no extra spam here, so it is not spent
    assert choose(scores, positive, 0.34) == pytest.approx(0.5)


def test_threshold_spends_the_budget_when_it_catches_more(solution):
    choose = solution("level1.spam").choose_threshold
    scores = np.array([-2.0, 0.5, 2.0, 1.0, 3.0])
    positive = np.array([False, False, False, True, True])
    assert choose(scores, positive, 0.0) == pytest.approx(2.5)
    assert choose(scores, positive, 0.34) == pytest.approx(0.75)
