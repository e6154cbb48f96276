"""A small ROUGE-1/2/L, written from the definitions so the tour can score without extra packages.

ROUGE compares a candidate summary with a reference by overlapping words:

* ROUGE-N: n-grams shared by both (each counted at most as often as in either),
  precision = shared / candidate n-grams, recall = shared / reference n-grams;
* ROUGE-L: the longest common subsequence (LCS) of the two token lists,
  precision = LCS / candidate length, recall = LCS / reference length;

and F = 2PR / (P + R). Tokens follow Google's ``rouge-score`` package without stemming:
lower-case, every run of characters other than a-z and 0-9 is a separator. The tests
check these numbers against ``rouge-score`` (the scorer the benchmark uses).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

__all__ = ["RougeScore", "lcs_length", "rouge", "rouge_l", "rouge_n", "tokenize"]

_SEPARATORS = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class RougeScore:
    """Precision, recall and F1 of one comparison."""

    precision: float
    recall: float
    fmeasure: float


def _score(overlap: int, candidate_total: int, reference_total: int) -> RougeScore:
    precision = overlap / candidate_total if candidate_total else 0.0
    recall = overlap / reference_total if reference_total else 0.0
    total = precision + recall
    return RougeScore(precision, recall, 2 * precision * recall / total if total else 0.0)


def tokenize(text: str) -> list[str]:
    """Lower-case alphanumeric tokens, as rouge-score makes them (no stemming)."""
    return [token for token in _SEPARATORS.split(text.lower()) if token]


def _ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def rouge_n(candidate: str, reference: str, n: int) -> RougeScore:
    """ROUGE-N of ``candidate`` against ``reference``."""
    if n < 1:
        raise ValueError(f"n must be at least 1, not {n}")
    ours, theirs = _ngrams(tokenize(candidate), n), _ngrams(tokenize(reference), n)
    overlap = sum((ours & theirs).values())
    return _score(overlap, sum(ours.values()), sum(theirs.values()))


def lcs_length(a: Sequence[str], b: Sequence[str]) -> int:
    """Length of the longest common subsequence, by dynamic programming in O(len(a)*len(b))."""
    previous = [0] * (len(b) + 1)
    for item in a:
        current = [0]
        for j, other in enumerate(b, start=1):
            current.append(
                previous[j - 1] + 1 if item == other else max(previous[j], current[j - 1])
            )
        previous = current
    return previous[-1]


def rouge_l(candidate: str, reference: str) -> RougeScore:
    """ROUGE-L (sentence-level LCS) of ``candidate`` against ``reference``."""
    ours, theirs = tokenize(candidate), tokenize(reference)
    return _score(lcs_length(ours, theirs), len(ours), len(theirs))


def rouge(candidate: str, reference: str) -> dict[str, RougeScore]:
    """ROUGE-1, ROUGE-2 and ROUGE-L, keyed as rouge-score keys them."""
    return {
        "rouge1": rouge_n(candidate, reference, 1),
        "rouge2": rouge_n(candidate, reference, 2),
        "rougeL": rouge_l(candidate, reference),
    }
