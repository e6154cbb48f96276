"""Both pages through Streamlit's AppTest: every widget, the limits, missing and broken models."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest

from level5.app.loading import MODELS_ENV

PRICE_PAGE = "price_page.py"
OpenApp = Callable[..., AppTest]


@pytest.fixture
def open_app(monkeypatch: pytest.MonkeyPatch, solution: Any) -> OpenApp:
    """``open_app(models, page=None)``: the app's entry script run once on that model folder."""
    script = Path(solution("level5.app").__file__).with_name("streamlit_app.py")

    def open_(models: Path, page: str | None = None) -> AppTest:
        monkeypatch.setenv(MODELS_ENV, str(models))
        app = AppTest.from_file(str(script), default_timeout=120).run()
        if page:
            app.switch_page(page).run()
        assert not app.exception, app.exception
        return app

    return open_


def metrics(app: AppTest) -> dict[str, str]:
    return {m.label: m.value for m in app.metric}


def analyse(app: AppTest, review: str) -> AppTest:
    app.text_area[0].input(review)
    app.button[0].click().run()
    assert not app.exception, app.exception
    return app


# --- sentiment -----------------------------------------------------------------------


def test_the_sentiment_page_is_the_first_page_and_waits_for_a_review(
    open_app: OpenApp, model_folder: Path
) -> None:
    app = open_app(model_folder)
    assert app.title[0].value == "Sentiment of a review"
    assert app.text_area[0].label == "Review"
    assert not app.metric  # nothing to say before a review is submitted
    assert str(model_folder) in app.sidebar.caption[0].value


def test_a_positive_review_is_positive_and_its_best_word_is_green(
    open_app: OpenApp, model_folder: Path
) -> None:
    app = analyse(open_app(model_folder), "The screen is excellent and the sound is great")
    shown = metrics(app)
    assert shown["Sentiment"] == "positive"
    assert 0.5 < float(shown["Probability of positive"]) <= 1.0
    words = app.dataframe[0].value
    assert words.iloc[0]["word"] in {"excellent", "great"}
    assert words.iloc[0]["change in P(positive)"] > 0
    highlighted = app.markdown[0].value
    assert ":green-background[**excellent**]" in highlighted


def test_a_negative_review_is_negative_and_its_worst_word_is_red(
    open_app: OpenApp, model_folder: Path
) -> None:
    app = analyse(open_app(model_folder), "Awful. It broke after a day, a waste of money")
    shown = metrics(app)
    assert shown["Sentiment"] == "negative"
    assert float(shown["Probability of negative"]) > 0.5
    assert ":red-background[**Awful**]" in app.markdown[0].value


def test_markdown_in_a_review_is_shown_literally(open_app: OpenApp, model_folder: Path) -> None:
    review = "# *Great* [deal](http://x) for $5\n\n    indented `code`"
    app = analyse(open_app(model_folder), review)
    highlighted = app.markdown[0].value
    for escaped in (r"\#", r"\*", r"\[", r"\(", r"\$", r"\`"):
        assert escaped in highlighted
    assert "\n" not in highlighted
    assert "    " not in highlighted


def test_a_blank_review_gets_no_answer(open_app: OpenApp, model_folder: Path) -> None:
    app = analyse(open_app(model_folder), "   \n ")
    assert not app.metric


def test_the_sentiment_page_states_its_limits_with_the_measured_accuracy(
    open_app: OpenApp, model_folder: Path
) -> None:
    app = open_app(model_folder)
    limits = app.expander[0]
    assert limits.label == "What this model can and cannot do"
    held_out = json.loads((model_folder / "sentiment" / "metadata.json").read_text())
    accuracy = held_out["metrics"]["heldout"]["accuracy"]
    assert f"{accuracy:.1%}" in limits.markdown[0].value
    assert "sarcasm" in limits.markdown[0].value


# --- price ---------------------------------------------------------------------------


def price(app: AppTest) -> float:
    return float(metrics(app)["Predicted median house value"].strip("$").replace(",", ""))


def test_the_price_page_predicts_the_first_district_with_an_interval_and_a_map(
    open_app: OpenApp, model_folder: Path
) -> None:
    app = open_app(model_folder, PRICE_PAGE)
    assert app.title[0].value == "Median house value of a California district"
    assert 100_000 < price(app) < 600_000
    assert "90% interval" in app.markdown[0].value
    (chart,) = app.get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["projection"]["type"] == "mercator"  # drawn without map tiles: works offline
    marks = [layer["mark"] for layer in spec["layer"]]
    assert [m["type"] for m in marks] == ["circle", "point"]  # the districts, then this one
    assert marks[1]["color"] == "red"
    moves = app.dataframe[0].value
    assert len(moves) == 8
    assert moves["moved the price by (USD)"].abs().is_monotonic_decreasing


def test_every_input_of_the_price_page_changes_the_answer(
    open_app: OpenApp, model_folder: Path
) -> None:
    app = open_app(model_folder, PRICE_PAGE)
    first = price(app)
    changes = {
        "longitude": -118.0,
        "latitude": 34.0,
        "housing_median_age": 10.0,
        "total_rooms": 3000.0,
        "total_bedrooms": 900.0,
        "population": 3000.0,
        "households": 800.0,
        "median_income": 2.0,
    }
    seen = {first}
    for key, value in changes.items():
        app.number_input(key=key).set_value(value).run()
        assert not app.exception, app.exception
        seen.add(price(app))
    app.selectbox(key="ocean_proximity").set_value("INLAND").run()
    seen.add(price(app))
    assert len(seen) >= 8  # boosted trees are flat in places; nearly every change shows


def test_a_higher_income_means_a_higher_price(open_app: OpenApp, model_folder: Path) -> None:
    app = open_app(model_folder, PRICE_PAGE)
    app.number_input(key="median_income").set_value(1.5).run()
    poor = price(app)
    app.number_input(key="median_income").set_value(12.0).run()
    assert price(app) > poor
    assert app.dataframe[0].value.iloc[0]["input"] == "median income (10k USD)"


def test_the_cap_warning_shows_only_near_the_cap(open_app: OpenApp, model_folder: Path) -> None:
    app = open_app(model_folder, PRICE_PAGE)
    app.number_input(key="median_income").set_value(15.0).run()
    assert any("census cap" in w.value for w in app.warning)
    for key, value in {"median_income": 1.5, "longitude": -119.8, "latitude": 36.7}.items():
        app.number_input(key=key).set_value(value)
    app.selectbox(key="ocean_proximity").set_value("INLAND").run()  # a poor district in Fresno
    assert price(app) < 200_000
    assert not any("census cap" in w.value for w in app.warning)


def test_inputs_are_bounded_by_the_training_districts(
    open_app: OpenApp, model_folder: Path
) -> None:
    app = open_app(model_folder, PRICE_PAGE)
    income = app.number_input(key="median_income")
    assert 0 < income.min <= 1.0
    assert 14.0 <= income.max <= 20.0
    age = app.number_input(key="housing_median_age")
    assert age.min >= 1
    assert age.max <= 100


def test_the_price_page_states_its_limits(open_app: OpenApp, model_folder: Path) -> None:
    app = open_app(model_folder, PRICE_PAGE)
    limits = app.expander[0].markdown[0].value
    assert "1990" in limits
    assert "500,001" in limits
    metrics_saved = json.loads((model_folder / "housing" / "metadata.json").read_text())["metrics"]
    assert f"{metrics_saved['cv_rmse']:,.0f}" in limits


# --- missing, foreign and broken models ---------------------------------------------


def test_a_missing_model_says_how_to_build_it_and_the_button_trains_it(
    open_app: OpenApp, tmp_path: Path
) -> None:
    models = tmp_path / "models"
    app = open_app(models)
    (warning,) = app.warning
    assert "There is no sentiment model" in warning.value
    assert f"python -m level5.api train-defaults -o {models}" in warning.value
    assert not app.text_area
    app.button(key="train-sentiment").click().run()
    assert not app.exception, app.exception
    assert (models / "sentiment" / "model.skops").is_file()
    assert not app.warning
    assert metrics(analyse(app, "Excellent, I love it"))["Sentiment"] == "positive"


def test_a_missing_price_model_offers_its_own_button(open_app: OpenApp, tmp_path: Path) -> None:
    app = open_app(tmp_path, PRICE_PAGE)
    assert "There is no housing model" in app.warning[0].value
    assert app.button(key="train-housing").label.startswith("Train the housing model")
    assert not app.number_input
    assert not app.metric


def test_a_model_of_the_wrong_kind_is_named(
    open_app: OpenApp, model_folder: Path, tmp_path: Path
) -> None:
    shutil.copytree(model_folder / "housing", tmp_path / "sentiment")
    app = open_app(tmp_path)
    assert "holds a level2.housing model, not a level1.textclf model" in app.warning[0].value


def test_a_broken_model_is_reported_in_one_line(
    open_app: OpenApp, model_folder: Path, tmp_path: Path
) -> None:
    shutil.copytree(model_folder / "sentiment", tmp_path / "sentiment")
    (tmp_path / "sentiment" / "model.skops").write_bytes(b"not a model")
    app = open_app(tmp_path)
    assert "cannot be used" in app.warning[0].value
    assert "\n" not in app.warning[0].value
