"""The command line end to end (subprocess), its usage errors (in-process), the plot and the tour."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import numpy as np
import pandas as pd
import pytest

from level0.stats_calculator.__main__ import main

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level0.stats_calculator", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def houses(tmp_path):
    path = tmp_path / "houses.csv"
    pd.DataFrame(
        {
            "price": [250.0, 300.0, np.nan, 410.0, 1_500.0, 275.0],
            "rooms": [3, 4, 2, 5, 9, 3],
            "city": ["a", "b", "c", "d", "e", "f"],
        }
    ).to_csv(path, index=False)
    return path


def test_json_report_with_correlation_and_plot(houses, tmp_path):
    png = tmp_path / "price.png"
    result = cli(
        str(houses),
        "--column",
        "price",
        "--with",
        "rooms",
        "--json",
        "--plot",
        str(png),
        "--unit",
        "kEUR",
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["path"], report["column"]) == ("in-memory", "price")
    stats = report["statistics"]
    assert (stats["count"], stats["missing"], stats["median"]) == (5, 1, 300.0)
    assert stats["iqr_outliers"] == 1  # the 1,500 mansion
    assert report["correlation"]["n_pairs"] == 5
    assert report["correlation"]["spearman"] == pytest.approx(0.975, abs=1e-3)
    assert png.read_bytes().startswith(PNG_MAGIC)


def test_error_is_one_line_without_traceback(houses):
    result = cli(str(houses), "--column", "city")
    assert result.returncode == 1
    assert (
        result.stderr == "error: column 'city', data row 1: 'a' is not a number (6 such cell(s))\n"
    )


def test_stream_reports_what_one_pass_cannot_give(houses, capsys):
    assert (
        main([str(houses), "--column", "price", "--with", "rooms", "--stream", "--chunk-rows", "2"])
        == 0
    )
    out = capsys.readouterr().out
    assert "streaming path" in out
    assert "variance (sample, n-1)" in out
    computed, not_computed = out.split("not computed in one pass", 1)
    assert "Pearson r with 'rooms'" in computed
    assert "median, percentiles, IQR" in not_computed
    assert "Spearman" in not_computed


def test_numbers_on_stdin(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO("2 4 4 4\n5 5 7 9 nan\n"))
    assert main(["--json"]) == 0
    stats = json.loads(capsys.readouterr().out)["statistics"]
    assert (stats["mean"], stats["std_population"], stats["modes"], stats["missing"]) == (
        5.0,
        2.0,
        [4.0],
        1,
    )


@pytest.mark.parametrize(
    ("args", "stdin", "code", "message"),
    [
        (["{houses}", "--column", "nope"], "", 2, "no column 'nope' in"),
        (["{missing}", "--column", "price"], "", 1, "No such file or directory"),
        ([], "", 1, "no numbers to describe"),
        ([], "1 2 x", 1, "item 3 of the input, 'x', is not a number"),
        ([], "1 inf", 1, "infinite"),
    ],
)
def test_failures_exit_with_one_line(
    houses, tmp_path, monkeypatch, capsys, args, stdin, code, message
):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    paths = {"houses": str(houses), "missing": str(tmp_path / "missing.csv")}
    assert main([a.format(**paths) for a in args]) == code
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert message in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["{houses}"], "--column NAME is required"),
        (
            ["{houses}", "--column", "price", "--stream", "--plot", "x.png"],
            "--plot needs the in-memory path",
        ),
        (["{houses}", "--column", "price", "--with", "price"], "different column"),
        (["{houses}", "--column", "price", "--confidence", "95"], "from 0.01 to 0.9999, got 95"),
        (["{houses}", "--column", "price", "--bins", "0"], "from 1 to 10,000, got 0"),
        (["--column", "price"], "need a CSV FILE"),
    ],
)
def test_usage_errors_exit_2(houses, capsys, args, message):
    try:
        code = main([a.format(houses=houses) for a in args])
    except SystemExit as exited:  # argparse's own range check
        code = exited.code
    assert code == 2
    assert message in capsys.readouterr().err


def test_empty_column_in_process(tmp_path, capsys):
    path = tmp_path / "e.csv"
    path.write_text("x,y\n,1\n,2\n")
    assert main([str(path), "--column", "x"]) == 1
    assert "no numbers to describe (2 missing value(s) skipped)" in capsys.readouterr().err


def test_failed_plot_leaves_an_existing_file_alone(houses, tmp_path):
    """The PNG is written atomically: a run that fails before the rename changes nothing."""
    png = tmp_path / "keep.png"
    png.write_bytes(b"old")
    assert main([str(houses), "--column", "city", "--plot", str(png)]) == 1
    assert png.read_bytes() == b"old"


def test_tour_writes_json_and_png(tmp_path):
    from level0.stats_calculator import tour

    result = tour.run(tmp_path)
    assert result.data == "synthetic"
    assert {p.name for p in result.files} == {
        "houses_synthetic.csv",
        "price_stats.json",
        "price_histogram.png",
    }
    assert all(p.parent == tmp_path for p in result.files)
    report = json.loads((tmp_path / "price_stats.json").read_text())
    assert report["catastrophic_cancellation"]["welford"] == 30.0
    assert report["catastrophic_cancellation"]["naive_sum_of_squares"] < 0
    memory, stream = report["in_memory"]["statistics"], report["streaming"]["statistics"]
    assert memory["count"] == stream["count"]
    assert memory["median"] < memory["mean"]  # a right-skewed price
    assert "stream == memory" in result.key_result
    assert (tmp_path / "price_histogram.png").read_bytes().startswith(PNG_MAGIC)


def test_a_file_too_big_for_memory_suggests_stream(houses, monkeypatch, capsys):
    monkeypatch.setattr("level0.cli.available_memory", lambda: 2 * houses.stat().st_size)
    assert main([str(houses), "--column", "price"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: loading {houses} whole (--stream reads it in one pass instead)")
    assert main([str(houses), "--column", "price", "--stream"]) == 0


def test_describe_stays_a_function_after_the_cli_imported_its_module():
    import level0.stats_calculator as package
    import level0.stats_calculator.describe  # noqa: F401  (what the CLI's handler does)

    assert callable(package.describe)
    assert package.describe([1.0, 2.0, 3.0]).mean == 2.0
