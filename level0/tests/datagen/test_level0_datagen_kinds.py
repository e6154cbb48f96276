"""Each kind, rule and injection checked against an independent oracle (scipy, numpy, regex)."""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from level0.datagen import generate
from level0.datagen.vocabulary import EMAIL_DOMAINS, VOCABULARIES

ROWS = 20_000


def one(column: dict[str, Any], rows: int = ROWS, seed: int = 11, **others: Any) -> pd.Series:
    """Generate ``column`` (called "x") alongside ``others`` and return it."""
    return generate({"columns": {**others, "x": column}}, rows, seed)["x"]


# --- distributions against scipy -----------------------------------------------------------


def test_normal_floats_pass_a_ks_test_against_scipy() -> None:
    x = one({"kind": "float", "distribution": "normal", "mean": 10, "std": 3})
    assert stats.kstest(x, stats.norm(10, 3).cdf).pvalue > 0.001


def test_exponential_and_lognormal_against_scipy() -> None:
    x = one({"kind": "float", "distribution": "exponential", "mean": 4})
    assert stats.kstest(x, stats.expon(scale=4).cdf).pvalue > 0.001
    y = one({"kind": "float", "distribution": "lognormal", "median": 50, "sigma": 0.5})
    assert stats.kstest(np.log(y), stats.norm(np.log(50), 0.5).cdf).pvalue > 0.001


def test_uniform_ints_cover_both_ends_evenly() -> None:
    x = one({"kind": "int", "distribution": "uniform", "min": 1, "max": 6})
    counts = x.value_counts().sort_index()
    assert list(counts.index) == [1, 2, 3, 4, 5, 6]
    assert stats.chisquare(counts).pvalue > 0.001


def test_choice_follows_weights_by_chi_square() -> None:
    weights = {0: 0.68, 1: 0.23, 2: 0.05, 5: 0.04}
    x = one({"kind": "int", "distribution": "choice", "values": weights})
    observed = x.value_counts().reindex(list(weights)).to_numpy()
    expected = np.array(list(weights.values())) * len(x)
    assert stats.chisquare(observed, expected).pvalue > 0.001


def test_poisson_mean_and_variance() -> None:
    x = one({"kind": "int", "distribution": "poisson", "mean": 3})
    assert x.mean() == pytest.approx(3, abs=0.06)
    assert x.var() == pytest.approx(3, abs=0.15)


def test_walk_has_the_asked_spread_and_smoothness() -> None:
    x = one(
        {"kind": "float", "distribution": "walk", "mean": 20, "std": 2, "smoothness": 0.9},
        rows=50_000,
    )
    lag1 = np.corrcoef(x[:-1], x[1:])[0, 1]
    assert lag1 == pytest.approx(0.9, abs=0.01)
    assert x.mean() == pytest.approx(20, abs=0.2)
    assert x.std() == pytest.approx(2, rel=0.05)


def test_clipping_and_rounding() -> None:
    x = one(
        {
            "kind": "float",
            "distribution": "normal",
            "mean": 0,
            "std": 10,
            "min": -1.5,
            "max": 2,
            "decimals": 1,
        }
    )
    assert x.min() == -1.5
    assert x.max() == 2
    assert np.allclose(x * 10, np.round(x * 10))


# --- rules ------------------------------------------------------------------------------


SEX = {"kind": "category", "values": {"male": 0.6, "female": 0.4}}
CLASS = {"kind": "int", "distribution": "choice", "values": {1: 0.3, 2: 0.3, 3: 0.4}}


def test_bernoulli_by_two_columns_matches_each_probability() -> None:
    p = {"female": {1: 0.95, 2: 0.9, 3: 0.5}, "male": {1: 0.35, 2: 0.15, 3: 0.1}}
    table = generate(
        {
            "columns": {
                "sex": SEX,
                "pclass": CLASS,
                "y": {"kind": "derived", "rule": "bernoulli", "from": ["sex", "pclass"], "p": p},
            }
        },
        ROWS,
        seed=3,
    )
    for (sex, pclass), group in table.groupby(["sex", "pclass"], observed=True)["y"]:
        test = stats.binomtest(int(group.sum()), len(group), p[sex][pclass])
        assert test.pvalue > 0.001, (sex, pclass)


def test_linear_without_noise_equals_the_formula() -> None:
    offsets = {"male": -5.0, "female": 7.5}
    table = generate(
        {
            "columns": {
                "sex": SEX,
                "income": {"kind": "float", "distribution": "uniform", "min": 1, "max": 9},
                "v": {
                    "kind": "derived",
                    "rule": "linear",
                    "intercept": 100,
                    "slopes": {"income": 3},
                    "offsets": {"sex": offsets},
                },
            }
        },
        500,
        seed=1,
    )
    expected = 100 + 3 * table["income"] + table["sex"].map(offsets).astype(float)
    np.testing.assert_allclose(table["v"], expected)


def test_linear_relative_noise_is_centred_on_the_rule() -> None:
    table = generate(
        {
            "columns": {
                "base": {"kind": "float", "distribution": "uniform", "min": 10, "max": 20},
                "v": {
                    "kind": "derived",
                    "rule": "linear",
                    "slopes": {"base": 1},
                    "relative_noise": 0.2,
                },
            }
        },
        ROWS,
        seed=2,
    )
    ratio = np.log(table["v"] / table["base"])
    assert ratio.median() == pytest.approx(0, abs=0.01)
    assert ratio.std() == pytest.approx(0.2, rel=0.05)


def test_product_price_text_and_hidden_columns() -> None:
    table = generate(
        {
            "columns": {
                "units": {"kind": "int", "distribution": "uniform", "min": 1, "max": 9},
                "price": {
                    "kind": "float",
                    "distribution": "uniform",
                    "min": -5,
                    "max": 1500,
                    "decimals": 2,
                },
                "revenue": {
                    "kind": "derived",
                    "rule": "product",
                    "from": ["units", "price"],
                    "decimals": 2,
                },
                "secret": {
                    "kind": "float",
                    "distribution": "uniform",
                    "min": 0,
                    "max": 1,
                    "hidden": True,
                },
                "label": {"kind": "derived", "rule": "price_text", "from": "price"},
            }
        },
        3000,
        seed=4,
    )
    assert "secret" not in table.columns
    np.testing.assert_allclose(table["revenue"], np.round(table["units"] * table["price"], 2))
    parsed = []
    for text in table["label"]:
        match = re.fullmatch(r"(-?)(?:£|\$)?(\d+)[.,](\d\d)(?: €)?", text)
        assert match, text
        sign, whole, cents = match.groups()
        parsed.append((-1 if sign else 1) * (int(whole) + int(cents) / 100))
    np.testing.assert_allclose(parsed, table["price"], atol=0.005)
    styles = table["label"].str.extract(r"(£|\$|€)")[0].value_counts(normalize=True)
    assert set(styles.index) == {"£", "$", "€"}


def test_pick_and_text_follow_their_source() -> None:
    choices = {"male": ["Boots", "Tie"], "female": {"Scarf": 3, "Hat": 1}}
    table = generate(
        {
            "columns": {
                "sex": SEX,
                "item": {"kind": "derived", "rule": "pick", "from": "sex", "choices": choices},
                "note": {
                    "kind": "derived",
                    "rule": "text",
                    "from": "sex",
                    "words": [2, 4],
                    "vocabulary": {"male": "spam", "female": ["alpha", "beta"]},
                },
            }
        },
        5000,
        seed=5,
    )
    for sex, options in choices.items():
        rows = table[table["sex"] == sex]
        assert set(rows["item"]) == set(options)
        words = rows["note"].str.lower().str.split()
        assert words.map(len).between(2, 4).all()
        vocabulary = {
            w.lower() for w in (VOCABULARIES["spam"] if sex == "male" else ["alpha", "beta"])
        }
        assert set(words.explode()) <= vocabulary
    female = table[table["sex"] == "female"]
    assert (female["item"] == "Scarf").mean() == pytest.approx(0.75, abs=0.03)


# --- text-like kinds ---------------------------------------------------------------------


def test_ids_codes_emails_and_names_have_their_shapes() -> None:
    table = generate(
        {
            "columns": {
                "sex": SEX,
                "order": {"kind": "id", "prefix": "SO-", "digits": 7, "start": 99},
                "ticket": {"kind": "code", "patterns": {"PC #####": 1, "@@-##": 1}},
                "email": {"kind": "email"},
                "formal": {"kind": "name", "style": "formal", "sex_from": "sex"},
                "first": {"kind": "name", "style": "first"},
                "words": {"kind": "text", "words": [3, 3], "vocabulary": ["a", "b"]},
            }
        },
        2000,
        seed=6,
    )
    assert table["order"].iloc[0] == "SO-0000099"
    assert table["order"].is_unique
    assert table["ticket"].str.fullmatch(r"PC \d{5}|[A-Z]{2}-\d\d").all()
    assert table["email"].str.fullmatch(r"[a-z]+[._]?[a-z]+\d{0,2}@[a-z.]+").all()
    assert set(table["email"].str.split("@").str[1]) <= set(EMAIL_DOMAINS)
    titles = table["formal"].str.extract(r"^[^,]+, (\w+)\. ")[0]
    assert set(titles[table["sex"] == "female"]) == {"Mrs", "Miss"}
    assert set(titles[table["sex"] == "male"]) == {"Mr", "Master"}
    assert table["first"].str.fullmatch(r"[A-Z][a-z]+").all()
    assert table["words"].str.fullmatch(r"[AB] [ab] [ab]").all()


def test_dates_and_regular_series_with_gaps() -> None:
    table = generate(
        {
            "columns": {
                "day": {"kind": "date", "start": "2024-02-01", "end": "2024-02-29", "sorted": True},
                "at": {
                    "kind": "datetime",
                    "start": "2024-01-01 06:00",
                    "step": "15s",
                    "gaps": 0.01,
                    "gap_steps": [3, 3],
                },
            }
        },
        ROWS,
        seed=7,
    )
    assert table["day"].is_monotonic_increasing
    assert table["day"].min() == pd.Timestamp("2024-02-01")
    assert table["day"].max() == pd.Timestamp("2024-02-29")
    assert (table["day"].dt.normalize() == table["day"]).all()
    steps = table["at"].diff().dropna() / pd.Timedelta("15s")
    assert table["at"].iloc[0] == pd.Timestamp("2024-01-01 06:00")
    assert set(steps) == {1.0, 4.0}  # one step, or a gap of three lost readings
    assert (steps == 4).mean() == pytest.approx(0.01, abs=0.003)


# --- dirt ---------------------------------------------------------------------------------


def test_outliers_leave_the_range_on_the_asked_side() -> None:
    x = one(
        {
            "kind": "int",
            "distribution": "normal",
            "mean": 50,
            "std": 5,
            "min": 0,
            "max": 100,
            "outliers": {"rate": 0.02, "side": "high", "scale": 20},
        }
    )
    assert x.dtype == np.int64
    assert (x > 100).mean() == pytest.approx(0.02, abs=0.004)
    assert x.min() >= 0


def test_duplicates_missing_by_group_and_duplicate_rows() -> None:
    schema = {
        "duplicate_rows": 0.1,
        "columns": {
            "key": {"kind": "id", "duplicates": 0.2},
            "sex": SEX,
            "x": {
                "kind": "float",
                "distribution": "normal",
                "mean": 0,
                "std": 1,
                "missing": {"from": "sex", "rates": {"female": 0.5}},
            },
        },
    }
    table = generate(schema, ROWS, seed=8)
    assert table.duplicated().mean() == pytest.approx(0.1, abs=0.01)
    distinct = generate({**schema, "duplicate_rows": 0}, ROWS, seed=8)
    # an id vanishes when its row is overwritten (0.2) and no other row copied it (e^-0.2)
    vanished = 0.2 * np.exp(-0.2)
    assert distinct["key"].duplicated().mean() == pytest.approx(vanished, abs=0.01)
    missing = distinct.groupby("sex", observed=True)["x"].apply(lambda s: s.isna().mean())
    assert missing["female"] == pytest.approx(0.5, abs=0.02)
    assert missing["male"] == 0


def test_columns_follow_their_names_not_their_positions() -> None:
    columns = {
        "a": {"kind": "float", "distribution": "normal", "mean": 0, "std": 1},
        "b": {"kind": "name"},
        "c": {"kind": "int", "distribution": "uniform", "min": 0, "max": 9, "missing": 0.3},
    }
    forward = generate({"columns": columns}, 100, seed=9)
    backward = generate({"columns": dict(reversed(columns.items()))}, 100, seed=9)
    pd.testing.assert_frame_equal(forward, backward[list(forward.columns)])


@pytest.mark.parametrize(
    "name", ["titanic", "housing", "products", "emails", "sensor_series", "sales"]
)
def test_presets_at_zero_and_one_row(name: str) -> None:
    empty, single = generate(name, 0, seed=1), generate(name, 1, seed=1)
    assert len(empty) == 0
    assert len(single) == 1
    assert list(empty.columns) == list(single.columns)
    assert empty.dtypes.to_dict() == single.dtypes.to_dict()
