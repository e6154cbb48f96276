"""End-to-end CLI: report, train, evaluate on a synthetic CSV, and the one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

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


HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--folds", "1", "--folds: must be an integer from 2 to 20"),
        ("--folds", HUGE, "--folds: must be an integer from 2 to 20"),
        ("--trees", "0", "--trees: must be an integer from 1 to 1,000"),
        ("--trees", HUGE, "--trees: must be an integer from 1 to 1,000"),
        ("--seed", "-1", "--seed: must be an integer from 0 to"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(
    synthetic_csv, tmp_path, capsys, flag, value, message
):
    args = ["train", "-o", str(tmp_path / "m"), "--data", str(synthetic_csv), flag, value]
    with pytest.raises(SystemExit) as end:
        main(args)
    assert end.value.code == 2
    assert message in capsys.readouterr().err
    assert not (tmp_path / "m").exists()


def test_a_forest_that_does_not_fit_in_memory_is_refused_before_training(
    synthetic_csv, tmp_path, capsys, monkeypatch
):
    import level0.cli

    monkeypatch.setattr(level0.cli, "available_memory", lambda: 40 * 2**20)
    args = ["train", "-o", str(tmp_path / "m"), "--data", str(synthetic_csv), "--trees", "1000"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "a forest of 1,000 trees on 1,500 rows would need about 143 MB" in err
    assert "at most about 139 fit" in err
    assert not (tmp_path / "m").exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty; expected housing.csv"),
        ("café,x\n1,2\n".encode("latin-1"), "not UTF-8 text"),
        (bytes(range(256)) * 4, "not a readable CSV"),
    ],
)
def test_an_unreadable_data_file_is_named_in_one_line(tmp_path, capsys, content, message):
    data = tmp_path / "housing.csv"
    data.write_bytes(content)
    assert main(["report", "-o", str(tmp_path / "r"), "--data", str(data)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"error: {data}: ")
    assert message in lines[0]
    assert not (tmp_path / "r").exists()


def test_a_folder_as_data_is_a_usage_error(tmp_path, capsys):
    assert main(["report", "-o", str(tmp_path / "r"), "--data", str(tmp_path)]) == 2
    assert "is a folder; give the housing.csv file" in capsys.readouterr().err


def test_help_does_not_import_scikit_learn_or_pandas():
    code = (
        "import sys, contextlib, io\n"
        "from level2.housing.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "print([m for m in ('pandas', 'numpy', 'sklearn', 'matplotlib') if m in sys.modules])\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert shown.stdout.strip() == "[]", shown.stderr


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
