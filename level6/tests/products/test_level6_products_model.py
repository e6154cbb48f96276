"""The CNN learns, keeps its augmentation to training, repeats under a seed and round-trips."""

import numpy as np

from level6 import modelfile
from level6.products.data import load_split
from level6.products.evaluate import evaluate, probabilities
from level6.products.saliency import saliency_maps
from level6.products.train import TOOL, fit


def test_tiny_run_learns_well_above_chance(tiny, validation):
    _, result = tiny
    assert result.loss[-1] < result.loss[0]
    assert result.val_accuracy[-1] > 0.35  # chance is 0.1
    assert evaluate(result.model, validation.head(1_000)).accuracy > 0.35


def test_probabilities_have_one_row_per_image(tiny, validation):
    probs = probabilities(tiny[1].model, validation.images[:5])
    assert probs.shape == (5, 10)
    np.testing.assert_allclose(probs.sum(axis=1), 1.0, rtol=1e-5)


def test_augmentation_acts_in_training_only(tiny, validation):
    model, images = tiny[1].model, validation.images[:16]
    np.testing.assert_array_equal(probabilities(model, images), probabilities(model, images))
    shift = model.get_layer("augment_shift")  # a layer call leaves the model's state alone
    np.testing.assert_array_equal(shift(images, training=False).numpy(), images)
    assert not np.array_equal(shift(images, training=True).numpy(), images)


def test_saved_folder_loads_with_the_same_predictions(tiny, validation):
    folder, result = tiny
    saved = modelfile.load(folder, tool=TOOL)
    images = validation.images[:32]
    np.testing.assert_allclose(
        probabilities(saved.model, images), probabilities(result.model, images), atol=1e-6
    )
    assert saved.metadata["extra"]["train_images"] == 2_000
    assert saved.metadata["metrics"]["val_accuracy"] == round(result.val_accuracy[-1], 4)


def test_same_seed_same_weights(fmnist):
    train, validation = (
        load_split("train", root=fmnist).head(256),
        load_split("validation", root=fmnist).head(64),
    )
    runs = [fit(train, validation, epochs=1, seed=7) for _ in range(2)]
    for a, b in zip(runs[0].model.get_weights(), runs[1].model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)


def test_saliency_is_one_non_negative_map_per_image(tiny, validation):
    maps = saliency_maps(tiny[1].model, validation.images[:4])
    assert maps.shape == (4, 28, 28)
    assert maps.min() >= 0.0
    assert maps.max() > 0.0
