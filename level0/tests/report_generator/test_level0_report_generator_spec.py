"""Report specs: reading JSON and TOML strictly, checking them against the data, the default spec."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

TOML_SPEC = """
title = "Sales"
currency = "€"
money_columns = ["revenue"]

[[group_by]]
by = ["region", "channel"]
aggregates = ["revenue:sum", "count"]
top = 3

[[charts]]
kind = "line"
x = "date"
y = "revenue:sum"
freq = "week"
"""


def test_toml_and_json_specs_read_the_same(solution, tmp_path):
    rg = solution("level0.report_generator")
    (tmp_path / "s.toml").write_text(TOML_SPEC, encoding="utf-8")
    from_toml = rg.load_spec(tmp_path / "s.toml")
    (tmp_path / "s.json").write_text(json.dumps(from_toml.to_dict()), encoding="utf-8")
    assert rg.load_spec(tmp_path / "s.json") == from_toml
    assert from_toml.group_by[0].by == ("region", "channel")
    assert [str(a) for a in from_toml.group_by[0].aggregates] == ["revenue:sum", "count"]
    assert from_toml.charts[0].freq == "week"
    assert from_toml.currency == "€"


names = st.text(alphabet="abcdefgh_", min_size=1, max_size=8)
aggregates = st.one_of(
    st.just("count"),
    st.tuples(names, st.sampled_from(["sum", "mean", "median", "min", "max", "count"])).map(
        ":".join
    ),
)
raw_specs = st.fixed_dictionaries(
    {
        "currency": st.sampled_from(["$", "€", "CHF"]),
        "decimals": st.integers(0, 6),
        "group_by": st.lists(
            st.fixed_dictionaries(
                {
                    "by": st.lists(names, min_size=1, max_size=2),
                    "aggregates": st.lists(aggregates, min_size=1),
                }
            ),
            max_size=3,
        ),
        "charts": st.lists(
            st.fixed_dictionaries(
                {"kind": st.sampled_from(["bar", "line"]), "x": names, "y": aggregates}
            ),
            max_size=2,
        ),
    }
)


@given(raw_specs)
def test_a_spec_survives_its_file_form(solution, raw):
    rg = solution("level0.report_generator")
    spec = rg.spec_from_dict(raw)
    assert rg.spec_from_dict(json.loads(json.dumps(spec.to_dict()))) == spec


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"group_bys": []}, "unknown key 'group_bys'"),
        (
            {"group_by": [{"by": "region", "aggregates": ["revenue:total"]}]},
            "unknown function 'total'",
        ),
        ({"group_by": [{"by": "region", "aggregates": ["revenue"]}]}, "must be 'column:function'"),
        ({"group_by": [{"aggregates": ["count"]}]}, "needs 'by'"),
        ({"charts": [{"kind": "pie", "x": "region"}]}, "kind must be one of"),
        ({"charts": [{"kind": "hist", "x": "units", "y": "units:sum"}]}, "takes no 'y'"),
        ({"decimals": 12}, "'decimals'"),
        ([1, 2], "must be a table"),
    ],
)
def test_malformed_specs_are_refused_by_name(solution, raw, message):
    rg = solution("level0.report_generator")
    with pytest.raises(rg.SpecError, match=message):
        rg.spec_from_dict(raw)


def test_a_broken_spec_file_names_the_file(solution, tmp_path):
    rg = solution("level0.report_generator")
    path = tmp_path / "broken.toml"
    path.write_text("title = \n", encoding="utf-8")
    with pytest.raises(rg.SpecError, match=r"broken\.toml is not valid TOML"):
        rg.load_spec(path)
    yaml = tmp_path / "spec.yaml"
    yaml.write_text("title: x\n", encoding="utf-8")
    with pytest.raises(rg.SpecError, match=r"\.json or \.toml"):
        rg.load_spec(yaml)


@pytest.fixture
def sales(make_sales):
    frame = make_sales(60)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"group_by": [{"by": "regio"}]}, "column 'regio', which is not in the data"),
        (
            {"group_by": [{"by": "region", "aggregates": ["customer:sum"]}]},
            "cannot compute the sum of column 'customer'",
        ),
        (
            {"group_by": [{"by": "region", "aggregates": ["customer:count"]}]},
            None,
        ),  # counting text is fine
        ({"charts": [{"kind": "line", "x": "region", "y": "revenue:sum"}]}, "holds no dates"),
        ({"charts": [{"kind": "hist", "x": "product"}]}, "histogram of column 'product'"),
        ({"money_columns": ["region"]}, "not numeric"),
    ],
)
def test_specs_are_checked_against_the_data(solution, sales, raw, message):
    rg = solution("level0.report_generator")
    spec = rg.spec_from_dict(raw)
    if message is None:
        rg.check_spec(spec, sales)
    else:
        with pytest.raises(rg.SpecError, match=message):
            rg.check_spec(spec, sales)


def test_column_kinds_of_the_sales_table(solution, sales):
    kinds = solution("level0.report_generator").infer_kinds(sales)
    assert kinds.dates == ("date",)
    assert kinds.numbers == ("units", "unit_price", "revenue")
    assert kinds.categories == ("region", "channel", "category")
    assert set(kinds.text) == {"order_id", "product", "customer"}


def test_default_spec_of_the_sales_table(solution, sales):
    spec = solution("level0.report_generator").default_spec(sales)
    assert [g.by for g in spec.group_by] == [("region",), ("channel",), ("category",)]
    assert [str(a) for a in spec.group_by[0].aggregates] == [
        "revenue:sum",
        "units:sum",
        "unit_price:mean",
        "count",
    ]
    assert [(c.kind, c.x, str(c.y)) for c in spec.charts] == [
        ("bar", "region", "revenue:sum"),
        ("line", "date", "revenue:sum"),
    ]
    assert set(spec.money_columns) == {"unit_price", "revenue"}


def test_default_spec_groups_by_the_shortest_categories(solution, sales):
    sales["product"] = [f"P{i % 15}" for i in range(len(sales))]  # a category too, with 15 values
    spec = solution("level0.report_generator").default_spec(sales)
    assert [g.by for g in spec.group_by] == [("region",), ("channel",), ("category",)]


def test_default_spec_without_categories_draws_a_histogram(solution):
    frame = pd.DataFrame({"id": range(50), "reading": np.linspace(0, 1, 50)})
    spec = solution("level0.report_generator").default_spec(frame)
    assert spec.group_by == ()
    assert [(c.kind, c.x) for c in spec.charts] == [("hist", "reading")]
