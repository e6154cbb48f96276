"""Tour step: the three uses on real data when cached (else labelled synthetic), quickly."""

from __future__ import annotations

from pathlib import Path

from level0.datasets import DatasetMissing
from level0.tour import DataKind, TourResult
from level4.windows import data
from level4.windows.tasks import run_forecast, run_queries, run_sensors, run_stocks

TICKERS = ["AAPL", "JPM", "XOM"]


def run(out: Path) -> TourResult:
    """Anomalies on CO, bands for three tickers, the quick forecast, the catalogue on 500 hours."""
    kind: DataKind
    try:
        wide, prices, kind = data.load_air_quality(), data.load_stocks(TICKERS), "real"
    except DatasetMissing:
        wide, prices = data.synthetic_air_quality(), data.synthetic_stocks(TICKERS)
        kind = "synthetic"
    sensors = run_sensors(wide, ["CO(GT)"], out / "sensors")
    stocks = run_stocks(prices, out / "stocks")
    forecast = run_forecast(wide, out / "forecast", splits=3, quick=True)
    checks = run_queries(data.long_frame(wide.iloc[:500], ["CO(GT)", "T"], drop_missing=False))
    agreed = sum(row["ok"] for row in checks)
    key = (
        f"CO 24 h ahead, held-out MAE {forecast['heldout_mae']:.3f} vs persistence "
        f"{forecast['heldout_persistence_mae']:.3f}; {sensors['sensors'][0]['flagged']} CO "
        f"anomalies; DuckDB agrees on {agreed}/{len(checks)} queries"
    )
    if kind == "synthetic":
        key = f"SYNTHETIC air quality and prices (no registry data cached): {key}"
    files = [Path(f) for part in (sensors, stocks, forecast) for f in part["files"]]
    return TourResult(data=kind, key_result=key, files=files)
