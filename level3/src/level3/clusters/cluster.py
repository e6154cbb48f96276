"""k-means over a range of k (elbow and silhouette) and DBSCAN with a k-distance eps.

Both run on **standardised** columns: k-means and DBSCAN measure Euclidean distance,
so a column in pounds (0-60) would otherwise outweigh a 0/1 flag by a factor of
thousands in squared distance. scikit-learn does the fitting; this module chooses
k and eps and says how.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from sklearn.cluster import DBSCAN, KMeans
from sklearn.metrics import silhouette_score
from sklearn.neighbors import NearestNeighbors
from sklearn.preprocessing import StandardScaler
from tqdm import tqdm

__all__ = [
    "DbscanResult",
    "Sweep",
    "dbscan",
    "k_distance_eps",
    "kmeans_labels",
    "knee",
    "standardise",
    "sweep_k",
]

#: Points silhouette_score looks at: exact up to this many rows, a seeded sample beyond.
SILHOUETTE_SAMPLE = 2_000


def standardise(matrix: pd.DataFrame) -> np.ndarray:
    """Every column to mean 0 and sd 1 (a constant column stays 0)."""
    return np.asarray(StandardScaler().fit_transform(matrix.to_numpy(dtype=float)))


def kmeans_labels(x: np.ndarray, k: int, seed: int = 0) -> np.ndarray:
    """k-means labels (k-means++ starts, 10 restarts, the lowest inertia kept)."""
    return np.asarray(KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(x))


@dataclass(frozen=True)
class Sweep:
    """k-means for every k in a range: inertia, silhouette, and the k each rule picks."""

    table: pd.DataFrame  # columns k, inertia, silhouette
    best_k: int  # highest silhouette
    elbow_k: int  # knee of the inertia curve

    def as_records(self) -> list[dict[str, float]]:
        return [
            {"k": int(r.k), "inertia": float(r.inertia), "silhouette": float(r.silhouette)}
            for r in self.table.itertuples()
        ]


def sweep_k(x: np.ndarray, k_min: int = 2, k_max: int = 10, seed: int = 0) -> Sweep:
    """Fit k-means for k = k_min..k_max. Raises ValueError for a range the data cannot have."""
    if k_min < 2:
        raise ValueError(f"k must start at 2 or more (silhouette needs 2 clusters), got {k_min}")
    if k_max < k_min:
        raise ValueError(f"empty k range {k_min}..{k_max}")
    if k_max >= len(x):
        raise ValueError(f"k up to {k_max} needs more than {k_max} rows, got {len(x)}")
    rows = []
    # a progress bar on a terminal only (disable=None): the real books take a few seconds
    for k in tqdm(range(k_min, k_max + 1), desc="k-means", unit="k", disable=None, leave=False):
        model = KMeans(n_clusters=k, n_init=10, random_state=seed).fit(x)
        labels = model.labels_
        distinct = len(np.unique(labels))
        silhouette = (
            float(
                silhouette_score(
                    x, labels, sample_size=min(len(x), SILHOUETTE_SAMPLE), random_state=seed
                )
            )
            if 1 < distinct < len(x)
            else float("nan")
        )
        rows.append({"k": k, "inertia": float(model.inertia_), "silhouette": silhouette})
    table = pd.DataFrame(rows)
    scores = table["silhouette"].fillna(-1.0)
    best_k = int(table["k"].iloc[int(scores.to_numpy().argmax())])
    elbow_k = int(table["k"].iloc[knee(table["inertia"].to_numpy())])
    return Sweep(table, best_k, elbow_k)


def knee(curve: np.ndarray) -> int:
    """Index of the point farthest from the straight line joining the first and last points.

    The curve is scaled to the unit square first, so the answer does not depend on units.
    Used for the elbow of the inertia curve and for the bend of the k-distance curve.
    """
    y = np.asarray(curve, dtype=float)
    if len(y) < 3:
        return 0
    x = np.linspace(0.0, 1.0, len(y))
    span = y.max() - y.min()
    if span == 0:
        return 0
    y = (y - y.min()) / span
    # distance from (x, y) to the chord from (0, y[0]) to (1, y[-1]), up to a constant factor
    distance = np.abs((y[-1] - y[0]) * x - y + y[0])
    return int(distance.argmax())


@dataclass(frozen=True)
class DbscanResult:
    """DBSCAN's labels (-1 = noise) and the parameters that produced them."""

    labels: np.ndarray
    eps: float
    min_samples: int

    @property
    def clusters(self) -> int:
        return len(set(self.labels.tolist()) - {-1})

    @property
    def noise(self) -> int:
        return int((self.labels == -1).sum())


def k_distance_eps(x: np.ndarray, min_samples: int = 5) -> float:
    """eps for DBSCAN: the knee of the sorted distances to each point's min_samples-th neighbour.

    Points inside clusters have a close min_samples-th neighbour; the curve bends up
    where the sparse points (noise) begin. That bend is the eps below which a point
    counts as in a dense region (Ester et al. 1996, the "k-dist graph").
    """
    if len(x) <= min_samples:
        raise ValueError(f"DBSCAN with min_samples={min_samples} needs more rows, got {len(x)}")
    # the point itself is its own nearest neighbour, as in DBSCAN's min_samples count
    distances, _ = NearestNeighbors(n_neighbors=min_samples).fit(x).kneighbors(x)
    curve = np.sort(distances[:, -1])
    return float(curve[knee(curve)])


def dbscan(x: np.ndarray, min_samples: int = 5, eps: float | None = None) -> DbscanResult:
    """DBSCAN with eps from :func:`k_distance_eps` unless given."""
    chosen = k_distance_eps(x, min_samples) if eps is None else eps
    if chosen <= 0:
        raise ValueError(f"eps must be positive, got {chosen} (duplicate rows?)")
    labels = DBSCAN(eps=chosen, min_samples=min_samples).fit_predict(x)
    return DbscanResult(np.asarray(labels), chosen, min_samples)
