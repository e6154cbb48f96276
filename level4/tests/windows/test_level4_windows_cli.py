"""The command line end to end: sensors, stocks, forecast, queries, and one-line errors."""

from __future__ import annotations

import json

import pytest

from level4.windows.__main__ import main


def _json(capsys, argv):
    capsys.readouterr()
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_sensors_writes_flags_plots_and_checks(tmp_path, capsys, realdata):
    realdata("sensors")
    rows = _json(capsys, ["sensors", "-o", str(tmp_path), "--sensor", "CO(GT)"])
    assert [r["sensor"] for r in rows] == ["CO(GT)"]
    assert rows[0]["scored_missing"] == 0
    assert {p.name for p in tmp_path.iterdir()} == {
        "anomalies_CO_GT.png",
        "flags.csv",
        "sensors.json",
    }


def test_stocks_writes_bands_and_volatility(tmp_path, capsys, realdata):
    realdata("stocks")
    rows = _json(capsys, ["stocks", "-o", str(tmp_path), "--tickers", "ko", "ibm", "--plot", "IBM"])
    assert [r["ticker"] for r in rows] == ["IBM", "KO"]
    names = {p.name for p in tmp_path.iterdir()}
    assert names == {"bands.csv", "bollinger_IBM.png", "volatility.png", "stocks.json"}
    assert (tmp_path / "bollinger_IBM.png").read_bytes()[:4] == b"\x89PNG"


def test_forecast_on_synthetic_data_says_so(tmp_path, capsys):
    argv = ["forecast", "--data", "synthetic", "-o", str(tmp_path), "--holdout-days", "20"]
    summary = _json(capsys, [*argv, "--quick", "--splits", "3"])
    assert summary["synthetic"] is True
    assert summary["chosen"] in {c["candidate"] for c in summary["cv"]}
    assert summary["heldout_mae"] < summary["heldout_persistence_mae"]
    assert (tmp_path / "forecast.png").is_file()


def test_queries_list_and_run(capsys, realdata):
    listing = _json(capsys, ["queries", "--list", "--only", "lag_24h"])
    assert listing[0]["sql"].startswith("SELECT a.key")
    realdata("stocks")
    rows = _json(capsys, ["queries", "--source", "stocks", "--rows", "60", "--only", "drawdown"])
    assert rows[0]["ok"]
    assert rows[0]["rows"] == 600


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["stocks", "-o", "{out}", "--tickers", "NOPE"], 2, "unknown ticker 'NOPE'"),
        (["queries", "--only", "nope"], 2, "no query 'nope'"),
        (["sensors", "-o", "{out}", "--csv", "{bad}"], 1, "lacks the Air Quality columns"),
    ],
)
def test_errors_are_one_line(tmp_path, capsys, argv, code, message):
    bad = tmp_path / "bad.csv"
    bad.write_text("a;b\n1;2\n", encoding="utf-8")
    args = [a.replace("{out}", str(tmp_path / "out")).replace("{bad}", str(bad)) for a in argv]
    assert main(args) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("error: ")
    assert message in err[-1]
    assert not (tmp_path / "out").exists()
