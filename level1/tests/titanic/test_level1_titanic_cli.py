"""The Titanic command line end to end (subprocess and in-process), its errors, EDA and the tour."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest
from sklearn.ensemble import GradientBoostingClassifier, RandomForestClassifier

from level0 import datagen
from level1.titanic import models
from level1.titanic.__main__ import main

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level1.titanic", *args], capture_output=True, text=True, timeout=180
    )


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    """A synthetic train.csv (300 labelled rows) and test.csv (418 rows, ids 892–1309)."""
    folder = tmp_path_factory.mktemp("titanic")
    train = datagen.generate("titanic", rows=300, seed=21)
    test = datagen.generate("titanic", rows=418, seed=22).drop(columns=["Survived"])
    test["PassengerId"] = range(892, 1310)
    train.to_csv(folder / "train.csv", index=False)
    test.to_csv(folder / "test.csv", index=False)
    return folder / "train.csv", folder / "test.csv"


@pytest.fixture
def small_models(monkeypatch):
    """Small forests, so commands that cross-validate every model stay quick in tests."""
    monkeypatch.setitem(
        models.MODELS,
        "random_forest",
        lambda seed: RandomForestClassifier(20, max_depth=4, random_state=seed),
    )
    monkeypatch.setitem(
        models.MODELS,
        "gradient_boosting",
        lambda seed: GradientBoostingClassifier(n_estimators=20, random_state=seed),
    )


def test_predict_writes_a_kaggle_submission(files, tmp_path):
    train, test = files
    out = tmp_path / "submission.csv"
    result = cli("predict", "--train", str(train), "--test", str(test), "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert "418 passengers" in result.stdout
    submission = pd.read_csv(out)
    assert list(submission.columns) == ["PassengerId", "Survived"]
    assert submission["PassengerId"].tolist() == list(range(892, 1310))
    assert set(submission["Survived"]) <= {0, 1}


def test_training_on_the_test_file_is_refused_in_one_line(files, tmp_path, capsys):
    _, test = files
    assert (
        main(["predict", "--train", str(test), "--test", str(test), "-o", str(tmp_path / "s.csv")])
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert "lacks the column(s) Survived (test rows have no labels" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "s.csv").exists()


def test_a_failed_predict_leaves_the_old_submission_untouched(files, tmp_path, capsys):
    train, test = files
    out = tmp_path / "submission.csv"
    out.write_text("PassengerId,Survived\n892,1\n")
    broken = tmp_path / "broken.csv"
    pd.read_csv(test).drop(columns=["Sex"]).to_csv(broken, index=False)
    assert main(["predict", "--train", str(train), "--test", str(broken), "-o", str(out)]) == 1
    assert "lacks the column(s) Sex" in capsys.readouterr().err
    assert out.read_text() == "PassengerId,Survived\n892,1\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.csv", "submission.csv"]


def test_train_then_predict_from_the_saved_model(files, tmp_path, capsys):
    train, test = files
    model_dir = tmp_path / "model"
    command = ["train", "--train", str(train), "-o", str(model_dir), "--folds", "3"]
    assert main([*command, "--repeats", "2"]) == 0
    metadata = json.loads((model_dir / "metadata.json").read_text())
    assert metadata["tool"] == "level1.titanic"
    assert metadata["metrics"]["cv_folds"] == 3
    assert metadata["metrics"]["cv_repeats"] == 2
    assert len(metadata["data_sha256"]) == 64
    saved, fresh = tmp_path / "saved.csv", tmp_path / "fresh.csv"
    assert (
        main(["predict", "--model-dir", str(model_dir), "--test", str(test), "-o", str(saved)]) == 0
    )
    assert main(["predict", "--train", str(train), "--test", str(test), "-o", str(fresh)]) == 0
    assert saved.read_bytes() == fresh.read_bytes()
    capsys.readouterr()
    assert (
        main(["predict", "--model-dir", str(tmp_path), "--test", str(test), "-o", str(saved)]) == 1
    )
    assert "is not a model directory" in capsys.readouterr().err


def test_model_dir_and_train_together_is_a_usage_error(files, tmp_path, capsys):
    train, _ = files
    code = main(
        [
            "predict",
            "--model-dir",
            str(tmp_path),
            "--train",
            str(train),
            "-o",
            str(tmp_path / "s.csv"),
        ]
    )
    assert code == 2
    assert "exclude each other" in capsys.readouterr().err


def test_cv_json_lists_three_models_and_the_choice(files, capsys, small_models):
    train, _ = files
    assert main(["cv", "--train", str(train), "--folds", "3", "--repeats", "2", "--json"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert [row["model"] for row in answer["results"]] == list(models.MODELS)
    assert all(len(row["folds"]) == 6 and row["repeats"] == 2 for row in answer["results"])
    assert answer["chosen"] in models.MODELS
    chosen = next(row for row in answer["results"] if row["model"] == answer["chosen"])
    p = chosen["mean"]
    assert answer["test_418_sd"] == pytest.approx((p * (1 - p) / 418) ** 0.5)


def test_cv_table_and_bad_folds(files, capsys, small_models):
    train, _ = files
    assert main(["cv", "--train", str(train), "--folds", "3", "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    assert "stratified 3-fold CV x 1" in out
    assert "accuracy (mean ± std)" in out
    assert "chosen (simplest within one standard error of the best)" in out
    assert "418 new passengers drawn like train.csv" in out
    for option, value, message in (
        ("--folds", "1", "argument --folds: must be an integer from 2 to 20, got 1"),
        ("--repeats", "0", "argument --repeats: must be an integer from 1 to 20, got 0"),
    ):
        with pytest.raises(SystemExit) as stopped:  # argparse's own usage error
            main(["cv", "--train", str(train), option, value])
        assert stopped.value.code == 2
        assert message in capsys.readouterr().err


def test_missing_registry_data_is_one_line_with_the_fetch_command(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path))
    assert main(["cv"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: dataset 'titanic' is not in")
    assert "fetch titanic" in err
    assert len(err.strip().splitlines()) == 1


def test_eda_writes_three_figures(files, tmp_path, capsys):
    train, _ = files
    assert main(["eda", "--train", str(train), "-o", str(tmp_path / "eda")]) == 0
    names = sorted(p.name for p in (tmp_path / "eda").iterdir())
    assert names == ["survival_by_age.png", "survival_by_class.png", "survival_by_sex.png"]
    assert all((tmp_path / "eda" / n).read_bytes().startswith(PNG_MAGIC) for n in names)


def test_survival_table_counts(files):
    from level1.titanic.eda import survival_table

    train = pd.read_csv(files[0])
    by_sex = survival_table(train, "Sex")
    assert by_sex["passengers"].sum() == len(train)
    expected = train.groupby(train["Sex"].astype(str))["Survived"].mean() * 100
    assert by_sex["rate_percent"].to_dict() == pytest.approx(expected.to_dict())
    by_age = survival_table(train, "Age")
    assert by_age["passengers"].sum() == len(train)
    assert by_age.loc["unknown", "passengers"] == train["Age"].isna().sum()


def test_tour_falls_back_to_synthetic_data(tmp_path, monkeypatch, small_models):
    from level1.titanic import tour

    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path / "no-data-here"))
    result = tour.run(tmp_path)
    assert result.data == "synthetic"
    assert "submission 418 rows" in result.key_result
    assert all(path.is_file() and tmp_path in path.parents for path in result.files)
