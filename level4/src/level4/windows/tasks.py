"""The three uses and the catalogue check as tasks that write an output folder.

The CLI and the tour call these: each takes loaded data, writes its CSV, JSON and PNG
files atomically under ``out`` and returns a JSON-ready summary with the table rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from level0.atomic import atomic_open, atomic_write_text
from level4.windows import anomalies, plots, queries
from level4.windows.forecast import evaluate_forecast
from level4.windows.stocks import summarise_stocks

__all__ = ["UNITS", "run_forecast", "run_queries", "run_sensors", "run_stocks"]

UNITS = {
    "CO(GT)": "mg/m³",
    "NMHC(GT)": "µg/m³",
    "C6H6(GT)": "µg/m³",
    "NOx(GT)": "ppb",
    "NO2(GT)": "µg/m³",
    "T": "°C",
    "RH": "%",
    "AH": "g/m³",
}  # the PT08.* columns are raw sensor responses, in arbitrary units


def _note(frame: pd.DataFrame) -> str:
    return " (SYNTHETIC data)" if frame.attrs.get("synthetic") else ""


def _write_json(path: Path, payload: dict[str, Any]) -> Path:
    atomic_write_text(path, json.dumps(payload, indent=2, default=str) + "\n")
    return path


def _write_csv(path: Path, frame: pd.DataFrame) -> Path:
    with atomic_open(path, "w", newline="") as handle:
        frame.to_csv(handle, index=False)
    return path


def run_sensors(
    wide: pd.DataFrame, sensors: list[str], out: Path, *, threshold: float = 4.0
) -> dict[str, Any]:
    """Detect and check anomalies per sensor; one PNG per sensor, flags.csv, sensors.json."""
    out.mkdir(parents=True, exist_ok=True)
    checks, flagged, files = [], [], []
    for sensor in sensors:
        check, scored = anomalies.check_sensor(wide, sensor, threshold=threshold)
        checks.append(check.as_dict())
        flagged.append(scored[scored["flag"]])
        name = "anomalies_" + "".join(c if c.isalnum() else "_" for c in sensor).strip("_")
        files.append(
            plots.plot_anomalies(
                scored,
                anomalies.missing_runs(wide[sensor]),
                sensor,
                UNITS.get(sensor, "sensor units"),
                out / f"{name}.png",
                _note(wide),
            )
        )
    files.append(_write_csv(out / "flags.csv", pd.concat(flagged, ignore_index=True)))
    summary = {"synthetic": bool(wide.attrs.get("synthetic")), "sensors": checks}
    files.append(_write_json(out / "sensors.json", summary))
    return {**summary, "files": [str(f) for f in files]}


def run_stocks(
    frame: pd.DataFrame, out: Path, *, window: int = 20, k: float = 2.0, plot: str | None = None
) -> dict[str, Any]:
    """Volatility and Bollinger summaries; bands.csv, a band PNG, a volatility PNG, stocks.json."""
    summaries, bands, vol = summarise_stocks(frame, window=window, k=k)
    out.mkdir(parents=True, exist_ok=True)
    ticker = plot or summaries[0].ticker
    files = [
        _write_csv(out / "bands.csv", bands.rename(columns={"key": "ticker", "value": "close"})),
        plots.plot_bollinger(bands, ticker, out / f"bollinger_{ticker}.png", _note(frame)),
        plots.plot_volatility(vol, out / "volatility.png", _note(frame)),
    ]
    summary = {
        "synthetic": bool(frame.attrs.get("synthetic")),
        "window": window,
        "k": k,
        "stocks": [s.as_dict() for s in summaries],
    }
    files.append(_write_json(out / "stocks.json", summary))
    return {**summary, "files": [str(f) for f in files]}


def run_forecast(
    wide: pd.DataFrame, out: Path, *, holdout_days: int = 60, splits: int = 5, quick: bool = False
) -> dict[str, Any]:
    """The CO forecast against persistence; predictions.csv, forecast.png, forecast.json."""
    from level4.windows.forecast import CANDIDATES

    chosen = CANDIDATES[1:3] if quick else CANDIDATES
    result = evaluate_forecast(wide, holdout_days=holdout_days, splits=splits, candidates=chosen)
    out.mkdir(parents=True, exist_ok=True)
    summary = {"synthetic": bool(wide.attrs.get("synthetic")), **result.as_dict()}
    files = [
        _write_csv(out / "predictions.csv", result.predictions),
        plots.plot_forecast(result.predictions, out / "forecast.png", _note(wide)),
        _write_json(out / "forecast.json", summary),
    ]
    return {**summary, "files": [str(f) for f in files]}


def run_queries(frame: pd.DataFrame, names: list[str] | None = None) -> list[dict[str, Any]]:
    """Each chosen catalogue query run in pandas and DuckDB on ``frame``, with the verdict."""
    import duckdb

    chosen = [queries.query_named(n) for n in names] if names else list(queries.CATALOGUE)
    connection = duckdb.connect()
    rows = []
    for query in chosen:
        agreement = queries.compare(query, frame, connection)
        rows.append({**agreement.as_dict(), "causal": query.causal, "bridge": query.bridge})
    return rows
