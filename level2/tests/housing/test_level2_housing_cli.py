"""End-to-end CLI: report, train, evaluate on a synthetic CSV, and the one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from level2.housing.__main__ import main


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "level2.housing", *map(str, args)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_report_in_process(synthetic_csv, tmp_path, capsys):
    assert main(["report", "-o", str(tmp_path / "report"), "--data", str(synthetic_csv)]) == 0
    assert (tmp_path / "report" / "report.md").is_file()
    assert "wrote 5 files" in capsys.readouterr().out


def test_train_evaluate(synthetic_csv, tmp_path, capsys):
    model = tmp_path / "model"
    done = cli("train", "-o", model, "--data", synthetic_csv, "--folds", 2, "--trees", 5, "--json")
    assert done.returncode == 0, done.stderr
    table = json.loads(done.stdout)
    assert [row["model"] for row in table["cv"]] == ["linear", "tree", "forest", "hist_gb"]
    assert (model / "metadata.json").is_file()

    assert main(["evaluate", "--model", str(model), "--data", str(synthetic_csv), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)
    assert scores["model"] == "hist_gb"
    assert scores["test_rmse"] > 0


def test_missing_data_file_is_a_usage_error(tmp_path, capsys):
    assert main(["report", "-o", str(tmp_path), "--data", str(tmp_path / "nope.csv")]) == 2
    err = capsys.readouterr().err
    assert err.strip().splitlines() == [f"error: no such file: {tmp_path / 'nope.csv'}"]


def test_missing_model_is_a_one_line_failure(tmp_path, synthetic_csv, capsys):
    code = main(["evaluate", "--model", str(tmp_path / "no-model"), "--data", str(synthetic_csv)])
    assert code == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: ")
    assert "not a model directory" in lines[0]


def test_bad_folds_is_a_usage_error(synthetic_csv, tmp_path, capsys):
    args = ["train", "-o", str(tmp_path / "m"), "--data", str(synthetic_csv), "--folds", "1"]
    assert main(args) == 2
    assert "--folds must be at least 2" in capsys.readouterr().err


def test_uncached_data_is_a_one_line_failure_naming_the_fetch_command(tmp_path):
    env = {**os.environ, "MLROADMAP_DATA": str(tmp_path / "empty")}
    done = subprocess.run(
        [sys.executable, "-m", "level2.housing", "report", "-o", str(tmp_path / "r")],
        capture_output=True,
        text=True,
        check=False,
        env=env,
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "python -m level0.datasets fetch housing" in lines[0]
    assert "--data" in lines[0]
    assert not (tmp_path / "r").exists()
