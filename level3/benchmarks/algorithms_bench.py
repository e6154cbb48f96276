"""Benchmark: fit and predict time of the from-scratch estimators against scikit-learn's.

    python benchmarks/algorithms_bench.py                  # 1k, 10k, 100k rows (about a minute)
    python benchmarks/algorithms_bench.py --rows 1000 10000 --json

The data is synthetic (``sklearn.datasets.make_classification``: 20 standardised
features, 2 classes, seed 0), so every size has the same shape of problem. Each
pair gets the same hyperparameters; k-means gets the same k-means++ starting
centres on both sides, so both run the same Lloyd iterations. k-NN predicts
1,000 query rows at every size (predicting all n rows costs n² distances), the
others predict all n training rows. A time is the best of 3 runs below 100k rows
and a single run at 100k. The ratio is ours / scikit-learn's (above 1: we are
slower), and the scaling exponent b is the slope of log time against log rows,
time ∝ rows^b, between the smallest and the largest size.

Threads: BLAS (numpy, scipy) and OpenMP (scikit-learn's k-NN and k-means) are
limited to ``--threads`` (default 1) on both sides with threadpoolctl. On a busy
shared 2-core VM, two threads per library fighting other jobs made the same SVD
take anywhere from 0.06 s to 0.7 s; one thread gives stable, comparable figures
of the algorithms themselves.
"""

from __future__ import annotations

import argparse
import json
import math
import time
import warnings
from collections.abc import Callable
from typing import Any

import numpy as np
import sklearn.cluster
import sklearn.decomposition
import sklearn.linear_model
import sklearn.neighbors
import sklearn.svm
import sklearn.tree
from sklearn.datasets import make_classification
from sklearn.preprocessing import StandardScaler
from threadpoolctl import threadpool_limits

from level3.algorithms import (
    PCA,
    DecisionTreeClassifier,
    KMeans,
    KNeighborsClassifier,
    LinearSVC,
    LogisticRegression,
)

QUERIES = 1_000  # k-NN predicts this many rows at every size


def pairs(X: np.ndarray[Any, Any]) -> dict[str, tuple[Any, Any]]:
    """(ours, sklearn's) with the same hyperparameters; k-means from the same centres."""
    centres, _ = sklearn.cluster.kmeans_plusplus(X, n_clusters=8, random_state=0)
    return {
        "logistic": (
            LogisticRegression(C=1.0),
            sklearn.linear_model.LogisticRegression(C=1.0),
        ),
        "tree": (DecisionTreeClassifier(), sklearn.tree.DecisionTreeClassifier(random_state=0)),
        "knn": (KNeighborsClassifier(5), sklearn.neighbors.KNeighborsClassifier(5)),
        "svm": (
            LinearSVC(C=1.0, random_state=0),
            sklearn.svm.LinearSVC(C=1.0, loss="hinge", dual=True, max_iter=50_000),
        ),
        "kmeans": (
            KMeans(8, init=centres, max_iter=100, tol=0.0),
            sklearn.cluster.KMeans(8, init=centres, n_init=1, max_iter=100, tol=0.0),
        ),
        "pca": (PCA(n_components=5), sklearn.decomposition.PCA(n_components=5)),
    }


def best_time(action: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def measure(name: str, model: Any, X: Any, y: Any, repeat: int) -> tuple[float, float]:
    """(fit seconds, predict seconds) of one model."""
    fit = best_time(lambda: model.fit(X, y), repeat)
    query = X[:QUERIES] if name == "knn" else X
    use = model.transform if name == "pca" else model.predict
    return fit, best_time(lambda: use(query), repeat)


def run(rows: list[int], names: list[str]) -> list[dict[str, Any]]:
    results = []
    for n in rows:
        X, y = make_classification(
            n_samples=n, n_features=20, n_informative=10, n_redundant=5, random_state=0
        )
        X = StandardScaler().fit_transform(X)
        repeat = 3 if n < 100_000 else 1
        for name, (ours, theirs) in pairs(X).items():
            if name not in names:
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # liblinear/our convergence notes: timing only
                ours_fit, ours_predict = measure(name, ours, X, y, repeat)
                sk_fit, sk_predict = measure(name, theirs, X, y, repeat)
            row = {
                "estimator": name,
                "rows": n,
                "fit_ours_s": ours_fit,
                "fit_sklearn_s": sk_fit,
                "fit_ratio": ours_fit / sk_fit,
                "predict_ours_s": ours_predict,
                "predict_sklearn_s": sk_predict,
                "predict_ratio": ours_predict / sk_predict,
            }
            results.append(row)
            print(
                f"  {name:<9}{n:>8,} rows  fit {ours_fit:8.4f}s vs {sk_fit:8.4f}s "
                f"({row['fit_ratio']:5.1f}×)   predict {ours_predict:8.4f}s vs "
                f"{sk_predict:8.4f}s ({row['predict_ratio']:5.1f}×)",
                flush=True,
            )
    return results


def exponents(results: list[dict[str, Any]]) -> dict[str, dict[str, float]]:
    """Per estimator: slope of log(time) on log(rows) between the smallest and largest size."""
    slopes = {}
    for name in dict.fromkeys(r["estimator"] for r in results):
        mine = [r for r in results if r["estimator"] == name]
        low, high = mine[0], mine[-1]
        if low["rows"] == high["rows"]:
            continue
        span = math.log(high["rows"] / low["rows"])
        slopes[name] = {
            key: math.log(high[key] / low[key]) / span
            for key in ("fit_ours_s", "fit_sklearn_s", "predict_ours_s", "predict_sklearn_s")
        }
    return slopes


def format_table(results: list[dict[str, Any]], slopes: dict[str, dict[str, float]]) -> str:
    lines = [
        f"{'estimator':<10}{'rows':>8}  {'fit ours':>9}  {'sklearn':>9}  {'ratio':>6}  "
        f"{'predict ours':>12}  {'sklearn':>9}  {'ratio':>6}",
    ]
    for r in results:
        lines.append(
            f"{r['estimator']:<10}{r['rows']:>8,}  {r['fit_ours_s']:>8.4f}s  "
            f"{r['fit_sklearn_s']:>8.4f}s  {r['fit_ratio']:>5.1f}×  {r['predict_ours_s']:>11.4f}s  "
            f"{r['predict_sklearn_s']:>8.4f}s  {r['predict_ratio']:>5.1f}×"
        )
    lines += ["", "scaling exponent b (time ∝ rows^b, smallest to largest size):"]
    lines.append(
        f"{'estimator':<10}{'fit ours':>9}  {'sklearn':>8}  {'predict ours':>12}  {'sklearn':>8}"
    )
    for name, s in slopes.items():
        lines.append(
            f"{name:<10}{s['fit_ours_s']:>9.2f}  {s['fit_sklearn_s']:>8.2f}  "
            f"{s['predict_ours_s']:>12.2f}  {s['predict_sklearn_s']:>8.2f}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument(
        "--only", nargs="+", default=["logistic", "tree", "knn", "svm", "kmeans", "pca"]
    )
    parser.add_argument("--threads", type=int, default=1, help="BLAS/OpenMP threads (default 1)")
    parser.add_argument("--json", action="store_true", help="print the results as JSON at the end")
    args = parser.parse_args()
    with threadpool_limits(limits=args.threads):
        results = run(sorted(args.rows), args.only)
    slopes = exponents(results)
    print()
    print(format_table(results, slopes))
    if args.json:
        print(json.dumps({"results": results, "scaling_exponents": slopes}, indent=2))


if __name__ == "__main__":
    main()
