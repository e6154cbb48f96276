"""The explanations: occlusion of words, inputs swapped to a typical district."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from level5.api.models import EXAMPLE_DISTRICT, HousingInput, load_model

DISTRICT: dict[str, Any] = EXAMPLE_DISTRICT


@pytest.fixture(scope="module")
def app(solution: Any) -> ModuleType:
    module: ModuleType = solution("level5.app")
    return module


@pytest.fixture(scope="module")
def sentiment(model_folder: Path) -> Any:
    return load_model(model_folder / "sentiment").saved.model


@given(st.text(max_size=200))
def test_split_words_keeps_every_character_in_order(text: str) -> None:
    from level5.app import split_words

    pieces = split_words(text)
    assert "".join(piece for piece, _ in pieces) == text
    assert all(word == piece.lower() for piece, word in pieces if word is not None)


def test_split_words_keeps_contractions_whole(app: ModuleType) -> None:
    words = [w for _, w in app.split_words("Don't buy it. NOT worth it!") if w]
    assert words == ["don't", "buy", "it", "not", "worth", "it"]


def test_an_obviously_positive_word_ranks_first(app: ModuleType, sentiment: Any) -> None:
    influence = app.word_influence(sentiment, "The phone is excellent", "1")
    assert influence[0].word == "excellent"
    assert influence[0].change > 0.05


def test_an_obviously_negative_word_lowers_the_positive_probability(
    app: ModuleType, sentiment: Any
) -> None:
    influence = app.word_influence(sentiment, "The service was awful and the room was fine", "1")
    assert influence[0].word == "awful"
    assert influence[0].change < -0.05


def test_each_change_is_the_probability_lost_without_every_occurrence(
    app: ModuleType, sentiment: Any
) -> None:
    text = "Great food, great staff, slow kitchen"
    influence = {w.word: w for w in app.word_influence(sentiment, text, "1")}
    assert influence["great"].count == 2
    probability = sentiment.predict_proba(np.array([text, " food,  staff, slow kitchen"]))[:, 1]
    assert influence["great"].change == pytest.approx(probability[0] - probability[1])
    assert set(influence) == {"great", "food", "staff", "slow", "kitchen"}


def test_explaining_the_other_label_flips_every_sign(app: ModuleType, sentiment: Any) -> None:
    text = "Not bad at all, but the battery died"
    positive = {w.word: w.change for w in app.word_influence(sentiment, text, "1")}
    negative = {w.word: w.change for w in app.word_influence(sentiment, text, "0")}
    assert positive == pytest.approx({word: -change for word, change in negative.items()})


def test_long_texts_explain_a_bounded_number_of_words(app: ModuleType, sentiment: Any) -> None:
    text = " ".join(f"word{i}" for i in range(50))
    assert len(app.word_influence(sentiment, text, "1", max_words=10)) == 10
    assert app.word_influence(sentiment, "?! ...", "1") == []


def test_an_unknown_label_is_refused_in_one_line(app: ModuleType, sentiment: Any) -> None:
    with pytest.raises(ValueError, match="no label 'maybe'; it knows 0, 1"):
        app.word_influence(sentiment, "fine", "maybe")


def test_feature_moves_of_a_linear_model_are_its_terms(app: ModuleType) -> None:
    weights = {"a": 2.0, "b": -3.0, "c": 0.5}

    def predict(rows: list[dict[str, float]]) -> list[float]:
        return [sum(weights[k] * row[k] for k in weights) for row in rows]

    district, typical = {"a": 1.0, "b": 4.0, "c": 10.0}, {"a": 0.0, "b": 1.0, "c": 8.0}
    variants = {k: {**district, k: typical[k]} for k in weights}
    moves = app.feature_moves(predict, district, variants)
    assert [(m.name, m.change) for m in moves] == [("b", -9.0), ("a", 2.0), ("c", 1.0)]


@pytest.fixture(scope="module")
def districts(app: ModuleType) -> Any:
    return app.load_districts()


def test_swaps_change_one_thing_each_and_keep_the_rest(districts: Any) -> None:
    swaps = {s.name: s for s in districts.swaps(DISTRICT)}
    assert len(swaps) == 8
    size = swaps["households (size, same ratios)"].district
    assert size["households"] == pytest.approx(districts.median("households"))
    for a, b in [("total_rooms", "households"), ("population", "households")]:
        assert size[a] / size[b] == pytest.approx(DISTRICT[a] / DISTRICT[b])
    rooms = swaps["rooms per household"].district
    assert rooms["total_rooms"] / rooms["households"] == pytest.approx(
        districts.median("total_rooms", "households")
    )
    assert rooms["total_bedrooms"] / rooms["total_rooms"] == pytest.approx(129 / 880)
    location = swaps["location"].district
    assert {k: v for k, v in location.items() if k not in ("longitude", "latitude")} == {
        k: v for k, v in DISTRICT.items() if k not in ("longitude", "latitude")
    }
    assert swaps["distance to the ocean"].typical in {"<1H OCEAN", "INLAND"}


def test_every_swapped_district_gets_a_price(districts: Any, model_folder: Path) -> None:
    housing = load_model(model_folder / "housing")
    rows = [HousingInput.model_construct(**s.district) for s in districts.swaps(DISTRICT)]
    values = [p["value"] for p in housing.predict(rows)]
    assert all(np.isfinite(values))
    assert len(set(values)) > 1


def test_input_bounds_come_from_the_training_districts(districts: Any) -> None:
    low, high = districts.bounds("median_income")
    assert low == districts.frame["median_income"].min()
    assert high == districts.frame["median_income"].max()


def test_without_the_real_table_the_districts_are_synthetic_and_say_so(
    app: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path / "no-data"))
    districts = app.load_districts()
    assert districts.synthetic
    assert len(districts.frame) == 2400  # the training 80% of level 0's 3,000 rows
    assert len(districts.swaps(DISTRICT)) == 8
