"""Housing: which features help, and the boosting settings, chosen by 5-fold CV on the training split.

    MLROADMAP_DATA=/path/to/data python level2/benchmarks/housing_bench.py [ablation] [grid] [models]

Prints one table per part (all three by default). Only the training split of the
stratified 80/20 split is used: the test set stays untouched, so choosing settings
here does not leak into the final test RMSE. Each fit runs on one thread.
"""

from __future__ import annotations

import itertools
import sys
import time

from sklearn.model_selection import KFold, cross_val_score
from sklearn.pipeline import Pipeline
from threadpoolctl import threadpool_limits

from level0 import datasets
from level2.housing.data import TARGET, load_housing, split
from level2.housing.models import MODEL_NAMES, make_model


def cv_rmse(model: Pipeline, x, y) -> tuple[float, float, float]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    folds = KFold(n_splits=5, shuffle=True, random_state=42)
    with threadpool_limits(1):
        scores = -cross_val_score(model, x, y, cv=folds, scoring="neg_root_mean_squared_error")
    return float(scores.mean()), float(scores.std()), time.perf_counter() - start


def show(label: str, model: Pipeline, x, y) -> float:  # type: ignore[no-untyped-def]
    mean, sd, seconds = cv_rmse(model, x, y)
    print(f"{label:<52} {mean:>9,.0f} ± {sd:>5,.0f}  {seconds:5.1f} s", flush=True)
    return mean


def main(parts: list[str]) -> None:
    frame = load_housing(datasets.locate("housing") / "housing.csv")
    train, _ = split(frame)
    x, y = train.drop(columns=[TARGET]), train[TARGET]
    print(f"5-fold CV RMSE (USD) on the {len(train):,}-row training split\n")
    if "ablation" in parts:
        print("hist_gb, feature ablation")
        show(
            "ratios, logs, one-hot, plain longitude/latitude",
            make_model("hist_gb", neighbours=None, rotated=False),
            x,
            y,
        )
        show("+ rotated coordinates", make_model("hist_gb", neighbours=None), x, y)
        show("+ neighbours' value (k=10), no rotations", make_model("hist_gb", rotated=False), x, y)
        show("+ both (the default)", make_model("hist_gb"), x, y)
        print()
    if "grid" in parts:
        print("hist_gb settings (learning rate, leaves, iterations) and neighbours k")
        for rate, leaves, iterations in itertools.product((0.05, 0.1), (15, 31, 63), (500, 1000)):
            model = make_model("hist_gb").set_params(
                model__final_estimator__learning_rate=rate,
                model__final_estimator__max_leaf_nodes=leaves,
                model__final_estimator__max_iter=iterations,
            )
            show(f"rate {rate}, {leaves} leaves, {iterations} iterations", model, x, y)
        for k in (5, 20):  # around the default k=10
            show(
                f"k={k} neighbours (the default settings)",
                make_model("hist_gb", neighbours=k),
                x,
                y,
            )
        print()
    if "models" in parts:
        print("the four models, same features")
        for name in MODEL_NAMES:
            show(name, make_model(name), x, y)


if __name__ == "__main__":
    main(sys.argv[1:] or ["ablation", "grid", "models"])
