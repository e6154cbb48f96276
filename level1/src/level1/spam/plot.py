"""A picture of the threshold: how ham and spam scores spread, and where the line is drawn."""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np

from level0.atomic import atomic_open

__all__ = ["plot_scores"]


def plot_scores(
    scores: np.ndarray, labels: np.ndarray, threshold: float, path: str | Path, title: str
) -> Path:
    """Histograms of the scores of ham and of spam, with the threshold as a vertical line."""
    scores, labels = np.asarray(scores, dtype=float), np.asarray(labels)
    low, high = float(scores.min()), float(scores.max())
    bins = np.linspace(low - 0.5, high + 0.5, 50) if low == high else np.linspace(low, high, 50)
    figure, axes = plt.subplots(figsize=(8, 4.5))
    for label, colour in (("ham", "tab:blue"), ("spam", "tab:red")):
        chosen = scores[labels == label]
        axes.hist(
            chosen, bins=bins.tolist(), alpha=0.6, color=colour, label=f"{label} ({len(chosen)})"
        )
    axes.axvline(threshold, color="black", linestyle="--", label=f"threshold {threshold:.3f}")
    axes.set_yscale("log")
    axes.set_title(title)
    axes.set_xlabel("classifier score (SVM margin or NB probability; no unit)")
    axes.set_ylabel("messages (log scale)")
    axes.legend()
    figure.tight_layout()
    target = Path(path)
    with atomic_open(target, "wb") as handle:
        figure.savefig(handle, format="png", dpi=120)
    plt.close(figure)
    return target
