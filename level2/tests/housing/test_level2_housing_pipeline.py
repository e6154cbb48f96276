"""Loading, the stratified split, the ColumnTransformer and the models on small synthetic data."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import mean_squared_error


def test_load_housing_rejects_a_table_without_the_columns(hs, tmp_path):
    path = tmp_path / "other.csv"
    path.write_text("a,b\n1,2\n")
    with pytest.raises(ValueError, match="missing columns: longitude"):
        hs.load_housing(path)


def test_load_housing_reads_the_columns_in_order(hs, synthetic_csv, synthetic):
    frame = hs.load_housing(synthetic_csv)
    assert list(frame.columns) == list(synthetic.columns)
    assert len(frame) == len(synthetic)


def test_income_category_has_five_bands(hs):
    income = pd.Series([0.5, 1.5, 2.0, 3.5, 5.0, 6.0, 15.0])
    assert list(hs.income_category(income)) == [1, 1, 2, 3, 4, 4, 5]


def test_split_is_a_partition_stratified_on_income(hs, synthetic):
    train, test = hs.split(synthetic, seed=1)
    assert len(train) + len(test) == len(synthetic)
    assert set(train.index).isdisjoint(test.index)
    whole = hs.income_category(synthetic["median_income"]).value_counts(normalize=True)
    part = hs.income_category(test["median_income"]).value_counts(normalize=True)
    assert (part - whole).abs().max() < 0.01


def test_preprocessor_fills_ratios_logs_and_one_hot(hs, synthetic):
    train, test = hs.split(synthetic)
    x_train = train.drop(columns=[hs.TARGET])
    prep = hs.build_preprocessor().fit(x_train)
    names = list(prep.get_feature_names_out())
    assert "total_rooms_per_households" in names
    assert "ocean_proximity_INLAND" in names
    out = prep.transform(test.drop(columns=[hs.TARGET]))
    assert out.shape == (len(test), len(names))
    assert not np.isnan(out).any()
    onehot = out[:, [i for i, n in enumerate(names) if n.startswith("ocean_proximity_")]]
    assert np.allclose(onehot.sum(axis=1), 1.0)


def test_imputer_learns_the_training_median_only(hs, synthetic):
    train, _ = hs.split(synthetic)
    prep = hs.build_preprocessor().fit(train.drop(columns=[hs.TARGET]))
    imputer = prep.named_transformers_["log"][0]
    position = list(imputer.feature_names_in_).index("total_bedrooms")
    assert imputer.statistics_[position] == pytest.approx(train["total_bedrooms"].median())


def test_unknown_ocean_proximity_is_ignored(hs, synthetic):
    train, test = hs.split(synthetic)
    prep = hs.build_preprocessor().fit(train.drop(columns=[hs.TARGET]))
    odd = test.drop(columns=[hs.TARGET]).head(3).copy()
    odd["ocean_proximity"] = "ON THE MOON"
    names = list(prep.get_feature_names_out())
    onehot = prep.transform(odd)[
        :, [i for i, n in enumerate(names) if n.startswith("ocean_proximity_")]
    ]
    assert np.all(onehot == 0)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.floats(-1e6, 1e6, allow_nan=False), min_size=1, max_size=30))
def test_rmse_matches_sklearn(hs, values):
    truth = np.array(values)
    predicted = truth[::-1] + 1.0
    assert hs.rmse(truth, predicted) == pytest.approx(
        np.sqrt(mean_squared_error(truth, predicted)), rel=1e-9, abs=1e-6
    )


def test_make_model_rejects_an_unknown_name(hs):
    with pytest.raises(ValueError, match="unknown model 'svm'"):
        hs.make_model("svm")


def test_cross_validate_reports_every_model(hs, synthetic):
    train, _ = hs.split(synthetic)
    table = hs.cross_validate(train, folds=3, n_estimators=5)
    assert list(table["model"]) == list(hs.MODEL_NAMES)
    assert (table["cv_rmse"] > 0).all()
    assert (table["cv_sd"] >= 0).all()
    assert (
        table.set_index("model").loc["hist_gb", "cv_rmse"]
        < table.set_index("model").loc["tree", "cv_rmse"]
    )


def test_train_save_evaluate_round_trip(hs, synthetic, synthetic_csv, tmp_path):
    result = hs.train(synthetic, folds=2, n_estimators=5, names=("linear",))
    assert result.chosen == hs.CHOSEN
    folder = hs.save(result, tmp_path / "model", data=synthetic_csv, seed=42)
    scores = hs.evaluate(folder, synthetic)
    _, test = hs.split(synthetic, seed=42)
    expected = hs.rmse(test[hs.TARGET], result.model.predict(test.drop(columns=[hs.TARGET])))
    assert scores["test_rmse"] == pytest.approx(expected)
    assert scores["test_rows"] == len(test)


@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.floats(-125, -114), st.floats(32, 42)), min_size=1, max_size=20))
def test_rotations_project_on_rotated_axes(points):
    from level2.housing.features import ANGLES, rotations

    xy = np.array(points)
    out = rotations(xy)
    assert out.shape == (len(xy), ANGLES)
    for column, degrees in enumerate(np.arange(1, ANGLES + 1) * 180 / (ANGLES + 1)):
        angle = np.radians(degrees)
        expected = xy[:, 0] * np.cos(angle) + xy[:, 1] * np.sin(angle)
        assert np.allclose(out[:, column], expected)
    # the middle axis is the 90-degree one's neighbour pair: 45 and 135 degrees are orthogonal
    norms = out[:, 1] ** 2 + out[:, 5] ** 2
    assert np.allclose(norms, (xy**2).sum(axis=1))


def test_neighbours_use_the_scaled_longitude_and_latitude(hs, synthetic):
    from level2.housing.features import GEO_COLUMNS

    train, _ = hs.split(synthetic)
    prep = hs.build_preprocessor().fit(train.drop(columns=[hs.TARGET]))
    names = list(prep.get_feature_names_out())
    assert [names[i] for i in GEO_COLUMNS] == ["longitude", "latitude"]
    assert "rotated_45deg" in names
    assert (
        "rotated_45deg"
        not in hs.build_preprocessor(rotated=False).fit(train).get_feature_names_out()
    )


def test_the_neighbours_value_is_stacked_out_of_fold_not_leaked(hs, synthetic):
    from sklearn.linear_model import LinearRegression

    from level2.housing.features import neighbour_value

    train, test = hs.split(synthetic)
    x, y = train.drop(columns=[hs.TARGET]), train[hs.TARGET]
    x_test, y_test = test.drop(columns=[hs.TARGET]), test[hs.TARGET]
    model = hs.make_model("linear").fit(x, y)
    assert model.named_steps["model"].passthrough
    stacked_error = hs.rmse(y_test, model.predict(x_test))

    # The leak stacking avoids: fitted on all training rows, a row's nearest neighbour is
    # itself, so the in-sample feature is (mostly) its own price and the model learns to copy it.
    prep = hs.build_preprocessor().fit(x)
    features, test_features = prep.transform(x), prep.transform(x_test)
    knn = neighbour_value().fit(features, y)
    assert np.mean(np.isclose(knn.predict(features), y)) > 0.8
    leaky = LinearRegression().fit(np.column_stack([features, knn.predict(features)]), y)
    leaky_train_error = hs.rmse(
        y, leaky.predict(np.column_stack([features, knn.predict(features)]))
    )
    leaky_error = hs.rmse(
        y_test, leaky.predict(np.column_stack([test_features, knn.predict(test_features)]))
    )
    assert leaky_train_error < 0.5 * leaky_error  # looks great in training ...
    assert stacked_error < leaky_error  # ... and is worse on unseen rows


def test_evaluate_splits_capped_rows_and_refuses_another_table(
    hs, synthetic, synthetic_csv, tmp_path
):
    from level1.modelstore import ModelError

    result = hs.train(synthetic, folds=2, n_estimators=5, names=("linear",))
    folder = hs.save(result, tmp_path / "model", data=synthetic_csv, seed=42)
    scores = hs.evaluate(folder, synthetic)
    _, test = hs.split(synthetic, seed=42)
    capped = int((test[hs.TARGET] >= 500_001).sum())
    assert scores["capped_rows"] == capped > 0
    parts = (
        capped * scores["rmse_capped_rows"] ** 2
        + (len(test) - capped) * scores["rmse_other_rows"] ** 2
    )
    assert np.sqrt(parts / len(test)) == pytest.approx(scores["test_rmse"])
    with pytest.raises(ModelError, match="trained on another table"):
        hs.evaluate(folder, synthetic, data_sha256="0" * 64)
