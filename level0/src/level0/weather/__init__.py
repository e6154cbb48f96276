"""Weather for a city from Open-Meteo: geocoding, forecast JSON into dataclasses, retries and a cache.

>>> from level0.weather import WeatherClient
>>> with WeatherClient() as client:  # doctest: +SKIP
...     place = client.geocode("Lisbon")
...     print(client.forecast(place, days=5).days[0].temperature_max)

The client talks to Open-Meteo (no API key) or, with ``base_url`` or
``$MLROADMAP_WEATHER_URL``, to any server answering ``/search`` and ``/forecast`` in
the same format: :func:`serve_fixtures` starts such a server on 127.0.0.1 from the
bundled fixtures.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without the heavy libraries
    from level0.weather.cache import ResponseCache, default_cache_dir
    from level0.weather.client import BASE_URL_ENV, WeatherClient
    from level0.weather.errors import ApiError, CityNotFoundError, ResponseFormatError, WeatherError
    from level0.weather.local_server import fixture_json, serve_fixtures
    from level0.weather.models import (
        Current,
        Day,
        Forecast,
        Place,
        describe_weather_code,
        parse_forecast,
        parse_places,
    )
    from level0.weather.plot import plot_forecast
    from level0.weather.report import as_json, format_forecast

__all__ = [
    "BASE_URL_ENV",
    "ApiError",
    "CityNotFoundError",
    "Current",
    "Day",
    "Forecast",
    "Place",
    "ResponseCache",
    "ResponseFormatError",
    "WeatherClient",
    "WeatherError",
    "as_json",
    "default_cache_dir",
    "describe_weather_code",
    "fixture_json",
    "format_forecast",
    "parse_forecast",
    "parse_places",
    "plot_forecast",
    "serve_fixtures",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
