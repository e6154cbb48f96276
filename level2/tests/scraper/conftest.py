"""Shared pieces of the scraper tests: the module under test, a demo shop, a fast fetcher."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def scraper(solution):
    return solution("level2.scraper")


@pytest.fixture
def shop(scraper):
    """A small demo shop on 127.0.0.1: 25 products, 10 per page (3 pages), a 0.2 s slow page."""
    with scraper.serve_demo(products=25, per_page=10, slow_seconds=0.2) as running:
        yield running


@pytest.fixture
def fetcher(scraper):
    """A fetcher without waits between requests and with a tiny backoff."""
    with scraper.Fetcher(delay=0, backoff=0.01, timeout=5) as polite:
        yield polite


class FakeTime:
    """A clock and a sleep that only pretend: sleeping moves the clock and is recorded."""

    def __init__(self) -> None:
        self.now = 100.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def fake_time():
    return FakeTime()
