"""The IDX reader and the Keras model directory: round trips and one-line refusals."""

import gzip
import json

import numpy as np
import pytest

from level6 import idx, modelfile


def _write_idx(path, array):
    header = bytes([0, 0, 0x08, array.ndim]) + b"".join(
        int(n).to_bytes(4, "big") for n in array.shape
    )
    with gzip.open(path, "wb") as handle:
        handle.write(header + array.astype(np.uint8).tobytes())


def test_idx_round_trip_and_split(tmp_path):
    images = np.arange(2 * 3 * 4, dtype=np.uint8).reshape(2, 3, 4)
    _write_idx(tmp_path / "train-images-idx3-ubyte.gz", images)
    _write_idx(tmp_path / "train-labels-idx1-ubyte.gz", np.array([7, 1]))
    got_images, got_labels = idx.load_split(tmp_path, "train")
    np.testing.assert_array_equal(got_images, images)
    assert got_labels.tolist() == [7, 1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not gzip at all", "gzip"),
        (gzip.compress(b"\x00\x00\x0d\x01"), "unsigned bytes"),
        (gzip.compress(b"\x00\x00\x08\x01\x00\x00\x00\x05ab"), "header says"),
    ],
)
def test_idx_refuses_broken_files_in_one_line(tmp_path, content, message):
    path = tmp_path / "x-idx1-ubyte.gz"
    path.write_bytes(content)
    with pytest.raises(idx.IdxError, match=message):
        idx.read_idx(path)


def test_real_mnist_has_the_documented_shapes(realdata):
    images, labels = idx.load_split(realdata("mnist"), "t10k")
    assert images.shape == (10_000, 28, 28)
    assert sorted(set(labels.tolist())) == list(range(10))


@pytest.fixture(scope="module")
def tiny_model():
    from level6.backend import load_keras

    keras = load_keras()
    keras.utils.set_random_seed(0)
    return keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, activation="softmax")])


def test_keras_model_directory_round_trip(tmp_path, tiny_model):
    folder = modelfile.save(tiny_model, tmp_path / "m", tool="level6.test", metrics={"acc": 0.5})
    loaded = modelfile.load(folder, tool="level6.test")
    x = np.ones((2, 4), dtype="float32")
    np.testing.assert_allclose(loaded.model.predict(x, verbose=0), tiny_model.predict(x, verbose=0))
    assert loaded.metadata["metrics"] == {"acc": 0.5}


def test_keras_model_directory_refusals(tmp_path, tiny_model):
    folder = modelfile.save(tiny_model, tmp_path / "m", tool="level6.test")
    with pytest.raises(modelfile.ModelError, match=r"not level6\.other"):
        modelfile.load(folder, tool="level6.other")
    meta = json.loads((folder / "metadata.json").read_text())
    meta["libraries"]["keras"] = "2.0.0"
    (folder / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(modelfile.ModelError, match=r"keras 2\.0\.0"):
        modelfile.load(folder, tool="level6.test")
    folder = modelfile.save(tiny_model, tmp_path / "n", tool="level6.test")
    with (folder / "model.keras").open("ab") as handle:
        handle.write(b"tampered")
    with pytest.raises(modelfile.ModelError, match="changed after it was saved"):
        modelfile.load(folder, tool="level6.test")
