"""Keras models on disk with the same discipline as level 1's model store.

A model directory holds ``model.keras`` (Keras 3's zip of config and weights) and
``metadata.json`` (the tool that made it, library versions, the training data's sha256,
the metrics). Loading refuses another tool's model, another Keras minor version or a
changed file, each in one line, and uses ``safe_mode=True``: a ``.keras`` file may hold
a ``Lambda`` layer with pickled Python code, which safe mode refuses to run.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path
from typing import Any

from level1.modelstore import ModelError, SavedModel, read_checked_metadata, write_model_directory
from level6.backend import load_keras

__all__ = ["MODEL_FILE", "ModelError", "SavedModel", "load", "save"]

MODEL_FILE = "model.keras"
LIBRARIES = ("keras", "tensorflow-cpu", "numpy")


def save(
    model: Any,
    directory: str | Path,
    *,
    tool: str,
    metrics: dict[str, Any] | None = None,
    data_sha256: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write a Keras ``model`` and its metadata to ``directory``, replacing it only when complete."""
    return write_model_directory(
        directory,
        model.save,
        model_file=MODEL_FILE,
        metadata={
            "tool": tool,
            "libraries": {name: version(name) for name in LIBRARIES},
            "estimator": f"keras.{type(model).__name__}",
            "data_sha256": data_sha256,
            "metrics": metrics or {},
            "extra": extra or {},
        },
    )


def load(directory: str | Path, *, tool: str) -> SavedModel:
    """Load a model saved by :func:`save` for ``tool``, after checking its metadata."""
    folder = Path(directory)
    metadata = read_checked_metadata(folder, tool=tool, model_file=MODEL_FILE, library="keras")
    keras = load_keras()
    try:
        model = keras.saving.load_model(folder / MODEL_FILE, safe_mode=True)
    except Exception as exc:  # a corrupt zip, an unknown layer, code refused by safe mode
        raise ModelError(
            f"{folder / MODEL_FILE} is not a loadable Keras model ({type(exc).__name__}); retrain it"
        ) from exc
    return SavedModel(model=model, metadata=metadata)
