"""Tour step: the iris pipeline end to end on the bundled data, plus one prediction."""

from __future__ import annotations

from pathlib import Path

from level0.tour import TourResult
from level1.iris.data import load_data
from level1.iris.models import best, cross_validate_models
from level1.iris.predict import predict_species
from level1.iris.report import write_report


def run(out: Path) -> TourResult:
    features, species = load_data()
    top = best(cross_validate_models(features, species, folds=10, seed=0))
    report = write_report(out)
    flower = predict_species(["5.1", "3.5", "1.4", "0.2"])
    key = (
        f"10-fold CV {top.model} {top.mean:.3f} ± {top.std:.3f}; "
        f"test accuracy {report.evaluation.accuracy:.3f} ({report.test_size} flowers); "
        f"5.1 3.5 1.4 0.2 -> {flower.species} ({flower.probabilities[flower.species]:.2f})"
    )
    return TourResult(data="bundled", key_result=key, files=report.files)
