"""Repeated stratified cross-validation of every model on the same splits, and the summary.

All models see exactly the same ``folds x repeats`` splits (one seeded
:class:`~sklearn.model_selection.RepeatedStratifiedKFold`), which is what makes the
paired test between the top two meaningful: on each split both were trained on the
same rows and scored on the same held-out rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.model_selection import RepeatedStratifiedKFold, cross_validate
from threadpoolctl import threadpool_limits
from tqdm import tqdm

from level3.compare.data import Dataset
from level3.compare.models import MODELS, make_pipeline
from level3.compare.stats import PairedTest, corrected_resampled_ttest

__all__ = ["METRICS", "Comparison", "ModelResult", "compare", "format_table"]

# Name shown -> scikit-learn scorer. Macro F1 weighs every class equally (spam is 13%).
METRICS = {"accuracy": "accuracy", "f1_macro": "f1_macro"}


@dataclass(frozen=True)
class ModelResult:
    """One model's per-split scores and timings (seconds per split)."""

    model: str
    scores: dict[str, tuple[float, ...]]
    fit_seconds: tuple[float, ...]
    predict_seconds: tuple[float, ...]

    def mean(self, metric: str = "accuracy") -> float:
        return float(np.mean(self.scores[metric]))

    def std(self, metric: str = "accuracy") -> float:
        return float(np.std(self.scores[metric], ddof=1)) if len(self.scores[metric]) > 1 else 0.0

    def as_dict(self) -> dict[str, Any]:
        summary: dict[str, Any] = {"model": self.model}
        for metric in self.scores:
            summary[metric] = {"mean": self.mean(metric), "std": self.std(metric)}
        summary["fit_seconds"] = float(np.mean(self.fit_seconds))
        summary["predict_seconds"] = float(np.mean(self.predict_seconds))
        summary["splits"] = {metric: list(values) for metric, values in self.scores.items()}
        return summary


@dataclass(frozen=True)
class Comparison:
    """Every model's results (best accuracy first) and the test between the top two."""

    dataset: str
    rows: int
    folds: int
    repeats: int
    results: tuple[ModelResult, ...]
    test: PairedTest | None  # None when only one model was compared

    def as_dict(self) -> dict[str, Any]:
        return {
            "dataset": self.dataset,
            "rows": self.rows,
            "folds": self.folds,
            "repeats": self.repeats,
            "models": [result.as_dict() for result in self.results],
            "top_two_test": None if self.test is None else self.test.as_dict(),
        }


def compare(
    dataset: Dataset,
    models: tuple[str, ...] | None = None,
    folds: int = 5,
    repeats: int = 3,
    seed: int = 0,
) -> Comparison:
    """Cross-validate ``models`` (default: all of :data:`MODELS`) on ``folds x repeats`` splits."""
    names = tuple(models or MODELS)
    unknown = [name for name in names if name not in MODELS]
    if unknown:
        raise ValueError(f"unknown model {unknown[0]!r}; choose from {', '.join(MODELS)}")
    if folds < 2 or repeats < 1:
        raise ValueError("need at least 2 folds and 1 repeat")
    smallest_class = int(np.bincount(np.unique(dataset.y, return_inverse=True)[1]).min())
    if smallest_class < folds:
        raise ValueError(f"the smallest class has {smallest_class} rows, fewer than {folds} folds")
    splitter = RepeatedStratifiedKFold(n_splits=folds, n_repeats=repeats, random_state=seed)
    results = []
    for name in tqdm(names, desc=f"cross-validating on {dataset.name}", unit="model", disable=None):
        with threadpool_limits(limits=1):  # see models.py: threads only slow these small fits
            raw = cross_validate(
                make_pipeline(dataset, name, seed),
                dataset.X,
                dataset.y,
                cv=splitter,
                scoring=METRICS,
            )
        results.append(
            ModelResult(
                name,
                {metric: tuple(map(float, raw[f"test_{metric}"])) for metric in METRICS},
                tuple(map(float, raw["fit_time"])),
                tuple(map(float, raw["score_time"])),
            )
        )
    results.sort(key=lambda result: -result.mean())
    test = None
    if len(results) >= 2 and folds * repeats >= 2:
        n_test = len(dataset) / folds
        best, second = results[0], results[1]
        test = corrected_resampled_ttest(
            best.scores["accuracy"],
            second.scores["accuracy"],
            n_train=round(len(dataset) - n_test),
            n_test=round(n_test),
            model_a=best.model,
            model_b=second.model,
        )
    return Comparison(dataset.name, len(dataset), folds, repeats, tuple(results), test)


def format_table(comparison: Comparison) -> str:
    """A plain-text table of mean ± std per metric and the timings, then the test's verdict."""
    lines = [
        f"{comparison.dataset}: {comparison.rows} rows, "
        f"{comparison.folds}-fold stratified CV x {comparison.repeats} repeats",
        "",
        f"{'model':<20} {'accuracy':>15} {'macro F1':>15} {'fit s':>8} {'predict s':>10}",
    ]
    for r in comparison.results:
        lines.append(
            f"{r.model:<20} {r.mean():>7.4f} ± {r.std():.4f} "
            f"{r.mean('f1_macro'):>7.4f} ± {r.std('f1_macro'):.4f} "
            f"{np.mean(r.fit_seconds):>8.3f} {np.mean(r.predict_seconds):>10.3f}"
        )
    test = comparison.test
    if test is not None:
        verdict = "significant" if test.significant() else "not significant"
        lines += [
            "",
            f"{test.model_a} vs {test.model_b}: accuracy difference {test.mean_difference:+.4f} "
            f"over {test.splits} splits",
            f"  corrected resampled t-test (Nadeau-Bengio): t = {test.t:.2f}, "
            f"p = {test.p_value:.3g} -> {verdict} at 5%",
            f"  naive paired t-test (ignores overlapping training sets): t = {test.naive_t:.2f}, "
            f"p = {test.naive_p_value:.3g}",
        ]
    return "\n".join(lines)
