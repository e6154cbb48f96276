"""Shared pieces of the housing tests: the module under test and small synthetic tables."""

from __future__ import annotations

import pytest

from level0 import datagen


@pytest.fixture(scope="session")
def hs(solution):
    return solution("level2.housing")


@pytest.fixture(scope="session")
def synthetic():
    """1,500 rows of datagen's housing preset (synthetic, with missing bedrooms and caps)."""
    return datagen.generate("housing", rows=1500, seed=0)


@pytest.fixture(scope="session")
def synthetic_csv(synthetic, tmp_path_factory):
    path = tmp_path_factory.mktemp("housing") / "housing.csv"
    synthetic.to_csv(path, index=False)
    return path
