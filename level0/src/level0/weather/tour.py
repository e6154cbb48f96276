"""Tour step: the real client against a local server that answers from the bundled fixtures."""

from __future__ import annotations

import json
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.tour import TourResult
from level0.weather.cache import ResponseCache
from level0.weather.client import WeatherClient
from level0.weather.local_server import serve_fixtures
from level0.weather.plot import plot_forecast
from level0.weather.report import as_json, format_forecast


def run(out: Path) -> TourResult:
    cache = ResponseCache(out / "cache")
    with serve_fixtures() as base_url, WeatherClient(base_url, timeout=5, cache=cache) as client:
        place = client.geocode("Lisbon")
        forecast = client.forecast(place, days=5)
        client.geocode("Lisbon")  # the second time comes from the on-disk cache
    print(format_forecast(place, forecast))

    json_path = out / "lisbon_forecast.json"
    report = {"data": "hand-written fixtures served on 127.0.0.1", **as_json(place, forecast)}
    atomic_write_text(json_path, json.dumps(report, indent=2, ensure_ascii=False) + "\n")
    png_path = out / "lisbon_forecast.png"
    plot_forecast(
        place, forecast, png_path, note="fixture data from a local server, not a real forecast"
    )

    warmest = max(forecast.days, key=lambda day: day.temperature_max or float("-inf"))
    unit = forecast.units["temperature_2m_max"]
    key = (
        f"{place.label}: now {forecast.current.temperature:g} {unit}, {forecast.current.description}; "
        f"{len(forecast.days)} days, warmest {warmest.date} ({warmest.temperature_max:g} {unit}); "
        f"{len(list(cache.directory.glob('*.json')))} answers cached"
    )
    return TourResult(data="local server", key_result=key, files=[json_path, png_path])
