"""Tour step: EDA report, CV comparison, saved model and its test RMSE, on real or labelled synthetic data."""

from __future__ import annotations

from pathlib import Path

from level0 import datagen, datasets
from level0.atomic import atomic_write_text
from level0.tour import DataKind, TourResult
from level2.housing.plots import plot_cv
from level2.housing.report import write_report
from level2.housing.workflow import evaluate, file_sha256, load_frame, save, train


def run(out: Path) -> TourResult:
    source: Path | None
    try:
        frame, source = load_frame(None)
        kind: DataKind = "real"
        label = "real data"
    except datasets.DatasetMissing:
        frame, source = datagen.generate("housing", rows=5000, seed=0), None
        kind, label = "synthetic", "SYNTHETIC: level0.datagen housing preset, 5,000 rows"
    files = write_report(frame, out / "report", label=label)
    result = train(frame)
    model_dir = save(result, out / "model", data=source, seed=42)
    scores = evaluate(
        model_dir, frame, data_sha256=file_sha256(source) if source is not None else None
    )
    table = out / "cv_rmse.csv"
    atomic_write_text(table, result.cv_table.round(1).to_csv(index=False))
    chart = plot_cv(result.cv_table, out / "cv_rmse.png", label, result.chosen)
    best = result.cv_table.set_index("model").loc[result.chosen, "cv_rmse"]
    key = (
        f"{result.chosen}: 5-fold CV RMSE {best:,.0f} USD, "
        f"test RMSE {scores['test_rmse']:,.0f} USD ({label})"
    )
    model_files = sorted(p for p in model_dir.iterdir() if p.is_file())
    return TourResult(data=kind, key_result=key, files=[*files, table, chart, *model_files])
