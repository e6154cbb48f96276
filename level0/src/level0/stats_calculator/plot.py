"""A histogram of one column, with the mean and median marked, saved as PNG."""

from __future__ import annotations

import os

import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from level0.atomic import atomic_open
from level0.stats_calculator.describe import EmptyInputError, finite_values

__all__ = ["plot_histogram"]


def plot_histogram(
    values: ArrayLike,
    path: str | os.PathLike[str],
    label: str = "value",
    unit: str | None = None,
    bins: int | str = "auto",
    note: str = "",
) -> None:
    """Write a histogram PNG of ``values`` (NaNs skipped) to ``path``, atomically.

    ``bins="auto"`` lets NumPy pick the bin width (the larger of the Sturges and
    Freedman-Diaconis choices); ``note`` goes under the title (e.g. "synthetic data").
    """
    x, missing = finite_values(values)
    if x.size == 0:
        raise EmptyInputError("no numbers to plot")
    # A bare Figure (no pyplot): no global state, no GUI backend, nothing to close.
    fig = Figure(figsize=(7, 4.5), layout="constrained")
    ax = fig.add_subplot()
    ax.hist(x, bins=bins, color="tab:blue", alpha=0.8, edgecolor="white")
    mean, median = float(np.mean(x)), float(np.median(x))
    ax.axvline(mean, color="tab:red", linestyle="--", label=f"mean {mean:.6g}")
    ax.axvline(median, color="black", linestyle=":", label=f"median {median:.6g}")
    subtitle = f"n = {x.size}" + (f", {missing} missing skipped" if missing else "")
    ax.set_title(f"Histogram of {label}\n{subtitle}{f' ({note})' if note else ''}")
    ax.set_xlabel(f"{label} ({unit})" if unit else f"{label} (units of the data)")
    ax.set_ylabel("count (values per bin)")
    ax.legend()
    with atomic_open(path, "wb") as handle:
        fig.savefig(handle, format="png", dpi=100)
