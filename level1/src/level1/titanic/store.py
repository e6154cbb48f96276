"""Save and load the fitted pipeline with level1.modelstore (skops + JSON metadata, never pickle).

skops only rebuilds types it trusts; the project's own transformers are named in
:data:`TRUSTED`, so loading refuses anything else someone slipped into the file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sklearn.pipeline import Pipeline

from level1 import modelstore

__all__ = ["TOOL", "TRUSTED", "load_model", "save_model"]

TOOL = "level1.titanic"
TRUSTED = [
    f"level1.titanic.features.{name}"
    for name in ("TrainRowsGuard", "PassengerFeatures", "TrainImputer", "CompanionSurvival")
]


def save_model(
    model: Pipeline,
    directory: str | Path,
    *,
    metrics: dict[str, Any],
    data_sha256: str,
    extra: dict[str, Any] | None = None,
) -> Path:
    """Write the fitted pipeline and its metadata to ``directory`` (replaced only when complete)."""
    return modelstore.save(
        model, directory, tool=TOOL, metrics=metrics, data_sha256=data_sha256, extra=extra
    )


def load_model(directory: str | Path) -> modelstore.SavedModel:
    """The pipeline saved in ``directory`` and its metadata; :class:`modelstore.ModelError` if unusable."""
    return modelstore.load(directory, tool=TOOL, trusted=TRUSTED)
