"""Cluster products with k-means (elbow and silhouette) and DBSCAN, profile them, draw them in 2D.

>>> from level3.clusters import load_features, analyse, write_report
>>> features = load_features()  # real books when cached, else the demo shop  # doctest: +SKIP
>>> analysis = analyse(features.matrix, k_max=10, data_label=features.label)  # doctest: +SKIP
>>> analysis.sweep.best_k, analysis.dbscan.clusters  # doctest: +SKIP

The matrix is level 2's (:func:`level2.product_features.build_feature_matrix`).
``cluster`` standardises it, sweeps k-means over k and picks k by silhouette (the
elbow is reported beside it), and runs DBSCAN with eps from the k-distance curve;
``profile`` describes each cluster in pounds, stars and categories; ``plots``
draws the curves and a PCA view (for display only); ``report`` writes the files.
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without scikit-learn
    from level3.clusters.cluster import (
        DbscanResult,
        Sweep,
        dbscan,
        k_distance_eps,
        kmeans_labels,
        knee,
        standardise,
        sweep_k,
    )
    from level3.clusters.data import Features, load_features, read_features
    from level3.clusters.plots import pca_2d, plot_clusters, plot_sweep
    from level3.clusters.profile import cluster_profiles, profiles_markdown
    from level3.clusters.report import Analysis, analyse, write_report

__all__ = [
    "Analysis",
    "DbscanResult",
    "Features",
    "Sweep",
    "analyse",
    "cluster_profiles",
    "dbscan",
    "k_distance_eps",
    "kmeans_labels",
    "knee",
    "load_features",
    "pca_2d",
    "plot_clusters",
    "plot_sweep",
    "profiles_markdown",
    "read_features",
    "standardise",
    "sweep_k",
    "write_report",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
