"""Schema checking: every mistake is one line that names the column and the problem."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from level0.datagen import SchemaError, generate, load_schema, parse_schema, preset
from level0.datagen.presets import PRESETS

SEX = {"kind": "category", "values": {"male": 0.6, "female": 0.4}}
NUMBER = {"kind": "float", "distribution": "normal", "mean": 0, "std": 1}


def error_for(columns: dict[str, Any], **table: Any) -> str:
    with pytest.raises(SchemaError) as caught:
        parse_schema({"columns": columns, **table})
    message = str(caught.value)
    assert "\n" not in message
    return message


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (
            {"kind": "int", "distribution": "uniform", "min": 90, "max": 10},
            "column 'x': 'min' (90) is greater than 'max' (10)",
        ),
        (
            {"kind": "float", "distribution": "normal", "mean": 1, "std": 1, "min": 2.5, "max": 1},
            "column 'x': 'min' (2.5) is greater than 'max' (1)",
        ),
        (
            {"kind": "int", "distribution": "normal", "mean": 3},
            "'std' is required for a normal distribution",
        ),
        ({"kind": "int", "distribution": "gauss"}, "unknown distribution 'gauss'"),
        (
            {"kind": "int", "distribution": "uniform", "min": 0, "max": 1, "mean": 3},
            "unknown key 'mean'",
        ),
        ({"kind": "float", "distribution": "normal", "mena": 0, "std": 1}, "did you mean 'mean'?"),
        (
            {"kind": "int", "distribution": "uniform", "min": 0.5, "max": 3},
            "'min' must be a whole number",
        ),
        (
            {"kind": "int", "distribution": "uniform", "min": "0", "max": 3},
            "'min' must be a number",
        ),
        ({"kind": "float", "distribution": "lognormal", "median": 0, "sigma": 1}, "'median'"),
        (
            {"kind": "float", "distribution": "walk", "mean": 0, "std": 1, "smoothness": 1},
            "'smoothness'",
        ),
        ({"kind": "category", "values": []}, "'values' must not be empty"),
        ({"kind": "category", "values": [1, 2]}, "use kind 'int', distribution 'choice'"),
        (
            {"kind": "category", "values": ["a", "b"], "weights": [1]},
            "'weights' must be a list as long",
        ),
        ({"kind": "category", "values": {"a": 0, "b": 0}}, "the weights add up to 0"),
        ({"kind": "bool", "p": 2}, "'p' must be a fraction between 0 and 1, not 2"),
        (
            {"kind": "date", "start": "2024-05-01", "end": "2024-01-01"},
            "'start' (2024-05-01) is after 'end'",
        ),
        ({"kind": "date", "start": "yesterday", "end": "2024-01-01"}, "'start' is not a date"),
        ({"kind": "datetime", "start": "2024-01-01"}, "give either 'end'"),
        ({"kind": "datetime", "start": "2024-01-01", "step": "often"}, "'step' is not a duration"),
        (
            {"kind": "datetime", "start": "2024-01-01", "step": "-1min"},
            "'step' must be longer than zero",
        ),
        ({"kind": "name", "style": "nickname"}, "'style' must be one of full, first, last, formal"),
        ({"kind": "text", "words": [5, 2]}, "'words' fewest (5) is greater than most (2)"),
        ({"kind": "text", "vocabulary": "klingon"}, "no built-in vocabulary 'klingon'"),
        ({"kind": "code"}, "give either 'pattern'"),
        ({"kind": "id", "digits": 40}, "'digits' must be between 0 and 18"),
        (
            {"kind": "category", "values": ["a"], "outliers": 0.1},
            "'outliers' needs a number column",
        ),
        (
            {"kind": "int", "distribution": "uniform", "min": 0, "max": 1, "missing": -0.1},
            "'missing'",
        ),
        (
            {"kind": "int", "distribution": "uniform", "min": 0, "max": 1, "duplicates": "some"},
            "'duplicates'",
        ),
        (
            {
                "kind": "float",
                "distribution": "normal",
                "mean": 0,
                "std": 1,
                "outliers": {"rate": 0.1, "side": "up"},
            },
            "'outliers.side'",
        ),
        ({"kind": "derived"}, "unknown rule None"),
        ({"kind": "derived", "rule": "linear"}, "needs 'slopes'"),
        ({"kind": "derived", "rule": "product", "from": ["a"]}, "two or more columns"),
        (
            {"kind": "derived", "rule": "price_text", "from": "a", "styles": ["yen"]},
            "unknown style 'yen'",
        ),
        ({"kind": ["int"]}, "unknown kind ['int']"),
        ("int", "expected a table of settings"),
    ],
)
def test_one_line_error_names_column_and_problem(column: Any, expected: str) -> None:
    message = error_for({"x": column})
    assert message.startswith("column 'x': ")
    assert expected in message


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        (
            {
                "sex": SEX,
                "s": {"kind": "derived", "rule": "bernoulli", "from": "sexx", "p": {"a": 0.5}},
            },
            "column 's': refers to an unknown column 'sexx' (did you mean 'sex'?)",
        ),
        (
            {
                "sex": SEX,
                "s": {"kind": "derived", "rule": "bernoulli", "from": "sex", "p": {"Male": 0.1}},
            },
            "column 's': 'p' names 'Male', which is not a value of 'sex' (male, female)",
        ),
        (
            {
                "sex": SEX,
                "s": {"kind": "derived", "rule": "bernoulli", "from": "sex", "p": {"male": 0.1}},
            },
            "column 's': 'p' has no probability for sex='female'",
        ),
        (
            {
                "sex": SEX,
                "s": {
                    "kind": "derived",
                    "rule": "bernoulli",
                    "from": "sex",
                    "p": {"male": 0.1, "female": 7},
                },
            },
            "column 's': 'p for female' must be a fraction",
        ),
        (
            {"sex": SEX, "v": {"kind": "derived", "rule": "linear", "slopes": {"sex": 2}}},
            "column 'v': column 'sex' is not a number",
        ),
        (
            {
                "sex": SEX,
                "v": {"kind": "derived", "rule": "linear", "offsets": {"sex": {"femal": 1}}},
            },
            "column 'v': 'offsets.sex' names 'femal'",
        ),
        (
            {
                "sex": SEX,
                "v": {"kind": "derived", "rule": "pick", "from": "sex", "choices": {"male": ["a"]}},
            },
            "column 'v': 'choices' has no entry for sex='female'",
        ),
        (
            {
                "a": {"kind": "derived", "rule": "linear", "slopes": {"b": 1}},
                "b": {"kind": "derived", "rule": "linear", "slopes": {"a": 1}},
            },
            "columns depend on each other in a cycle: a -> b -> a",
        ),
        (
            {"a": {"kind": "derived", "rule": "linear", "slopes": {"a": 1}}},
            "column 'a': it cannot be derived from itself",
        ),
        (
            {"x": {**NUMBER, "missing": {"from": "sex", "rates": {"male": 0.5}}}},
            "column 'x': refers to an unknown column 'sex'",
        ),
        (
            {"x": {**NUMBER, "hidden": True}},
            "every column is hidden",
        ),
    ],
)
def test_errors_between_columns(columns: dict[str, Any], expected: str) -> None:
    assert expected in error_for(columns)


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ([], "schema: expected a table with 'columns'"),
        ({}, "'columns' must be a non-empty table"),
        ({"columns": {}}, "'columns' must be a non-empty table"),
        ({"colums": {"x": NUMBER}}, "schema: unknown key 'colums' (did you mean 'columns'?)"),
        ({"columns": {"x": NUMBER}, "duplicate_rows": 3}, "'duplicate_rows' must be a fraction"),
    ],
)
def test_errors_in_the_table_itself(schema: Any, expected: str) -> None:
    with pytest.raises(SchemaError, match=r"^schema: ") as caught:
        parse_schema(schema)
    assert expected in str(caught.value)


def test_a_value_no_rule_covers_is_caught_while_generating() -> None:
    # 'n' has no declared list of values, so the gap only shows when 3 is drawn.
    schema = {
        "columns": {
            "n": {"kind": "int", "distribution": "uniform", "min": 1, "max": 3},
            "y": {"kind": "derived", "rule": "bernoulli", "from": "n", "p": {"1": 0.5, "2": 0.5}},
        }
    }
    with pytest.raises(SchemaError, match="column 'y': 'p' has no entry for '3'"):
        generate(schema, rows=100)


def test_unknown_preset() -> None:
    with pytest.raises(SchemaError, match="unknown preset 'titanik'"):
        generate("titanik", rows=1)


def test_every_preset_is_a_valid_schema_and_a_fresh_copy() -> None:
    for name in PRESETS:
        schema = parse_schema(preset(name))
        assert schema.description
    edited = preset("titanic")
    edited["columns"]["Age"]["missing"] = 0.9
    assert preset("titanic")["columns"]["Age"]["missing"] == 0.2


def test_toml_and_json_files_give_the_same_schema(tmp_path: Path) -> None:
    toml = tmp_path / "people.toml"
    toml.write_text(
        """
description = "people"

[columns.age]
kind = "int"
distribution = "normal"
mean = 35
std = 12
min = 0
max = 90
missing = 0.1

[columns.sex]
kind = "category"
values = { male = 0.64, female = 0.36 }

[columns.survived]
kind = "derived"
rule = "bernoulli"
from = ["sex"]
p = { male = 0.19, female = 0.74 }

[columns.joined]
kind = "date"
start = 2020-01-01
end = 2020-12-31
""",
        encoding="utf-8",
    )
    as_dict = {
        "description": "people",
        "columns": {
            "age": {
                "kind": "int",
                "distribution": "normal",
                "mean": 35,
                "std": 12,
                "min": 0,
                "max": 90,
                "missing": 0.1,
            },
            "sex": {"kind": "category", "values": {"male": 0.64, "female": 0.36}},
            "survived": {
                "kind": "derived",
                "rule": "bernoulli",
                "from": ["sex"],
                "p": {"male": 0.19, "female": 0.74},
            },
            "joined": {"kind": "date", "start": "2020-01-01", "end": "2020-12-31"},
        },
    }
    json_file = tmp_path / "people.json"
    json_file.write_text(json.dumps(as_dict), encoding="utf-8")
    assert load_schema(toml) == load_schema(json_file) == parse_schema(as_dict)
    assert generate(toml, 50, seed=1).equals(generate(as_dict, 50, seed=1))


def test_a_broken_file_names_itself(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"broken\.json: not valid JSON"):
        load_schema(broken)
    broken_toml = tmp_path / "broken.toml"
    broken_toml.write_text("[columns", encoding="utf-8")
    with pytest.raises(SchemaError, match=r"broken\.toml: not valid TOML"):
        load_schema(broken_toml)


@pytest.mark.parametrize(("rows", "seed"), [(-1, 0), (1.5, 0), (True, 0), (5, -3), (5, "x")])
def test_rows_and_seed_must_be_whole_numbers(rows: Any, seed: Any) -> None:
    with pytest.raises(ValueError, match="must be a whole number >= 0"):
        generate("sales", rows, seed)
