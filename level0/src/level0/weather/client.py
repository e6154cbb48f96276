"""A client for Open-Meteo: geocode a city by name, then fetch its current and daily forecast.

What makes it more than ``requests.get(url).json()``:

* one ``requests.Session`` (the TCP connection is reused between the two calls);
* a timeout on every request: without one, a silent server hangs the program forever;
* retries with exponential backoff on 429 and 5xx, done by urllib3's ``Retry``
  mounted on the session, which also honours a ``Retry-After`` header;
* an on-disk cache, so a repeated question costs no request;
* answers parsed into dataclasses (``models.py``) and every failure turned into one
  of three errors (``errors.py``) that say what happened: the city is unknown, the
  service did not answer well, or it answered something this client does not expect.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Callable
from typing import Any, TypeVar
from urllib.parse import urlencode

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from level0.weather.cache import ResponseCache
from level0.weather.errors import ApiError, CityNotFoundError, ResponseFormatError
from level0.weather.models import (
    CURRENT_VARIABLES,
    DAILY_VARIABLES,
    Forecast,
    Place,
    parse_forecast,
    parse_places,
)

__all__ = ["BASE_URL_ENV", "FORECAST_URL", "GEOCODING_URL", "WeatherClient"]

GEOCODING_URL = "https://geocoding-api.open-meteo.com/v1"
FORECAST_URL = "https://api.open-meteo.com/v1"
BASE_URL_ENV = "MLROADMAP_WEATHER_URL"
RETRY_STATUSES = (429, 500, 502, 503, 504)
PLACE_MAX_AGE = 7 * 24 * 3600.0  # a city does not move
FORECAST_MAX_AGE = 10 * 60.0  # current conditions are updated every 15 minutes
MAX_DAYS = 16  # Open-Meteo's limit for forecast_days

T = TypeVar("T")


class WeatherClient:
    """Open-Meteo, or any server that answers the same two paths (``/search`` and ``/forecast``).

    ``base_url`` (or ``$MLROADMAP_WEATHER_URL``) replaces both of Open-Meteo's hosts: the
    geocoding call then goes to ``{base_url}/search`` and the forecast to
    ``{base_url}/forecast``, so one local server can stand in for both.

    >>> with WeatherClient() as client:  # doctest: +SKIP
    ...     lisbon = client.geocode("Lisbon")
    ...     forecast = client.forecast(lisbon, days=5)
    """

    def __init__(
        self,
        base_url: str | None = None,
        *,
        timeout: float = 10.0,
        retries: int = 3,
        backoff: float = 0.5,
        cache: ResponseCache | None = None,
    ) -> None:
        base = (base_url or os.environ.get(BASE_URL_ENV) or "").rstrip("/")
        self.search_url = f"{base or GEOCODING_URL}/search"
        self.forecast_url = f"{base or FORECAST_URL}/forecast"
        self.timeout = timeout
        self.retries = retries
        self.cache = cache
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "ml-roadmap-weather/0.1 (learning project)"
        retry = Retry(
            total=retries,
            backoff_factor=backoff,  # waits backoff * 2**(n-1) seconds before retry n > 1
            status_forcelist=RETRY_STATUSES,
            allowed_methods=frozenset({"GET"}),
            respect_retry_after_header=True,
            raise_on_status=False,  # hand back the last response; its status becomes an ApiError
        )
        adapter = HTTPAdapter(max_retries=retry)
        self.session.mount("http://", adapter)
        self.session.mount("https://", adapter)

    def __enter__(self) -> WeatherClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()

    def search(self, name: str, count: int = 10) -> list[Place]:
        """Every place called ``name`` (up to ``count``), most relevant first."""
        if not name.strip():
            raise ValueError("the city name is empty")
        params = {"name": name.strip(), "count": count, "language": "en", "format": "json"}
        return self._get(self.search_url, params, PLACE_MAX_AGE, parse_places)

    def geocode(self, name: str) -> Place:
        """The best match for ``name``; :class:`CityNotFoundError` when there is none."""
        places = self.search(name, count=1)
        if not places:
            raise CityNotFoundError(
                f"no place called {name.strip()!r} is known to the geocoding service"
            )
        return places[0]

    def forecast(self, place: Place, days: int = 7) -> Forecast:
        """Current conditions and ``days`` days (1-16) of daily forecast, in the place's time zone."""
        if not 1 <= days <= MAX_DAYS:
            raise ValueError(f"days must be between 1 and {MAX_DAYS}, not {days}")
        params = {
            "latitude": place.latitude,
            "longitude": place.longitude,
            "current": ",".join(CURRENT_VARIABLES),
            "daily": ",".join(DAILY_VARIABLES),
            "timezone": place.timezone,
            "forecast_days": days,
        }
        forecast = self._get(self.forecast_url, params, FORECAST_MAX_AGE, parse_forecast)
        return dataclasses.replace(forecast, days=forecast.days[:days])  # a server may send more

    def _get(
        self, url: str, params: dict[str, Any], max_age: float, parse: Callable[[Any], T]
    ) -> T:
        """GET ``url`` as JSON and parse it, through the cache. Only parsed answers are cached."""
        key = f"{url}?{urlencode(sorted(params.items()))}"
        if self.cache is not None:
            cached = self.cache.get(key, max_age)
            if cached is not None:
                try:
                    return parse(cached)
                except ResponseFormatError:
                    pass  # an entry from an older client version: fetch a fresh one
        payload = self._fetch(url, params)
        result = parse(payload)
        if self.cache is not None:
            self.cache.put(key, payload)
        return result

    def _fetch(self, url: str, params: dict[str, Any]) -> Any:
        """One GET (with the adapter's retries); every failure becomes ApiError or ResponseFormatError."""
        attempts = f"{self.retries + 1} attempt(s)"
        too_slow = f"{url} did not answer within {self.timeout:g} s ({attempts})"
        try:
            response = self.session.get(url, params=params, timeout=self.timeout)
        except requests.Timeout:
            raise ApiError(too_slow) from None
        except requests.ConnectionError as exc:
            if _timed_out(exc):
                raise ApiError(too_slow) from None
            raise ApiError(f"cannot reach {url}: {_reason(exc)} ({attempts})") from None
        except requests.RequestException as exc:
            raise ApiError(f"request to {url} failed: {exc}") from None
        if response.status_code != 200:
            raise ApiError(
                f"{url} answered HTTP {response.status_code}{_error_reason(response)} ({attempts})"
            )
        try:
            payload = response.json()
        except ValueError:
            preview = response.text[:60].replace("\n", " ")
            raise ResponseFormatError(f"{url} did not answer with JSON: {preview!r}") from None
        if isinstance(payload, dict) and payload.get("error") is True:  # Open-Meteo's error format
            raise ApiError(f"{url} reported an error: {payload.get('reason', 'no reason given')}")
        return payload


def _error_reason(response: requests.Response) -> str:
    """Open-Meteo explains a 400 in ``{"error": true, "reason": "..."}``; add it when present."""
    try:
        reason = response.json().get("reason")
    except (ValueError, AttributeError):
        return ""
    return f": {reason}" if isinstance(reason, str) else ""


def _timed_out(exc: requests.ConnectionError) -> bool:
    """A read timeout that used up urllib3's retries reaches us as a ConnectionError
    wrapping ``MaxRetryError(reason=ReadTimeoutError)``; look inside to call it a timeout."""
    cause = exc.args[0] if exc.args else None
    return isinstance(getattr(cause, "reason", None), urllib3.exceptions.ReadTimeoutError)


def _reason(exc: Exception) -> str:
    """The readable part of urllib3's nested connection error ("Connection refused")."""
    match = re.search(r"\[Errno -?\d+\] ([^'\")]+)", str(exc))
    return match.group(1).strip() if match else "connection failed"
