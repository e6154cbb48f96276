"""Whole-column string building with NumPy, so text columns need no loop over rows.

NumPy 2's variable-width ``StringDType`` holds strings of any length without the
padding of fixed-width ``<U`` arrays, and ``np.strings.add`` joins two whole arrays
element by element in C. Names, emails, codes and sentences are all built from these.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce

import numpy as np
from numpy.dtypes import StringDType

__all__ = ["TEXT", "choose", "join", "sentences"]

TEXT = StringDType()


def join(*parts: np.ndarray | str) -> np.ndarray:
    """Concatenate arrays of strings (or constant strings) element by element."""
    return reduce(np.strings.add, parts, np.array("", dtype=TEXT))


def choose(words: Sequence[str], rows: int, rng: np.random.Generator) -> np.ndarray:
    """``rows`` words drawn uniformly from ``words``."""
    return np.array(words, dtype=TEXT)[rng.integers(0, len(words), rows)]


def sentences(
    rows: int, words: tuple[int, int], vocabulary: Sequence[str], rng: np.random.Generator
) -> np.ndarray:
    """Texts of ``words`` = (fewest, most) words from ``vocabulary``, the first capitalised.

    One step per word position, not per row: position j is appended to every row whose
    text is longer than j, so a 60-word body costs 60 vectorised steps for any row count.
    """
    fewest, most = words
    lengths = rng.integers(fewest, most, rows, endpoint=True)
    capitalised = [w[:1].upper() + w[1:] for w in vocabulary]
    spaced = np.array([" " + w for w in vocabulary], dtype=TEXT)
    text = choose(capitalised, rows, rng)
    for position in range(1, most):
        word = spaced[rng.integers(0, len(vocabulary), rows)]
        text = np.strings.add(text, np.where(position < lengths, word, ""))
    return text
