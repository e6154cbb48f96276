"""Keras 3 on TensorFlow, imported on first use and quietly.

Importing TensorFlow takes seconds and prints start-up lines, so no level 6 module
imports it at the top: a CLI's ``--help`` stays instant and a learner reading the NumPy
code never waits for it. :func:`load_keras` sets the backend and the log level before
the first import, then returns the ``keras`` module.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

__all__ = ["load_keras", "seed_everything"]


def load_keras() -> Any:  # the keras module (untyped)
    """The ``keras`` module, on the TensorFlow backend, with TensorFlow's C++ logging off."""
    os.environ.setdefault("KERAS_BACKEND", "tensorflow")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")  # errors only
    with _stderr_silenced():  # TensorFlow's oneDNN notice ignores the log level
        import keras

    if keras.backend.backend() != "tensorflow":
        raise RuntimeError(
            f"level 6 runs Keras on TensorFlow, but KERAS_BACKEND is {keras.backend.backend()!r}; "
            "unset it or set it to 'tensorflow'"
        )
    return keras


@contextmanager
def _stderr_silenced() -> Iterator[None]:
    """Point file descriptor 2 at /dev/null for the block: C++ code writes there directly,
    so redirecting ``sys.stderr`` would not catch it. Python errors still propagate as
    exceptions and are reported by the caller."""
    sys.stderr.flush()
    saved = os.dup(2)
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(devnull)


def seed_everything(seed: int) -> None:
    """Seed Python, NumPy and TensorFlow at once, so a training run repeats bit for bit."""
    load_keras().utils.set_random_seed(seed)
