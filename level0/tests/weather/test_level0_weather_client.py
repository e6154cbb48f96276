"""The client against a local HTTP server: the happy path, the cache and every failure path."""

from __future__ import annotations

import json
import threading
import time
from datetime import date, datetime

import pytest
from werkzeug import Response


def test_geocode_then_forecast(weather, lisbon_server, make_client, httpserver):
    client = make_client(lisbon_server)
    place = client.geocode("Lisbon")
    assert place == weather.Place(
        name="Lisbon",
        latitude=38.71667,
        longitude=-9.13333,
        timezone="Europe/Lisbon",
        country="Portugal",
        admin1="Lisbon",
        population=517802,
    )
    forecast = client.forecast(place, days=5)
    assert forecast.timezone == "Europe/Lisbon"
    assert forecast.current.time == datetime(2025, 6, 2, 14, 15)
    assert forecast.current.temperature == 24.3
    assert forecast.current.description == "partly cloudy"
    assert [d.date for d in forecast.days][:2] == [date(2025, 6, 2), date(2025, 6, 3)]
    assert [d.temperature_max for d in forecast.days] == [25.1, 27.4, 23.8, 20.6, 21.9]
    assert forecast.units["temperature_2m_max"] == "°C"

    search, forecast_request = (request for request, _ in httpserver.log)
    assert search.args["name"] == "Lisbon"
    assert search.args["count"] == "1"
    assert forecast_request.args["latitude"] == "38.71667"
    assert forecast_request.args["forecast_days"] == "5"
    assert forecast_request.args["timezone"] == "Europe/Lisbon"
    assert "temperature_2m" in forecast_request.args["current"].split(",")
    assert "temperature_2m_max" in forecast_request.args["daily"].split(",")


def test_fewer_days_than_the_server_sends_are_kept(lisbon_server, make_client):
    client = make_client(lisbon_server)
    assert len(client.forecast(client.geocode("Lisbon"), days=2).days) == 2


def test_base_url_from_the_environment(weather, lisbon_server, monkeypatch, tmp_path):
    monkeypatch.setenv("MLROADMAP_WEATHER_URL", lisbon_server)
    with weather.WeatherClient(retries=0) as client:
        assert client.geocode("Lisbon").country == "Portugal"


@pytest.mark.parametrize("answer", ["geocoding_no_results", {"results": []}])
def test_unknown_city(fixture_data, weather, httpserver, base_url, make_client, answer):
    body = fixture_data(answer) if isinstance(answer, str) else answer
    httpserver.expect_request("/v1/search").respond_with_json(body)
    with pytest.raises(weather.CityNotFoundError, match="no place called 'Atlantis'"):
        make_client(base_url).geocode("Atlantis")


def test_timeout(weather, httpserver, base_url, make_client):
    release = threading.Event()

    def too_slow(request):
        release.wait(timeout=5)  # answers only once the test has seen the timeout
        return Response("{}", content_type="application/json")

    httpserver.expect_request("/v1/search").respond_with_handler(too_slow)
    try:
        with pytest.raises(weather.ApiError, match=r"did not answer within 0.2 s \(1 attempt"):
            make_client(base_url, timeout=0.2, retries=0).geocode("Lisbon")
    finally:
        release.set()
        # Let the server finish the late answer, or it lands in the next test's request log.
        deadline = time.monotonic() + 5
        while not httpserver.log and time.monotonic() < deadline:
            time.sleep(0.01)


def test_server_error_then_success_is_retried(
    fixture_data, weather, httpserver, base_url, make_client
):
    httpserver.expect_oneshot_request("/v1/search").respond_with_data("overloaded", status=500)
    httpserver.expect_oneshot_request("/v1/search").respond_with_data("still", status=503)
    httpserver.expect_request("/v1/search").respond_with_json(fixture_data("geocoding_lisbon"))
    assert make_client(base_url, retries=2).geocode("Lisbon").name == "Lisbon"
    assert len(httpserver.log) == 3


def test_rate_limit_with_retry_after_is_retried(fixture_data, httpserver, base_url, make_client):
    httpserver.expect_oneshot_request("/v1/search").respond_with_data(
        "slow down", status=429, headers={"Retry-After": "0"}
    )
    httpserver.expect_request("/v1/search").respond_with_json(fixture_data("geocoding_lisbon"))
    assert make_client(base_url).geocode("Lisbon").name == "Lisbon"
    assert len(httpserver.log) == 2


def test_server_error_that_persists(weather, httpserver, base_url, make_client):
    httpserver.expect_request("/v1/search").respond_with_data("down", status=503)
    with pytest.raises(weather.ApiError, match=r"answered HTTP 503 \(3 attempt"):
        make_client(base_url, retries=2).geocode("Lisbon")
    assert len(httpserver.log) == 3


def test_client_error_is_not_retried_and_shows_the_reason(
    fixture_data, weather, lisbon_server, httpserver, make_client
):
    httpserver.clear_all_handlers()
    httpserver.expect_request("/v1/search").respond_with_json(fixture_data("geocoding_lisbon"))
    reason = "Latitude must be in range of -90 to 90°. Given: 91.0."
    httpserver.expect_request("/v1/forecast").respond_with_json(
        {"error": True, "reason": reason}, status=400
    )
    client = make_client(lisbon_server)
    with pytest.raises(weather.ApiError, match="HTTP 400: Latitude must be in range"):
        client.forecast(client.geocode("Lisbon"))
    assert len(httpserver.log) == 2  # one search, one forecast: a 400 is not worth retrying


def test_malformed_json(weather, httpserver, base_url, make_client):
    httpserver.expect_request("/v1/search").respond_with_data(
        '{"results": [', content_type="application/json"
    )
    with pytest.raises(weather.ResponseFormatError, match="did not answer with JSON"):
        make_client(base_url).geocode("Lisbon")


def test_missing_field(fixture_data, weather, httpserver, base_url, make_client):
    broken = fixture_data("forecast_lisbon")
    del broken["daily"]["temperature_2m_max"]
    httpserver.expect_request("/v1/search").respond_with_json(fixture_data("geocoding_lisbon"))
    httpserver.expect_request("/v1/forecast").respond_with_json(broken)
    client = make_client(base_url)
    with pytest.raises(
        weather.ResponseFormatError, match="daily has no field 'temperature_2m_max'"
    ):
        client.forecast(client.geocode("Lisbon"))


def test_connection_refused(weather, make_client, monkeypatch):
    monkeypatch.delenv("MLROADMAP_WEATHER_URL", raising=False)
    with pytest.raises(weather.ApiError, match="cannot reach"):
        make_client("http://127.0.0.1:9/v1", retries=0).geocode("Lisbon")


def test_errors_share_a_base_class(weather):
    for error in (weather.ApiError, weather.CityNotFoundError, weather.ResponseFormatError):
        assert issubclass(error, weather.WeatherError)


def test_bad_arguments(weather, lisbon_server, make_client):
    client = make_client(lisbon_server)
    with pytest.raises(ValueError, match="city name is empty"):
        client.geocode("  ")
    with pytest.raises(ValueError, match="between 1 and 16"):
        client.forecast(client.geocode("Lisbon"), days=17)


# --- the cache --------------------------------------------------------------------------


class FakeClock:
    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def test_cache_answers_repeats_until_it_expires(
    weather, lisbon_server, make_client, httpserver, tmp_path
):
    clock = FakeClock()
    client = make_client(lisbon_server, cache=weather.ResponseCache(tmp_path / "c", clock=clock))
    place = client.geocode("Lisbon")
    client.forecast(place, days=5)
    client.geocode("Lisbon")
    client.forecast(place, days=5)
    assert len(httpserver.log) == 2  # the repeats came from disk
    clock.now += 11 * 60  # forecasts are kept 10 minutes, places a week
    client.geocode("Lisbon")
    client.forecast(place, days=5)
    assert [r.path for r, _ in httpserver.log] == ["/v1/search", "/v1/forecast", "/v1/forecast"]


def test_cache_survives_a_new_client(weather, lisbon_server, make_client, httpserver):
    make_client(lisbon_server).geocode("Lisbon")
    make_client(lisbon_server).geocode("Lisbon")  # same cache folder, fresh session
    assert len(httpserver.log) == 1


def test_failed_answers_are_not_cached(fixture_data, weather, httpserver, base_url, make_client):
    httpserver.expect_oneshot_request("/v1/search").respond_with_json({"results": [{"name": "x"}]})
    httpserver.expect_request("/v1/search").respond_with_json(fixture_data("geocoding_lisbon"))
    client = make_client(base_url)
    with pytest.raises(weather.ResponseFormatError, match=r"results\[0\] has no field 'latitude'"):
        client.geocode("Lisbon")
    assert client.geocode("Lisbon").name == "Lisbon"


def test_corrupt_cache_entries_are_ignored(
    weather, lisbon_server, make_client, httpserver, tmp_path
):
    folder = tmp_path / "c"
    make_client(lisbon_server, cache=weather.ResponseCache(folder)).geocode("Lisbon")
    for entry in folder.glob("*.json"):
        entry.write_text("{not json")
    assert (
        make_client(lisbon_server, cache=weather.ResponseCache(folder)).geocode("Lisbon").name
        == "Lisbon"
    )
    assert len(httpserver.log) == 2


def test_cache_round_trip_and_expiry(weather, tmp_path):
    clock = FakeClock()
    cache = weather.ResponseCache(tmp_path / "new" / "folder", clock=clock)
    assert cache.get("k", max_age=60) is None
    cache.put("k", {"température": [1, 2.5, None]})
    assert cache.get("k", max_age=60) == {"température": [1, 2.5, None]}
    assert cache.get("other", max_age=60) is None
    clock.now += 61
    assert cache.get("k", max_age=60) is None
    entry = json.loads(next((tmp_path / "new" / "folder").glob("*.json")).read_text("utf-8"))
    assert entry["key"] == "k"


def test_default_cache_dir_can_be_overridden(weather, monkeypatch, tmp_path):
    monkeypatch.setenv("MLROADMAP_WEATHER_CACHE", str(tmp_path))
    assert weather.default_cache_dir() == tmp_path
    monkeypatch.delenv("MLROADMAP_WEATHER_CACHE")
    assert weather.default_cache_dir().parts[-2:] == ("mlroadmap", "weather")
