"""One tiny model for the whole products suite: 2,000 images, 2 epochs, trained once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from level6.products.data import Split, load_split
from level6.products.train import TrainResult, train

TINY_IMAGES = 2_000
TINY_EPOCHS = 2


@pytest.fixture(scope="session")
def fmnist(realdata: Any) -> Path:
    return realdata("fashion_mnist")


@pytest.fixture(scope="session")
def validation(fmnist: Path) -> Split:
    return load_split("validation", root=fmnist)


@pytest.fixture(scope="session")
def tiny(fmnist: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, TrainResult]:
    """``(model folder, training result)``; tests must not change the folder."""
    folder = tmp_path_factory.mktemp("products") / "cnn"
    result = train(folder, epochs=TINY_EPOCHS, limit=TINY_IMAGES, root=fmnist, report=print)
    return folder, result
