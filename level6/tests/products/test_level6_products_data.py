"""The splits: sizes, disjointness of train and validation, labels, the data hash."""

import numpy as np
import pytest

from level6.products.data import CLASSES, VALIDATION_SIZE, data_sha256, load_split


def test_train_and_validation_partition_the_training_file(fmnist):
    train, validation = load_split("train", root=fmnist), load_split("validation", root=fmnist)
    assert (len(train), len(validation)) == (60_000 - VALIDATION_SIZE, VALIDATION_SIZE)
    assert train.images.shape[1:] == (28, 28, 1)
    assert train.images.dtype == np.float32
    assert train.images.min() >= 0.0
    assert train.images.max() <= 1.0
    # every category is well represented in the held-out part
    assert np.bincount(validation.labels, minlength=len(CLASSES)).min() > 400


def test_test_split_and_head(fmnist):
    test = load_split("test", root=fmnist)
    assert len(test) == 10_000
    assert set(np.unique(test.labels)) == set(range(len(CLASSES)))
    assert len(test.head(7)) == 7
    assert test.head(None) is test


def test_unknown_split_is_refused(fmnist):
    with pytest.raises(ValueError, match="unknown split"):
        load_split("t10k", root=fmnist)


def test_data_hash_is_stable(fmnist):
    assert data_sha256(fmnist) == data_sha256(fmnist)
    assert len(data_sha256(fmnist)) == 64
