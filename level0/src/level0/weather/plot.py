"""The daily forecast as a PNG: the min-max temperature band, with precipitation as bars."""

from __future__ import annotations

import os

import numpy as np
from matplotlib.figure import Figure

from level0.atomic import atomic_open
from level0.weather.models import Forecast, Place

__all__ = ["plot_forecast"]


def plot_forecast(
    place: Place, forecast: Forecast, path: str | os.PathLike[str], note: str = ""
) -> None:
    """Write the forecast chart to ``path`` atomically. ``note`` goes in the title (e.g. the data source)."""
    dates = np.array([day.date for day in forecast.days], dtype="datetime64[D]")
    # None (no value from the model) becomes NaN, which matplotlib leaves as a gap
    highs = [nan_if_none(day.temperature_max) for day in forecast.days]
    lows = [nan_if_none(day.temperature_min) for day in forecast.days]
    rain = [nan_if_none(day.precipitation_sum) for day in forecast.days]
    temperature_unit = forecast.units["temperature_2m_max"]
    rain_unit = forecast.units["precipitation_sum"]

    fig = Figure(figsize=(8, 4.5), layout="constrained")  # no pyplot: no global state, no window
    ax = fig.add_subplot()
    bars = ax.twinx()
    bars.bar(
        dates, rain, width=0.6, color="tab:blue", alpha=0.3, label=f"precipitation ({rain_unit})"
    )
    bars.set_ylabel(f"precipitation ({rain_unit} per day)")
    bars.set_ylim(bottom=0)
    ax.fill_between(dates, lows, highs, color="tab:orange", alpha=0.2)
    ax.plot(dates, highs, "o-", color="tab:red", label="daily max")
    ax.plot(dates, lows, "o-", color="tab:blue", label="daily min")
    ax.set_zorder(bars.get_zorder() + 1)  # lines in front of the bars
    ax.patch.set_visible(False)
    ax.set_xlabel(f"date (local, {forecast.timezone})")
    ax.set_ylabel(f"temperature ({temperature_unit})")
    title = f"{len(dates)}-day forecast for {place.label}"
    ax.set_title(f"{title}\n{note}" if note else title)
    lines, labels = ax.get_legend_handles_labels()
    bar_handles, bar_labels = bars.get_legend_handles_labels()
    # Below the axes, outside them: inside, any corner can sit on a hot day or a wet one.
    fig.legend(lines + bar_handles, labels + bar_labels, loc="outside lower center", ncols=3)
    fig.autofmt_xdate()
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=100)


def nan_if_none(value: float | None) -> float:
    return float("nan") if value is None else value
