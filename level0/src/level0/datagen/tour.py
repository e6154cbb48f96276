"""Tour step: generate every preset (1,000 rows each) and write them as CSV."""

from __future__ import annotations

from pathlib import Path

from level0.datagen.output import write
from level0.datagen.presets import PRESETS
from level0.datagen.table import generate
from level0.tour import TourResult

ROWS = 1000


def run(out: Path) -> TourResult:
    """Write ``<preset>.csv`` under ``out`` for each preset; report the Titanic survival rate."""
    files = []
    survival = 0.0
    for name in PRESETS:
        table = generate(name, ROWS, seed=0)
        files.append(write(table, out / f"{name}.csv"))
        if name == "titanic":
            survival = float(table["Survived"].mean())
    key_result = (
        f"{len(PRESETS)} presets, {len(PRESETS) * ROWS:,} rows, titanic survival {survival:.2f}"
    )
    return TourResult(data="synthetic", key_result=key_result, files=files)
