"""Group words that are anagrams of each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

__all__ = ["anagram_key", "group_anagrams"]


def anagram_key(word: str) -> str:
    """The word's letters, case-folded and sorted: anagrams share it ('Listen' -> 'eilnst')."""
    return "".join(sorted(word.casefold()))


def group_anagrams(words: Iterable[str]) -> list[list[str]]:
    """Words grouped by anagram key, groups and words in the order they first appear.

    Python idea: a ``defaultdict(list)`` keyed by a canonical form. Two words are
    anagrams exactly when their sorted letters are equal, so one pass that files every
    word under its key finds all groups (dicts keep insertion order, so the output is
    deterministic). Comparisons ignore case; each word keeps its own spelling.

    >>> group_anagrams(["listen", "google", "Silent", "enlist"])
    [['listen', 'Silent', 'enlist'], ['google']]
    """
    groups: defaultdict[str, list[str]] = defaultdict(list)
    for word in words:
        groups[anagram_key(word)].append(word)
    return list(groups.values())
