"""Fixtures every level 5 test suite shares."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from level5.app.browser import CHROMIUM


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


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium; a skip naming the package when it is missing (a failure under CI)."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM
