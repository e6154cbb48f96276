"""Run-length encoding: 'aaab' <-> [('a', 3), ('b', 1)]."""

from __future__ import annotations

import itertools
from collections.abc import Iterable

__all__ = ["rle_decode", "rle_encode"]


def rle_encode(text: str) -> list[tuple[str, int]]:
    """The runs of ``text`` as (character, length) pairs, e.g. 'aaab' -> [('a', 3), ('b', 1)].

    Python idea: ``itertools.groupby`` groups consecutive equal items, which is exactly a
    run; tuples hold a fixed pair of values. The result is a list of pairs rather than a
    string like '3a1b' because that string would be ambiguous for text with digits.

    >>> rle_encode("aaabcc")
    [('a', 3), ('b', 1), ('c', 2)]
    """
    return [(char, sum(1 for _ in run)) for char, run in itertools.groupby(text)]


def rle_decode(runs: Iterable[tuple[str, int]]) -> str:
    """The text the runs stand for: :func:`rle_encode` undone.

    Python idea: string repetition (``'a' * 3``) and ``str.join``. Each run must be one
    character and a positive count, otherwise ``ValueError``.

    >>> rle_decode([("a", 3), ("b", 1)])
    'aaab'
    """
    parts = []
    for char, count in runs:
        if len(char) != 1 or count < 1:
            raise ValueError(f"a run is (one character, count >= 1), not {(char, count)!r}")
        parts.append(char * count)
    return "".join(parts)
