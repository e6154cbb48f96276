"""The model folder: which models are served, how each is trained, loaded and asked.

A model folder holds one sub-folder per served model, each a ``level1.modelstore``
directory (``model.skops`` + ``metadata.json``). The sub-folder's name is the model's
name in the API; its metadata's ``tool`` says which *kind* it is, and the kind knows
how to load it, what one input looks like (a pydantic model: validation and the
OpenAPI schema come from the same class) and how to turn inputs into predictions::

    MODELS/spam/        level1.spam      {"text": "WINNER!! claim your prize"}
    MODELS/sentiment/   level1.textclf   {"text": "Great phone, love it"}
    MODELS/housing/     level2.housing   {"longitude": -122.2, "latitude": 37.8, ...}
    MODELS/iris/        level1.iris      {"sepal_length": 5.1, ...}

Any folder ``textclf train`` wrote can be dropped in and is served as well.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, get_args

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from level1 import modelstore

__all__ = [
    "DEFAULT_NAMES",
    "EXAMPLE_DISTRICT",
    "KINDS",
    "OCEAN_PROXIMITY",
    "HousingInput",
    "IrisInput",
    "Kind",
    "LoadFailure",
    "ServedModel",
    "TextInput",
    "load_folder",
    "load_model",
]

DEFAULT_NAMES = ("spam", "sentiment", "housing", "iris")
IRIS_TOOL = "level1.iris"
MAX_TEXT = 5_000  # characters; an SMS is 160, a long review about 2,000


class Item(BaseModel):
    """One input: unknown fields, NaN and infinity are refused, not guessed at."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False, frozen=True)


class TextInput(Item):
    """A message or review to classify."""

    text: Annotated[
        str, Field(min_length=1, max_length=MAX_TEXT, examples=["Free entry! Win a prize now"])
    ]


OceanProximity = Literal["<1H OCEAN", "INLAND", "ISLAND", "NEAR BAY", "NEAR OCEAN"]
OCEAN_PROXIMITY: tuple[str, ...] = get_args(OceanProximity)


class HousingInput(Item):
    """One California census block group, as in the 1990 census (level 2's housing.csv)."""

    longitude: Annotated[float, Field(ge=-125.0, le=-114.0, examples=[-122.23])]
    latitude: Annotated[float, Field(ge=32.0, le=42.5, examples=[37.88])]
    housing_median_age: Annotated[float, Field(ge=1, le=100, examples=[41])]
    total_rooms: Annotated[float, Field(ge=1, le=100_000, examples=[880])]
    total_bedrooms: Annotated[float | None, Field(ge=0, le=20_000, examples=[129])] = None
    population: Annotated[float, Field(ge=1, le=100_000, examples=[322])]
    households: Annotated[float, Field(ge=1, le=20_000, examples=[126])]
    median_income: Annotated[
        float, Field(ge=0, le=20, description="tens of thousands of USD", examples=[8.3252])
    ]
    ocean_proximity: OceanProximity


# The first district of housing.csv (the Berkeley hills): the API's, the app's and the
# tests' example.
EXAMPLE_DISTRICT: dict[str, Any] = {
    "longitude": -122.23,
    "latitude": 37.88,
    "housing_median_age": 41.0,
    "total_rooms": 880.0,
    "total_bedrooms": 129.0,
    "population": 322.0,
    "households": 126.0,
    "median_income": 8.3252,
    "ocean_proximity": "NEAR BAY",
}


class IrisInput(Item):
    """One flower's four measurements, in centimetres."""

    sepal_length: Annotated[float, Field(gt=0, le=100, examples=[5.1])]
    sepal_width: Annotated[float, Field(gt=0, le=100, examples=[3.5])]
    petal_length: Annotated[float, Field(gt=0, le=100, examples=[1.4])]
    petal_width: Annotated[float, Field(gt=0, le=100, examples=[0.2])]


@dataclass(frozen=True)
class Kind:
    """What a kind of model takes and how it is loaded and asked."""

    tool: str
    input: type[Item]
    load: Callable[[Path], modelstore.SavedModel]
    predict: Callable[[modelstore.SavedModel, Sequence[Any]], list[dict[str, Any]]]


def _load_spam(folder: Path) -> modelstore.SavedModel:
    from level1.spam import load_filter

    return load_filter(folder)


def _predict_spam(saved: modelstore.SavedModel, items: Sequence[Any]) -> list[dict[str, Any]]:
    from level1.spam import classify

    return [v.to_dict() for v in classify(saved.model, [item.text for item in items])]


def _load_textclf(folder: Path) -> modelstore.SavedModel:
    from level1.textclf import load_classifier

    return load_classifier(folder)


def _predict_textclf(saved: modelstore.SavedModel, items: Sequence[Any]) -> list[dict[str, Any]]:
    from level1.textclf import predict

    return [
        {"label": p.label, "probability": p.probability}
        for p in predict(saved.model, [item.text for item in items])
    ]


def _load_housing(folder: Path) -> modelstore.SavedModel:
    from level2.housing import TRUSTED

    return modelstore.load(folder, tool="level2.housing", trusted=TRUSTED)


def _predict_housing(saved: modelstore.SavedModel, items: Sequence[Any]) -> list[dict[str, Any]]:
    rows = pd.DataFrame([item.model_dump() for item in items])
    rows["total_bedrooms"] = rows["total_bedrooms"].astype(float)  # None -> NaN, imputed
    values = saved.model.predict(rows)
    low, high = saved.metadata.get("extra", {}).get("residual_interval", (0.0, 0.0))
    return [{"value": float(v), "interval": [float(v + low), float(v + high)]} for v in values]


def _load_iris(folder: Path) -> modelstore.SavedModel:
    return modelstore.load(folder, tool=IRIS_TOOL)


def _predict_iris(saved: modelstore.SavedModel, items: Sequence[Any]) -> list[dict[str, Any]]:
    from level1.iris import FEATURES

    rows = pd.DataFrame([list(item.model_dump().values()) for item in items], columns=FEATURES)
    probabilities = saved.model.predict_proba(rows)
    classes = [str(c) for c in saved.model.classes_]
    return [
        {
            "label": classes[int(np.argmax(row))],
            "probabilities": dict(zip(classes, map(float, row), strict=True)),
        }
        for row in probabilities
    ]


KINDS: dict[str, Kind] = {
    kind.tool: kind
    for kind in (
        Kind("level1.spam", TextInput, _load_spam, _predict_spam),
        Kind("level1.textclf", TextInput, _load_textclf, _predict_textclf),
        Kind("level2.housing", HousingInput, _load_housing, _predict_housing),
        Kind(IRIS_TOOL, IrisInput, _load_iris, _predict_iris),
    )
}


@dataclass(frozen=True)
class ServedModel:
    """A loaded model with its name, kind and the facts ``GET /v1/models`` lists."""

    name: str
    kind: Kind
    saved: modelstore.SavedModel

    @property
    def version(self) -> str:
        """The first 12 hex digits of the model file's sha256: a new file, a new version."""
        return str(self.saved.metadata["model_sha256"])[:12]

    @property
    def metrics(self) -> dict[str, Any]:
        return dict(self.saved.metadata.get("metrics", {}))

    def predict(self, items: Sequence[Item]) -> list[dict[str, Any]]:
        """Predictions for already-validated inputs, in order."""
        return self.kind.predict(self.saved, items)

    def describe(self) -> dict[str, Any]:
        meta = self.saved.metadata
        return {
            "name": self.name,
            "kind": self.kind.tool,
            "version": self.version,
            "created": meta.get("created"),
            "estimator": meta.get("estimator"),
            "metrics": self.metrics,
        }


@dataclass(frozen=True)
class LoadFailure:
    """A sub-folder that could not be served, and why (one line)."""

    name: str
    reason: str


def load_model(folder: str | Path) -> ServedModel:
    """Load one model folder; raises ``modelstore.ModelError`` with a one-line reason."""
    path = Path(folder)
    try:
        tool = json.loads((path / modelstore.METADATA_FILE).read_text()).get("tool")
    except (OSError, ValueError, AttributeError):
        tool = None  # modelstore.load below says precisely what is wrong
    kind = KINDS.get(str(tool))
    if kind is None and tool is not None:
        known = ", ".join(KINDS)
        raise modelstore.ModelError(f"{path} holds a {tool} model; the API serves {known}")
    saved = (kind.load if kind else _load_textclf)(path)
    return ServedModel(path.name, kind or KINDS["level1.textclf"], saved)


def load_folder(models_dir: str | Path) -> tuple[dict[str, ServedModel], list[LoadFailure]]:
    """Every servable model in ``models_dir`` by name, and the sub-folders that failed.

    One broken model does not stop the others from being served; the failures are
    reported (``/ready`` lists them) instead.
    """
    root = Path(models_dir)
    if not root.is_dir():
        raise modelstore.ModelError(
            f"{root} is not a folder of models; build one with "
            f"'python -m level5.api train-defaults -o {root}'"
        )
    served: dict[str, ServedModel] = {}
    failures: list[LoadFailure] = []
    for folder in sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(".")):
        try:
            served[folder.name] = load_model(folder)
        except modelstore.ModelError as exc:
            failures.append(LoadFailure(folder.name, str(exc)))
    return served, failures
