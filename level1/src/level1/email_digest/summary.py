"""One-line extractive summaries: the most central sentence, with position as a prior.

Each email's body is cut into candidate sentences (greetings, sign-offs and fragments of
fewer than ``MIN_WORDS`` words removed). Every sentence becomes a TF-IDF vector, with the
IDF learned from all the sentences of all the emails being digested, so words that every
email uses ("thanks", "enron") weigh little. A sentence's *centrality* is the cosine
between its vector and the sum of the other sentences' vectors of the same email: how
much of the rest of the email it covers. The score adds a position prior,

    score(i) = centrality(i) + position_weight * exp(-i)        (i = 0 for the first)

and the best-scoring sentence is the summary. ``POSITION_WEIGHT`` was chosen on the AESLC
dev split, never on the test split (see the README and the benchmark).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

from level1.email_digest.text import (
    clean_body,
    is_greeting,
    is_sign_off,
    split_sentences,
    strip_greeting,
    top_part,
    words,
)

__all__ = [
    "MIN_WORDS",
    "POSITION_WEIGHT",
    "Summariser",
    "candidate_sentences",
    "centrality",
    "lead_sentence",
    "summarise",
]

#: Chosen on the AESLC dev split: the smallest weight whose ROUGE-L is within 0.001 of the best.
POSITION_WEIGHT = 0.8
MIN_WORDS = 4


def candidate_sentences(body: str) -> list[str]:
    """The sentences a summary may be: the writer's own text, greetings and sign-offs removed.

    Falls back to the forwarded text when the writer typed nothing, to short fragments
    when no sentence has ``MIN_WORDS`` words, and to [] for an empty body.
    """
    sentences = split_sentences(clean_body(top_part(body))) or split_sentences(clean_body(body))
    kept = []
    for i, sentence in enumerate(sentences):
        if i == 0:
            sentence = strip_greeting(sentence)
        if sentence and not is_greeting(sentence) and not is_sign_off(sentence):
            kept.append(sentence)
    full = [s for s in kept if len(words(s)) >= MIN_WORDS]
    return full or kept or sentences


def lead_sentence(body: str) -> str:
    """The lead-1 baseline: the first sentence of the body as split, nothing removed."""
    sentences = split_sentences(body.replace("\r\n", "\n"))
    return sentences[0] if sentences else ""


def centrality(vectors: np.ndarray) -> np.ndarray:
    """Cosine between each row and the sum of the other rows (0 where either is zero).

    ``vectors`` holds one L2-normalised TF-IDF row per sentence.
    """
    n = vectors.shape[0]
    if n < 2:
        return np.zeros(n)
    others = vectors.sum(axis=0, keepdims=True) - vectors
    dots = np.einsum("ij,ij->i", vectors, others)
    norms = np.linalg.norm(vectors, axis=1) * np.linalg.norm(others, axis=1)
    result: np.ndarray = np.divide(dots, norms, out=np.zeros(n), where=norms > 0)
    return result


class Summariser:
    """Pick one sentence per email; :meth:`fit` learns the IDF from a batch of bodies."""

    def __init__(self, position_weight: float = POSITION_WEIGHT) -> None:
        if position_weight < 0:
            raise ValueError(f"position_weight must be >= 0, not {position_weight}")
        self.position_weight = position_weight
        self.vectorizer_: TfidfVectorizer | None = None

    def fit(self, bodies: Iterable[str]) -> Summariser:
        """Learn the IDF from every candidate sentence of ``bodies``."""
        sentences = [s for body in bodies for s in candidate_sentences(body)]
        vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english")
        try:
            vectorizer.fit(sentences)
        except ValueError:  # no words at all (empty bodies, only stop words): no IDF to learn
            self.vectorizer_ = None
        else:
            self.vectorizer_ = vectorizer
        return self

    def scores(self, sentences: Sequence[str]) -> np.ndarray:
        """Centrality plus the position prior, one score per sentence."""
        prior: np.ndarray = self.position_weight * np.exp(-np.arange(len(sentences), dtype=float))
        if self.vectorizer_ is None or len(sentences) < 2:
            return prior
        vectors = np.asarray(self.vectorizer_.transform(list(sentences)).toarray())
        scores: np.ndarray = centrality(vectors) + prior
        return scores

    def summarise(self, body: str) -> str:
        """The best sentence of ``body``, or "" when it has none."""
        sentences = candidate_sentences(body)
        if not sentences:
            return ""
        return sentences[int(np.argmax(self.scores(sentences)))]


def summarise(body: str, position_weight: float = POSITION_WEIGHT) -> str:
    """Summarise one email on its own (the IDF then comes from its own sentences)."""
    return Summariser(position_weight).fit([body]).summarise(body)
