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
    with pytest.raises(SystemExit, match="2"):
        main(["--dataset", "breast_cancer", "--repeats", "0"])
    assert "--repeats: must be an integer from 1 to 20, got 0" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="2"):
        main(["--dataset", "breast_cancer", "--folds", "1"])
    assert "--folds: must be an integer from 2 to 20, got 1" in capsys.readouterr().err
    with pytest.raises(SystemExit, match="2"):  # argparse rejects the choice itself
        main(["--dataset", "iris"])
    assert "invalid choice" in capsys.readouterr().err


def test_huge_repeats_is_refused_at_once(capsys):
    """Issue 10, item 2: --repeats 99999999999999999999999 used to run (practically) forever."""
    with pytest.raises(SystemExit, match="2"):
        main(["--dataset", "breast_cancer", "--repeats", "99999999999999999999999"])
    assert "--repeats: must be an integer from 1 to 20" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--dataset", "breast_cancer", "--repeats", "20"], "5 folds x 20 repeats = 100 splits"),
        (["--dataset", "digits", "--folds", "20", "--repeats", "3"], "more than the 40 allowed"),
        (["--dataset", "spam", "--repeats", "2"], "more than the 5 allowed on spam"),
        (["--dataset", "spam", "--folds", "10"], "--folds 10 is more than the 5 splits"),
    ],
)
def test_split_budget_is_a_usage_error_before_any_work(capsys, monkeypatch, args, message):
    import level3.compare.evaluate as evaluate

    monkeypatch.setattr(evaluate, "compare", lambda *a, **k: pytest.fail("work started"))
    assert main(args) == 2
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1


def test_default_repeats_fit_the_budget():
    from level3.compare.__main__ import DEFAULT_REPEATS, build_parser, splits_in_budget

    parser = build_parser()
    assert splits_in_budget(parser.parse_args(["--dataset", "digits"])) == DEFAULT_REPEATS
    assert splits_in_budget(parser.parse_args(["--dataset", "spam"])) == 1
    assert splits_in_budget(parser.parse_args(["--dataset", "spam", "--folds", "2"])) == 2


def test_cli_constants_match_the_library():
    """The parser spells its choices out (no scikit-learn for --help); they must not drift."""
    import level3.compare as library
    from level3.compare import __main__ as cli_module

    assert tuple(library.DATASETS) == cli_module.DATASETS
    assert tuple(library.MODELS) == cli_module.MODELS
    assert set(cli_module.MAX_SPLITS) == set(library.DATASETS)


def test_help_imports_nothing_heavy():
    code = (
        "import sys; from level3.compare.__main__ import build_parser; build_parser(); "
        "import level3.compare; "
        "print(sorted({'numpy', 'pandas', 'sklearn', 'matplotlib'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
