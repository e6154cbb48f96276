"""The report's charts: price with moving averages, drawdown, correlation heatmap, growth.

Each function draws one figure with matplotlib's object API (no global pyplot state
leaks between figures), saves it as a PNG atomically and closes it.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, never a window

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import PercentFormatter

from level0.atomic import atomic_write_bytes
from level2.finance.analytics import drawdown, max_drawdown, moving_average

__all__ = [
    "cumulative_figure",
    "drawdown_figure",
    "plot_correlation",
    "plot_cumulative",
    "plot_drawdown",
    "plot_price",
    "price_figure",
]


# Legends sit outside the axes, to the right: inside, some ticker's line always ran
# under them (a 200-day average under an "upper left" legend, a fall under "lower left").
def _legend_outside(axes: Axes, *, fontsize: float | None = None, ncol: int = 1) -> None:
    axes.legend(
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        borderaxespad=0.0,
        fontsize=fontsize,
        ncol=ncol,
    )


def _save(figure: Figure, path: Path) -> Path:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110, bbox_inches="tight")
    plt.close(figure)
    atomic_write_bytes(path, buffer.getvalue())
    return path


def plot_price(
    close: pd.Series,
    windows: tuple[int, ...],
    path: Path,
    *,
    label: str = "",
    currency: str = "USD",
) -> Path:
    """The closing price with one moving-average line per window."""
    return _save(price_figure(close, windows, label=label, currency=currency), path)


def price_figure(
    close: pd.Series, windows: tuple[int, ...], *, label: str = "", currency: str = "USD"
) -> Figure:
    """The figure :func:`plot_price` saves (tests look at where its legend went)."""
    figure, axes = plt.subplots(figsize=(10, 4.5))
    axes.plot(close.index, close.to_numpy(), linewidth=0.8, color="0.35", label="close")
    for window in windows:
        average = moving_average(close, window)
        axes.plot(average.index, average.to_numpy(), linewidth=1.4, label=f"{window}-day average")
    axes.set_title(f"{close.name}{label}: daily close and moving averages")
    axes.set_xlabel("date")
    axes.set_ylabel(f"price ({currency})")
    _legend_outside(axes)
    axes.grid(alpha=0.3)
    return figure


def plot_drawdown(close: pd.Series, path: Path, *, label: str = "") -> Path:
    """The drawdown over time, with the maximum drawdown's peak and trough marked."""
    return _save(drawdown_figure(close, label=label), path)


def drawdown_figure(close: pd.Series, *, label: str = "") -> Figure:
    """The figure :func:`plot_drawdown` saves."""
    falls = drawdown(close)
    worst = max_drawdown(close)
    figure, axes = plt.subplots(figsize=(10, 3.5))
    axes.fill_between(falls.index, falls.to_numpy(), 0, color="tab:red", alpha=0.35, linewidth=0)
    axes.plot(falls.index, falls.to_numpy(), color="tab:red", linewidth=0.8)
    axes.axvline(worst.peak, color="0.3", linestyle=":", linewidth=1, label="peak before it")
    axes.plot([worst.trough], [worst.depth], "o", color="black", markersize=4, label="trough")
    axes.annotate(
        f"max drawdown {worst.depth:.1%}\n{worst.peak.date()} to {worst.trough.date()}",
        xy=(worst.trough, worst.depth),
        xytext=(10, 10),
        textcoords="offset points",
        fontsize=9,
        bbox={"boxstyle": "round", "facecolor": "white", "edgecolor": "0.7", "alpha": 0.9},
    )
    axes.set_title(f"{close.name}{label}: drawdown from the running peak")
    axes.set_xlabel("date")
    axes.set_ylabel("below peak (%)")
    axes.yaxis.set_major_formatter(PercentFormatter(1.0))
    _legend_outside(axes, fontsize=8)
    axes.grid(alpha=0.3)
    return figure


def plot_correlation(corr: pd.DataFrame, path: Path, *, label: str = "") -> Path:
    """A heatmap of the return correlations, each cell annotated with its value."""
    size = max(4.0, 0.7 * len(corr) + 2)
    figure, axes = plt.subplots(figsize=(size, size * 0.85))
    image = axes.imshow(corr.to_numpy(), cmap="RdBu_r", vmin=-1, vmax=1)
    ticks = np.arange(len(corr))
    axes.set_xticks(ticks, corr.columns, rotation=45, ha="right")
    axes.set_yticks(ticks, corr.index)
    for (row, column), value in np.ndenumerate(corr.to_numpy()):
        colour = "white" if abs(value) > 0.6 else "black"
        axes.text(column, row, f"{value:.2f}", ha="center", va="center", fontsize=8, color=colour)
    figure.colorbar(image, ax=axes, label="Pearson r of daily log returns")
    axes.set_title(f"Correlation of daily log returns{label}")
    axes.set_xlabel("ticker")
    axes.set_ylabel("ticker")
    return _save(figure, path)


def plot_cumulative(growth: pd.DataFrame, path: Path, *, label: str = "") -> Path:
    """Cumulative return of every ticker since the first common date, on one chart."""
    return _save(cumulative_figure(growth, label=label), path)


def cumulative_figure(growth: pd.DataFrame, *, label: str = "") -> Figure:
    """The figure :func:`plot_cumulative` saves."""
    figure, axes = plt.subplots(figsize=(10, 5))
    for column in growth.columns:
        axes.plot(growth.index, growth[column].to_numpy(), linewidth=1, label=str(column))
    axes.axhline(0, color="0.3", linewidth=0.8)
    axes.set_title(f"Cumulative return since {growth.index[0].date()}{label}")
    axes.set_xlabel("date")
    axes.set_ylabel("cumulative return (%)")
    axes.yaxis.set_major_formatter(PercentFormatter(1.0))
    _legend_outside(axes, fontsize=8, ncol=1 + len(growth.columns) // 16)
    axes.grid(alpha=0.3)
    return figure
