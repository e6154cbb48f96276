"""Test data for the report generator: a small seeded table shaped like datagen's ``sales`` preset."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

REGIONS = ["North", "South", "East", "West"]
CHANNELS = ["online", "store", "partner"]


def make_sales(rows: int = 240, seed: int = 7) -> pd.DataFrame:
    """Columns as in the ``sales`` preset: ids, dates, categories, units, prices, revenue."""
    rng = np.random.default_rng(seed)
    units = rng.integers(1, 12, rows)
    price = np.round(rng.uniform(1.5, 250.0, rows), 2)
    return pd.DataFrame(
        {
            "order_id": [f"O-{i:05d}" for i in range(rows)],
            "date": (
                pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 366, rows), unit="D")
            ).strftime("%Y-%m-%d"),
            "region": rng.choice(REGIONS, rows),
            "channel": rng.choice(CHANNELS, rows),
            "product": [f"Widget {k}" for k in rng.integers(0, 40, rows)],
            "category": rng.choice(["Tools", "Garden", "Toys"], rows),
            "units": units,
            "unit_price": price,
            "revenue": np.round(units * price, 2),
            "customer": [f"Customer {k}" for k in rng.integers(0, 150, rows)],
        }
    )


@pytest.fixture(name="make_sales", scope="session")
def make_sales_fixture() -> Callable[..., pd.DataFrame]:
    """The table factory, for tests that need another size or seed."""
    return make_sales


@pytest.fixture
def sales_csv(tmp_path: Path) -> Path:
    path = tmp_path / "sales.csv"
    make_sales().to_csv(path, index=False)
    return path
