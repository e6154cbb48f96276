"""The iris command line end to end (subprocess), its usage errors and the tour."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from level1.iris.__main__ import main
from level1.iris.report import write_report

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level1.iris", *args], capture_output=True, text=True, timeout=120
    )


def test_predict_prints_species_and_probabilities():
    result = cli("predict", "5.1", "3.5", "1.4", "0.2")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("species: setosa")
    assert [line.split()[0] for line in lines[1:]] == ["setosa", "versicolor", "virginica"]
    assert sum(float(line.split()[1]) for line in lines[1:]) == pytest.approx(1.0, abs=2e-3)


def test_predict_usage_error_exits_2_with_one_line():
    result = cli("predict", "5.1", "3.5", "1.4", "abc")
    assert result.returncode == 2
    assert result.stderr.startswith("error: petal width: 'abc' is not a number")
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["5.1", "3.5", "1.4"], "expected 4 measurements"),
        ([], "got 0"),
        (["5.1", "3.5", "-2", "0.2"], "must be a positive length"),
    ],
)
def test_predict_usage_errors_in_process(capsys, args, message):
    assert main(["predict", *args]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


def test_cv_json_is_a_table_of_three_models(capsys):
    assert main(["cv", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [set(row) for row in rows] == [{"model", "mean", "std", "folds"}] * 3
    assert rows[0]["mean"] >= 0.96
    assert len(rows[0]["folds"]) == 10


def test_in_process_json_predict_and_extrapolation_note(capsys):
    assert main(["predict", "--json", "--model", "knn", "6.0", "2.2", "5.0", "1.5"]) == 0
    answer = json.loads(capsys.readouterr().out)
    assert answer["model"] == "knn"
    assert answer["species"] in answer["probabilities"]
    assert main(["predict", "5", "3", "40", "1"]) == 0
    assert "petal length is outside the range seen in training" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cv", "--folds", "1"], "argument --folds: must be an integer from 2 to 50, got 1"),
        (["cv", "--folds", "51"], "argument --folds: must be an integer from 2 to 50, got 51"),
        (["cv", "--seed", "-1"], "argument --seed: must be an integer from 0 to 4,294,967,295"),
        (["report", "-o", "x", "--folds", "41"], "must be an integer from 2 to 40, got 41"),
        (["report", "-o", "x", "--seed", "1e3"], "expected an integer from 0 to 4,294,967,295"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(capsys, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as end:
        main(args)
    assert end.value.code == 2
    err = capsys.readouterr().err
    assert message in err
    assert "Traceback" not in err
    assert not (tmp_path / "x").exists()


def test_the_cli_constants_match_the_library():
    from level1.iris import __main__ as iris_cli
    from level1.iris import data, models

    assert iris_cli.FEATURES == data.FEATURES
    assert tuple(models.MODELS) == iris_cli.MODELS
    assert iris_cli.DEFAULT_MODEL == models.DEFAULT_MODEL


def test_report_writes_png_text_and_json(tmp_path, capsys):
    assert main(["report", "-o", str(tmp_path / "out"), "--folds", "5"]) == 0
    assert "test accuracy on 30 held-out flowers" in capsys.readouterr().out
    out = tmp_path / "out"
    assert (out / "confusion_matrix.png").read_bytes().startswith(PNG_MAGIC)
    assert "precision" in (out / "classification_report.txt").read_text()
    summary = json.loads((out / "report.json").read_text())
    assert (summary["train_size"], summary["test_size"]) == (120, 30)
    assert sum(map(sum, summary["test"]["confusion_matrix"])) == 30
    assert summary["chosen_model"] == summary["cv_on_train"][0]["model"]


def test_report_chooses_on_training_rows_only(tmp_path):
    report = write_report(tmp_path, seed=2, folds=4)
    assert report.train_size + report.test_size == 150
    assert report.evaluation.accuracy >= 0.85
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary files


def test_report_into_a_file_path_fails_cleanly(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert main(["report", "-o", str(blocker)]) == 1
    assert capsys.readouterr().err.startswith("error: ")


def test_tour_runs_on_bundled_data(tmp_path):
    from level1.iris import tour

    result = tour.run(tmp_path)
    assert result.data == "bundled"
    assert "setosa" in result.key_result
    assert all(path.is_file() and tmp_path in path.parents for path in result.files)


def test_public_names_stay_functions_after_the_submodules_load():
    # The package loads its API lazily; a module named like a function it exports
    # (evaluate.py, before it became evaluation.py) would replace that function with
    # the module as soon as anything imported the module.
    import inspect

    import level1.iris
    import level1.iris.report  # loads every submodule

    for name in level1.iris.__all__:
        assert not inspect.ismodule(getattr(level1.iris, name)), name
