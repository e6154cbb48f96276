"""python -m level3.compare end to end: table, JSON, plots and one-line errors.

One run goes through a real subprocess (the happy path with --json);
the rest call ``main(argv)`` in-process, which is the same code without paying
for a fresh interpreter importing scikit-learn each time.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from level3.compare.__main__ import main


def cli(*args, env=None):
    return subprocess.run(
        [sys.executable, "-m", "level3.compare", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def test_json_and_plots_in_a_subprocess(tmp_path):
    done = cli(
        "--dataset",
        "breast_cancer",
        "--repeats",
        "1",
        "--folds",
        "2",
        "--models",
        "logistic_regression",
        "decision_tree",
        "--json",
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["dataset"] == "breast_cancer"
    assert len(summary["models"]) == 2
    assert summary["top_two_test"]["model_a"] == summary["models"][0]["model"]


def test_missing_real_data_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path))  # an empty data folder
    assert main(["--dataset", "spam"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert "fetch sms_spam" in err


def test_table_output(capsys):
    assert main(["--dataset", "digits", "--repeats", "1", "--folds", "2", "--models", "knn"]) == 0
    out = capsys.readouterr().out
    assert "knn" in out
    assert "accuracy" in out
    assert "t-test" not in out


def test_usage_errors_exit_2(capsys):
    assert main(["--dataset", "breast_cancer", "--repeats", "0"]) == 2
    assert capsys.readouterr().err.strip() == "error: --repeats must be at least 1"
    assert main(["--dataset", "breast_cancer", "--folds", "1"]) == 2
    with pytest.raises(SystemExit, match="2"):  # argparse rejects the choice itself
        main(["--dataset", "iris"])
    assert "invalid choice" in capsys.readouterr().err
