"""The comparison table, the bias/variance sweeps, the command line and the tour step.

One command runs in a subprocess, end to end; the others call ``main`` in-process
(the same parser and handler) because every new interpreter re-imports
scikit-learn, SciPy and matplotlib, seconds each on a busy 2-core VM.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from level3.algorithms import tour
from level3.algorithms.__main__ import main

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}  # see conftest.py
    return subprocess.run(
        [sys.executable, "-m", "level3.algorithms", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def test_compare_rows_for_each_pair_and_dataset(solution):
    algorithms = solution("level3.algorithms")
    rows = algorithms.compare(["logistic", "kmeans", "pca"], ["iris"])
    assert [(r.algorithm, r.dataset) for r in rows] == [
        ("logistic", "iris"),
        ("kmeans", "iris"),
        ("pca", "iris"),
    ]
    logistic, kmeans, pca = rows
    assert logistic.metric == "test accuracy"
    assert logistic.ours == logistic.sklearn > 0.9
    assert kmeans.ours == pytest.approx(kmeans.sklearn, rel=0.01)
    assert pca.ours == pytest.approx(pca.sklearn)
    assert pca.agreement == pytest.approx(1.0)
    assert all(r.agreement == pytest.approx(1.0) for r in rows)
    table = algorithms.format_table(rows)
    assert table.splitlines()[0].split() == [
        "algorithm",
        "dataset",
        "metric",
        "ours",
        "sklearn",
        "agreement",
    ]
    assert "agreement for inertia: ARI between the two labellings" in table


def test_compare_refuses_unknown_names(solution):
    algorithms = solution("level3.algorithms")
    with pytest.raises(ValueError, match="unknown algorithm 'forest'"):
        algorithms.compare(["forest"])
    with pytest.raises(ValueError, match="unknown dataset 'mnist'"):
        algorithms.compare(["pca"], ["mnist"])


def test_tree_sweep_shows_training_accuracy_rising_to_one(solution, tmp_path):
    algorithms = solution("level3.algorithms")
    points = algorithms.sweep("tree", "iris", folds=3)
    assert [p.value for p in points] == list(algorithms.SWEEPS["tree"].values)
    train = [p.train_accuracy for p in points]
    assert train == sorted(train)
    assert train[-1] == 1.0
    assert train[0] - points[0].test_accuracy < train[-1] - points[-1].test_accuracy + 0.05
    path = algorithms.plot_sweep(points, "tree", "iris", tmp_path / "tree.png")
    assert path.read_bytes().startswith(PNG_MAGIC)


def test_sweep_refuses_unknown_algorithm_and_too_few_folds(solution):
    algorithms = solution("level3.algorithms")
    with pytest.raises(ValueError, match="no sweep for 'pca'"):
        algorithms.sweep("pca")
    with pytest.raises(ValueError, match="folds must be at least 2"):
        algorithms.sweep("knn", folds=1)


def test_cli_compare_json():
    result = cli("compare", "--algorithm", "knn", "pca", "--dataset", "iris", "--json")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert [(r["algorithm"], r["dataset"]) for r in rows] == [("knn", "iris"), ("pca", "iris")]
    assert set(rows[0]) == {
        "algorithm",
        "dataset",
        "metric",
        "ours",
        "sklearn",
        "agreement",
        "agreement_is",
    }
    assert rows[0]["ours"] == rows[0]["sklearn"]


def test_cli_sweep_prints_a_table_and_writes_the_plot(tmp_path, capsys):
    plot = tmp_path / "knn.png"
    assert main(["sweep", "knn", "--dataset", "iris", "--folds", "3", "--plot", str(plot)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "knn on iris: 3-fold CV accuracy"
    assert lines[1].split() == ["n_neighbors", "train", "held-out"]
    assert [line.split()[0] for line in lines[2:9]] == ["64", "32", "16", "8", "4", "2", "1"]
    assert lines[-1] == f"wrote {plot}"
    assert plot.read_bytes().startswith(PNG_MAGIC)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sweep", "tree", "--plot", "/no/such/dir/x.png"], "error: --plot: no such directory"),
        (["sweep", "tree", "--plot", "/"], "error: --plot: / is a directory"),
    ],
)
def test_usage_errors_are_one_line_exit_2(capsys, args, message):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith(message)
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["sweep", "tree", "--folds", "1"], "must be an integer from 2 to 20, got 1"),
        (["sweep", "tree", "--folds", "99999999999999999999999"], "must be an integer from 2"),
        (["compare", "--seed", "-1"], "must be an integer from 0 to 4,294,967,295, got -1"),
    ],
)
def test_numbers_out_of_range_are_argparse_usage_errors(capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    assert message in capsys.readouterr().err


def test_cli_choices_match_the_library():
    """The parser spells its choices out (no scikit-learn for --help); they must not drift."""
    import level3.algorithms as library
    from level3.algorithms import __main__ as cli_module

    assert tuple(library.ALGORITHMS) == cli_module.ALGORITHMS
    assert tuple(library.DATASETS) == cli_module.DATASETS
    assert tuple(library.SWEEPS) == cli_module.SWEEPS


def test_help_does_not_import_scikit_learn():
    """--help answers at once: parsing needs no NumPy, scikit-learn or matplotlib."""
    code = (
        "import sys; from level3.algorithms.__main__ import build_parser; build_parser(); "
        "import level3.algorithms; "
        "print(sorted({'numpy', 'sklearn', 'matplotlib'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_unknown_choice_is_an_argparse_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["compare", "--algorithm", "forest"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'forest'" in err
    assert "Traceback" not in err


def test_tour_step_writes_its_files(tmp_path, monkeypatch):
    small = tour.compare  # the real tour compares all 18 pairs; two keep this test fast
    monkeypatch.setattr(tour, "compare", lambda: small(["logistic", "pca"], ["iris"]))
    monkeypatch.setattr(tour, "sweep", lambda algorithm, dataset: tour_sweep(algorithm))
    result = tour.run(tmp_path)
    assert result.data == "bundled"
    assert "2 twin pairs" in result.key_result
    assert "within 0.000 of sklearn" in result.key_result
    assert sorted(p.name for p in result.files) == [
        "comparison.json",
        "comparison.txt",
        "sweep_knn.png",
        "sweep_tree.png",
    ]
    assert all(p.is_file() and p.parent == tmp_path for p in result.files)
    assert len(json.loads((tmp_path / "comparison.json").read_text())) == 2


def tour_sweep(algorithm):
    from level3.algorithms.sweep import sweep

    return sweep(algorithm, "iris", folds=2)
