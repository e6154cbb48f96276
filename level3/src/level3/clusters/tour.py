"""Tour step: cluster the real books when cached, else the demo shop's synthetic products."""

from __future__ import annotations

from pathlib import Path

from level0.tour import DataKind, TourResult
from level3.clusters.data import load_features
from level3.clusters.report import analyse, write_report


def run(out: Path) -> TourResult:
    features = load_features(work_dir=out)
    analysis = analyse(features.matrix, data_label=features.label)
    files = write_report(analysis, out)
    best = analysis.sweep.table.set_index("k").loc[analysis.sweep.best_k, "silhouette"]
    key = (
        f"{len(features.matrix)} products: k-means best k={analysis.sweep.best_k} "
        f"(silhouette {best:.3f}, elbow k={analysis.sweep.elbow_k}); DBSCAN "
        f"{analysis.dbscan.clusters} cluster(s) + {analysis.dbscan.noise} noise"
    )
    kind: DataKind = "real" if features.kind == "real" else "synthetic"
    return TourResult(data=kind, key_result=key, files=files)
