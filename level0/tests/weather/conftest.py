"""Shared pieces of the weather tests: the bundled fixtures and a client aimed at a local server."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

FIXTURES = {
    name: json.loads(
        resources.files("level0.weather").joinpath("fixtures", f"{name}.json").read_text("utf-8")
    )
    for name in ("geocoding_lisbon", "geocoding_no_results", "forecast_lisbon")
}


def fixture(name: str) -> Any:
    """A fresh copy of a bundled fixture, safe to modify."""
    return copy.deepcopy(FIXTURES[name])


@pytest.fixture(scope="session")
def fixture_data():
    """``fixture_data("forecast_lisbon")``: a fresh copy of a bundled fixture's JSON."""
    return fixture


@pytest.fixture(scope="session")
def weather(solution):
    return solution("level0.weather")


@pytest.fixture
def base_url(httpserver, monkeypatch):
    """The local server's base URL; nothing else (no env override) steers the client."""
    monkeypatch.delenv("MLROADMAP_WEATHER_URL", raising=False)
    return httpserver.url_for("/v1").rstrip("/")


@pytest.fixture
def lisbon_server(httpserver, base_url):
    """Serve Lisbon's geocoding and forecast fixtures, as Open-Meteo would."""
    httpserver.expect_request("/v1/search").respond_with_json(fixture("geocoding_lisbon"))
    httpserver.expect_request("/v1/forecast").respond_with_json(fixture("forecast_lisbon"))
    return base_url


@pytest.fixture
def make_client(weather, tmp_path):
    """A client with fast retries (no backoff wait) and a cache in tmp_path."""
    clients = []

    def make(base_url, **options):
        options.setdefault("timeout", 5.0)
        options.setdefault("retries", 2)
        options.setdefault("backoff", 0.0)
        options.setdefault("cache", weather.ResponseCache(tmp_path / "cache"))
        client = weather.WeatherClient(base_url, **options)
        clients.append(client)
        return client

    yield make
    for client in clients:
        client.close()
