"""From four measurements to a species: check the input, train, predict with probabilities.

The model is trained in-process on all 150 flowers each time it is needed. That takes
milliseconds, is deterministic, and leaves no cached file that could go stale when the
code changes; a project whose training takes minutes saves its model instead (see
``level1.titanic`` and ``level1.modelstore``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from level1.iris.data import FEATURES, load_data
from level1.iris.models import DEFAULT_MODEL, make_model

__all__ = ["MeasurementError", "Prediction", "parse_measurements", "predict_species", "train"]


class MeasurementError(ValueError):
    """Input that is not four positive lengths in centimetres."""


@dataclass(frozen=True)
class Prediction:
    """The predicted species, the probability of each species, and any extrapolation."""

    species: str
    probabilities: dict[str, float]
    outside_training_range: list[str] = field(default_factory=list)


def parse_measurements(values: Sequence[str | float]) -> list[float]:
    """Four lengths in cm, in :data:`FEATURES` order, as floats; anything else is refused."""
    if len(values) != len(FEATURES):
        raise MeasurementError(
            f"expected {len(FEATURES)} measurements ({', '.join(FEATURES)}, in cm), got {len(values)}"
        )
    numbers = []
    for name, value in zip(FEATURES, values, strict=True):
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise MeasurementError(f"{name}: {value!r} is not a number (cm)") from None
        if not math.isfinite(number) or number <= 0:
            raise MeasurementError(f"{name}: {value!r} must be a positive length in cm")
        numbers.append(number)
    return numbers


def train(name: str = DEFAULT_MODEL, seed: int = 0) -> Any:
    """The model ``name`` fitted on all 150 flowers (after it was chosen by CV)."""
    features, species = load_data()
    return make_model(name, seed).fit(features, species)


def predict_species(measurements: Sequence[str | float], model: Any | None = None) -> Prediction:
    """Predict one flower's species from its four measurements (cm).

    ``model`` defaults to :func:`train`'s. Measurements outside the range seen in the
    data are still predicted, but listed in ``outside_training_range``: the model is
    extrapolating there and its confidence means little.
    """
    numbers = parse_measurements(measurements)
    fitted = model if model is not None else train()
    row = pd.DataFrame([numbers], columns=list(FEATURES))
    probabilities = fitted.predict_proba(row)[0]
    classes = [str(c) for c in fitted.classes_]
    features, _ = load_data()
    outside = [
        name
        for name, value in zip(FEATURES, numbers, strict=True)
        if not features[name].min() <= value <= features[name].max()
    ]
    return Prediction(
        species=str(fitted.predict(row)[0]),
        probabilities={c: float(p) for c, p in zip(classes, probabilities, strict=True)},
        outside_training_range=outside,
    )
