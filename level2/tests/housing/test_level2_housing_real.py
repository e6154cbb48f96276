"""The real California housing data: its known quirks, and the target test RMSE (<= 45,000 USD)."""

from __future__ import annotations


def test_real_data_quirks(hs, realdata):
    frame = hs.load_housing(realdata("housing") / "housing.csv")
    assert frame.shape == (20640, 10)
    assert hs.missing_counts(frame)["total_bedrooms"] == 207
    caps = hs.capped_values(frame).set_index("column")
    assert caps.loc["median_house_value", "max"] == 500001
    assert caps.loc["median_house_value", "rows_at_max"] == 965
    assert caps.loc["housing_median_age", "max"] == 52
    assert hs.vif(frame)["total_bedrooms"] > 10


def test_chosen_model_meets_the_target_on_the_test_split(hs, realdata):
    frame = hs.load_housing(realdata("housing") / "housing.csv")
    train, test = hs.split(frame)
    model = hs.make_model(hs.CHOSEN).fit(train.drop(columns=[hs.TARGET]), train[hs.TARGET])
    error = hs.rmse(test[hs.TARGET], model.predict(test.drop(columns=[hs.TARGET])))
    assert error <= 45_000
