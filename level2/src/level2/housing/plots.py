"""The EDA figures: missing-value map, distributions with skew and caps, correlation, the map.

Each function draws one figure with matplotlib's object API, saves it as a PNG
atomically and closes it; ``label`` ("real data" or "synthetic ...") goes in the title.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, never a window

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from level0.atomic import atomic_open
from level2.housing.data import TARGET

__all__ = ["plot_correlation", "plot_cv", "plot_distributions", "plot_geography", "plot_missing"]

UNITS = {
    "longitude": "degrees",
    "latitude": "degrees",
    "housing_median_age": "years",
    "median_income": "10k USD",
    TARGET: "USD",
}


def _save(fig: Figure, path: Path) -> Path:
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=90)
    plt.close(fig)
    return path


def plot_missing(frame: pd.DataFrame, path: Path, label: str) -> Path:
    """Left: the share missing per column. Right: a map of which rows miss which column.

    Each missing cell is one short tick, so even 207 of 20,640 rows stay visible
    (an image of the whole table would average them away).
    """
    missing = frame.isna()
    fig, (bars, cells) = plt.subplots(1, 2, figsize=(12, 5), width_ratios=(1, 2))
    share = missing.mean() * 100
    bars.barh(share.index, share.to_numpy(), color="tab:red")
    bars.invert_yaxis()
    bars.set_xlabel("missing (% of rows)")
    bars.set_ylabel("column")
    bars.set_title("Share missing")
    positions = [np.flatnonzero(missing[name].to_numpy()) for name in frame.columns]
    cells.eventplot(positions, orientation="vertical", colors="tab:red", linelengths=0.8)
    cells.set_xticks(range(len(frame.columns)), frame.columns, rotation=60, ha="right", fontsize=8)
    cells.set_ylim(len(frame), 0)
    cells.set_xlabel("column")
    cells.set_ylabel("row number")
    cells.set_title("Where the missing values are (one tick per missing cell)")
    fig.suptitle(f"Missing values ({label})")
    fig.tight_layout()
    return _save(fig, path)


def plot_distributions(frame: pd.DataFrame, path: Path, label: str, caps: pd.DataFrame) -> Path:
    """A histogram of every numeric column, its skew in the title, caps marked in red."""
    numeric = list(frame.select_dtypes("number").columns)
    capped = dict(zip(caps["column"], caps["max"], strict=True))
    fig, axes = plt.subplots(3, 3, figsize=(12, 9))
    for ax, name in zip(axes.flat, numeric, strict=False):
        ax.hist(frame[name].dropna(), bins=50, color="tab:blue")
        if name in capped:
            ax.axvline(capped[name], color="tab:red", linestyle="--", linewidth=1, label="cap")
            ax.legend(fontsize=8)
        ax.set_title(f"{name} (skew {frame[name].skew():.2f})", fontsize=9)
        ax.set_xlabel(f"{name} ({UNITS.get(name, 'count per block group')})", fontsize=8)
        ax.set_ylabel("block groups")
    for ax in list(axes.flat)[len(numeric) :]:
        ax.axis("off")
    fig.suptitle(f"Distributions ({label})")
    fig.tight_layout()
    return _save(fig, path)


def plot_correlation(corr: pd.DataFrame, path: Path, label: str) -> Path:
    """The Pearson correlation matrix as an annotated heatmap."""
    fig, ax = plt.subplots(figsize=(8, 7))
    image = ax.imshow(corr.to_numpy(), vmin=-1, vmax=1, cmap="coolwarm")
    ax.set_xticks(range(len(corr)), corr.columns, rotation=60, ha="right", fontsize=8)
    ax.set_yticks(range(len(corr)), corr.columns, fontsize=8)
    for (row, column), value in np.ndenumerate(corr.to_numpy()):
        ax.text(column, row, f"{value:.2f}", ha="center", va="center", fontsize=7)
    ax.set_xlabel("column")
    ax.set_ylabel("column")
    fig.colorbar(image, ax=ax, label="Pearson correlation (unitless)")
    ax.set_title(f"Correlation matrix ({label})")
    fig.tight_layout()
    return _save(fig, path)


def plot_geography(frame: pd.DataFrame, path: Path, label: str) -> Path:
    """Block groups on the map: marker size = population, colour = median house value."""
    fig, ax = plt.subplots(figsize=(9, 7))
    points = ax.scatter(
        frame["longitude"],
        frame["latitude"],
        s=frame["population"] / 100,
        c=frame[TARGET],
        cmap="jet",
        alpha=0.4,
    )
    fig.colorbar(points, ax=ax, label="median house value (USD)")
    ax.set_xlabel("longitude (degrees)")
    ax.set_ylabel("latitude (degrees)")
    ax.set_title(f"Block groups: size = population / 100, colour = value ({label})")
    fig.tight_layout()
    return _save(fig, path)


def plot_cv(table: pd.DataFrame, path: Path, label: str, chosen: str) -> Path:
    """The models' cross-validated RMSE as bars with their fold standard deviation."""
    fig, ax = plt.subplots(figsize=(8, 3.5))
    colours = ["tab:orange" if name == chosen else "tab:blue" for name in table["model"]]
    ax.barh(table["model"], table["cv_rmse"], xerr=table["cv_sd"], color=colours, capsize=4)
    for y, (value, sd) in enumerate(zip(table["cv_rmse"], table["cv_sd"], strict=True)):
        ax.text(value + sd, y, f"  {value:,.0f}", va="center", ha="left", fontsize=8)
    ax.invert_yaxis()
    ax.set_xlim(0, table["cv_rmse"].max() * 1.25)
    ax.set_xlabel("5-fold CV RMSE on the training split (USD), ± fold std")
    ax.set_ylabel("model")
    ax.set_title(f"Model comparison, lower is better ({label})")
    fig.tight_layout()
    return _save(fig, path)
