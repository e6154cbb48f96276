"""compare(): every model on the same splits, sorted, summarised, and the top-two test."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold, cross_val_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


@pytest.fixture(scope="module")
def small(solution):
    return solution("level3.compare").load_dataset("breast_cancer").subset(200)


def test_bundled_datasets_load(solution):
    mod = solution("level3.compare")
    digits = mod.load_dataset("digits")
    assert len(digits) == 1797
    assert set(np.unique(digits.y)) == set(range(10))
    cancer = mod.load_dataset("breast_cancer")
    assert cancer.X.shape == (569, 30)
    assert cancer.data == "bundled"


def test_unknown_dataset_or_model_is_refused(solution, small):
    mod = solution("level3.compare")
    with pytest.raises(ValueError, match="unknown dataset"):
        mod.load_dataset("iris")
    with pytest.raises(ValueError, match="unknown model"):
        mod.compare(small, ("logistic_regression", "gradient_boosting"))
    with pytest.raises(ValueError, match="folds"):
        mod.compare(small, ("knn",), folds=1)


def test_compare_matches_sklearn_on_the_same_splits(solution, small):
    mod = solution("level3.compare")
    result = mod.compare(small, ("logistic_regression", "decision_tree", "knn"), 3, 2, seed=1)
    assert result.folds == 3
    assert result.repeats == 2
    assert result.rows == 200
    means = [r.mean() for r in result.results]
    assert means == sorted(means, reverse=True)
    for r in result.results:
        assert len(r.scores["accuracy"]) == 6
        assert len(r.fit_seconds) == 6
        assert all(0 <= s <= 1 for s in r.scores["f1_macro"])
    logistic = next(r for r in result.results if r.model == "logistic_regression")
    oracle = cross_val_score(
        make_pipeline(StandardScaler(), LogisticRegression(max_iter=5000)),
        small.X,
        small.y,
        cv=RepeatedStratifiedKFold(n_splits=3, n_repeats=2, random_state=1),
    )
    np.testing.assert_allclose(logistic.scores["accuracy"], oracle)
    test = result.test
    assert test is not None
    assert test.splits == 6
    assert (test.model_a, test.model_b) == (result.results[0].model, result.results[1].model)
    assert test.test_train_ratio == pytest.approx(0.5, abs=0.02)  # 3 folds: 1 part to 2
    assert test.mean_difference >= 0


def test_summary_table_and_json(solution, small):
    mod = solution("level3.compare")
    result = mod.compare(small, ("logistic_regression", "decision_tree"), 2, 1)
    table = mod.format_table(result)
    assert "corrected resampled t-test" in table
    assert "decision_tree" in table
    summary = result.as_dict()
    assert [m["model"] for m in summary["models"]] == [r.model for r in result.results]
    assert summary["top_two_test"]["splits"] == 2
    assert set(summary["models"][0]) >= {"accuracy", "f1_macro", "fit_seconds", "predict_seconds"}


def test_one_model_has_no_test(solution, small):
    result = solution("level3.compare").compare(small, ("decision_tree",), 2, 1)
    assert result.test is None
    assert result.as_dict()["top_two_test"] is None


def test_every_model_builds_a_pipeline(solution, small):
    mod = solution("level3.compare")
    assert set(mod.MODELS) == {
        "logistic_regression",
        "linear_svm",
        "rbf_svm",
        "knn",
        "decision_tree",
        "random_forest",
    }
    for name in mod.MODELS:
        pipeline = mod.make_pipeline(small, name).set_params(
            **({"model__n_estimators": 10} if name == "random_forest" else {})
        )
        assert pipeline.fit(small.X, small.y).score(small.X, small.y) > 0.8


def test_curves_are_written(solution, small, tmp_path):
    mod = solution("level3.compare")
    learning = mod.plot_learning_curves(
        small, tmp_path / "l.png", models=("decision_tree",), folds=2, sizes=3
    )
    validation = mod.plot_validation_curves(
        small, tmp_path / "v.png", sweeps={"knn": ("n_neighbors", [1, 5, 15], True)}, folds=2
    )
    for path in (learning, validation):
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_titanic_uses_level1_pipeline(solution, realdata):
    realdata("titanic")
    mod = solution("level3.compare")
    titanic = mod.load_dataset("titanic")
    assert len(titanic) == 891
    assert titanic.data == "real"
    result = mod.compare(titanic.subset(300), ("logistic_regression",), 2, 1)
    assert result.results[0].mean() > 0.7


def test_spam_reuses_level1_corpus(solution, realdata):
    realdata("sms_spam")
    spam = solution("level3.compare").load_dataset("spam")
    assert 5000 < len(spam) < 5574  # duplicates removed
    assert 0.1 < spam.y.mean() < 0.2
