"""Prediction API: the models of levels 1 and 2 behind Flask and gunicorn, with a Redis job queue.

Read in this order: :mod:`.models` (the model folder: what is served and how it is
asked), :mod:`.schemas` (the bodies), :mod:`.problems` (errors as problem+json),
:mod:`.app` (the routes), :mod:`.openapi`, :mod:`.metrics`, :mod:`.queue` (queued
batches), :mod:`.gunicorn_conf` and ``__main__`` (serving it), :mod:`.client`.

>>> app = create_app("models")                                               # doctest: +SKIP
>>> app.test_client().post("/v1/models/spam/predict", json={"input": {"text": "hi"}}).json
{'model': 'spam', 'version': '3f2a…', 'predictions': [{'label': 'ham', ...}]}
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without Flask or scikit-learn
    from level5.api.app import MAX_BODY, ModelRegistry, create_app
    from level5.api.client import ApiError, get_json, predict, submit_job
    from level5.api.defaults import train_defaults
    from level5.api.models import load_folder, load_model
    from level5.api.openapi import build_document
    from level5.api.schemas import MAX_BATCH
    from level5.api.settings import Settings

__all__ = [
    "MAX_BATCH",
    "MAX_BODY",
    "ApiError",
    "ModelRegistry",
    "Settings",
    "build_document",
    "create_app",
    "get_json",
    "load_folder",
    "load_model",
    "predict",
    "submit_job",
    "train_defaults",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
