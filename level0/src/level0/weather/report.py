"""A forecast as readable text or as JSON-ready data."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from level0.weather.models import Forecast, Place

__all__ = ["as_json", "format_forecast"]


def as_json(place: Place, forecast: Forecast) -> dict[str, Any]:
    """Place, units, current conditions and days, with dates as ISO 8601 strings."""
    return {
        "place": asdict(place),
        "latitude": forecast.latitude,
        "longitude": forecast.longitude,
        "timezone": forecast.timezone,
        "units": forecast.units,
        "current": {
            **asdict(forecast.current),
            "time": forecast.current.time.isoformat(),
            "description": forecast.current.description,
        },
        "days": [
            {**asdict(day), "date": day.date.isoformat(), "description": day.description}
            for day in forecast.days
        ],
    }


def format_forecast(place: Place, forecast: Forecast) -> str:
    """A heading, a line for now, and one line per day."""
    u = forecast.units
    now = forecast.current
    north_south = "N" if place.latitude >= 0 else "S"
    east_west = "E" if place.longitude >= 0 else "W"
    lines = [
        f"{place.label} ({abs(place.latitude):.2f}°{north_south}, "
        f"{abs(place.longitude):.2f}°{east_west}), time zone {forecast.timezone}",
        f"now ({now.time:%Y-%m-%d %H:%M}): {now.description}, "
        f"{now.temperature:g} {u['temperature_2m']} (feels like {now.apparent_temperature:g}), "
        f"humidity {now.relative_humidity:g} {u['relative_humidity_2m']}, "
        f"wind {now.wind_speed:g} {u['wind_speed_10m']}",
        "",
    ]
    header = (
        "date",
        "weather",
        f"min {u['temperature_2m_min']}",
        f"max {u['temperature_2m_max']}",
        f"rain {u['precipitation_sum']}",
        f"rain chance {u['precipitation_probability_max']}",
        f"wind max {u['wind_speed_10m_max']}",
    )
    rows = [
        (
            day.date.isoformat(),
            day.description,
            _value(day.temperature_min),
            _value(day.temperature_max),
            _value(day.precipitation_sum),
            _value(day.precipitation_probability_max, digits=0),
            _value(day.wind_speed_max),
        )
        for day in forecast.days
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.ljust(w) if i < 2 else cell.rjust(w)
            for i, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines)


def _value(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:.{digits}f}"
