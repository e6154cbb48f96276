"""Every level 1 CLI against hostile input and Ctrl-C (the checks live in level0.robustness)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import level1
from level0.datasets import data_home, get
from level0.robustness import HUGE, CliRobustness

# A small labelled table that ships with the package: busy runs need no download.
HAND_LABELS = str(Path(level1.__file__).parent / "email_digest" / "hand_labels.csv")
# 3,672 real emails, cached in CI (MLROADMAP_DATA); reading and digesting them takes seconds.
ENRON_HAM = str(data_home() / get("enron_spam").directory / "enron1" / "ham")


class TestLevel1Clis(CliRobustness):
    level = "level1"
    hostile = {  # noqa: RUF012  (read-only case tables)
        "level1.spam": [
            ["predict", "{missing}", "hello"],
            ["predict", "{directory}", "hello"],
            ["predict", "{empty}", "hello"],
            ["predict", "{binary}", "hello"],
            ["train", "--corpus", "synthetic", "-o", "{out}", "--folds", HUGE],
            ["train", "--corpus", "synthetic", "-o", "{out}", "--max-blocked-ham", "nan"],
            ["evaluate", "{missing}", "--corpus", "sms"],
        ],
        "level1.email_digest": [
            ["{missing}", "--rules"],
            ["{empty}", "--rules"],
            ["{binary}", "--rules"],
            ["{directory}", "--rules"],
            ["{directory}", "-o", "{missing}/digest.md", "--rules"],
            ["{directory}", "-o", "{directory}", "--rules"],
            ["{directory}", "--model", "{binary}"],
            ["{directory}", "--model", "{missing}", "--rules"],
            ["{directory}", "--model", "{directory}", "--rules"],
            ["{directory}", "--limit", HUGE],
            ["{directory}", "--limit", "0"],
            ["{directory}", "--by", "week"],
        ],
        "level1.iris": [
            ["predict", "5.1", "3.5", "1.4"],
            ["predict", "nan", "3.5", "1.4", "0.2"],
            ["predict", "1e999", "3.5", "1.4", "0.2"],
            ["predict", "--model", "svm", "5.1", "3.5", "1.4", "0.2"],
            ["cv", "--folds", HUGE],
            ["cv", "--folds", "-3"],
            ["cv", "--seed", "nan"],
            ["report", "-o", "{binary}"],
            ["report", "-o", "{out}", "--folds", "41"],
            ["report"],
        ],
        "level1.textclf": [  # each case below that passes parsing costs a scikit-learn import
            ["train", "{binary.csv}", "-o", "{out}"],
            ["train", "{latin1.csv}", "-o", "{out}"],
            ["train", "{directory}", "-o", "{out}"],
            ["train", "{missing.csv}", "-o", "{out}", "--folds", HUGE],
            ["train", "{missing.csv}", "-o", "{out}", "--holdout", "nan"],
            ["train", "{missing.csv}", "-o", "{out}", "--holdout", "-0.1"],
            ["train", "{missing.csv}", "-o", "{out}", "--seed", "-1"],
            ["train", "{missing.csv}", "-o", "{out}", "--quoting", "maybe"],
            ["predict", "{binary}", "hello"],
            ["info", "{empty}"],
            ["evaluate", "{directory}"],
        ],
        "level1.titanic": [
            ["cv", "--train", "{missing.csv}"],
            ["cv", "--train", "{empty.csv}"],
            ["cv", "--train", "{binary.csv}"],
            ["cv", "--train", "{latin1.csv}"],
            ["cv", "--train", "{directory}"],
            ["cv", "--folds", HUGE],
            ["cv", "--folds", "1"],
            ["cv", "--seed", "-1"],
            ["cv", "--repeats", "nan"],
            ["train", "-o", "{out}", "--folds", "0"],
            ["eda", "--train", "{binary.csv}", "-o", "{out}"],
            ["predict", "--model-dir", "{missing}", "-o", "{out.csv}"],
            ["predict", "--model-dir", "{binary}", "-o", "{out.csv}"],
            ["predict", "--model-dir", "{directory}", "--model", "knn", "-o", "{out.csv}"],
            ["predict", "--model-dir", "{directory}", "--train", "{empty}", "-o", "{out.csv}"],
        ],
    }
    busy = {  # noqa: RUF012
        "level1.email_digest": [ENRON_HAM, "--rules", "--limit", "500", "-o", "{out.md}"],
        "level1.iris": ["report", "-o", "{out}"],
        "level1.spam": ["train", "--corpus", "synthetic", "-o", "{out}"],
        "level1.titanic": ["cv"],
        "level1.textclf": [
            "train",
            HAND_LABELS,
            "--text-col",
            "note",
            "--label-col",
            "label",
            "-o",
            "{out}",
        ],
    }


# --- issue 10, item 4: a model file that is not a skops archive, sha256 updated ----------


@pytest.fixture(scope="module")
def titanic_files(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """Synthetic train.csv and test.csv, and a model folder trained on them by the CLI."""
    from level0 import datagen
    from level1.titanic.__main__ import main

    folder = tmp_path_factory.mktemp("titanic")
    train = datagen.generate("titanic", rows=200, seed=3)
    test = datagen.generate("titanic", rows=50, seed=4).drop(columns=["Survived"])
    test["PassengerId"] = range(892, 942)
    train.to_csv(folder / "train.csv", index=False)
    test.to_csv(folder / "test.csv", index=False)
    model = folder / "model"
    assert (
        main(["train", "--train", str(folder / "train.csv"), "-o", str(model), "--folds", "2"]) == 0
    )
    return folder / "train.csv", folder / "test.csv", model


@pytest.mark.parametrize("kind", ["pickle", "corrupt zip", "truncated"])
def test_titanic_predict_refuses_an_unreadable_model_file_in_one_line(
    titanic_files: tuple[Path, Path, Path],
    unreadable_model: Callable[[Path, str], Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    kind: str,
) -> None:
    from level1.titanic.__main__ import main

    _, test, model = titanic_files
    copy = unreadable_model(model, kind)

    out = tmp_path / "submission.csv"
    assert main(["predict", "--model-dir", str(copy), "--test", str(test), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {copy / 'model.skops'} is not a readable skops model")
    assert not out.exists()


def test_titanic_cli_choices_match_the_library() -> None:
    from level1.titanic import __main__ as titanic_cli
    from level1.titanic import models

    assert tuple(models.MODELS) == titanic_cli.MODELS
    assert models.DEFAULT_MODEL == titanic_cli.DEFAULT_MODEL
