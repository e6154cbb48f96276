"""Contract tests of level1.iris: data, split, models, CV, evaluation, prediction."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_score

SETOSA = ["5.1", "3.5", "1.4", "0.2"]


@pytest.fixture(scope="module")
def iris(solution):
    return solution("level1.iris")


@pytest.fixture(scope="module")
def fitted(iris):
    return iris.train()


def test_data_is_150_flowers_50_per_species(iris):
    features, species = iris.load_data()
    assert features.shape == (150, 4)
    assert list(features.columns) == list(iris.FEATURES)
    assert species.value_counts().to_dict() == dict.fromkeys(iris.SPECIES, 50)


@settings(max_examples=15)
@given(seed=st.integers(0, 10_000), test_size=st.sampled_from([0.2, 0.3, 0.5]))
def test_split_is_a_stratified_partition(iris, seed, test_size):
    features, species = iris.load_data()
    x_train, x_test, y_train, y_test = iris.split(features, species, test_size=test_size, seed=seed)
    assert set(x_train.index).isdisjoint(x_test.index)
    assert sorted([*x_train.index, *x_test.index]) == list(features.index)
    assert (x_train.index == y_train.index).all()
    assert (x_test.index == y_test.index).all()
    counts = y_test.value_counts()
    assert counts.max() - counts.min() <= 1  # the same share of each species
    assert len(y_test) == round(150 * test_size)


def test_split_is_deterministic_under_a_seed(iris):
    features, species = iris.load_data()
    first = iris.split(features, species, seed=3)[1].index
    assert list(first) == list(iris.split(features, species, seed=3)[1].index)
    assert list(first) != list(iris.split(features, species, seed=4)[1].index)


def test_cv_compares_three_models_and_the_best_reaches_096(iris):
    features, species = iris.load_data()
    results = iris.cross_validate_models(features, species, folds=10, seed=0)
    assert {r.model for r in results} == {"logistic_regression", "knn", "decision_tree"}
    assert all(len(r.folds) == 10 for r in results)
    assert [r.mean for r in results] == sorted((r.mean for r in results), reverse=True)
    top = iris.best(results)
    assert top.mean >= 0.96
    assert top.mean == pytest.approx(np.mean(top.folds))
    assert top.std == pytest.approx(np.std(top.folds))


def test_cv_agrees_with_scikit_learn_on_the_same_splits(iris):
    features, species = iris.load_data()
    (ours,) = iris.cross_validate_models(
        features, species, folds=5, seed=7, names=("decision_tree",)
    )
    splitter = StratifiedKFold(n_splits=5, shuffle=True, random_state=7)
    oracle = cross_val_score(iris.make_model("decision_tree", 7), features, species, cv=splitter)
    assert ours.folds == pytest.approx(tuple(oracle))


def test_make_model_rejects_an_unknown_name(iris):
    with pytest.raises(ValueError, match="unknown model 'svm'"):
        iris.make_model("svm")


def test_evaluation_matches_a_hand_counted_confusion_matrix(iris):
    features, species = iris.load_data()
    x_train, x_test, y_train, y_test = iris.split(features, species, seed=1)
    model = iris.make_model("knn").fit(x_train, y_train)
    result = iris.evaluate(model, x_test, y_test)
    predicted = model.predict(x_test)
    index = {name: i for i, name in enumerate(iris.SPECIES)}
    expected = np.zeros((3, 3), dtype=int)
    np.add.at(expected, ([index[s] for s in y_test], [index[s] for s in predicted]), 1)
    assert (result.confusion == expected).all()
    assert result.accuracy == pytest.approx(np.trace(expected) / expected.sum())
    assert result.confusion.sum() == len(y_test)
    assert "versicolor" in result.report_text


def test_predict_setosa_with_probabilities(iris, fitted):
    prediction = iris.predict_species(SETOSA, fitted)
    assert prediction.species == "setosa"
    assert set(prediction.probabilities) == set(iris.SPECIES)
    assert max(prediction.probabilities, key=prediction.probabilities.get) == "setosa"
    assert prediction.probabilities["setosa"] > 0.9
    assert prediction.outside_training_range == []


def test_predict_trains_the_default_model_when_none_is_given(iris):
    assert iris.predict_species([6.7, 3.0, 5.2, 2.3]).species == "virginica"


def test_predict_flags_extrapolation(iris, fitted):
    prediction = iris.predict_species([5.0, 3.0, 30.0, 1.0], fitted)
    assert prediction.outside_training_range == ["petal length"]


@settings(max_examples=40)
@given(st.lists(st.floats(0.05, 12.0), min_size=4, max_size=4))
def test_probabilities_form_a_distribution_matching_the_label(iris, fitted, measurements):
    prediction = iris.predict_species(measurements, fitted)
    probabilities = np.array(list(prediction.probabilities.values()))
    assert ((probabilities >= 0) & (probabilities <= 1)).all()
    assert probabilities.sum() == pytest.approx(1.0)
    assert prediction.probabilities[prediction.species] == pytest.approx(probabilities.max())


@pytest.mark.parametrize(
    ("values", "message"),
    [
        (["5.1", "3.5", "1.4"], "expected 4 measurements"),
        (["5.1", "3.5", "1.4", "0.2", "9"], "got 5"),
        (["5.1", "wide", "1.4", "0.2"], "sepal width: 'wide' is not a number"),
        (["5.1", "3.5", "-1.4", "0.2"], "petal length: '-1.4' must be a positive length"),
        (["5.1", "3.5", "1.4", "nan"], "petal width: 'nan' must be a positive length"),
        (["inf", "3.5", "1.4", "0.2"], "sepal length: 'inf' must be a positive"),
    ],
)
def test_bad_measurements_are_refused(iris, values, message):
    with pytest.raises(iris.MeasurementError, match=message):
        iris.parse_measurements(values)
    assert issubclass(iris.MeasurementError, ValueError)


def test_logistic_regression_oracle_on_the_whole_data(iris, fitted):
    """Our default model's probabilities equal a hand-built scaler + LogisticRegression."""
    features, species = iris.load_data()
    standardised = (features - features.mean()) / features.std(ddof=0)
    oracle = LogisticRegression(C=10.0, max_iter=1000).fit(standardised, species)
    row = pd.DataFrame([[5.9, 3.0, 5.1, 1.8]], columns=list(iris.FEATURES))
    expected = oracle.predict_proba((row - features.mean()) / features.std(ddof=0))[0]
    ours = iris.predict_species(row.iloc[0].tolist(), fitted).probabilities
    assert [ours[s] for s in oracle.classes_] == pytest.approx(expected, abs=1e-4)
