"""Typed dataclasses for Open-Meteo's JSON, and the parsers that refuse anything unexpected.

``response.json()`` gives nested dicts and lists of ``Any``: a missing key shows up
as a ``KeyError`` three functions later, a string where a number belongs as a wrong
plot. The parsers below check every field they read, once, at the border, and
raise :class:`ResponseFormatError` with the path of the field (``daily.time[2]``).
Past the border the rest of the code works with plain typed objects.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from level0.weather.errors import ResponseFormatError

__all__ = [
    "CURRENT_VARIABLES",
    "DAILY_VARIABLES",
    "Current",
    "Day",
    "Forecast",
    "Place",
    "describe_weather_code",
    "parse_forecast",
    "parse_places",
]

CURRENT_VARIABLES = (
    "temperature_2m",
    "apparent_temperature",
    "relative_humidity_2m",
    "precipitation",
    "wind_speed_10m",
    "weather_code",
)
"""The current-conditions variables the client asks for (``current=...``)."""

DAILY_VARIABLES = (
    "weather_code",
    "temperature_2m_max",
    "temperature_2m_min",
    "precipitation_sum",
    "precipitation_probability_max",
    "wind_speed_10m_max",
)
"""The daily variables the client asks for (``daily=...``)."""

T = TypeVar("T")

WMO_CODES = {
    0: "clear sky",
    1: "mainly clear",
    2: "partly cloudy",
    3: "overcast",
    45: "fog",
    48: "rime fog",
    51: "light drizzle",
    53: "drizzle",
    55: "dense drizzle",
    56: "freezing drizzle",
    57: "dense freezing drizzle",
    61: "light rain",
    63: "rain",
    65: "heavy rain",
    66: "freezing rain",
    67: "heavy freezing rain",
    71: "light snow",
    73: "snow",
    75: "heavy snow",
    77: "snow grains",
    80: "light showers",
    81: "showers",
    82: "violent showers",
    85: "snow showers",
    86: "heavy snow showers",
    95: "thunderstorm",
    96: "thunderstorm, hail",
    99: "thunderstorm, heavy hail",
}
"""WMO weather interpretation codes, as Open-Meteo documents them for ``weather_code``."""


def describe_weather_code(code: int | None) -> str:
    """A short description of a WMO weather code ("partly cloudy")."""
    if code is None:
        return "unknown"
    return WMO_CODES.get(code, f"code {code}")


@dataclass(frozen=True)
class Place:
    """One geocoding result: where a city is and which time zone it keeps."""

    name: str
    latitude: float
    longitude: float
    timezone: str
    country: str | None = None
    admin1: str | None = None  # first-level region (state, district)
    population: int | None = None

    @property
    def label(self) -> str:
        """ "Lisbon, Portugal": the name with the region and country when they add something."""
        parts = [self.name, *(p for p in (self.admin1, self.country) if p and p != self.name)]
        return ", ".join(parts)


@dataclass(frozen=True)
class Current:
    """Conditions now (the latest 15-minute value), in the units of :attr:`Forecast.units`."""

    time: datetime  # local time of the place, as Open-Meteo gives it
    temperature: float
    apparent_temperature: float
    relative_humidity: float
    precipitation: float
    wind_speed: float
    weather_code: int

    @property
    def description(self) -> str:
        return describe_weather_code(self.weather_code)


@dataclass(frozen=True)
class Day:
    """One day of the forecast. Open-Meteo sends ``null`` where a model has no value: ``None``."""

    date: date
    weather_code: int | None
    temperature_max: float | None
    temperature_min: float | None
    precipitation_sum: float | None
    precipitation_probability_max: float | None
    wind_speed_max: float | None

    @property
    def description(self) -> str:
        return describe_weather_code(self.weather_code)


@dataclass(frozen=True)
class Forecast:
    """Current conditions and a daily forecast for one grid point."""

    latitude: float
    longitude: float
    timezone: str
    units: dict[str, str]  # Open-Meteo variable name -> unit, e.g. "temperature_2m": "°C"
    current: Current
    days: list[Day]


def parse_places(payload: object) -> list[Place]:
    """The geocoding answer ``{"results": [...]}``; no ``results`` key means no match (an empty list)."""
    root = _object(payload, "geocoding response")
    if "results" not in root:  # Open-Meteo leaves out empty fields, "results" included
        return []
    places = []
    for i, item in enumerate(_list(root, "results", "geocoding response")):
        where = f"results[{i}]"
        entry = _object(item, where)
        places.append(
            Place(
                name=_string(entry, "name", where),
                latitude=_number(entry, "latitude", where),
                longitude=_number(entry, "longitude", where),
                timezone=_string(entry, "timezone", where),
                country=_optional_string(entry, "country", where),
                admin1=_optional_string(entry, "admin1", where),
                population=_optional_int(entry, "population", where),
            )
        )
    return places


def parse_forecast(payload: object) -> Forecast:
    """The forecast answer: ``current`` and ``daily`` blocks with their ``*_units``."""
    root = _object(payload, "forecast response")
    current = _object(_get(root, "current", "forecast response"), "current")
    daily = _object(_get(root, "daily", "forecast response"), "daily")
    units = {
        **_units(root, "current_units", CURRENT_VARIABLES),
        **_units(root, "daily_units", DAILY_VARIABLES),
    }
    now = Current(
        time=_timestamp(
            _string(current, "time", "current"), "current.time", datetime.fromisoformat
        ),
        temperature=_number(current, "temperature_2m", "current"),
        apparent_temperature=_number(current, "apparent_temperature", "current"),
        relative_humidity=_number(current, "relative_humidity_2m", "current"),
        precipitation=_number(current, "precipitation", "current"),
        wind_speed=_number(current, "wind_speed_10m", "current"),
        weather_code=_int(current, "weather_code", "current"),
    )
    return Forecast(
        latitude=_number(root, "latitude", "forecast response"),
        longitude=_number(root, "longitude", "forecast response"),
        timezone=_string(root, "timezone", "forecast response"),
        units=units,
        current=now,
        days=_days(daily),
    )


def _days(daily: dict[str, Any]) -> list[Day]:
    """Rows from Open-Meteo's columns: ``daily.time[i]`` goes with ``daily.<variable>[i]``."""
    times = _list(daily, "time", "daily")
    if not times:
        raise ResponseFormatError("daily.time is empty: the forecast has no days")
    columns: dict[str, list[Any]] = {}
    for name in DAILY_VARIABLES:
        values = _list(daily, name, "daily")
        if len(values) != len(times):
            raise ResponseFormatError(
                f"daily.{name} has {len(values)} values but daily.time has {len(times)}"
            )
        columns[name] = values
    days = []
    for i, raw_time in enumerate(times):
        row = {name: values[i] for name, values in columns.items()}
        where = f"daily[{i}]"
        if not isinstance(raw_time, str):
            raise ResponseFormatError(f"daily.time[{i}] should be a date string, got {raw_time!r}")
        days.append(
            Day(
                date=_timestamp(raw_time, f"daily.time[{i}]", date.fromisoformat),
                weather_code=_nullable_int(row, "weather_code", where),
                temperature_max=_nullable_number(row, "temperature_2m_max", where),
                temperature_min=_nullable_number(row, "temperature_2m_min", where),
                precipitation_sum=_nullable_number(row, "precipitation_sum", where),
                precipitation_probability_max=_nullable_number(
                    row, "precipitation_probability_max", where
                ),
                wind_speed_max=_nullable_number(row, "wind_speed_10m_max", where),
            )
        )
    return days


def _units(root: dict[str, Any], key: str, variables: tuple[str, ...]) -> dict[str, str]:
    block = _object(_get(root, key, "forecast response"), key)
    return {name: _string(block, name, key) for name in variables}


# --- field readers: each checks one value's presence and type, naming its path on failure ---
#  _number / _int / _string   the key must be there and the value must not be null
#  _nullable_*                the key must be there; null becomes None (a model without a value)
#  _optional_*                the key may be absent (Open-Meteo leaves out empty fields)


def _object(value: object, path: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ResponseFormatError(f"{path} should be a JSON object, got {_kind(value)}")
    return value


def _get(obj: dict[str, Any], key: str, where: str) -> object:
    if key not in obj:
        raise ResponseFormatError(f"{where} has no field {key!r}")
    return obj[key]


def _list(obj: dict[str, Any], key: str, where: str) -> list[Any]:
    value = _get(obj, key, where)
    if not isinstance(value, list):
        raise ResponseFormatError(f"{where}.{key} should be a list, got {_kind(value)}")
    return value


def _string(obj: dict[str, Any], key: str, where: str) -> str:
    value = _get(obj, key, where)
    if not isinstance(value, str):
        raise ResponseFormatError(f"{where}.{key} should be a string, got {_kind(value)}")
    return value


def _number(obj: dict[str, Any], key: str, where: str) -> float:
    return _as_number(_get(obj, key, where), f"{where}.{key}")


def _int(obj: dict[str, Any], key: str, where: str) -> int:
    return _as_int(_get(obj, key, where), f"{where}.{key}")


def _nullable_number(obj: dict[str, Any], key: str, where: str) -> float | None:
    value = _get(obj, key, where)
    return None if value is None else _as_number(value, f"{where}.{key}")


def _nullable_int(obj: dict[str, Any], key: str, where: str) -> int | None:
    value = _get(obj, key, where)
    return None if value is None else _as_int(value, f"{where}.{key}")


def _optional_string(obj: dict[str, Any], key: str, where: str) -> str | None:
    return _string(obj, key, where) if obj.get(key) is not None else None


def _optional_int(obj: dict[str, Any], key: str, where: str) -> int | None:
    value = obj.get(key)
    return None if value is None else _as_int(value, f"{where}.{key}")


def _as_number(value: object, path: str) -> float:
    # bool is an int in Python; NaN and Infinity are not JSON but Python's parser accepts them
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ResponseFormatError(f"{path} should be a number, got {_kind(value)}")
    return float(value)


def _as_int(value: object, path: str) -> int:
    if (
        isinstance(value, bool)
        or not isinstance(value, int | float)
        or not float(value).is_integer()
    ):
        raise ResponseFormatError(f"{path} should be an integer, got {_kind(value)}")
    return int(value)


def _timestamp(text: str, path: str, parse: Callable[[str], T]) -> T:
    try:
        return parse(text)
    except ValueError:
        raise ResponseFormatError(f"{path} should be an ISO 8601 date/time, got {text!r}") from None


def _kind(value: object) -> str:
    """How a wrong value is named in an error: its JSON type and a short preview."""
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        type(None): "null",
    }
    kind = names.get(type(value), "a number")
    return kind if value is None or isinstance(value, dict | list) else f"{kind} {value!r:.40}"
