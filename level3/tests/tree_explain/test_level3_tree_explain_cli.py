"""python -m level3.tree_explain end to end."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

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
    rules = (tmp_path / "breast_cancer_rules.txt").read_text()
    assert summary["fitted_leaves"] == rules.count("class:")  # the refitted tree, not a CV mean
    for name in ("tuning.png", "tree.png", "importances.png", "rules.txt"):
        assert (tmp_path / f"breast_cancer_{name}").is_file()


def test_tune_table(tmp_path, capsys):
    assert cli_module.main(["tune", "--dataset", "breast_cancer", *QUICK, "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "chosen" in out
    assert (tmp_path / "breast_cancer_tuning.png").is_file()


def test_bad_row_fails_before_any_work_and_writes_nothing(tmp_path, capsys):
    out = tmp_path / "out"
    args = ["explain", "--dataset", "breast_cancer", *QUICK, "-o", str(out)]
    assert cli_module.main([*args, "--row", "9999"]) == 2
    assert capsys.readouterr().err == "error: --row must be between 0 and 142\n"
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--folds", "1"], "--folds: must be an integer from 2 to 20, got 1"),
        (["--alphas", "-1"], "--alphas: must be an integer from 0 to 200, got -1"),
        (["--leaf-sizes", "0"], "--leaf-sizes: must be an integer from 1 to 100,000, got 0"),
        (["--depths", "0"], "--depths: must be an integer from 1 to 100, got 0"),
        (["--depths", "deep"], "--depths: expected an integer from 1 to 100, got 'deep'"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as end:
        cli_module.main(["tune", *args, "-o", str(tmp_path)])
    assert end.value.code == 2
    assert message in capsys.readouterr().err


def test_help_answers_and_imports_nothing_heavy():
    """Issue 10, item 1: '75%' in a help string crashed --help (argparse %-formats help)."""
    for args in (["--help"], ["explain", "--help"], ["tune", "--help"]):
        done = subprocess.run(
            [sys.executable, "-m", "level3.tree_explain", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert done.stdout.startswith("usage:")
    assert (
        "fit on 75%, then"
        in subprocess.run(
            [sys.executable, "-m", "level3.tree_explain", "--help"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    code = (
        "import sys; from level3.tree_explain.__main__ import build_parser; build_parser(); "
        "import level3.tree_explain; "
        "print(sorted({'numpy', 'pandas', 'sklearn', 'matplotlib'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_work_budget_refuses_a_huge_grid_at_once(tmp_path, capsys):
    depths = [str(d) for d in range(1, 101)]
    leaves = [str(n) for n in range(1, 11)]
    argv = ["tune", "--depths", *depths, "--leaf-sizes", *leaves, "-o", str(tmp_path / "o")]
    assert cli_module.main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: 100 depths x 10 leaf sizes + 25 alphas = 1025 trees x 5 folds")
    assert f"budget of {cli_module.MAX_FITS:,}" in err
    assert not (tmp_path / "o").exists()


def test_out_must_be_a_folder(tmp_path, capsys):
    afile = tmp_path / "a_file"
    afile.write_text("x")
    assert cli_module.main(["tune", "--dataset", "breast_cancer", "-o", str(afile)]) == 2
    assert "exists and is not a folder" in capsys.readouterr().err


def test_cli_constants_match_the_library():
    """The parser spells out choices and defaults (no scikit-learn for --help)."""
    import level3.tree_explain as library

    assert library.DATASETS == cli_module.DATASETS
    assert library.DEPTHS == cli_module.DEPTHS
    assert library.LEAF_SIZES == cli_module.LEAF_SIZES


def test_missing_titanic_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path))  # an empty data folder
    assert cli_module.main(["tune", "--dataset", "titanic", "-o", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert err.count("\n") == 1
    assert "fetch titanic" in err
