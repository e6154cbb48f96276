"""Tour step: EDA, repeated 5-fold CV of the three models, a saved pipeline and a Kaggle submission.

Runs on the registry's real files when they are cached; otherwise on synthetic
passengers from ``level0.datagen`` (labelled so), whose survival depends on sex and
class only, so the figures there say nothing about the real Titanic.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from level0.atomic import atomic_open
from level0.datagen import generate
from level0.datasets import DatasetError
from level0.tour import DataKind, TourResult
from level1.titanic.data import TARGET, TEST_IDS, default_paths, read_passengers, sha256_of
from level1.titanic.eda import write_eda
from level1.titanic.models import choose, cross_validate, fit
from level1.titanic.store import save_model
from level1.titanic.submission import check_submission, make_submission, write_submission


def synthetic_files(out: Path) -> tuple[Path, Path]:
    """Write a synthetic train.csv (891 labelled rows) and test.csv (418 rows, ids 892–1309)."""
    train = generate("titanic", rows=891, seed=0)
    test = generate("titanic", rows=len(TEST_IDS), seed=1).drop(columns=[TARGET])
    test["PassengerId"] = list(TEST_IDS)
    paths = out / "synthetic_train.csv", out / "synthetic_test.csv"
    for frame, path in zip((train, test), paths, strict=True):
        with atomic_open(path, "w", newline="") as handle:
            frame.to_csv(handle, index=False)
    return paths


def run(out: Path) -> TourResult:
    data: DataKind
    try:
        train_path, test_path = default_paths()
        data, files = "real", []
    except DatasetError:
        train_path, test_path = synthetic_files(out)
        data, files = "synthetic", [train_path, test_path]
    train = read_passengers(train_path, labelled=True)
    test = read_passengers(test_path, labelled=False)
    files += write_eda(train, out, note="train.csv" if data == "real" else "synthetic data")

    repeats = 5 if data == "real" else 1  # synthetic rows only demonstrate the steps
    results = cross_validate(train, folds=5, seed=0, repeats=repeats)
    chosen = choose(results)
    model = fit(train, chosen.model)
    model_dir = save_model(
        model,
        out / "model",
        metrics={
            "cv_accuracy_mean": chosen.mean,
            "cv_accuracy_std": chosen.std,
            "cv_folds": 5,
            "cv_repeats": repeats,
        },
        data_sha256=sha256_of(train_path),
        extra={"model": chosen.model, "train_rows": len(train), "data": data},
    )
    submission = make_submission(model, test)
    check_submission(submission, test)
    files += [model_dir / "model.skops", model_dir / "metadata.json"]
    files.append(write_submission(submission, out / "submission.csv"))
    scores = ", ".join(f"{r.model} {r.mean:.3f}" for r in results)
    survived = pd.Series(submission[TARGET]).mean()
    key = (
        f"5-fold CV x {repeats}: {scores}; chosen {chosen.model}; "
        f"submission {len(submission)} rows, {survived:.0%} survive"
    )
    return TourResult(data=data, key_result=key, files=files)
