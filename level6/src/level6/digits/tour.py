"""Tour step: SHORT training runs of both models (labelled as such), their test accuracy and plots.

The full runs (``python -m level6.digits train``) take minutes; their figures are in
the README. Here the MLP sees 10,000 images for 2 epochs and the CNN 3,000 for 2.
"""

from __future__ import annotations

from pathlib import Path

from level0.tour import TourResult
from level6.digits import plots
from level6.digits.data import load_digits
from level6.digits.evaluate import evaluate
from level6.digits.models import load_model
from level6.digits.train import train_cnn, train_mlp


def run(out: Path) -> TourResult:
    digits = load_digits(limit=10_000)
    mlp = train_mlp(digits, out / "mlp", epochs=2)
    few = load_digits(limit=3_000)
    cnn = train_cnn(few, out / "cnn", epochs=2, batch_size=32)
    files, accuracy = [], {}
    for result in (mlp, cnn):
        model = load_model(result.directory)
        evaluation = evaluate(model, digits.test_images, digits.test_labels)
        accuracy[result.kind] = evaluation.accuracy
        title = f"MNIST {result.kind} (short run)"
        files += [
            plots.plot_curves(
                result.loss, result.val_accuracy, title, out / f"{result.kind}_curves.png"
            ),
            plots.plot_confusion(evaluation, title, out / f"{result.kind}_confusion.png"),
            plots.plot_mistakes(
                evaluation, digits.test_images, title, out / f"{result.kind}_mistakes.png"
            ),
        ]
    return TourResult(
        data="real",
        key_result=(
            f"short runs: NumPy MLP (10,000 images, 2 epochs) test accuracy {accuracy['mlp']:.4f}; "
            f"Keras CNN (3,000 images, 2 epochs) {accuracy['cnn']:.4f}; full runs: see README"
        ),
        files=files,
    )
