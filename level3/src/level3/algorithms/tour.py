"""Tour step: every from-scratch estimator against scikit-learn's on the bundled datasets, plus two sweeps."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
from threadpoolctl import threadpool_limits

from level0.atomic import atomic_write_text
from level0.tour import TourResult
from level3.algorithms.compare import compare, format_table
from level3.algorithms.sweep import plot_sweep, sweep


def run(out: Path) -> TourResult:
    # Small data: BLAS/OpenMP threads gain nothing here and, on a busy shared VM, stall.
    with threadpool_limits(limits=1):
        return _run(out)


def _run(out: Path) -> TourResult:
    rows = compare()
    table = out / "comparison.txt"
    atomic_write_text(table, format_table(rows) + "\n")
    data = out / "comparison.json"
    atomic_write_text(data, json.dumps([row.as_dict() for row in rows], indent=2) + "\n")
    files = [table, data]
    peaks = []
    for algorithm in ("tree", "knn"):
        points = sweep(algorithm, "breast_cancer")
        files.append(plot_sweep(points, algorithm, "breast_cancer", out / f"sweep_{algorithm}.png"))
        best = max(points, key=lambda p: p.test_accuracy)
        peaks.append(f"{algorithm} {best.value} ({best.test_accuracy:.3f})")
    accuracy = [r for r in rows if r.metric == "test accuracy"]
    gap = max(abs(r.ours - r.sklearn) for r in accuracy)
    agreement = float(np.median([r.agreement for r in rows]))
    key = (
        f"{len(rows)} twin pairs on iris/breast_cancer/digits: test accuracy within {gap:.3f} "
        f"of sklearn, median agreement {agreement:.3f}; best held-out: {', '.join(peaks)}"
    )
    return TourResult(data="bundled", key_result=key, files=files)
