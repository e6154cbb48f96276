"""Why did the model say that? Two model-agnostic explanations the pages show.

* **Words** (:func:`word_influence`): occlusion. Drop every occurrence of one word,
  ask the model again, and record how much the probability of a label fell. The model
  sees words *and* character n-grams, so a coefficient per word would miss half of what
  a word contributes; occlusion measures the whole effect, whatever the features are.
* **District inputs** (:func:`feature_moves`): set one input to its value in a typical
  district, predict again, and record how much the price changed: that is how far
  *this* district's value moved the prediction away from typical. Which inputs, and
  what "typical" means, is the caller's choice (see :mod:`level5.app.districts`).

Both ask the model once, with a batch of all the variants.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

__all__ = [
    "MAX_WORDS",
    "Move",
    "WordInfluence",
    "feature_moves",
    "split_words",
    "word_influence",
]

WORD = re.compile(r"\w+(?:'\w+)*")  # "don't" is one word
MAX_WORDS = 300  # distinct words explained; a 5,000-character text has about 600


@dataclass(frozen=True)
class WordInfluence:
    """How much one word (all its occurrences, any case) raised the label's probability."""

    word: str
    change: float  # P(label | text) - P(label | text without the word)
    count: int


def split_words(text: str) -> list[tuple[str, str | None]]:
    """The text as consecutive pieces: ``(piece, lower-case word)`` or ``(gap, None)``."""
    pieces: list[tuple[str, str | None]] = []
    end = 0
    for match in WORD.finditer(text):
        if match.start() > end:
            pieces.append((text[end : match.start()], None))
        pieces.append((match.group(), match.group().lower()))
        end = match.end()
    if end < len(text):
        pieces.append((text[end:], None))
    return pieces


def word_influence(
    model: Any, text: str, label: str, *, max_words: int = MAX_WORDS
) -> list[WordInfluence]:
    """Occlusion: each distinct word's effect on P(``label``), largest effect first.

    ``model`` is a fitted classifier with ``predict_proba`` and ``classes_`` that takes
    raw texts (a level 1 text pipeline). Only the first ``max_words`` distinct words are
    tried, which bounds the work for long texts.
    """
    classes = [str(c) for c in model.classes_]
    if label not in classes:
        raise ValueError(f"the model has no label {label!r}; it knows {', '.join(classes)}")
    column = classes.index(label)
    pieces = split_words(text)
    words = list(dict.fromkeys(word for _, word in pieces if word is not None))[:max_words]
    if not words:
        return []
    variants = [text] + ["".join(p for p, w in pieces if w != word) for word in words]
    probabilities = model.predict_proba(np.array(variants, dtype=object))[:, column]
    counts = {word: sum(w == word for _, w in pieces) for word in words}
    found = [
        WordInfluence(word, float(probabilities[0] - p), counts[word])
        for word, p in zip(words, probabilities[1:], strict=True)
    ]
    return sorted(found, key=lambda w: -abs(w.change))


@dataclass(frozen=True)
class Move:
    """How far one input moved the prediction away from what a typical value gives."""

    name: str
    change: float  # prediction - prediction with this input set to its typical value


def feature_moves(
    predict: Callable[[list[Mapping[str, Any]]], list[float]],
    district: Mapping[str, Any],
    variants: Mapping[str, Mapping[str, Any]],
) -> list[Move]:
    """Each variant's effect, largest first. ``variants`` maps an input's name to the
    district with that input set to a typical value; ``predict`` gets all in one batch."""
    values = predict([district, *variants.values()])
    moves = [
        Move(name, float(values[0] - value))
        for name, value in zip(variants, values[1:], strict=True)
    ]
    return sorted(moves, key=lambda m: -abs(m.change))
