"""Contract tests of level0.datagen: generate(), write(), SchemaError and the presets.

Every test gets the implementation through the ``solution`` fixture, so a learner can
run this file against their own package: pytest --solutions DIR.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import pytest

PEOPLE: dict[str, Any] = {
    "columns": {
        "id": {"kind": "id"},
        "age": {
            "kind": "int",
            "distribution": "normal",
            "mean": 35,
            "std": 12,
            "min": 0,
            "max": 90,
            "missing": 0.1,
        },
        "height": {
            "kind": "float",
            "distribution": "uniform",
            "min": 150,
            "max": 200,
            "decimals": 1,
        },
        "sex": {"kind": "category", "values": {"male": 0.64, "female": 0.36}},
        "smoker": {"kind": "bool", "p": 0.2},
        "joined": {"kind": "date", "start": "2020-01-01", "end": "2020-12-31"},
        "name": {"kind": "name"},
        "survived": {
            "kind": "derived",
            "rule": "bernoulli",
            "from": ["sex"],
            "p": {"male": 0.19, "female": 0.74},
        },
    }
}

TITANIC_COLUMNS = [
    "PassengerId", "Survived", "Pclass", "Name", "Sex", "Age",
    "SibSp", "Parch", "Ticket", "Fare", "Cabin", "Embarked",
]  # fmt: skip
HOUSING_COLUMNS = [
    "longitude", "latitude", "housing_median_age", "total_rooms", "total_bedrooms",
    "population", "households", "median_income", "median_house_value", "ocean_proximity",
]  # fmt: skip
SALES_COLUMNS = [
    "order_id", "date", "region", "channel", "product",
    "category", "units", "unit_price", "revenue", "customer",
]  # fmt: skip


@pytest.fixture
def datagen(solution: Any) -> Any:
    return solution("level0.datagen")


@pytest.fixture
def people(datagen: Any) -> pd.DataFrame:
    return datagen.generate(PEOPLE, rows=4000, seed=7)


def test_generate_gives_the_rows_and_columns_asked_for(datagen: Any) -> None:
    for rows in (0, 1, 57):
        table = datagen.generate(PEOPLE, rows=rows, seed=1)
        assert isinstance(table, pd.DataFrame)
        assert len(table) == rows
        assert list(table.columns) == list(PEOPLE["columns"])


def test_each_kind_has_its_dtype(people: pd.DataFrame) -> None:
    assert people["id"].dtype == np.int64
    assert str(people["age"].dtype) == "Int64"  # may be missing, so nullable
    assert people["height"].dtype == np.float64
    assert isinstance(people["sex"].dtype, pd.CategoricalDtype)
    assert people["smoker"].dtype == bool
    assert pd.api.types.is_datetime64_any_dtype(people["joined"])
    assert pd.api.types.is_string_dtype(people["name"])
    assert people["survived"].dtype == np.int64


def test_values_stay_in_the_declared_ranges(people: pd.DataFrame) -> None:
    assert people["id"].tolist() == list(range(1, len(people) + 1))
    ages = people["age"].dropna()
    assert ages.between(0, 90).all()
    assert 30 < ages.mean() < 40
    assert people["height"].between(150, 200).all()
    assert (people["height"] * 10).round(6).eq((people["height"] * 10).round()).all()
    assert set(people["sex"].dropna()) == {"male", "female"}
    joined = people["joined"]
    assert joined.min() >= pd.Timestamp("2020-01-01")
    assert joined.max() <= pd.Timestamp("2020-12-31")
    assert set(people["survived"]) <= {0, 1}
    assert people["name"].str.fullmatch(r"[A-Z][a-z]+ [A-Z][A-Za-z']+").all()


def test_missing_values_follow_the_rate(people: pd.DataFrame) -> None:
    assert people["age"].isna().mean() == pytest.approx(0.1, abs=0.025)
    no_missing = [c for c in people.columns if c != "age"]
    assert not people[no_missing].isna().any().any()


def test_category_weights_and_bernoulli_rule_are_followed(people: pd.DataFrame) -> None:
    assert (people["sex"] == "male").mean() == pytest.approx(0.64, abs=0.03)
    assert (people["smoker"]).mean() == pytest.approx(0.2, abs=0.03)
    rates = people.groupby("sex", observed=True)["survived"].mean()
    assert rates["male"] == pytest.approx(0.19, abs=0.03)
    assert rates["female"] == pytest.approx(0.74, abs=0.04)


def test_same_seed_same_table_and_bytes(datagen: Any, tmp_path: Any) -> None:
    first = datagen.generate(PEOPLE, rows=300, seed=42)
    second = datagen.generate(PEOPLE, rows=300, seed=42)
    pd.testing.assert_frame_equal(first, second)
    datagen.write(first, tmp_path / "a.csv")
    datagen.write(second, tmp_path / "b.csv")
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()


def test_different_seeds_give_different_tables(datagen: Any) -> None:
    first = datagen.generate(PEOPLE, rows=300, seed=1)
    second = datagen.generate(PEOPLE, rows=300, seed=2)
    assert not first["height"].equals(second["height"])
    assert not first["name"].equals(second["name"])


def test_adding_a_column_leaves_the_others_unchanged(datagen: Any) -> None:
    wider = {"columns": {"extra": {"kind": "float", "distribution": "normal", "mean": 0, "std": 1}}}
    wider["columns"].update(PEOPLE["columns"])
    before = datagen.generate(PEOPLE, rows=200, seed=3)
    after = datagen.generate(wider, rows=200, seed=3)
    pd.testing.assert_frame_equal(before, after[before.columns])


def test_a_bad_schema_raises_schema_error_naming_the_column(datagen: Any) -> None:
    bad = {"columns": {"age": {"kind": "int", "distribution": "uniform", "min": 90, "max": 10}}}
    with pytest.raises(datagen.SchemaError) as caught:
        datagen.generate(bad, rows=10)
    assert isinstance(caught.value, ValueError)
    assert "column 'age'" in str(caught.value)
    assert "'min' (90) is greater than 'max' (10)" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("column", "named"),
    [
        ({"kind": "integer"}, "kind"),
        ({"kind": "category", "values": {"a": -1}}, "weight"),
        ({"kind": "int", "distribution": "normal", "mean": 1, "std": -2}, "std"),
        (
            {"kind": "float", "distribution": "uniform", "min": 0, "max": 1, "missing": 1.5},
            "missing",
        ),
        ({"kind": "derived", "rule": "bernoulli", "from": ["nope"], "p": {"a": 0.5}}, "nope"),
    ],
)
def test_other_bad_columns_raise_schema_error(
    datagen: Any, column: dict[str, Any], named: str
) -> None:
    with pytest.raises(datagen.SchemaError, match=rf"column 'broken'.*{named}"):
        datagen.generate({"columns": {"broken": column}}, rows=5)


def test_titanic_preset_has_the_kaggle_columns_and_missingness(datagen: Any) -> None:
    titanic = datagen.generate("titanic", rows=3000, seed=0)
    assert list(titanic.columns) == TITANIC_COLUMNS
    assert titanic["PassengerId"].is_unique
    assert set(titanic["Survived"]) <= {0, 1}
    assert set(titanic["Pclass"]) <= {1, 2, 3}
    assert set(titanic["Sex"].dropna()) <= {"male", "female"}
    assert set(titanic["Embarked"].dropna()) <= {"S", "C", "Q"}
    assert 0.1 < titanic["Age"].isna().mean() < 0.3
    assert 0.6 < titanic["Cabin"].isna().mean() < 0.9
    assert titanic["Embarked"].isna().mean() < 0.02
    assert not titanic[["PassengerId", "Survived", "Pclass", "Name", "Sex"]].isna().any().any()
    survival = titanic.groupby("Sex", observed=True)["Survived"].mean()
    assert survival["female"] > survival["male"] + 0.3
    assert titanic.groupby("Pclass")["Survived"].mean().is_monotonic_decreasing
    assert 0.3 < titanic["Survived"].mean() < 0.45


def test_housing_preset_value_depends_on_income(datagen: Any) -> None:
    housing = datagen.generate("housing", rows=3000, seed=0)
    assert list(housing.columns) == HOUSING_COLUMNS
    allowed = {"<1H OCEAN", "INLAND", "NEAR OCEAN", "NEAR BAY", "ISLAND"}
    assert set(housing["ocean_proximity"].dropna()) <= allowed
    assert housing["median_income"].corr(housing["median_house_value"]) > 0.5
    assert housing["longitude"].between(-124.35, -114.31).all()
    assert housing["latitude"].between(32.54, 41.95).all()


def test_sales_preset_columns_and_revenue(datagen: Any) -> None:
    sales = datagen.generate("sales", rows=2000, seed=0)
    assert list(sales.columns) == SALES_COLUMNS
    assert pd.api.types.is_string_dtype(sales["order_id"])
    assert sales["order_id"].is_unique
    assert pd.api.types.is_datetime64_any_dtype(sales["date"])
    for name, allowed in [
        ("region", {"North", "South", "East", "West"}),
        ("channel", {"online", "store", "partner"}),
    ]:
        assert isinstance(sales[name].dtype, pd.CategoricalDtype)
        assert set(sales[name]) <= allowed
    assert isinstance(sales["category"].dtype, pd.CategoricalDtype)
    assert pd.api.types.is_integer_dtype(sales["units"])
    assert (sales["units"] >= 1).all()
    assert sales["unit_price"].dtype == np.float64
    assert (sales["unit_price"] > 0).all()
    np.testing.assert_allclose(sales["revenue"], sales["units"] * sales["unit_price"], atol=0.006)
    assert pd.api.types.is_string_dtype(sales["customer"])


@pytest.mark.parametrize(
    ("name", "columns"),
    [
        ("products", ["title", "category", "price", "rating", "stock"]),
        ("emails", ["from", "to", "date", "subject", "body", "thread_id", "label"]),
        ("sensor_series", None),
    ],
)
def test_other_presets_generate(datagen: Any, name: str, columns: list[str] | None) -> None:
    table = datagen.generate(name, rows=200, seed=5)
    assert len(table) == 200
    if columns is not None:
        assert list(table.columns) == columns
    pd.testing.assert_frame_equal(table, datagen.generate(name, rows=200, seed=5))


def test_write_csv_and_jsonl(datagen: Any, tmp_path: Any) -> None:
    table = datagen.generate(PEOPLE, rows=50, seed=9)
    datagen.write(table, tmp_path / "people.csv", format="csv")
    back = pd.read_csv(tmp_path / "people.csv")
    assert list(back.columns) == list(table.columns)
    assert len(back) == 50
    np.testing.assert_allclose(back["height"], table["height"])
    datagen.write(table, tmp_path / "people.jsonl", format="jsonl")
    lines = (tmp_path / "people.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == 50
    assert [r["id"] for r in records] == table["id"].tolist()
