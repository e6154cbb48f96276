"""The whole beginner pipeline in one function: split, choose by CV, fit, test once, write.

    data -> train/test split -> cross-validate the candidates on the training part
         -> fit the best on the training part -> predict the test part -> score

The test flowers are used once, at the end, so the reported test accuracy is an honest
estimate for new flowers; choosing the model on them would make it optimistic.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from level0.atomic import atomic_write_text
from level1.iris.data import load_data, split
from level1.iris.evaluation import Evaluation, evaluate, plot_confusion_matrix
from level1.iris.models import CVResult, best, cross_validate_models, make_model

__all__ = ["Report", "format_cv_table", "write_report"]


@dataclass(frozen=True)
class Report:
    """What :func:`write_report` found and wrote."""

    train_size: int
    test_size: int
    cv: list[CVResult]
    chosen: str
    evaluation: Evaluation
    files: list[Path]

    def as_dict(self) -> dict[str, Any]:
        return {
            "data": "iris (bundled with scikit-learn)",
            "train_size": self.train_size,
            "test_size": self.test_size,
            "cv_on_train": [r.as_dict() for r in self.cv],
            "chosen_model": self.chosen,
            "test": self.evaluation.as_dict(),
        }


def format_cv_table(results: list[CVResult]) -> str:
    """A plain-text table: model, mean accuracy ± standard deviation over the folds."""
    lines = [f"{'model':<20} {'accuracy (mean ± std)':>22} {'folds':>6}"]
    lines += [f"{r.model:<20} {r.mean:>13.3f} ± {r.std:.3f} {len(r.folds):>6}" for r in results]
    return "\n".join(lines)


def write_report(out: Path, seed: int = 0, test_size: float = 0.2, folds: int = 10) -> Report:
    """Run the pipeline and write confusion_matrix.png, classification_report.txt, report.json."""
    out.mkdir(parents=True, exist_ok=True)
    features, species = load_data()
    x_train, x_test, y_train, y_test = split(features, species, test_size=test_size, seed=seed)
    cv = cross_validate_models(x_train, y_train, folds=folds, seed=seed)
    chosen = best(cv).model
    model = make_model(chosen, seed).fit(x_train, y_train)
    evaluation = evaluate(model, x_test, y_test)

    png = plot_confusion_matrix(
        evaluation,
        out / "confusion_matrix.png",
        title=f"Iris test set ({len(y_test)} flowers): {chosen}\naccuracy {evaluation.accuracy:.3f}",
    )
    text = out / "classification_report.txt"
    atomic_write_text(
        text,
        f"{folds}-fold CV on the {len(y_train)} training flowers (seed {seed}):\n"
        f"{format_cv_table(cv)}\n\nchosen: {chosen}; scored once on the {len(y_test)} test flowers\n\n"
        f"{evaluation.report_text}",
    )
    report = Report(len(y_train), len(y_test), cv, chosen, evaluation, [png, text])
    summary = out / "report.json"
    atomic_write_text(summary, json.dumps(report.as_dict(), indent=2) + "\n")
    report.files.append(summary)
    return report
