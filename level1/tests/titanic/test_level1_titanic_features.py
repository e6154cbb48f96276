"""The feature transformers: what they derive, what they learn, and that they learn it from train only."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from level0 import datagen
from level1.titanic.features import (
    CompanionSurvival,
    LeakageError,
    PassengerFeatures,
    TrainImputer,
    TrainRowsGuard,
    title_of,
)
from level1.titanic.models import make_model


def synthetic(rows: int, seed: int, first_id: int = 1, labelled: bool = True) -> pd.DataFrame:
    frame = datagen.generate("titanic", rows=rows, seed=seed)
    frame["PassengerId"] = range(first_id, first_id + rows)
    return frame if labelled else frame.drop(columns=["Survived"])


def learned(imputer: TrainImputer) -> tuple:
    return (
        imputer.age_overall_,
        dict(imputer.age_by_title_),
        imputer.fare_overall_,
        dict(imputer.fare_by_class_),
        imputer.embarked_mode_,
    )


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("Braund, Mr. Owen Harris", "Mr"),
        ("Heikkinen, Miss. Laina", "Miss"),
        ("Palsson, Master. Gosta Leonard", "Master"),
        ("Rothes, the Countess. of (Lucy Noel Martha Dyer-Edwards)", "Mrs"),
        ("Aubart, Mme. Leontine Pauline", "Mrs"),
        ("Duff Gordon, Sir. Cosmo Edmund", "Rare"),
        ("no title at all", "Rare"),
    ],
)
def test_title_of(name, title):
    assert title_of(pd.Series([name])).tolist() == [title]


def test_passenger_features_are_computed_per_row():
    rows = pd.DataFrame(
        {
            "PassengerId": [1, 2],
            "Pclass": [3, 1],
            "Name": ["Palsson, Master. Gosta Leonard", "Cumings, Mrs. John Bradley"],
            "Sex": ["male", "female"],
            "Age": [2.0, np.nan],
            "SibSp": [3, 1],
            "Parch": [1, 0],
            "Ticket": ["349909", "PC 17599"],
            "Fare": [21.075, np.nan],
            "Cabin": [np.nan, "C85"],
            "Embarked": ["S", "C"],
        }
    )
    out = PassengerFeatures().fit_transform(rows)
    assert out["Title"].tolist() == ["Master", "Mrs"]
    assert out["FamilySize"].tolist() == [5, 2]
    assert out["FamilyGroup"].tolist() == ["large", "small"]
    assert out["Deck"].tolist() == ["U", "C"]
    assert out["FarePerPerson"].iloc[0] == pytest.approx(21.075 / 5)
    assert np.isnan(out["FarePerPerson"].iloc[1])
    assert out["SexClass"].tolist() == ["male_3", "female_1"]


@settings(max_examples=5, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**16), rows=st.integers(40, 250))
def test_imputation_is_learned_from_train_rows_alone(seed, rows):
    """The fill-in values are the train rows' medians/mode, and test rows never move them."""
    train = synthetic(rows, seed)
    model = make_model("logistic_regression").fit(
        train.drop(columns=["Survived"]), train["Survived"]
    )
    imputer = model.named_steps["impute"]

    titles = title_of(train["Name"])
    fare_per_person = train["Fare"] / (train["SibSp"] + train["Parch"] + 1)
    assert imputer.age_overall_ == pytest.approx(train["Age"].median())
    assert imputer.age_by_title_ == pytest.approx(
        train.groupby(titles)["Age"].median().dropna().to_dict()
    )
    assert imputer.fare_by_class_ == pytest.approx(
        fare_per_person.groupby(train["Pclass"]).median().to_dict()
    )
    ports = train["Embarked"].dropna().astype(str)
    assert imputer.embarked_mode_ in set(ports.mode())

    before = learned(imputer)
    for test_seed in (seed + 1, seed + 2):
        model.predict(synthetic(120, test_seed, first_id=892, labelled=False))
        assert learned(imputer) == before
    refitted = make_model("logistic_regression").fit(
        train.drop(columns=["Survived"]), train["Survived"]
    )
    assert learned(refitted.named_steps["impute"]) == before


@settings(max_examples=3, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**16))
def test_a_test_passengers_prediction_does_not_depend_on_the_other_test_rows(seed):
    train = synthetic(200, seed)
    model = make_model("logistic_regression").fit(
        train.drop(columns=["Survived"]), train["Survived"]
    )
    test = synthetic(60, seed + 1, first_id=892, labelled=False)
    together = model.predict_proba(test)[:, 1]
    alone = np.array([model.predict_proba(test.iloc[[i]])[0, 1] for i in range(0, 60, 7)])
    assert alone == pytest.approx(together[::7])


def test_imputer_fills_with_learned_values_and_falls_back_for_unseen_groups():
    train = PassengerFeatures().fit_transform(synthetic(300, 4))
    imputer = TrainImputer().fit(train)
    blank = train.head(2).copy()
    blank[["Age", "FarePerPerson"]] = np.nan
    blank["Embarked"] = np.nan
    blank["Title"] = ["Master", "Unheard"]
    blank["Pclass"] = [1, 7]
    out = imputer.transform(blank)
    assert out["Age"].tolist() == [imputer.age_by_title_["Master"], imputer.age_overall_]
    assert out["FarePerPerson"].tolist() == [imputer.fare_by_class_[1], imputer.fare_overall_]
    assert out["Embarked"].tolist() == [imputer.embarked_mode_] * 2


# --- companions: an oracle that checks every pair of passengers -----------------------------


def companion_oracle(train: pd.DataFrame, rows: pd.DataFrame, same_rows: bool) -> list[float]:
    """CompanionSurvived by brute force: look at every training woman or boy who travelled with them."""
    surname = lambda name: name.split(",")[0]  # noqa: E731
    answer = []
    for i, row in rows.reset_index(drop=True).iterrows():
        fates = []
        for j, other in train.reset_index(drop=True).iterrows():
            if same_rows and i == j:
                continue
            together = other["Ticket"] == row["Ticket"] or (
                surname(other["Name"]) == surname(row["Name"])
                and round(other["Fare"], 2) == round(row["Fare"], 2)
            )
            if together and (other["Sex"] == "female" or other["Title"] == "Master"):
                fates.append(other["Survived"])
        answer.append(0.5 if not fates else float(max(fates)))
    return answer


passenger = st.fixed_dictionaries(
    {
        "Name": st.sampled_from(
            [
                "Kim, Mr. A",
                "Kim, Mrs. B",
                "Kim, Master. C",
                "Lee, Miss. D",
                "Lee, Mr. E",
                "Ng, Mrs. F",
            ]
        ),
        "Ticket": st.sampled_from(["111", "222", "333", "444", "555"]),
        "Fare": st.sampled_from([7.25, 26.0, 71.28]),
        "Survived": st.integers(0, 1),
    }
)


@settings(max_examples=40)
@given(st.lists(passenger, min_size=1, max_size=12), st.lists(passenger, min_size=1, max_size=5))
def test_companion_survival_matches_a_brute_force_oracle(train_rows, new_rows):
    def frame(rows):
        out = pd.DataFrame(rows)
        out["Title"] = title_of(out["Name"])
        out["Sex"] = np.where(out["Title"].isin(["Mrs", "Miss"]), "female", "male")
        return out

    train, new = frame(train_rows), frame(new_rows)
    step = CompanionSurvival()
    on_train = step.fit_transform(train, train["Survived"])
    assert on_train["CompanionSurvived"].tolist() == companion_oracle(train, train, same_rows=True)
    on_new = step.transform(new)
    assert on_new["CompanionSurvived"].tolist() == companion_oracle(train, new, same_rows=False)
    assert ((on_new["CompanionsKnown"] == 1) == (on_new["CompanionSurvived"] != 0.5)).all()


@settings(max_examples=40)
@given(st.lists(passenger, min_size=2, max_size=12), st.data())
def test_a_training_row_is_encoded_exactly_as_a_new_passenger_would_be(rows, data):
    """Train rows and new rows get the same feature: a row's encoding is its lookup when left out.

    So the model learns the companion columns with the meaning they have at prediction
    time, and a training row's value never depends on its own label.
    """
    train = pd.DataFrame(rows)
    train["Title"] = title_of(train["Name"])
    train["Sex"] = np.where(train["Title"].isin(["Mrs", "Miss"]), "female", "male")
    i = data.draw(st.integers(0, len(train) - 1))
    columns = ["CompanionsKnown", "CompanionSurvived"]
    on_train = CompanionSurvival().fit_transform(train, train["Survived"])[columns]
    others = train.drop(index=i)
    as_new = CompanionSurvival().fit(others, others["Survived"]).transform(train.loc[[i]])
    assert on_train.loc[i].tolist() == as_new[columns].iloc[0].tolist()
    flipped = train["Survived"].copy()
    flipped[i] = 1 - flipped[i]
    again = CompanionSurvival().fit_transform(train, flipped)[columns]
    assert again.loc[i].tolist() == on_train.loc[i].tolist()


def test_companion_survival_needs_labels():
    with pytest.raises(LeakageError, match="fit it with y"):
        CompanionSurvival().fit(synthetic(5, 0))


# --- the guard ------------------------------------------------------------------------------


def test_guard_refuses_unlabelled_rows_and_test_passengers():
    rows = synthetic(20, 1)
    with pytest.raises(LeakageError, match="without Survived labels"):
        TrainRowsGuard().fit(rows)
    with pytest.raises(LeakageError, match="Survived must be 0 or 1"):
        TrainRowsGuard().fit(rows, [0.5] * 20)
    shifted = rows.assign(PassengerId=range(880, 900))
    with pytest.raises(
        LeakageError, match=r"test passengers \(PassengerId 892–1309; found 8, e.g. 892\)"
    ):
        TrainRowsGuard().fit(shifted, rows["Survived"])
    guard = TrainRowsGuard().fit(rows, rows["Survived"])
    assert guard.transform(shifted) is shifted  # predicting on test rows is allowed


def test_whole_pipeline_refuses_to_fit_without_labels():
    test = synthetic(30, 2, first_id=892, labelled=False)
    with pytest.raises(LeakageError):
        make_model("gradient_boosting").fit(test)
