"""Fixtures of the app's tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from level5.app.browser import CHROMIUM


@pytest.fixture(scope="session")
def chromium() -> str:
    """Debian's Chromium; a skip naming the package when it is missing (a failure under CI)."""
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} is not installed (apt-get install chromium)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return CHROMIUM
