"""Tour step: compare the six models on breast cancer (bundled) and draw the curves."""

from __future__ import annotations

import json
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.tour import TourResult
from level3.compare.curves import plot_learning_curves, plot_validation_curves
from level3.compare.data import load_dataset
from level3.compare.evaluate import compare, format_table


def run(out: Path) -> TourResult:
    dataset = load_dataset("breast_cancer")
    comparison = compare(dataset, folds=5, repeats=2, seed=0)
    report = out / "comparison.txt"
    atomic_write_text(report, format_table(comparison) + "\n")
    summary = out / "comparison.json"
    atomic_write_text(summary, json.dumps(comparison.as_dict(), indent=2) + "\n")
    files = [
        report,
        summary,
        plot_learning_curves(dataset, out / "breast_cancer_learning.png"),
        plot_validation_curves(dataset, out / "breast_cancer_validation.png"),
    ]
    best = comparison.results[0]
    test = comparison.test
    assert test is not None
    key = (
        f"breast_cancer 5x2 CV: best {best.model} {best.mean():.3f}±{best.std():.3f}; "
        f"vs {test.model_b}: corrected p={test.p_value:.2f} (naive p={test.naive_p_value:.2f})"
    )
    return TourResult(data="bundled", key_result=key, files=files)
