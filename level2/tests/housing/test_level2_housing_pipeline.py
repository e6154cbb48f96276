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
