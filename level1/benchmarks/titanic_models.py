"""Benchmark: the Titanic models under repeated stratified 5-fold CV, with and without companions.

Prints one row per (model, feature set): mean accuracy over 5 x 5 folds, the std, and
the mean fit time. "without companions" drops the CompanionSurvival columns, to show
what the train-only companion signal adds; "sex only" is the gender rule (women
survive, men do not), scored on the same validation folds.

    MLROADMAP_DATA=/work/shared/data python level1/benchmarks/titanic_models.py [--repeats 5]
"""

from __future__ import annotations

import argparse

import numpy as np
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from tqdm import tqdm

from level1.titanic.data import TARGET, default_paths, read_passengers
from level1.titanic.models import MODELS, make_model

COMPANION_COLUMNS = ("CompanionsKnown", "CompanionSurvived")


def without_companions(name: str) -> object:
    model = make_model(name)
    encode = model.named_steps["encode"]
    transformers = [
        (
            label,
            step,
            [c for c in columns if c not in COMPANION_COLUMNS] if label == "numbers" else columns,
        )
        for label, step, columns in encode.transformers
    ]
    return model.set_params(companions="passthrough", encode__transformers=transformers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    train = read_passengers(default_paths()[0], labelled=True)
    features, labels = train.drop(columns=[TARGET]), train[TARGET]
    splitter = RepeatedStratifiedKFold(n_splits=5, n_repeats=args.repeats, random_state=0)

    gender = [
        float(((features["Sex"].iloc[valid] == "female").astype(int) == labels.iloc[valid]).mean())
        for _, valid in splitter.split(features, labels)
    ]
    rows = [("sex only (women survive)", "-", np.mean(gender), np.std(gender), 0.0)]
    jobs = [(name, kind) for name in MODELS for kind in ("all features", "without companions")]
    for name, kind in tqdm(jobs, desc="models", disable=None):
        model = make_model(name) if kind == "all features" else without_companions(name)
        scores = cross_validate(model, features, labels, cv=splitter)
        rows.append(
            (
                name,
                kind,
                scores["test_score"].mean(),
                scores["test_score"].std(),
                scores["fit_time"].mean(),
            )
        )
    folds = splitter.get_n_splits()
    print(
        f"train.csv, {len(train)} passengers, stratified 5-fold CV x {args.repeats} repeats ({folds} folds)"
    )
    print(f"{'model':<26} {'features':<20} {'accuracy':>8} {'std':>6} {'fit s':>6}")
    for name, kind, mean, std, fit_seconds in rows:
        print(f"{name:<26} {kind:<20} {mean:>8.3f} {std:>6.3f} {fit_seconds:>6.2f}")


if __name__ == "__main__":
    main()
