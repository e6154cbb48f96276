"""The three ways a weather request can fail, under one base class callers can catch."""

from __future__ import annotations

__all__ = ["ApiError", "CityNotFoundError", "ResponseFormatError", "WeatherError"]


class WeatherError(Exception):
    """Any failure of the weather client."""


class CityNotFoundError(WeatherError, LookupError):
    """The geocoding service knows no place of that name."""


class ApiError(WeatherError):
    """The service could not be reached, timed out, or answered with an HTTP error."""


class ResponseFormatError(WeatherError, ValueError):
    """The service answered, but not with the JSON this client understands."""
