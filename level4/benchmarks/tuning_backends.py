"""The same random search on local joblib processes and on a Dask LocalCluster: time and result.

Usage: MLROADMAP_DATA=... python level4/benchmarks/tuning_backends.py [BUDGET]

Both run level 1's SMS training part, 2x repeated 3-fold CV, seed 0, with two workers
and no feature cache (so both do the same work). The best setting must be the same.
"""

from __future__ import annotations

import sys
import time

from level1.spam.corpus import heldout_split, load_corpus
from level4.tuning.methods import cv_splitter, run_search
from level4.tuning.scaleout import parallel


def main(budget: int) -> None:
    corpus = load_corpus("sms")
    train_idx, _ = heldout_split(corpus.labels)
    texts, labels = corpus.texts[train_idx], corpus.labels[train_idx]
    cv = cv_splitter(3, 2, 0)
    rows = []
    for backend in ("local", "dask"):
        start = time.perf_counter()
        with parallel(backend, workers=2):
            jobs = -1 if backend == "dask" else 2
            result = run_search("random", texts, labels, budget=budget, cv=cv, n_jobs=jobs)
        rows.append((backend, result, time.perf_counter() - start))
    print(f"{'backend':<8} {'fits':>5} {'seconds':>8} {'best CV MCC':>11}  best setting")
    for backend, result, seconds in rows:
        print(
            f"{backend:<8} {result.fits:>5} {seconds:>8.1f} {result.best.mean:>11.4f}  {result.best.params}"
        )
    same = rows[0][1].best.params == rows[1][1].best.params
    print(f"same best setting: {same}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 36)
