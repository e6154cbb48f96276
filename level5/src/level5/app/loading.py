"""Models and data for the pages: loaded once per server process, trained on request.

The app reads the same model folder as the API (``level5.api.models``); the folder is
``$LEVEL5_MODELS``, which ``python -m level5.app --models DIR`` sets, and ``models`` in
the working directory otherwise. ``st.cache_resource`` keeps one loaded copy for every
visitor; the key includes the model file's modification time, so a model trained
again (by the button below or by ``python -m level5.api train-defaults``) is picked up
on the next run of the page instead of being served stale.
"""

from __future__ import annotations

import os
from pathlib import Path

import streamlit as st

from level1 import modelstore
from level5.api.models import ServedModel, load_model
from level5.api.settings import MODELS_ENV
from level5.app.districts import Districts, load_districts

__all__ = ["MODELS_ENV", "districts", "models_dir", "served_model"]

TRAINING_SECONDS = {"sentiment": 6, "housing": 16}  # measured on the 2-core VM (defaults.py)


def models_dir() -> Path:
    return Path(os.environ.get(MODELS_ENV) or "models")


@st.cache_resource(show_spinner="Loading the model…", max_entries=8)  # old versions go
def _load(folder: str, modified_ns: int) -> ServedModel:
    return load_model(folder)


@st.cache_resource(show_spinner="Reading the training districts…")
def districts() -> Districts:
    return load_districts()


def served_model(name: str, tool: str) -> ServedModel | None:
    """The model ``name`` of the folder when it is a ``tool`` model; otherwise say why on
    the page, how to build it, offer a button that trains it, and return None."""
    folder = models_dir() / name
    try:
        served = _load(str(folder), (folder / modelstore.METADATA_FILE).stat().st_mtime_ns)
    except (FileNotFoundError, NotADirectoryError):
        reason = f"There is no {name} model in `{folder}` yet."
    except modelstore.ModelError as exc:
        reason = f"The {name} model in `{folder}` cannot be used: {exc}."
    else:
        if served.kind.tool == tool:
            return served
        reason = f"`{folder}` holds a {served.kind.tool} model, not a {tool} model."
    st.warning(
        f"{reason} Build the default models with "
        f"`python -m level5.api train-defaults -o {models_dir()}`, or train this one here."
    )
    label = f"Train the {name} model (about {TRAINING_SECONDS[name]} s)"
    if st.button(label, key=f"train-{name}") and _train(name, folder):
        st.rerun()
    return None


def _train(name: str, folder: Path) -> bool:
    """Train with the API's default recipe; a failure is shown on the page, not raised."""
    from level0.datasets import DatasetError
    from level5.api.defaults import TRAINERS

    try:
        with st.spinner(f"Training the {name} model into {folder}…"):
            trained = TRAINERS[name](folder)
    except (OSError, ValueError, DatasetError, modelstore.ModelError) as exc:
        st.error(f"Training the {name} model failed: {exc}")
        return False
    st.toast(f"{name}: {trained.summary}")
    return True
