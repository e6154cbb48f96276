"""The model folder: what train-defaults writes, what load_folder serves, what inputs are accepted."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from pydantic import ValidationError

from level1 import modelstore
from level5.api.defaults import train_defaults
from level5.api.models import (
    DEFAULT_NAMES,
    EXAMPLE_DISTRICT,
    HousingInput,
    IrisInput,
    TextInput,
    load_folder,
    load_model,
)

DISTRICT = EXAMPLE_DISTRICT


@pytest.fixture(scope="module")
def served(model_folder: Path) -> dict:  # type: ignore[type-arg]
    models, failures = load_folder(model_folder)
    assert failures == []
    return models


def test_train_defaults_writes_every_default_model(served: dict) -> None:  # type: ignore[type-arg]
    assert sorted(served) == sorted(DEFAULT_NAMES)
    for model in served.values():
        described = model.describe()
        assert len(described["version"]) == 12
        assert int(described["version"], 16) >= 0
        assert described["metrics"]


def test_text_models_answer_the_obvious_cases(served: dict) -> None:  # type: ignore[type-arg]
    spam, ham = (
        "WINNER!! You have won a £1000 prize. Call 09061701461 to claim now",
        "See you at 6?",
    )
    verdicts = served["spam"].predict([TextInput(text=spam), TextInput(text=ham)])
    assert [v["label"] for v in verdicts] == ["spam", "ham"]
    assert verdicts[0]["score"] >= verdicts[0]["threshold"] > verdicts[1]["score"]
    moods = served["sentiment"].predict(
        [TextInput(text="I love it, excellent quality"), TextInput(text="Awful, it broke")]
    )
    assert [m["label"] for m in moods] == ["1", "0"]
    assert all(0.5 <= m["probability"] <= 1 for m in moods)


def test_housing_value_comes_with_its_interval(served: dict) -> None:  # type: ignore[type-arg]
    (answer,) = served["housing"].predict([HousingInput(**DISTRICT)])
    low, high = answer["interval"]
    assert low < answer["value"] < high
    assert 15_000 < answer["value"] < 600_000
    no_bedrooms = HousingInput(**{**DISTRICT, "total_bedrooms": None})  # imputed, as in training
    assert served["housing"].predict([no_bedrooms])[0]["value"] > 0


def test_iris_gives_a_species_and_probabilities(served: dict) -> None:  # type: ignore[type-arg]
    (flower,) = served["iris"].predict(
        [IrisInput(sepal_length=5.1, sepal_width=3.5, petal_length=1.4, petal_width=0.2)]
    )
    assert flower["label"] == "setosa"
    assert sum(flower["probabilities"].values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("schema", "fields", "where"),
    [
        (TextInput, {"text": ""}, "text"),
        (TextInput, {"text": "x" * 5001}, "text"),
        (TextInput, {"text": "hi", "lang": "en"}, "lang"),
        (HousingInput, {**DISTRICT, "longitude": 10.0}, "longitude"),
        (HousingInput, {**DISTRICT, "median_income": float("nan")}, "median_income"),
        (HousingInput, {**DISTRICT, "ocean_proximity": "MOON"}, "ocean_proximity"),
        (IrisInput, {"sepal_length": 1, "sepal_width": 1, "petal_length": 1}, "petal_width"),
        (
            IrisInput,
            {"sepal_length": -1, "sepal_width": 1, "petal_length": 1, "petal_width": 1},
            "sepal_length",
        ),
    ],
)
def test_inputs_are_refused_field_by_field(schema: type, fields: dict, where: str) -> None:  # type: ignore[type-arg]
    with pytest.raises(ValidationError) as caught:
        schema(**fields)
    assert [error["loc"][0] for error in caught.value.errors()] == [where]


def test_a_broken_model_is_reported_and_the_others_still_served(
    model_folder: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "models"
    shutil.copytree(model_folder / "iris", folder / "iris")
    shutil.copytree(model_folder / "iris", folder / "tampered")
    (folder / "tampered" / "model.skops").write_bytes(b"not a model")
    (folder / "empty").mkdir()
    models, failures = load_folder(folder)
    assert list(models) == ["iris"]
    reasons = {failure.name: failure.reason for failure in failures}
    assert set(reasons) == {"empty", "tampered"}
    assert "changed after it was saved" in reasons["tampered"]
    assert "\n" not in "".join(reasons.values())


def test_a_model_of_another_project_is_refused_in_one_line(
    model_folder: Path, tmp_path: Path
) -> None:
    folder = shutil.copytree(model_folder / "iris", tmp_path / "titanic")
    meta = json.loads((folder / "metadata.json").read_text())
    (folder / "metadata.json").write_text(json.dumps({**meta, "tool": "level1.titanic"}))
    with pytest.raises(
        modelstore.ModelError, match=r"holds a level1\.titanic model; the API serves"
    ):
        load_model(folder)


def test_a_missing_folder_says_how_to_build_one(tmp_path: Path) -> None:
    with pytest.raises(modelstore.ModelError, match="train-defaults -o"):
        load_folder(tmp_path / "nowhere")


def test_without_cached_data_the_models_are_synthetic_and_say_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path / "no-data"))
    (trained,) = train_defaults(tmp_path / "models", names=("sentiment",))
    assert trained.synthetic
    saved = load_model(trained.path)
    assert saved.saved.metadata["extra"]["source"] == "synthetic"
