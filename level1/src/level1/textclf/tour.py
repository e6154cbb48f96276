"""Tour step: textclf on the three UCI sentiment files (synthetic emails when not cached)."""

from __future__ import annotations

import io
from pathlib import Path

from level0.atomic import atomic_write_text
from level0.datasets import DatasetMissing, locate
from level0.tour import TourResult
from level1.textclf.__main__ import format_training, stream_predictions
from level1.textclf.model import save_classifier, train
from level1.textclf.table import TableFormat, read_labelled, table_format

SOURCES = ("amazon_cells", "yelp", "imdb")
SYNTHETIC_ROWS = 600
EXAMPLES = "The battery died after a week.\nBest pizza in town, friendly staff!\nA dull, predictable plot.\n"


def run(out: Path) -> TourResult:
    try:
        folder = locate("sentiment")
    except DatasetMissing:
        return run_synthetic(out)
    files: list[Path] = []
    accuracies = []
    for source in SOURCES:
        path = folder / f"{source}_labelled.txt"
        accuracy, written = train_one(path, table_format(path, header=False), out / source)
        files += written
        accuracies.append(f"{source.split('_')[0]} {accuracy:.3f}")
    return TourResult(
        data="real", key_result="held-out accuracy: " + ", ".join(accuracies), files=files
    )


def run_synthetic(out: Path) -> TourResult:
    """Four labels (work, personal, promotions, spam) from level0.datagen's emails preset.

    Each label's words come from its own list, so any classifier scores about 1.0: the key
    result says so, because the number tells nothing about real text classification.
    """
    from level0.datagen import generate

    table = generate("emails", rows=SYNTHETIC_ROWS, seed=0)
    table["text"] = table["subject"] + " " + table["body"]
    csv_path = out / "synthetic_emails.csv"
    atomic_write_text(csv_path, table[["text", "label"]].to_csv(index=False))
    accuracy, written = train_one(csv_path, table_format(csv_path), out / "emails")
    key = (
        "SYNTHETIC emails (no sentiment data cached; 4 labels with separate word lists, so the "
        f"score means nothing): held-out accuracy {accuracy:.3f}"
    )
    return TourResult(data="synthetic", key_result=key, files=[csv_path, *written])


def train_one(path: Path, fmt: TableFormat, model_dir: Path) -> tuple[float, list[Path]]:
    """Train on one file; save the model, the training report and predictions for EXAMPLES."""
    result = train(read_labelled(path, fmt), fmt)
    save_classifier(result, model_dir)
    report = model_dir.with_name(f"{model_dir.name}_report.txt")
    atomic_write_text(report, format_training(result) + "\n")
    predictions = io.StringIO()
    stream_predictions(result.model, io.StringIO(EXAMPLES), predictions)
    jsonl = model_dir.with_name(f"{model_dir.name}_predictions.jsonl")
    atomic_write_text(jsonl, predictions.getvalue())
    accuracy = result.heldout.accuracy if result.heldout else float("nan")
    return accuracy, [model_dir / "model.skops", model_dir / "metadata.json", report, jsonl]
