"""python -m level0.weather CITY: current weather and a daily forecast from Open-Meteo."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from level0.cli import Failure, UsageError, float_in, int_in, make_parser, run
from level0.weather.cache import CACHE_ENV, default_cache_dir

# From client.py, spelled out so that --help loads no requests; a test checks they agree.
BASE_URL_ENV = "MLROADMAP_WEATHER_URL"
MAX_DAYS = 16  # Open-Meteo's limit for forecast_days
MAX_TIMEOUT = 300.0
MAX_RETRIES = 5  # urllib3 waits 0.5 * 2**(n-1) s before retry n: 15 s in all at 5


def build_parser() -> argparse.ArgumentParser:
    parser = make_parser(
        "python -m level0.weather",
        "Current weather and a daily forecast for a city, from Open-Meteo (no API key).\n"
        f"Answers are cached on disk (${CACHE_ENV} or --cache-dir to move the cache).",
        'python -m level0.weather "Lisbon" --days 5 --plot lisbon.png',
    )
    parser.add_argument("city", help="city name, e.g. 'Lisbon' (the best match is used)")
    parser.add_argument(
        "--days",
        type=int_in(1, MAX_DAYS),
        default=7,
        help=f"days of forecast, 1-{MAX_DAYS} (default 7)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--plot", type=Path, metavar="PNG", help="save a forecast chart to this PNG file"
    )
    parser.add_argument(
        "--base-url",
        help=f"serve both calls from BASE/search and BASE/forecast (default: ${BASE_URL_ENV} or Open-Meteo)",
    )
    parser.add_argument(
        "--timeout",
        type=float_in(0.1, MAX_TIMEOUT),
        default=10.0,
        help=f"seconds to wait for an answer, 0.1-{MAX_TIMEOUT:.0f} (default 10)",
    )
    parser.add_argument(
        "--retries",
        type=int_in(0, MAX_RETRIES),
        default=3,
        help=f"retries on 429/5xx/timeouts, 0-{MAX_RETRIES} (default 3)",
    )
    parser.add_argument(
        "--cache-dir", type=Path, help=f"cache folder (default: {default_cache_dir()})"
    )
    parser.add_argument("--no-cache", action="store_true", help="always ask the service")
    return parser


def handle(args: argparse.Namespace) -> int:
    from level0.weather.cache import ResponseCache
    from level0.weather.client import WeatherClient
    from level0.weather.errors import CityNotFoundError, WeatherError
    from level0.weather.report import as_json, format_forecast

    if not args.city.strip():
        raise UsageError("the city name is empty")
    cache = None if args.no_cache else ResponseCache(args.cache_dir or default_cache_dir())
    client = WeatherClient(args.base_url, timeout=args.timeout, retries=args.retries, cache=cache)
    try:
        with client:
            place = client.geocode(args.city)
            forecast = client.forecast(place, days=args.days)
    except CityNotFoundError as exc:
        raise UsageError(str(exc)) from exc
    except WeatherError as exc:
        raise Failure(str(exc)) from exc
    print(
        json.dumps(as_json(place, forecast), indent=2, ensure_ascii=False)
        if args.json
        else format_forecast(place, forecast)
    )
    if args.plot:
        from level0.weather.plot import plot_forecast  # matplotlib loads only when asked for

        plot_forecast(place, forecast, args.plot)
        print(f"chart written to {args.plot}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    return run(build_parser(), handle, argv)


if __name__ == "__main__":
    sys.exit(main())
