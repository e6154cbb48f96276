"""Benchmark: is the Titanic CV estimate honest? Four measurements that use no test label.

1. Seed spread: the logistic regression's 5-fold CV mean over many shuffles of the
   folds (the CLI used to print one shuffle, seed 0).
2. Pseudo-test: hold out a random 418/1309 of train.csv as a pretend test set, fit on
   the rest exactly as ``predict`` does (companions of the held-out rows looked up in
   the pretend training rows only), and compare its CV on the pretend training rows
   with its accuracy on the held-out rows, over many random splits. Variants of the
   companion step: leave-one-out on training rows (what ships), out-of-fold (5-fold
   target encoding), in-sample (the leak: own label included), none at all.
3. Companion features on train.csv's rows (leave-one-out) against test.csv's rows
   (looked up in train.csv): coverage and values. test.csv's features only.
4. Adversarial validation: how well can a model tell a train.csv passenger from a
   test.csv passenger? ROC AUC against the same model on shuffled train/test marks.
5. What test.csv's mix of passengers predicts: CV accuracy by how sure the model is
   (out-of-fold), weighted by how many test.csv rows the fitted model is that sure of.

    MLROADMAP_DATA=/work/shared/data python level1/benchmarks/titanic_validation.py \\
        [--seeds 20] [--repeats 30] [--shuffles 40] [--parts 12345]
"""

from __future__ import annotations

import argparse
from typing import Any

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import (
    KFold,
    StratifiedKFold,
    cross_val_predict,
    cross_val_score,
    train_test_split,
)
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from tqdm import tqdm

from level1.titanic.data import TARGET, default_paths, read_passengers
from level1.titanic.features import CompanionSurvival, PassengerFeatures, _woman_or_child
from level1.titanic.models import make_model

TEST_SHARE = 418 / 1309  # Kaggle's split: 418 of the 1,309 passengers are test rows


class OutOfFoldCompanions(CompanionSurvival):
    """Training rows get their companions from the other 4 of 5 folds (cross-fitting)."""

    def fit_transform(self, X: pd.DataFrame, y: Any = None, **fit_params: Any) -> pd.DataFrame:
        labels = np.asarray(y, dtype=float)
        parts = [
            CompanionSurvival().fit(X.iloc[fit_rows], labels[fit_rows]).transform(X.iloc[rows])
            for fit_rows, rows in KFold(5, shuffle=True, random_state=0).split(X)
        ]
        self.fit(X, labels)
        return pd.concat(parts).loc[X.index]


class InSampleCompanions(CompanionSurvival):
    """The leak on purpose: training rows count their own label among their companions."""

    def fit_transform(self, X: pd.DataFrame, y: Any = None, **fit_params: Any) -> pd.DataFrame:
        return self.fit(X, y).transform(X)


def without_companions() -> Any:
    model = make_model()
    encode = model.named_steps["encode"]
    drop = {"CompanionsKnown", "CompanionSurvived"}
    transformers = [
        (label, step, [c for c in columns if c not in drop])
        for label, step, columns in encode.transformers
    ]
    return model.set_params(companions="passthrough", encode__transformers=transformers)


VARIANTS = {
    "leave-one-out (ships)": lambda: make_model(),
    "out-of-fold (5-fold)": lambda: make_model().set_params(companions=OutOfFoldCompanions()),
    "in-sample (leak)": lambda: make_model().set_params(companions=InSampleCompanions()),
    "no companions": without_companions,
}


def seed_spread(features: pd.DataFrame, labels: pd.Series, seeds: int) -> None:
    means = [
        cross_val_score(
            make_model(), features, labels, cv=StratifiedKFold(5, shuffle=True, random_state=s)
        ).mean()
        for s in tqdm(range(seeds), desc="seeds", disable=None)
    ]
    print(f"\n1. logistic_regression, stratified 5-fold CV, shuffles with seeds 0-{seeds - 1}")
    print(f"   seed 0 {means[0]:.3f}; mean {np.mean(means):.3f}, sd {np.std(means):.3f}, ", end="")
    print(f"min {min(means):.3f}, max {max(means):.3f}")


def pseudo_test(features: pd.DataFrame, labels: pd.Series, repeats: int) -> None:
    rows = []
    for r in tqdm(range(repeats), desc="pseudo-test splits", disable=None):
        fit_x, held_x, fit_y, held_y = train_test_split(
            features, labels, test_size=TEST_SHARE, random_state=r, stratify=labels
        )
        folds = StratifiedKFold(5, shuffle=True, random_state=0)
        for name, build in VARIANTS.items():
            cv = cross_val_score(build(), fit_x, fit_y, cv=folds).mean()
            held = float((build().fit(fit_x, fit_y).predict(held_x) == held_y).mean())
            rows.append((name, cv, held))
        sex = (
            ((fit_x["Sex"] == "female") == fit_y).mean(),
            ((held_x["Sex"] == "female") == held_y).mean(),
        )
        rows.append(("sex only (women survive)", *sex))
    table = pd.DataFrame(rows, columns=["variant", "cv", "held"])
    table["gap"] = table["held"] - table["cv"]
    n_fit = len(features) - round(len(features) * TEST_SHARE)
    print(f"\n2. pseudo-test: {repeats} random splits of train.csv, fit on {n_fit}, ", end="")
    print(f"hold out {len(features) - n_fit}; logistic_regression")
    print(f"   {'companions':<26} {'CV':>6} {'held-out':>8} {'gap':>7} {'± se':>6} {'sd':>6}")
    for name, group in table.groupby("variant", sort=False):
        gap = group["gap"]
        print(
            f"   {name:<26} {group['cv'].mean():>6.3f} {group['held'].mean():>8.3f} "
            f"{gap.mean():>+7.3f} {gap.std() / np.sqrt(len(gap)):>6.3f} {gap.std():>6.3f}"
        )


def companion_coverage(train: pd.DataFrame, test: pd.DataFrame) -> None:
    features, labels = train.drop(columns=[TARGET]), train[TARGET]
    derive = PassengerFeatures().fit(features)
    on_train, on_test = derive.transform(features), derive.transform(test)
    step = CompanionSurvival()
    encoded = {"train.csv (leave-one-out)": step.fit_transform(on_train, labels)}
    encoded["test.csv (looked up)"] = step.transform(on_test)
    print("\n3. companion features: share of rows")
    print(f"   {'rows':<26} {'known':>6} {'known w/c':>9} {'survived=1':>10} {'survived=0':>10}")
    for (name, out), raw in zip(encoded.items(), (on_train, on_test), strict=True):
        counted = _woman_or_child(raw)
        print(
            f"   {name:<26} {out['CompanionsKnown'].mean():>6.3f} "
            f"{out['CompanionsKnown'][counted].mean():>9.3f} "
            f"{(out['CompanionSurvived'] == 1).mean():>10.3f} "
            f"{(out['CompanionSurvived'] == 0).mean():>10.3f}"
        )
    print("   (known w/c: among women and boys)")


def adversarial(train: pd.DataFrame, test: pd.DataFrame, shuffles: int) -> None:
    both = pd.concat([train.drop(columns=[TARGET]), test], ignore_index=True)
    is_test = np.r_[np.zeros(len(train)), np.ones(len(test))]
    derived = PassengerFeatures().fit(both).transform(both)
    numbers = derived[["Pclass", "Age", "SibSp", "Parch", "Fare", "FamilySize"]].copy()
    numbers["AgeMissing"] = derived["Age"].isna().astype(float)
    categories = pd.get_dummies(derived[["Sex", "Title", "Embarked", "Deck"]].astype(str))
    table = pd.concat([numbers.fillna(-1.0), categories], axis=1).astype(float)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=3000))

    def auc(marks: np.ndarray, seed: int) -> float:
        folds = StratifiedKFold(5, shuffle=True, random_state=seed)
        scores = cross_val_predict(model, table, marks, cv=folds, method="predict_proba")[:, 1]
        return float(roc_auc_score(marks, scores))

    real = float(np.mean([auc(is_test, s) for s in range(5)]))
    rng = np.random.default_rng(0)
    null = np.array(
        [
            auc(rng.permutation(is_test), 0)
            for _ in tqdm(range(shuffles), desc="shuffles", disable=None)
        ]
    )
    print("\n4. adversarial validation (logistic regression, 5-fold, train.csv vs test.csv)")
    print(f"   ROC AUC {real:.3f}; shuffled marks {null.mean():.3f} ± {null.std():.3f}, ", end="")
    print(f"{(null >= real).mean():.0%} of {shuffles} shuffles at least as high")


def confidence_mix(train: pd.DataFrame, test: pd.DataFrame) -> None:
    features, labels = train.drop(columns=[TARGET]), train[TARGET].to_numpy()
    probability = np.mean(
        [
            cross_val_predict(
                make_model(),
                features,
                labels,
                cv=StratifiedKFold(5, shuffle=True, random_state=s),
                method="predict_proba",
            )[:, 1]
            for s in range(3)
        ],
        axis=0,
    )
    sure = np.maximum(probability, 1 - probability)
    right = (probability > 0.5) == labels
    on_test = make_model().fit(features, labels).predict_proba(test)[:, 1]
    sure_test = np.maximum(on_test, 1 - on_test)
    edges = np.array([0.5, 0.6, 0.7, 0.8, 0.9, 1.0 + 1e-9])
    where, where_test = np.digitize(sure, edges) - 1, np.digitize(sure_test, edges) - 1
    print("\n5. logistic_regression: CV accuracy by confidence (out-of-fold, 3 x 5-fold)")
    print(f"   {'confidence':<10} {'train rows':>10} {'CV accuracy':>11} {'test rows':>9}")
    expected = 0.0
    for b in range(len(edges) - 1):
        accuracy = float(right[where == b].mean())
        expected += accuracy * float((where_test == b).sum())
        label = f"{edges[b]:.1f}-{min(edges[b + 1], 1.0):.1f}"
        print(
            f"   {label:<10} {(where == b).sum():>10} "
            f"{accuracy:>11.3f} {(where_test == b).sum():>9}"
        )
    print(f"   out-of-fold accuracy {right.mean():.3f}; weighted by test.csv's mix ", end="")
    print(f"{expected / len(test):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20, help="CV shuffles in part 1")
    parser.add_argument("--repeats", type=int, default=30, help="pseudo-test splits in part 2")
    parser.add_argument("--shuffles", type=int, default=40, help="null AUCs in part 4")
    parser.add_argument("--parts", default="12345", help="which parts to run (default 12345)")
    args = parser.parse_args()
    train_path, test_path = default_paths()
    train = read_passengers(train_path, labelled=True)
    test = read_passengers(test_path, labelled=False)
    features, labels = train.drop(columns=[TARGET]), train[TARGET]
    print(f"train.csv {len(train)} passengers, test.csv {len(test)} (features only)")
    if "1" in args.parts:
        seed_spread(features, labels, args.seeds)
    if "2" in args.parts:
        pseudo_test(features, labels, args.repeats)
    if "3" in args.parts:
        companion_coverage(train, test)
    if "4" in args.parts:
        adversarial(train, test, args.shuffles)
    if "5" in args.parts:
        confidence_mix(train, test)


if __name__ == "__main__":
    main()
