"""python -m level3.clusters: one end-to-end run as a subprocess, bad input in-process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from level3.clusters.__main__ import main


def test_the_cli_writes_plots_profiles_and_labels(tmp_path, blobs):
    features = tmp_path / "features.csv"
    blobs[0].to_csv(features)
    out = tmp_path / "out"
    command = [sys.executable, "-m", "level3.clusters", "--input", str(features)]
    done = subprocess.run(
        [*command, "--k-max", "6", "-o", str(out), "--json"],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "OMP_NUM_THREADS": "1"},
    )
    assert done.returncode == 0, done.stderr
    summary = json.loads(done.stdout)
    assert summary["best_k_silhouette"] == 4
    assert [row["k"] for row in summary["sweep"]] == [2, 3, 4, 5, 6]
    assert sum(p["size"] for p in summary["profiles"]) == 200
    for name in ("sweep.png", "kmeans_pca.png", "dbscan_pca.png"):
        assert (out / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert json.loads((out / "clusters.json").read_text())["elbow_k"] == summary["elbow_k"]
    assert (out / "profiles.md").read_text().count("\n| ") == 2 + 4  # header, rule, 4 clusters
    assert len((out / "labels.csv").read_text().splitlines()) == 201


def test_the_table_output_names_both_methods(tmp_path, blobs, capsys):
    features = tmp_path / "features.csv"
    blobs[0].to_csv(features)
    assert main(["--input", str(features), "--k-max", "5", "-o", str(tmp_path / "o")]) == 0
    text = capsys.readouterr().out
    assert "k-means: k = 4 by silhouette" in text
    assert "DBSCAN: eps = " in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--k-min", "5", "--k-max", "3"], "--k-max (3) must be at least --k-min (5)"),
        (["--k-max", "30", "--rows", "20"], "--k-max (30) must be below the number of rows (20)"),
    ],
)
def test_an_invalid_k_range_is_a_usage_error(tmp_path, blobs, capsys, args, message):
    features = tmp_path / "features.csv"
    rows = int(args[-1]) if "--rows" in args else len(blobs[0])
    blobs[0].iloc[:rows].to_csv(features)
    args = args[:-2] if "--rows" in args else args
    out = tmp_path / "out"
    assert main(["--input", str(features), *args, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {message}\n"
    assert not out.exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--k-max", "1"], "--k-max: must be an integer from 2 to 30, got 1"),
        (["--k-max", "500"], "--k-max: must be an integer from 2 to 30, got 500"),
        (["--k-min", "1"], "--k-min: must be an integer from 2 to 30, got 1"),
        (["--min-samples", "1"], "--min-samples: must be an integer from 2 to 100, got 1"),
    ],
)
def test_numbers_out_of_range_are_argparse_errors(tmp_path, capsys, args, message):
    with pytest.raises(SystemExit) as end:
        main([*args, "-o", str(tmp_path / "out")])
    assert end.value.code == 2
    assert message in capsys.readouterr().err


def test_row_and_size_budgets(tmp_path, capsys, monkeypatch):
    from level3.clusters import __main__ as cli_module

    big = tmp_path / "big.csv"
    big.write_text("id,a,b\n" + "".join(f"{i},{i % 7},{i % 11}\n" for i in range(60)))
    monkeypatch.setattr(cli_module, "MAX_ROWS", 50)
    assert main(["--input", str(big), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err == (
        "error: 60 rows is more than the 50 this tool clusters (k-means x every k, DBSCAN); "
        "cluster a sample of them\n"
    )
    monkeypatch.setattr(cli_module, "MAX_INPUT_BYTES", 100)
    assert main(["--input", str(big), "-o", str(tmp_path / "out")]) == 1
    assert "more than the 0 MB this tool reads" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_help_imports_nothing_heavy():
    code = (
        "import sys; from level3.clusters.__main__ import build_parser; build_parser(); "
        "import level3.clusters; "
        "print(sorted({'numpy', 'pandas', 'sklearn', 'matplotlib'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_bad_input_file_is_one_line_and_exit_1(tmp_path, capsys):
    bad = tmp_path / "features.csv"
    bad.write_text("id,a,b\n1,1,x\n2,2,y\n3,3,z\n")
    assert main(["--input", str(bad), "-o", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.count("\n") == 1
    assert main(["--input", str(tmp_path / "missing.csv"), "-o", str(tmp_path / "out")]) == 1
    assert "missing.csv" in capsys.readouterr().err
