"""python -m level3.tree_explain end to end."""

from __future__ import annotations

import json
import subprocess
import sys

from level3.tree_explain import __main__ as cli_module

QUICK = ["--folds", "3", "--depths", "2", "4", "--leaf-sizes", "5", "--alphas", "4"]


def test_explain_in_a_subprocess_json(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "level3.tree_explain",
            "explain",
            "--dataset",
            "breast_cancer",
            *QUICK,
            "--row",
            "2",
            "--json",
            "-o",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["explanation"].startswith("predicted ")
    assert summary["row"] == 2
    for name in ("tuning.png", "tree.png", "importances.png", "rules.txt"):
        assert (tmp_path / f"breast_cancer_{name}").is_file()


def test_tune_table(tmp_path, capsys):
    assert cli_module.main(["tune", "--dataset", "breast_cancer", *QUICK, "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "chosen" in out
    assert (tmp_path / "breast_cancer_tuning.png").is_file()


def test_bad_row_and_folds(tmp_path, capsys):
    args = ["explain", "--dataset", "breast_cancer", *QUICK, "-o", str(tmp_path)]
    assert cli_module.main([*args, "--row", "9999"]) == 2
    assert capsys.readouterr().err.startswith("error: --row must be between 0 and ")
    assert cli_module.main(["tune", "--folds", "1", "-o", str(tmp_path)]) == 2


def test_missing_titanic_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path))  # an empty data folder
    assert cli_module.main(["tune", "--dataset", "titanic", "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert "fetch titanic" in err
