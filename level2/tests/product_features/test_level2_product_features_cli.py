"""The command line end to end: crawl the demo shop, build features from the crawl, errors."""

from __future__ import annotations

import json
import subprocess
import sys

import pandas as pd
import pytest

import level2.product_features.__main__ as cli_module
from level2.product_features.__main__ import main
from level2.scraper import Fetcher, crawl, serve_demo

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "level2.product_features", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_crawl_then_build_like_a_user(tmp_path):
    """The scraper's real output, over HTTP from the demo shop, is this project's input."""
    crawled = tmp_path / "products.jsonl"
    with serve_demo(products=40, slow_seconds=0.05) as shop, Fetcher(delay=0, backoff=0) as fetcher:
        crawl(shop.url, crawled, fetcher=fetcher, progress=False)
    out = tmp_path / "report"
    result = cli("build", str(crawled), "-o", str(out), "--folds", "2", "--k", "5", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["products"] == 39
    assert [row["method"] for row in summary["selection"]][:3] == [
        "chance",
        "all features",
        "chi-square",
    ]
    for name in ("report.md", "features.csv", "features.json", "selection.csv"):
        assert (out / name).stat().st_size > 0, name
    for name in ("missing.png", "prices.png", "correlation.png", "selection.png", "lasso_path.png"):
        assert (out / name).read_bytes().startswith(PNG_MAGIC), name
    report = (out / "report.md").read_text(encoding="utf-8")
    for heading in ("## Missing values", "## Outliers", "## Class imbalance", "## Sparsity"):
        assert heading in report
    assert "## Multicollinearity" in report
    assert "## Feature selection" in report


def test_table_output(pf, monkeypatch, tmp_path, capsys):
    """The table printed without --json (build itself is replaced: the subprocess test runs it)."""
    table = pd.DataFrame(
        [
            ["chance", "baseline", 0, "", 1 / 3, 0.0],
            ["RFE", "wrapper", 3, "a, b, c", 0.61, 0.02],
        ],
        columns=["method", "family", "n_features", "features", "cv_mean", "cv_sd"],
    )
    selection = pf.SelectionResult("price_band", ["low", "mid", "high"], [5, 5, 5], 3, 3, table)
    result = pf.BuildResult("demo.jsonl", 15, 1, selection, (15, 9), [])
    from level2.product_features import report

    monkeypatch.setattr(report, "build", lambda *args, **kwargs: result)  # the CLI imports it late
    (tmp_path / "demo.jsonl").touch()
    assert main(["build", str(tmp_path / "demo.jsonl"), "-o", str(tmp_path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "15 products from demo.jsonl (1 duplicates dropped); target: price_band, "
        "3-fold CV, balanced accuracy"
    )
    assert out[2] == "  RFE                  wrapper     3 features  0.610 ± 0.020"
    assert out[3].startswith("The features carry information about the price band")
    assert out[4] == f"feature matrix 15 x 9; files in {tmp_path}"


def test_parse_price_command(capsys):
    assert main(["parse-price", "from £1,234.50", "N/A", "10–15 €"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "'from £1,234.50': 1234.5 GBP [from, 1234.5-1234.5]",
        "'N/A': no price",
        "'10–15 €': 12.5 EUR [range, 10-15]",
    ]
    assert main(["parse-price", "£5", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["amount"] == 5.0


def test_an_unreadable_price_exits_1_with_one_line(capsys):
    assert main(["parse-price", "£1,23,4"]) == 1
    captured = capsys.readouterr()
    assert "thousands separators in odd places" in captured.out
    assert captured.err == "error: some prices could not be read\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["build", "missing.jsonl", "-o", "out"], "no such file or folder: missing.jsonl"),
    ],
)
def test_usage_errors_exit_2(args, message, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ")
    assert message in err


HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    ("flag", "value", "message"),
    [
        ("--folds", "1", "--folds: must be an integer from 2 to 20"),
        ("--folds", HUGE, "--folds: must be an integer from 2 to 20"),
        ("--k", "0", "--k: must be an integer from 1 to 1,000"),
        ("--k", HUGE, "--k: must be an integer from 1 to 1,000"),
        ("--seed", "nan", "--seed: expected an integer"),
    ],
)
def test_numbers_out_of_range_are_usage_errors(flag, value, message, capsys, tmp_path):
    with pytest.raises(SystemExit) as end:
        main(["build", "x.jsonl", "-o", str(tmp_path / "out"), flag, value])
    assert end.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bad.jsonl", bytes(range(256)) * 4, "bad.jsonl is not UTF-8 text"),
        ("bad.csv", "café,x\n1,2\n".encode("latin-1"), "bad.csv is not UTF-8 text"),
        ("bad.csv", b"", "bad.csv is empty"),
        ("bad.jsonl", b"[1, 2]\n", "line 1 is not a JSON object"),
    ],
)
def test_an_unreadable_input_is_named_in_one_line(name, content, message, tmp_path, capsys):
    bad = tmp_path / name
    bad.write_bytes(content)
    assert main(["build", str(bad), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert message in err
    assert not (tmp_path / "out").exists()


def test_an_input_over_the_budget_is_refused_before_reading(tmp_path, capsys, monkeypatch):
    from level2.product_features import load

    monkeypatch.setattr(load, "MAX_INPUT_BYTES", 10)
    big = tmp_path / "big.jsonl"
    big.write_text('{"url": "http://shop/1"}\n', encoding="utf-8")
    assert main(["build", str(big), "-o", str(tmp_path / "out")]) == 1
    assert "this tool reads at most 0 MB" in capsys.readouterr().err


def test_the_cli_choices_match_the_library():
    from level2.product_features import selection

    assert cli_module.TARGETS == selection.TARGETS


def test_help_does_not_import_scikit_learn_or_pandas():
    code = (
        "import sys, contextlib, io\n"
        "from level2.product_features.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "print([m for m in ('pandas', 'numpy', 'sklearn', 'matplotlib') if m in sys.modules])\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert shown.stdout.strip() == "[]", shown.stderr


def test_no_input_and_no_cached_data_exits_1(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("MLROADMAP_DATA", str(tmp_path))  # an empty data folder
    assert main(["build", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: dataset 'products' is not in")
    assert "or pass INPUT" in err
    assert err.count("\n") == 1


def test_a_bad_input_file_exits_1(tmp_path, capsys):
    bad = tmp_path / "bad.jsonl"
    bad.write_text("not json\n", encoding="utf-8")
    assert main(["build", str(bad), "-o", str(tmp_path / "out")]) == 1
    assert "line 1 is not JSON" in capsys.readouterr().err
