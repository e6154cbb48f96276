"""The three uses as PNGs: sensor flags, Bollinger bands and volatility, the forecast tail.

matplotlib's object API with the Agg backend; legends sit outside the axes so they
never cover a line; each figure is saved atomically and closed.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from level0.atomic import atomic_write_bytes

__all__ = ["plot_anomalies", "plot_bollinger", "plot_forecast", "plot_volatility"]


def _legend_outside(axes: Axes) -> None:
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0.0, fontsize=8)


def _save(figure: Figure, path: Path) -> Path:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    atomic_write_bytes(path, buffer.getvalue())
    return path


def plot_anomalies(
    scored: pd.DataFrame, runs: pd.DataFrame, sensor: str, unit: str, path: Path, note: str = ""
) -> Path:
    """One sensor's readings, its flagged readings and its outages of a day or more."""
    figure, axes = plt.subplots(figsize=(11, 4))
    axes.plot(scored["ts"], scored["value"], lw=0.5, color="tab:blue", label="reading")
    flagged = scored[scored["flag"]]
    axes.scatter(flagged["ts"], flagged["value"], s=14, color="tab:red", label="|z| >= threshold")
    long_runs = runs[runs["hours"] >= 24]
    for i, run in enumerate(long_runs.itertuples()):
        axes.axvspan(run.start, run.end, color="0.85", label="missing >= 24 h" if i == 0 else None)
    axes.set_title(f"{sensor}: rolling 24-hour z-score anomalies{note}")
    axes.set_xlabel("time (hourly readings)")
    axes.set_ylabel(f"{sensor} ({unit})")
    _legend_outside(axes)
    return _save(figure, path)


def plot_bollinger(bands: pd.DataFrame, ticker: str, path: Path, note: str = "") -> Path:
    """Close with its 20-day Bollinger bands, the last 250 trading days of one ticker."""
    rows = bands[bands["key"] == ticker].tail(250)
    figure, axes = plt.subplots(figsize=(11, 4.5))
    axes.fill_between(
        rows["ts"],
        rows["lower"],
        rows["upper"],
        color="tab:blue",
        alpha=0.15,
        label="band: SMA ± 2 σ (population)",
    )
    axes.plot(rows["ts"], rows["middle"], color="tab:blue", lw=1, label="20-day SMA")
    axes.plot(rows["ts"], rows["value"], color="black", lw=1, label="close")
    outside = rows[(rows["value"] > rows["upper"]) | (rows["value"] < rows["lower"])]
    axes.scatter(outside["ts"], outside["value"], s=12, color="tab:red", label="close outside")
    axes.set_title(f"{ticker}: Bollinger bands (20 days, 2 σ), last 250 trading days{note}")
    axes.set_xlabel("date (trading days)")
    axes.set_ylabel("price (USD)")
    _legend_outside(axes)
    return _save(figure, path)


def plot_volatility(vol: pd.DataFrame, path: Path, note: str = "") -> Path:
    """Annualised 21-day volatility of every ticker."""
    figure, axes = plt.subplots(figsize=(11, 4.5))
    for key, rows in vol.groupby("key", sort=True):
        axes.plot(rows["ts"], 100 * rows["volatility"], lw=0.8, label=str(key))
    axes.set_title(f"Rolling 21-day volatility, annualised{note}")
    axes.set_xlabel("date (trading days)")
    axes.set_ylabel("volatility (% per year)")
    _legend_outside(axes)
    return _save(figure, path)


def plot_forecast(predictions: pd.DataFrame, path: Path, note: str = "") -> Path:
    """The held-out tail: actual CO against the model and the persistence forecast."""
    rows = predictions.tail(24 * 14)
    figure, axes = plt.subplots(figsize=(11, 4.5))
    axes.plot(rows["target_time"], rows["actual"], color="black", lw=1.2, label="actual")
    axes.plot(rows["target_time"], rows["model"], color="tab:green", lw=1, label="model")
    axes.plot(
        rows["target_time"],
        rows["persistence"],
        color="tab:orange",
        lw=0.8,
        ls="--",
        label="persistence",
    )
    axes.set_title(f"CO 24 hours ahead, last 14 days of the held-out tail{note}")
    axes.set_xlabel("target time (hourly)")
    axes.set_ylabel("CO (mg/m³)")
    _legend_outside(axes)
    return _save(figure, path)
