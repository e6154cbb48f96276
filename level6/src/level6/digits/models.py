"""The two digit classifiers: level 6's own NumPy MLP and a Keras convolutional network.

Both are saved as model directories with metadata (``level1.modelstore``'s discipline)
and loaded back behind one small interface, :class:`DigitModel`, so evaluation,
prediction and the drawing canvas do not care which one they hold.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from level1.modelstore import read_checked_metadata, write_model_directory
from level6 import modelfile
from level6.nn import MLP

__all__ = [
    "CNN_TOOL",
    "MLP_TOOL",
    "DigitModel",
    "KerasDigits",
    "NumpyDigits",
    "build_cnn",
    "load_model",
    "save_mlp",
]

MLP_TOOL = "level6.digits.mlp"
CNN_TOOL = "level6.digits.cnn"
MLP_FILE = "model.npz"
MLP_HIDDEN = (512, 256)


class DigitModel(Protocol):
    """What evaluation and prediction need from a trained model."""

    kind: str
    metadata: dict[str, Any]

    def predict_proba(self, images: NDArray[np.float32]) -> NDArray[np.float64]:
        """Class probabilities, shape (n, 10), for images of shape (n, 28, 28) in [0, 1]."""
        ...


@dataclass
class NumpyDigits:
    net: MLP
    metadata: dict[str, Any]
    kind: str = "mlp"

    def predict_proba(self, images: NDArray[np.float32]) -> NDArray[np.float64]:
        flat = np.asarray(images, dtype=np.float64).reshape(len(images), -1)
        return self.net.predict_proba(flat)


@dataclass
class KerasDigits:
    model: Any
    metadata: dict[str, Any]
    kind: str = "cnn"

    def predict_proba(self, images: NDArray[np.float32]) -> NDArray[np.float64]:
        batch = np.asarray(images, dtype=np.float32)[..., np.newaxis]
        return np.asarray(self.model.predict(batch, batch_size=512, verbose=0), dtype=np.float64)


def build_cnn() -> Any:
    """A small VGG-style network (``level6.blocks``): blocks of 32 and 64 filters, then a
    dense layer of 128.

    Light augmentation (up to 8° of rotation, 10% shifts and zoom: the slack in how
    people write and how MNIST centred them) sits inside the model as preprocessing
    layers: Keras applies them only while training, so ``predict`` sees the image as
    given. Call ``level6.backend.seed_everything`` first for a repeatable run.
    """
    from level6.backend import load_keras
    from level6.blocks import conv_block, dense_head

    keras = load_keras()
    layers = keras.layers
    return keras.Sequential(
        [
            keras.Input(shape=(28, 28, 1)),
            layers.RandomRotation(8 / 360, fill_mode="constant"),
            layers.RandomTranslation(0.1, 0.1, fill_mode="constant"),
            layers.RandomZoom(0.1, fill_mode="constant"),
            *conv_block(32, dropout=0.25),
            *conv_block(64, dropout=0.25),
            *dense_head(128, dropout=0.5),
        ],
        name="digits_cnn",
    )


def save_mlp(
    net: MLP, directory: Path, *, metrics: dict[str, Any], data_sha256: str, extra: dict[str, Any]
) -> Path:
    """Write the NumPy MLP (``.npz``) and its metadata as a model directory."""
    from importlib.metadata import version

    return write_model_directory(
        directory,
        net.save,
        model_file=MLP_FILE,
        metadata={
            "tool": MLP_TOOL,
            "libraries": {"numpy": version("numpy")},
            "estimator": f"level6.nn.MLP{net.sizes}",
            "data_sha256": data_sha256,
            "metrics": metrics,
            "extra": extra,
        },
    )


def load_model(directory: Path) -> DigitModel:
    """Whichever kind of digit model ``directory`` holds, after checking its metadata."""
    import json

    meta_path = directory / "metadata.json"
    try:
        tool = json.loads(meta_path.read_text()).get("tool")
    except (OSError, ValueError, AttributeError):
        tool = None
    if tool == CNN_TOOL:
        saved = modelfile.load(directory, tool=CNN_TOOL)
        return KerasDigits(saved.model, saved.metadata)
    metadata = read_checked_metadata(directory, tool=MLP_TOOL, model_file=MLP_FILE, library="numpy")
    return NumpyDigits(MLP.load(directory / MLP_FILE), metadata)
