# mypy: ignore-errors
# A data file of the differential oracle: plain pytest-style tests, left untyped on purpose.
"""Shared fixtures for the example suite: a session-scoped log every scope writes to."""

import pytest

EVENTS: list[str] = []


@pytest.fixture(scope="session")
def events():
    """One list for the whole run; its teardown happens once, at the very end."""
    EVENTS.append("session setup")
    yield EVENTS
    EVENTS.append("session teardown")


@pytest.fixture
def numbers():
    return [3, 1, 2]
