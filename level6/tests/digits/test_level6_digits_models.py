"""Both models learn from a 2,000-image slice, save, load back the same, and repeat under a seed."""

import json

import numpy as np
import pytest

from level1.modelstore import ModelError
from level6.digits import load_model, train_cnn


def test_data_is_scaled_and_split(digits):
    assert digits.train_images.shape == (2_000, 28, 28)
    assert digits.val_images.shape == (5_000, 28, 28)
    assert digits.test_images.shape == (10_000, 28, 28)
    assert digits.train_images.dtype == np.float32
    assert digits.train_images.min() >= 0.0
    assert digits.train_images.max() <= 1.0


def test_mlp_learns_well_above_chance(mlp_dir, digits):
    model = load_model(mlp_dir)
    extra = model.metadata["extra"]
    assert extra["loss"][-1] < extra["loss"][0]
    accuracy = (model.predict_proba(digits.val_images).argmax(axis=1) == digits.val_labels).mean()
    assert accuracy > 0.85  # chance is 0.10


def test_cnn_learns_well_above_chance(cnn_result, digits):
    assert cnn_result.loss[-1] < cnn_result.loss[0]
    model = load_model(cnn_result.directory)
    probabilities = model.predict_proba(digits.val_images[:1_000])
    assert probabilities.shape == (1_000, 10)
    np.testing.assert_allclose(probabilities.sum(axis=1), 1.0, rtol=1e-5)
    assert (probabilities.argmax(axis=1) == digits.val_labels[:1_000]).mean() > 0.7


def test_cnn_predictions_ignore_the_training_augmentation(cnn_result, digits):
    model = load_model(cnn_result.directory)
    batch = digits.test_images[:64]
    np.testing.assert_array_equal(model.predict_proba(batch), model.predict_proba(batch))


def test_cnn_training_repeats_bit_for_bit_under_a_seed(digits, tmp_path):
    from level6.digits.data import Digits

    small = Digits(
        digits.train_images[:300],
        digits.train_labels[:300],
        digits.val_images[:200],
        digits.val_labels[:200],
        digits.test_images[:10],
        digits.test_labels[:10],
        digits.sha256,
    )
    runs = [train_cnn(small, tmp_path / str(i), epochs=1, seed=5, batch_size=32) for i in range(2)]
    first, second = (load_model(r.directory) for r in runs)
    np.testing.assert_array_equal(
        first.predict_proba(small.test_images), second.predict_proba(small.test_images)
    )


@pytest.mark.parametrize("kind", ["mlp", "cnn"])
def test_a_changed_model_file_is_refused(kind, mlp_dir, cnn_result, tmp_path):
    import shutil

    source = mlp_dir if kind == "mlp" else cnn_result.directory
    copy = shutil.copytree(source, tmp_path / kind)
    model_file = next(p for p in copy.iterdir() if p.name.startswith("model."))
    model_file.write_bytes(model_file.read_bytes() + b"x")
    with pytest.raises(ModelError, match="changed after it was saved"):
        load_model(copy)


def test_metadata_records_the_data_and_the_run(mlp_dir, digits):
    meta = json.loads((mlp_dir / "metadata.json").read_text())
    assert meta["data_sha256"] == digits.sha256
    assert meta["extra"]["train_images"] == 2_000
    assert meta["tool"] == "level6.digits.mlp"
