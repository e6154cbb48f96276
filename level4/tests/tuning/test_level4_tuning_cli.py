"""The command line end to end on a small real sample: search, compare, evaluate, runs, errors."""

from __future__ import annotations

import json

import pytest

from level4.tuning.__main__ import main

QUICK = ["--corpus", "sms", "--sample", "300", "--folds", "2", "--repeats", "1", "--jobs", "1"]


@pytest.fixture(scope="module")
def tracked(tmp_path_factory, realdata):
    """A random search with MLflow tracking into the output folder."""
    realdata("sms_spam")
    out = tmp_path_factory.mktemp("tuning") / "search"
    argv = ["search", "--method", "random", "--budget", "8", "-o", str(out), "--no-nested"]
    assert main([*argv, *QUICK]) == 0
    return out


def test_search_writes_model_summary_figures_and_store(tracked):
    names = {p.name for p in tracked.iterdir()}
    assert {"model", "summary.json", "mlflow.db", "progress.png", "fitting.png"} <= names
    assert {"roc.png", "precision_recall.png"} <= names
    summary = json.loads((tracked / "summary.json").read_text())
    assert summary["chosen"]["method"] == "random"
    assert summary["nested"] is None  # --no-nested; test_level4_tuning_honest checks nested CV
    assert summary["diagnosis"]["verdict"] in {
        "high variance",
        "high bias",
        "high variance and high bias",
        "good fit",
    }
    assert summary["heldout_messages"] == 60


def test_runs_lists_every_trial_best_first(tracked, capsys):
    capsys.readouterr()
    assert main(["runs", str(tracked), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    summary = json.loads((tracked / "summary.json").read_text())
    assert len(rows) == summary["methods"][0]["trials"] == 4
    scores = [row["cv_mcc"] for row in rows]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == pytest.approx(summary["methods"][0]["best_cv_mcc"])
    assert {row["data_sha256"] for row in rows} == {summary["training_sha256"]}
    assert main(["runs", str(tracked), "--method", "grid"]) == 0
    assert "no trials logged yet" in capsys.readouterr().out


def test_evaluate_reproduces_the_heldout_figures(tracked, capsys):
    capsys.readouterr()
    assert main(["evaluate", str(tracked), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    summary = json.loads((tracked / "summary.json").read_text())
    assert result["scope"].startswith("held-out split of sms")
    confusion = result["report"].pop("confusion")
    assert confusion == summary["heldout"].pop("confusion")
    assert result["report"] == pytest.approx(summary["heldout"])


def test_evaluate_on_another_corpus_keeps_the_heldout_figures(tracked, capsys):
    before = (tracked / "roc.png").read_bytes()
    capsys.readouterr()
    assert main(["evaluate", str(tracked), "--corpus", "synthetic", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["scope"].startswith("whole synthetic corpus")
    assert result["report"]["messages"] == 1000
    assert result["figures"] == ["synthetic_roc.png", "synthetic_precision_recall.png"]
    assert (tracked / "roc.png").read_bytes() == before


def test_compare_runs_all_four_methods(tmp_path, realdata, capsys):
    realdata("sms_spam")
    out = tmp_path / "compare"
    argv = ["compare", "--budget", "4", "-o", str(out), "--no-nested", "--no-track", *QUICK]
    assert main(argv) == 0
    text = capsys.readouterr().out
    for method in ("grid", "random", "halving", "optuna"):
        assert f"\n{method} " in text
    assert "diagnosis: " in text
    assert "held-out split, scored once" in text
    assert not (out / "mlflow.db").exists()


def one_error(capsys):
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith("error: "), lines
    return lines[0]


def test_runs_without_a_store_is_one_line(tmp_path, capsys):
    assert main(["runs", str(tmp_path)]) == 1
    assert "mlflow.db does not exist" in one_error(capsys)


def test_evaluate_a_folder_without_a_model_is_one_line(tmp_path, capsys):
    assert main(["evaluate", str(tmp_path)]) == 1
    assert "summary.json" in one_error(capsys)


def test_a_scheduler_without_dask_is_a_usage_error(tmp_path, capsys):
    argv = ["search", "--method", "grid", "--budget", "4", "-o", str(tmp_path / "x")]
    assert main([*argv, "--scheduler", "tcp://127.0.0.1:1"]) == 2
    assert "--backend dask" in one_error(capsys)
    assert not (tmp_path / "x").exists()
