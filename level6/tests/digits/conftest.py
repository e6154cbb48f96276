"""One small MNIST slice and one small model of each kind, trained once per test run."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def digits(realdata):
    from level6.digits import load_digits

    realdata("mnist")  # skips with the fetch command when MNIST is not cached
    return load_digits(limit=2_000)


@pytest.fixture(scope="session")
def mlp_dir(digits, tmp_path_factory):
    from level6.digits import train_mlp

    return train_mlp(digits, tmp_path_factory.mktemp("models") / "mlp", epochs=3).directory


@pytest.fixture(scope="session")
def cnn_result(digits, tmp_path_factory):
    from level6.digits import train_cnn

    return train_cnn(digits, tmp_path_factory.mktemp("models") / "cnn", epochs=2, batch_size=32)
