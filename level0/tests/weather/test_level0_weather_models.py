"""Parsing Open-Meteo's JSON: typed results, and a clear ResponseFormatError for anything else."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=10,
)


def paths(tree, prefix=()):
    """Every key path of a nested dict, e.g. ("daily", "time")."""
    for key, value in tree.items():
        yield (*prefix, key)
        if isinstance(value, dict):
            yield from paths(value, (*prefix, key))


def test_fixtures_parse(weather, fixture_data):
    places = weather.parse_places(fixture_data("geocoding_lisbon"))
    assert [p.label for p in places] == ["Lisbon, Portugal"]  # admin1 == name adds nothing
    assert weather.parse_places(fixture_data("geocoding_no_results")) == []
    forecast = weather.parse_forecast(fixture_data("forecast_lisbon"))
    assert len(forecast.days) == 5
    assert forecast.days[3].description == "light rain"
    assert forecast.days[3].precipitation_probability_max == 78.0
    assert forecast.current.relative_humidity == 52.0


def test_optional_geocoding_fields_may_be_absent(weather):
    (place,) = weather.parse_places(
        {"results": [{"name": "Nowhere", "latitude": -75.1, "longitude": 123.3, "timezone": "GMT"}]}
    )
    assert (place.country, place.admin1, place.population) == (None, None, None)
    assert place.label == "Nowhere"


def test_null_daily_values_become_none(weather, fixture_data):
    payload = fixture_data("forecast_lisbon")
    payload["daily"]["temperature_2m_max"][4] = None
    payload["daily"]["weather_code"][4] = None
    day = weather.parse_forecast(payload).days[4]
    assert day.temperature_max is None
    assert day.description == "unknown"


REQUIRED = [
    ("latitude",),
    ("timezone",),
    ("current",),
    ("current", "time"),
    ("current", "temperature_2m"),
    ("current", "weather_code"),
    ("current_units",),
    ("daily_units", "precipitation_sum"),
    ("daily",),
    ("daily", "time"),
    ("daily", "wind_speed_10m_max"),
]


@pytest.mark.parametrize("path", REQUIRED, ids=".".join)
def test_a_missing_field_is_named(weather, fixture_data, path):
    payload = fixture_data("forecast_lisbon")
    parent = payload
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    with pytest.raises(weather.ResponseFormatError, match=f"no field '{path[-1]}'"):
        weather.parse_forecast(payload)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda p: p["current"].update(temperature_2m="warm"),
            r"current.temperature_2m should be a number, got a string 'warm'",
        ),
        (lambda p: p["current"].update(temperature_2m=True), "should be a number, got a boolean"),
        (lambda p: p["current"].update(temperature_2m=None), "should be a number, got null"),
        (
            lambda p: p["current"].update(weather_code=2.5),
            "current.weather_code should be an integer",
        ),
        (lambda p: p["current"].update(time="yesterday"), "current.time should be an ISO 8601"),
        (
            lambda p: p["daily"]["time"].__setitem__(1, "2025-13-01"),
            r"daily.time\[1\] should be an ISO 8601",
        ),
        (
            lambda p: p["daily"]["time"].__setitem__(1, 20250603),
            r"daily.time\[1\] should be a date string",
        ),
        (
            lambda p: p["daily"]["precipitation_sum"].pop(),
            "daily.precipitation_sum has 4 values but daily.time has 5",
        ),
        (lambda p: p["daily"].update(time=[]), "the forecast has no days"),
        (lambda p: p.update(daily=[1, 2]), "daily should be a JSON object, got a list"),
        (lambda p: p["daily"].update(weather_code="2,1"), "daily.weather_code should be a list"),
        (lambda p: p["current"].update(temperature_2m=float("nan")), "should be a number"),
    ],
)
def test_a_wrong_value_is_named(weather, fixture_data, change, message):
    payload = fixture_data("forecast_lisbon")
    change(payload)
    with pytest.raises(weather.ResponseFormatError, match=message):
        weather.parse_forecast(payload)


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ([], "geocoding response should be a JSON object, got a list"),
        ({"results": {"name": "Lisbon"}}, "geocoding response.results should be a list"),
        ({"results": ["Lisbon"]}, r"results\[0\] should be a JSON object, got a string"),
        (
            {"results": [{"name": "X", "latitude": "38", "longitude": 1, "timezone": "GMT"}]},
            "latitude should be a number",
        ),
    ],
)
def test_bad_geocoding_answers(weather, payload, message):
    with pytest.raises(weather.ResponseFormatError, match=message):
        weather.parse_places(payload)


NOT_READ = {
    ("generationtime_ms",),
    ("utc_offset_seconds",),
    ("timezone_abbreviation",),
    ("elevation",),
    ("current", "interval"),
    ("current_units", "time"),
    ("current_units", "interval"),
    ("daily_units", "time"),
}
"""Fields of the forecast answer the client does not use: deleting them changes nothing."""


@settings(max_examples=40)
@given(st.data())
def test_deleting_any_field_is_ignored_or_named(weather, fixture_data, data):
    """No KeyError or TypeError leaks out: the parser either does not need it or names it."""
    payload = fixture_data("forecast_lisbon")
    path = data.draw(st.sampled_from(sorted(paths(payload))))
    parent = payload
    for key in path[:-1]:
        parent = parent[key]
    del parent[path[-1]]
    if path in NOT_READ:
        assert len(weather.parse_forecast(payload).days) == 5
    else:
        with pytest.raises(weather.ResponseFormatError, match=f"no field '{path[-1]}'"):
            weather.parse_forecast(payload)


@settings(max_examples=60)
@given(JSON_VALUES, st.sampled_from(["current", "daily", "current_units", "daily_units"]))
def test_any_json_in_a_block_is_parsed_or_rejected_cleanly(weather, fixture_data, junk, block):
    payload = fixture_data("forecast_lisbon")
    payload[block] = junk
    with pytest.raises(weather.ResponseFormatError):
        weather.parse_forecast(payload)


@settings(max_examples=60)
@given(JSON_VALUES)
def test_any_json_as_a_geocoding_answer_is_parsed_or_rejected_cleanly(weather, junk):
    try:
        places = weather.parse_places(junk)
    except weather.ResponseFormatError:
        return
    assert isinstance(places, list)


def test_report_json_round_trips_the_numbers(weather, fixture_data):
    place = weather.parse_places(fixture_data("geocoding_lisbon"))[0]
    forecast = weather.parse_forecast(fixture_data("forecast_lisbon"))
    report = json.loads(json.dumps(weather.as_json(place, forecast)))
    raw = fixture_data("forecast_lisbon")["daily"]
    assert [d["temperature_max"] for d in report["days"]] == raw["temperature_2m_max"]
    assert [date.fromisoformat(d["date"]) for d in report["days"]] == [
        d.date for d in forecast.days
    ]
    assert report["current"]["description"] == "partly cloudy"
    assert report["place"]["name"] == "Lisbon"


def test_text_report(weather, fixture_data):
    place = weather.parse_places(fixture_data("geocoding_lisbon"))[0]
    forecast = weather.parse_forecast(fixture_data("forecast_lisbon"))
    text = weather.format_forecast(place, forecast)
    assert text.startswith("Lisbon, Portugal (38.72°N, 9.13°W), time zone Europe/Lisbon")
    assert "now (2025-06-02 14:15): partly cloudy, 24.3 °C" in text
    assert len([line for line in text.splitlines() if line.startswith("2025-06-")]) == 5


def test_weather_codes(weather):
    assert weather.describe_weather_code(0) == "clear sky"
    assert weather.describe_weather_code(95) == "thunderstorm"
    assert weather.describe_weather_code(42) == "code 42"
    assert weather.describe_weather_code(None) == "unknown"
