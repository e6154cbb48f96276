"""The command line: reports, checks, and one-line errors with the right exit codes."""

from __future__ import annotations

import inspect
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


# --- issue 10: every number has a range, every budget is stated ----------------------

HUGE = "99999999999999999999999"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--windows", HUGE], "must be an integer from 2 to 2,520"),
        (["--windows", f"20,{HUGE}"], "must be an integer from 2 to 2,520"),
        (["--windows", "-5"], "must be an integer from 2 to 2,520"),
        (["--windows", "2,3,4,5,6,7,8"], "at most 6 windows"),
        (["--windows", "20,20"], "each window once"),
        (["--vol-window", HUGE], "must be an integer from 2 to 2,520"),
        (["--seed", HUGE], "must be an integer from 0 to"),
        (["--seed", "-1"], "must be an integer from 0 to"),
    ],
)
def test_huge_or_malformed_numbers_are_usage_errors_not_overflow(argv, message, tmp_path, capsys):
    """`report AAPL --windows 99999999999999999999999` used to end in an OverflowError."""
    out = tmp_path / "r"
    assert exit_code(["report", "AAPL", "--synthetic", "-o", str(out), *argv]) == 2
    err = capsys.readouterr().err
    assert message in err
    assert "too large to convert" not in err
    assert not out.exists()


@pytest.mark.parametrize("flag", ["--windows", "--vol-window"])
def test_a_window_longer_than_the_data_is_refused_before_anything_is_written(
    flag, tmp_path, capsys
):
    out = tmp_path / "r"
    assert exit_code(["report", "AAPL", "--synthetic", "-o", str(out), flag, "2000"]) == 2
    err = capsys.readouterr().err
    assert "longer than AAPL's" in err
    assert not out.exists()


def test_a_price_file_over_the_budget_is_refused(tmp_path, monkeypatch, capsys):
    from level2.finance import data

    path = tmp_path / "prices.csv"
    rows = [f"2020-01-{day:02d},{day}" for day in range(1, 29)]
    path.write_text("date,close\n" + "\n".join(rows) + "\n")
    monkeypatch.setattr(data, "MAX_ROWS", 10)
    assert main(["report", "--csv", str(path), "-o", str(tmp_path / "r")]) == 1
    assert "more than 10 rows" in capsys.readouterr().err
    monkeypatch.setattr(data, "MAX_FILE_BYTES", 100)
    assert main(["check", str(path)]) == 1
    assert "a daily price file is far smaller" in capsys.readouterr().err
    assert not (tmp_path / "r").exists()


def test_tables_without_common_days_leave_no_output_folder(tmp_path, capsys):
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text("date,close\n2020-01-01,1\n2020-01-02,2\n2020-01-03,3\n")
    two.write_text("date,close\n2021-01-01,1\n2021-01-04,2\n2021-01-05,3\n")
    out = tmp_path / "r"
    assert main(["report", "--csv", str(one), "--csv", str(two), "-o", str(out)]) == 1
    assert "share 0 date(s)" in capsys.readouterr().err
    assert not out.exists()


def test_the_cli_defaults_match_the_library():
    from level2.finance import __main__ as finance_cli
    from level2.finance import report

    assert finance_cli.WINDOWS == report.WINDOWS
    assert (
        inspect.signature(report.write_report).parameters["vol_window"].default
        == finance_cli.VOL_WINDOW
    )


def test_help_does_not_import_pandas_or_matplotlib():
    code = (
        "import sys, contextlib, io\n"
        "from level2.finance.__main__ import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    try: main(['--help'])\n"
        "    except SystemExit: pass\n"
        "heavy = [m for m in ('pandas', 'numpy', 'matplotlib') if m in sys.modules]\n"
        "print(heavy)\n"
    )
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert shown.stdout.strip() == "[]", shown.stderr
