"""Save and load trained models safely: skops for the model, JSON for what it is.

A pickle runs arbitrary code when loaded, so models are never pickled. A model
directory holds two files:

    model.skops     the fitted estimator, in skops' format (loading builds only types
                    it trusts, or that the caller names)
    metadata.json   which tool made it, the library versions, the data's sha256,
                    the metrics, and the sha256 of model.skops

:func:`load` refuses a directory whose metadata does not match: another tool, another
scikit-learn minor version, or a model file changed after it was saved.
"""

from __future__ import annotations

import hashlib
import json
import platform
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path
from typing import Any

import skops.io

__all__ = [
    "FORMAT",
    "ModelError",
    "SavedModel",
    "check_writable",
    "library_versions",
    "load",
    "read_checked_metadata",
    "save",
    "write_model_directory",
]

FORMAT = "ml-roadmap-model/1"
MODEL_FILE = "model.skops"
METADATA_FILE = "metadata.json"
LIBRARIES = ("scikit-learn", "skops", "numpy", "pandas", "scipy")


class ModelError(ValueError):
    """A model directory that cannot be used, with a one-line reason."""


@dataclass
class SavedModel:
    """A loaded model and its metadata."""

    model: Any
    metadata: dict[str, Any] = field(default_factory=dict)


def library_versions() -> dict[str, str]:
    """The installed versions of the libraries a model's behaviour depends on."""
    return {name: version(name) for name in LIBRARIES}


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save(
    model: Any,
    directory: str | Path,
    *,
    tool: str,
    metrics: dict[str, Any] | None = None,
    data_sha256: str | None = None,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write ``model`` and its metadata to ``directory``, replacing it only when complete.

    ``tool`` names the project that made the model ("level1.spam"); ``load`` checks it.
    The files are built in a temporary sibling directory that is renamed into place,
    so a failure never leaves a half-written model where a good one was.
    """
    return write_model_directory(
        directory,
        lambda path: skops.io.dump(model, path),
        model_file=MODEL_FILE,
        metadata={
            "tool": tool,
            "libraries": library_versions(),
            "estimator": type(model).__name__,
            "data_sha256": data_sha256,
            "metrics": metrics or {},
            "extra": extra or {},
        },
    )


def check_writable(directory: str | Path) -> Path:
    """``directory`` as a Path if a model may be saved there: new, empty, or a saved model
    (which is replaced). A file, or a folder holding other files, is refused, so a CLI can
    check before training rather than after."""
    target = Path(directory)
    if target.exists() and not target.is_dir():
        raise ModelError(f"{target} is a file, not a folder; name a new folder for the model")
    if target.is_dir() and not (target / METADATA_FILE).is_file() and any(target.iterdir()):
        raise ModelError(
            f"{target} exists and is not a model directory (it holds other files); "
            "choose an empty or new folder"
        )
    return target


def write_model_directory(
    directory: str | Path,
    write_model: Callable[[Path], object],
    *,
    model_file: str,
    metadata: dict[str, Any],
) -> Path:
    """The saving discipline for any model format: ``write_model(path)`` writes the model
    file into a staging folder, the metadata (plus format, time, Python version and the
    model file's sha256) goes beside it, and the folder is renamed into place."""
    target = check_writable(directory)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        write_model(staging / model_file)
        full = {
            "format": FORMAT,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
            "python": platform.python_version(),
            **metadata,
            "model_sha256": _sha256(staging / model_file),
        }
        (staging / METADATA_FILE).write_text(json.dumps(full, indent=2, sort_keys=True) + "\n")
        if target.exists():
            old = target.with_name(f".{target.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
            staging.rename(target)
            shutil.rmtree(old)
        else:
            staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return target


def _minor(version_text: str) -> str:
    return ".".join(version_text.split(".")[:2])


def load(directory: str | Path, *, tool: str, trusted: list[str] | None = None) -> SavedModel:
    """Load a model saved by :func:`save` for ``tool``, after checking its metadata.

    ``trusted`` lists the project's own classes (as "module.Class") that skops may
    build besides the types it trusts by default. Anything else is refused.
    """
    folder = Path(directory)
    metadata = read_checked_metadata(
        folder, tool=tool, model_file=MODEL_FILE, library="scikit-learn"
    )
    model_path = folder / MODEL_FILE
    try:
        untrusted = sorted(set(skops.io.get_untrusted_types(file=model_path)) - set(trusted or []))
        if untrusted:
            raise ModelError(
                f"{model_path} contains types skops does not trust ({', '.join(untrusted)}); refusing to load it"
            )
        model = skops.io.load(model_path, trusted=list(trusted or []) or None)
    except ModelError:
        raise
    except Exception as exc:  # a pickle, a corrupt or truncated zip: skops raises many kinds
        raise ModelError(
            f"{model_path} is not a readable skops model ({type(exc).__name__}); "
            "refusing to load it; retrain the model"
        ) from exc
    return SavedModel(model=model, metadata=metadata)


def read_checked_metadata(
    folder: Path, *, tool: str, model_file: str, library: str
) -> dict[str, Any]:
    """The metadata of a model directory, after the checks every format shares: it was
    written here, by ``tool``, with the installed minor version of ``library``, and the
    model file is the one that was saved. Raises :class:`ModelError` with the reason."""
    meta_path, model_path = folder / METADATA_FILE, folder / model_file
    if not meta_path.is_file() or not model_path.is_file():
        raise ModelError(
            f"{folder} is not a model directory (no {METADATA_FILE} and {model_file}); train one first"
        )
    try:
        metadata = json.loads(meta_path.read_text())
    except json.JSONDecodeError as exc:
        raise ModelError(f"{meta_path} is not valid JSON ({exc.msg}); retrain the model") from None
    if not isinstance(metadata, dict) or metadata.get("format") != FORMAT:
        raise ModelError(f"{folder} was not written by ml-roadmap (format {FORMAT} expected)")
    if metadata.get("tool") != tool:
        raise ModelError(f"{folder} holds a model made by {metadata.get('tool')}, not {tool}")
    saved = str(metadata.get("libraries", {}).get(library, "?"))
    installed = version(library)
    if _minor(saved) != _minor(installed):
        raise ModelError(
            f"{folder} was trained with {library} {saved}, this is {installed}; retrain it"
        )
    if _sha256(model_path) != metadata.get("model_sha256"):
        raise ModelError(
            f"{model_path} changed after it was saved (its sha256 no longer matches); retrain it"
        )
    return metadata
