"""Tour step: a short labelled training run, its test confusion matrix and saliency maps."""

from __future__ import annotations

from pathlib import Path

from level0.tour import TourResult
from level6.products import workflows
from level6.products.train import train

TOUR_IMAGES = 6_000  # a short run: the README's full run trains on 55,000 for 8 epochs
TOUR_EPOCHS = 2


def run(out: Path) -> TourResult:
    """Train on ``TOUR_IMAGES`` images, then write ``confusion.png`` and ``saliency.png``."""
    model_dir = out / "products_cnn"
    result = train(model_dir, epochs=TOUR_EPOCHS, limit=TOUR_IMAGES, report=lambda _: None)
    confusion = out / "products_confusion.png"
    scored = workflows.score_on_test(result.model, confusion)
    saliency = workflows.saliency_grid(result.model, out / "products_saliency.png", count=6)
    worst = scored.confused_pairs(1)[0]
    return TourResult(
        data="real",
        key_result=(
            f"short run: {TOUR_IMAGES:,} images, {TOUR_EPOCHS} epochs, test accuracy "
            f"{scored.accuracy:.3f} (full run in README); most confused: {worst.true} -> "
            f"{worst.predicted} ({worst.count})"
        ),
        files=[confusion, saliency],
    )
