"""The command line: reports, checks, and one-line errors with the right exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from level2.finance.__main__ import main


def test_unknown_ticker_is_a_one_line_usage_error_listing_the_available_ones(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "level2.finance", "report", "AAPL", "NOPE", "-o", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("error: unknown ticker NOPE; available: AAPL, AMZN, GOOGL")
    assert not any(tmp_path.iterdir())


def test_synthetic_report_writes_labelled_files(tmp_path, capsys):
    out = tmp_path / "report"
    assert main(["report", "AAPL", "KO", "-o", str(out), "--synthetic", "--windows", "5,20"]) == 0
    printed = capsys.readouterr().out
    assert "SYNTHETIC" in printed
    assert "AAPL" in printed
    assert "KO" in printed
    names = {p.name for p in out.iterdir()}
    assert {"price_AAPL.png", "drawdown_KO.png", "correlation.png", "cumulative.png"} <= names
    assert {"weekly_returns.csv", "monthly_returns.csv", "summary.json", "report.md"} <= names
    assert "SYNTHETIC" in (out / "report.md").read_text()
    summary = json.loads((out / "summary.json").read_text())
    assert summary["data"] == "synthetic"
    assert summary["correlation"]["AAPL"]["AAPL"] == pytest.approx(1.0)


def test_json_output_and_own_csv(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_text("date,close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,9.9\n2024-01-05,12.1\n")
    assert main(["report", "--csv", str(path), "-o", str(tmp_path / "r"), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    (mine,) = data["tickers"]
    assert mine["ticker"] == "mine"
    assert data["correlation"] is None
    assert mine["total_return"] == pytest.approx(0.21)
    assert mine["max_drawdown"]["depth"] == pytest.approx(-0.1)


def test_check_reports_problems_and_fails_on_fatal_ones(tmp_path, capsys):
    good, bad = tmp_path / "good.csv", tmp_path / "bad.csv"
    good.write_text("date,close\n2024-01-02,10\n2024-01-03,11\n")
    bad.write_text("date,close\n2024-01-03,11\n2024-01-02,0\n")
    assert main(["check", str(good)]) == 0
    assert "ok" in capsys.readouterr().out
    assert main(["check", str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert "error: non-positive price" in out
    assert "warning: unsorted dates" in out


def test_a_refused_file_is_a_one_line_failure(tmp_path, capsys):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,close\n2024-01-02,10\n2024-01-02,12\n")
    assert main(["report", "--csv", str(bad), "-o", str(tmp_path / "r")]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: bad: duplicate date")
    assert "\n" not in err


def exit_code(argv: list[str]) -> int:
    """main's return code, or the code of argparse's own exit on a malformed option."""
    try:
        return main(argv)
    except SystemExit as exc:
        return int(exc.code or 0)


@pytest.mark.parametrize(
    "argv",
    [
        ["report", "-o", "x"],
        ["report", "AAPL", "-o", "x", "--windows", "1,5"],
        ["report", "AAPL", "-o", "x", "--vol-window", "abc"],
        ["report", "AAPL", "-o", "x", "--vol-window", "5,20"],
    ],
)
def test_usage_errors_exit_2(argv, capsys):
    assert exit_code(argv) == 2
    assert "error" in capsys.readouterr().err


def test_tickers_lists_the_registry(capsys):
    assert main(["tickers"]) == 0
    assert capsys.readouterr().out.split() == sorted(
        ["AAPL", "AMZN", "GOOGL", "MSFT", "JPM", "XOM", "JNJ", "KO", "WMT", "IBM"]
    )
