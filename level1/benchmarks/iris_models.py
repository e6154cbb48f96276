"""Benchmark: why the iris defaults are what they are, and how much a 30-flower test set wobbles.

1. Repeated stratified 10-fold CV (10 x 10 folds) of model variants: logistic
   regression at C = 1, 10, 100; k-NN at k = 5, 15; the decision tree.
2. The default model's hold-out accuracy over 20 different 80/20 split seeds.

    python level1/benchmarks/iris_models.py
"""

from __future__ import annotations

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import RepeatedStratifiedKFold, cross_val_score
from sklearn.neighbors import KNeighborsClassifier
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier
from tqdm import tqdm

from level1.iris import DEFAULT_MODEL, evaluate, load_data, make_model, split

VARIANTS = {
    "logistic_regression C=1": make_pipeline(
        StandardScaler(), LogisticRegression(C=1.0, max_iter=1000)
    ),
    "logistic_regression C=10": make_pipeline(
        StandardScaler(), LogisticRegression(C=10.0, max_iter=1000)
    ),
    "logistic_regression C=100": make_pipeline(
        StandardScaler(), LogisticRegression(C=100.0, max_iter=5000)
    ),
    "knn k=5": make_pipeline(StandardScaler(), KNeighborsClassifier(5)),
    "knn k=15": make_pipeline(StandardScaler(), KNeighborsClassifier(15)),
    "decision_tree": DecisionTreeClassifier(random_state=0),
}


def main() -> None:
    features, species = load_data()
    splitter = RepeatedStratifiedKFold(n_splits=10, n_repeats=10, random_state=0)
    print("iris, 150 flowers, stratified 10-fold CV x 10 repeats (100 folds)")
    print(f"{'model':<28} {'accuracy':>8} {'std':>6}")
    for name, model in tqdm(VARIANTS.items(), desc="variants", disable=None):
        scores = cross_val_score(model, features, species, cv=splitter)
        print(f"{name:<28} {scores.mean():>8.3f} {scores.std():>6.3f}")

    accuracies = []
    for seed in range(20):
        x_train, x_test, y_train, y_test = split(features, species, seed=seed)
        model = make_model(DEFAULT_MODEL, seed).fit(x_train, y_train)
        accuracies.append(evaluate(model, x_test, y_test).accuracy)
    values = np.array(accuracies)
    print(f"\n{DEFAULT_MODEL} on a 30-flower hold-out, split seeds 0-19:")
    print(f"min {values.min():.3f}  median {np.median(values):.3f}  max {values.max():.3f}")
    print("per seed:", " ".join(f"{a:.3f}" for a in values))


if __name__ == "__main__":
    main()
