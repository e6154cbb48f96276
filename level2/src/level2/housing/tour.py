"""Tour step: EDA report, CV table and test RMSE on real housing data, or labelled synthetic data."""

from __future__ import annotations

from pathlib import Path

from level0 import datagen, datasets
from level0.atomic import atomic_write_text
from level0.tour import DataKind, TourResult
from level2.housing.data import TARGET, split
from level2.housing.eda import write_report
from level2.housing.models import rmse
from level2.housing.workflow import load_frame, train


def run(out: Path) -> TourResult:
    try:
        frame, _ = load_frame(None)
        kind: DataKind = "real"
        label = "real data"
    except datasets.DatasetMissing:
        frame = datagen.generate("housing", rows=5000, seed=0)
        kind, label = "synthetic", "synthetic: level0.datagen housing preset"
    files = write_report(frame, out / "report", label=label)
    result = train(frame)
    _, test_set = split(frame)
    test_rmse = rmse(test_set[TARGET], result.model.predict(test_set.drop(columns=[TARGET])))
    lines = [
        f"{row.model},{row.cv_rmse:.0f},{row.cv_sd:.0f}" for row in result.cv_table.itertuples()
    ]
    table = out / "cv_rmse.csv"
    atomic_write_text(
        table,
        "model,cv_rmse,cv_sd\n"
        + "\n".join(lines)
        + f"\n# test RMSE ({result.chosen}): {test_rmse:.0f}\n",
    )
    best = result.cv_table.set_index("model").loc[result.chosen, "cv_rmse"]
    key = (
        f"{result.chosen}: 5-fold CV RMSE {best:,.0f} USD, test RMSE {test_rmse:,.0f} USD ({label})"
    )
    return TourResult(data=kind, key_result=key, files=[*files, table])
