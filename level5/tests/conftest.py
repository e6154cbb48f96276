"""Fixtures every level 5 test suite shares."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def model_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The default model folder (spam, sentiment, housing, iris), trained once per test run.

    From the registry data when it is cached, otherwise from level 0's synthetic data
    (the models' metadata then says so). Tests must not change it: copy it first.
    """
    from level5.api.defaults import train_defaults

    out = tmp_path_factory.mktemp("models")
    train_defaults(out)
    return out
