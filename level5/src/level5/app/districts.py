"""The districts the price model learned from: for the map, the input ranges and "typical".

They are the training split of level 2's housing table (the same split the served
model was fitted on, so the test districts stay unseen), or level 0's synthetic
housing table when the real one is not cached, exactly as ``level5.api.defaults``
trains the model. Nothing new is stored: the figures are computed from that data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from level0.datasets import DatasetMissing
from level5.api.models import OCEAN_PROXIMITY, HousingInput

__all__ = ["INPUTS", "OCEAN", "Districts", "Swap", "load_districts"]

# The model's inputs in the order the page asks for them (level 2's housing.csv columns).
INPUTS = tuple(HousingInput.model_fields)
OCEAN = OCEAN_PROXIMITY


@dataclass(frozen=True)
class Swap:
    """One input of a district set to its typical value, for ``explain.feature_moves``."""

    name: str
    this: str  # the district's own value, as shown
    typical: str
    district: dict[str, Any]  # the whole district with this input swapped


@dataclass(frozen=True)
class Districts:
    """The training districts, and whether they are synthetic."""

    frame: pd.DataFrame
    synthetic: bool

    def bounds(self, column: str) -> tuple[float, float]:
        """The smallest and largest value the model saw: inputs outside are extrapolation."""
        values = self.frame[column].dropna()
        return float(values.min()), float(values.max())

    def median(self, numerator: str, denominator: str | None = None) -> float:
        """The median of a column, or of a ratio of two columns."""
        values = self.frame[numerator]
        if denominator:
            values = values / self.frame[denominator]
        return float(values.median())

    def swaps(self, d: dict[str, Any]) -> list[Swap]:
        """Each input set to its median in the training districts (the ocean to the most
        common answer), one at a time.

        The four counts only mean something relative to each other (the model itself
        uses rooms per household and the like), so they are swapped as what they
        describe: the size of the district in households with every ratio kept, rooms
        per household, bedrooms per room and people per household. Longitude and
        latitude go together: one without the other can put a district in the sea.
        """
        counts = ("total_rooms", "total_bedrooms", "population", "households")
        size = self.median("households") / d["households"]
        rooms = self.median("total_rooms", "households") * d["households"]
        ocean = str(self.frame["ocean_proximity"].mode()[0])
        lon, lat = self.median("longitude"), self.median("latitude")
        ratio = {
            "rooms": d["total_rooms"] / d["households"],
            "bedrooms": d["total_bedrooms"] / d["total_rooms"],
            "people": d["population"] / d["households"],
        }
        table: list[tuple[str, str, str, dict[str, Any]]] = [
            (
                "location",
                f"{d['longitude']:.2f}, {d['latitude']:.2f}",
                f"{lon:.2f}, {lat:.2f}",
                {"longitude": lon, "latitude": lat},
            ),
            (
                "median income (10k USD)",
                f"{d['median_income']:.2f}",
                f"{self.median('median_income'):.2f}",
                {"median_income": self.median("median_income")},
            ),
            (
                "house age (years)",
                f"{d['housing_median_age']:.0f}",
                f"{self.median('housing_median_age'):.0f}",
                {"housing_median_age": self.median("housing_median_age")},
            ),
            ("distance to the ocean", d["ocean_proximity"], ocean, {"ocean_proximity": ocean}),
            (
                "households (size, same ratios)",
                f"{d['households']:,.0f}",
                f"{self.median('households'):,.0f}",
                {c: d[c] * size for c in counts},
            ),
            (
                "rooms per household",
                f"{ratio['rooms']:.2f}",
                f"{self.median('total_rooms', 'households'):.2f}",
                {"total_rooms": rooms, "total_bedrooms": ratio["bedrooms"] * rooms},
            ),
            (
                "bedrooms per room",
                f"{ratio['bedrooms']:.3f}",
                f"{self.median('total_bedrooms', 'total_rooms'):.3f}",
                {"total_bedrooms": self.median("total_bedrooms", "total_rooms") * d["total_rooms"]},
            ),
            (
                "people per household",
                f"{ratio['people']:.2f}",
                f"{self.median('population', 'households'):.2f}",
                {"population": self.median("population", "households") * d["households"]},
            ),
        ]
        return [
            Swap(name, this, typical, {**d, **changed}) for name, this, typical, changed in table
        ]


def load_districts() -> Districts:
    """The training split of the real table when cached, else of the synthetic one."""
    from level0.datagen import generate
    from level2.housing import load_housing, split
    from level2.housing.workflow import real_data_path

    try:
        frame, synthetic = load_housing(real_data_path()), False
    except DatasetMissing:
        frame, synthetic = generate("housing", rows=3000, seed=0), True
    train_set, _ = split(frame)
    return Districts(train_set.reset_index(drop=True), synthetic)
