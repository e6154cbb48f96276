"""The evaluation arithmetic on a model whose answers we choose, and the plots it draws."""

from dataclasses import dataclass, field

import numpy as np

from level6.digits import evaluate
from level6.digits.plots import plot_confusion, plot_curves, plot_mistakes


@dataclass
class FixedAnswers:
    """A DigitModel that returns the probabilities it was given (input to the evaluation)."""

    probabilities: np.ndarray
    kind: str = "fixed"
    metadata: dict = field(default_factory=dict)

    def predict_proba(self, images):
        return self.probabilities[: len(images)]


def _one_hot_ish(predicted, confidence):
    p = np.full((len(predicted), 10), (1 - confidence)[:, None] / 9)
    p[np.arange(len(predicted)), predicted] = confidence
    return p


def test_accuracy_confusions_and_confident_mistakes():
    labels = np.array([0, 1, 2, 3, 3, 3], dtype=np.uint8)
    predicted = np.array([0, 1, 2, 5, 5, 3])
    confidence = np.array([0.9, 0.9, 0.9, 0.6, 0.95, 0.9])
    result = evaluate(
        FixedAnswers(_one_hot_ish(predicted, confidence)), np.zeros((6, 28, 28)), labels
    )
    assert result.accuracy == 4 / 6
    assert result.confusion[3, 5] == 2
    assert result.confusion.sum() == 6
    assert result.per_class[3] == 1 / 3
    assert [(m.index, m.true, m.predicted) for m in result.mistakes] == [(4, 3, 5), (3, 3, 5)]
    assert result.top_confusions() == [(3, 5, 2)]


def test_plots_are_pngs(tmp_path):
    labels = np.arange(10, dtype=np.uint8).repeat(3)
    predicted = (labels + np.array([0, 0, 1] * 10)) % 10
    result = evaluate(
        FixedAnswers(_one_hot_ish(predicted, np.full(30, 0.8))), np.random.rand(30, 28, 28), labels
    )
    files = [
        plot_curves([1.0, 0.5], [0.8, 0.9], "test", tmp_path / "curves.png"),
        plot_confusion(result, "test", tmp_path / "confusion.png"),
        plot_mistakes(result, np.random.rand(30, 28, 28), "test", tmp_path / "mistakes.png"),
    ]
    assert all(f.read_bytes()[:4] == b"\x89PNG" for f in files)
