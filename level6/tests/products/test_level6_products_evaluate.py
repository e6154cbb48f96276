"""Per-class accuracy, the confusion matrix and the confused pairs, and the baseline."""

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from level6.products.baseline import svc_baseline
from level6.products.data import CLASSES, load_split
from level6.products.evaluate import Evaluation, evaluate


@given(arrays(np.int64, (10, 10), elements=st.integers(0, 50)))
def test_confused_pairs_are_the_largest_off_diagonal_cells(matrix):
    result = Evaluation(accuracy=0.0, per_class={}, matrix=matrix, images=int(matrix.sum()))
    pairs = result.confused_pairs(5)
    counts = [p.count for p in pairs]
    assert counts == sorted(counts, reverse=True)
    assert all(p.true != p.predicted and p.count > 0 for p in pairs)
    off = matrix.copy()
    np.fill_diagonal(off, 0)
    assert counts == sorted(off.ravel()[off.ravel() > 0], reverse=True)[:5]


def test_evaluation_adds_up(tiny, validation):
    result = evaluate(tiny[1].model, validation.head(500))
    assert result.matrix.sum() == 500
    assert list(result.per_class) == list(CLASSES)
    assert result.accuracy == np.trace(result.matrix) / 500
    row = result.matrix[6]
    assert result.per_class["shirt"] == row[6] / row.sum()
    summary = result.as_dict()
    assert summary["images"] == 500
    assert len(summary["confusion_matrix"]) == 10


def test_svc_baseline_beats_chance_on_a_small_sample(fmnist):
    train = load_split("train", root=fmnist).head(500)
    validation = load_split("validation", root=fmnist).head(300)
    test = load_split("test", root=fmnist).head(300)
    result = svc_baseline(train, validation, test)
    assert result.train_images == 500
    assert result.val_accuracy > 0.6
    assert result.test_accuracy > 0.6
