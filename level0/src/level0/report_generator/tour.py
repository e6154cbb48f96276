"""Tour step: the default report of 1,000 synthetic sales rows from ``level0.datagen``."""

from __future__ import annotations

import dataclasses
import importlib
from pathlib import Path

from level0.report_generator.data import load_csv
from level0.report_generator.formatting import format_currency
from level0.report_generator.report import build_report, write_report
from level0.report_generator.spec import default_spec
from level0.tour import TourResult

ROWS, SEED = 1000, 0


def run(out: Path) -> TourResult:
    """Write sales.csv (datagen's ``sales`` preset) and its default report under ``out``."""
    try:
        datagen = importlib.import_module("level0.datagen")
    except ModuleNotFoundError as exc:
        if exc.name != "level0.datagen":
            raise
        raise RuntimeError(
            "the report_generator tour needs level0.datagen (the synthetic 'sales' table), which is not there yet"
        ) from exc
    csv_path = out / "sales.csv"
    datagen.write(datagen.generate("sales", rows=ROWS, seed=SEED), csv_path, format="csv")
    frame = load_csv(csv_path)
    spec = dataclasses.replace(
        default_spec(frame, title="Sales report"),
        subtitle=f"Synthetic data: level0.datagen preset 'sales', {ROWS:,} rows, seed {SEED}",
    )
    report = build_report(frame, spec, source=csv_path.name)
    files = write_report(report, out / "report")
    revenue = format_currency(float(frame["revenue"].sum()), spec.currency)
    return TourResult(
        data="synthetic",
        key_result=f"revenue {revenue} over {len(frame):,} orders; {len(report.tables)} tables, {len(report.charts)} charts",
        files=[csv_path, *files],
    )
