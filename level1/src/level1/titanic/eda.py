"""Exploratory figures from the training passengers: who survived, by sex, class and age.

Looking before modelling tells you what the features must capture: women survived far
more often than men, first class more than third, and children more than adults.
"""

from __future__ import annotations

import itertools
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from level0.atomic import atomic_open
from level1.titanic.data import TARGET

__all__ = ["AGE_BINS", "survival_table", "write_eda"]

AGE_BINS = (0, 5, 12, 18, 25, 35, 50, 65, 81)  # years; the bins' edges
AGE_LABELS = tuple(f"{low}–{high - 1}" for low, high in itertools.pairwise(AGE_BINS))


def survival_table(train: pd.DataFrame, by: str) -> pd.DataFrame:
    """Passengers, survivors and survival rate (%) per value of ``by`` (or per age bin)."""
    if by == "Age":  # [low, high) in whole years; fractional ages of babies fall in 0–4
        bins = pd.cut(train["Age"], bins=list(AGE_BINS), labels=list(AGE_LABELS), right=False)
        groups = bins.astype(object).fillna("unknown")
        order = [label for label in (*AGE_LABELS, "unknown") if label in set(groups)]
    else:
        groups = train[by].astype(str)
        order = sorted(set(groups))
    table = train.groupby(groups)[TARGET].agg(passengers="count", survivors="sum").reindex(order)
    table["rate_percent"] = 100 * table["survivors"] / table["passengers"]
    table.index.name = by
    return table


def _bars(table: pd.DataFrame, title: str, xlabel: str, overall: float) -> Figure:
    fig, ax = plt.subplots(figsize=(6.4, 4.2), layout="constrained")
    positions = np.arange(len(table))
    bars = ax.bar(positions, table["rate_percent"], color="#3b75af")
    ax.axhline(
        overall, color="grey", linestyle="--", linewidth=1, label=f"all passengers {overall:.0f}%"
    )
    for bar, (_, row) in zip(bars, table.iterrows(), strict=True):
        ax.annotate(
            f"{row['survivors']:.0f}/{row['passengers']:.0f}",
            (bar.get_x() + bar.get_width() / 2, bar.get_height()),
            ha="center",
            va="bottom",
            fontsize=8,
        )
    ax.set_xticks(positions, [str(label) for label in table.index])
    ax.set_ylim(0, 105)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("survival rate (%)")
    ax.set_title(title)
    ax.legend(loc="upper right", fontsize=8)
    return fig


def write_eda(train: pd.DataFrame, out: Path, note: str = "train.csv") -> list[Path]:
    """Write survival_by_sex.png, survival_by_class.png and survival_by_age.png to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    overall = 100 * float(train[TARGET].mean())
    figures = {
        "survival_by_sex.png": _bars(
            survival_table(train, "Sex"), f"Survival by sex ({note})", "sex", overall
        ),
        "survival_by_class.png": _bars(
            survival_table(train, "Pclass"),
            f"Survival by ticket class ({note})",
            "passenger class (1 = first)",
            overall,
        ),
        "survival_by_age.png": _bars(
            survival_table(train, "Age"), f"Survival by age ({note})", "age (years)", overall
        ),
    }
    written = []
    for name, fig in figures.items():
        with atomic_open(out / name, "wb") as handle:
            fig.savefig(handle, format="png", dpi=110)
        plt.close(fig)
        written.append(out / name)
    return written
