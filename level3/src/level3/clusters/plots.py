"""Pictures: the elbow and silhouette curves, and a PCA projection coloured by cluster.

PCA is used **for display only**: the clusters are found in all standardised
dimensions, then the two directions of largest variance are drawn. Clusters that
overlap in the picture may be well apart in the dimensions it leaves out.
"""

from __future__ import annotations

import io
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from sklearn.decomposition import PCA

from level0.atomic import atomic_write_bytes
from level3.clusters.cluster import Sweep

__all__ = ["pca_2d", "plot_clusters", "plot_sweep"]


def pca_2d(x: np.ndarray, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The rows projected on the first two principal components, and their variance shares."""
    pca = PCA(n_components=2, random_state=seed)
    return np.asarray(pca.fit_transform(x)), np.asarray(pca.explained_variance_ratio_)


def _save(fig: Figure, path: Path) -> Path:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, buffer.getvalue())
    return path


def plot_sweep(sweep: Sweep, path: Path, data_label: str) -> Path:
    """Inertia (elbow) and silhouette against k, side by side."""
    fig, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    t = sweep.table
    left.plot(t["k"], t["inertia"], marker="o")
    left.axvline(sweep.elbow_k, color="grey", linestyle="--", label=f"elbow k={sweep.elbow_k}")
    left.set(xlabel="k (clusters)", ylabel="inertia (sum of squared distances, std. units²)")
    left.set_title("Elbow: inertia always falls with k")
    left.legend()
    right.plot(t["k"], t["silhouette"], marker="o", color="tab:green")
    right.axvline(sweep.best_k, color="grey", linestyle="--", label=f"best k={sweep.best_k}")
    right.set(xlabel="k (clusters)", ylabel="mean silhouette (-1 to 1)")
    right.set_title("Silhouette: higher is better separated")
    right.legend()
    fig.suptitle(f"k-means on {data_label}", fontsize=9)
    fig.tight_layout()
    return _save(fig, path)


def plot_clusters(
    points: np.ndarray, ratio: np.ndarray, labels: np.ndarray, path: Path, title: str
) -> Path:
    """A PCA scatter, one colour per cluster; DBSCAN's noise (-1) in grey crosses."""
    fig, ax = plt.subplots(figsize=(7, 5.5))
    for label in sorted(set(labels.tolist())):
        mask = labels == label
        if label == -1:
            ax.scatter(
                points[mask, 0], points[mask, 1], s=12, c="lightgrey", marker="x", label="noise"
            )
        else:
            ax.scatter(
                points[mask, 0],
                points[mask, 1],
                s=12,
                alpha=0.7,
                label=f"cluster {label} ({mask.sum()})",
            )
    ax.set_xlabel(f"PC1 ({ratio[0]:.1%} of variance, standardised units)")
    ax.set_ylabel(f"PC2 ({ratio[1]:.1%} of variance, standardised units)")
    ax.set_title(title, fontsize=10)
    ax.legend(fontsize=7, loc="best", markerscale=1.5)
    fig.tight_layout()
    return _save(fig, path)
