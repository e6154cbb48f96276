"""Binary search in a sorted sequence."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol, TypeVar

__all__ = ["binary_search", "lower_bound"]


class _Comparable(Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


T = TypeVar("T", bound=_Comparable)


def lower_bound(items: Sequence[T], target: T) -> int:
    """The first index ``i`` with ``items[i] >= target`` (``len(items)`` if there is none).

    Python idea: a ``while`` loop with an invariant. Everything left of ``low`` is
    ``< target`` and everything from ``high`` on is ``>= target``; each step halves the
    gap, so a million items need about 20 comparisons. ``items`` must be sorted. This is
    what the standard library's ``bisect.bisect_left`` does, written out.

    >>> lower_bound([1, 3, 3, 7], 3)
    1
    """
    low, high = 0, len(items)
    while low < high:
        middle = (low + high) // 2
        if items[middle] < target:
            low = middle + 1
        else:
            high = middle
    return low


def binary_search(items: Sequence[T], target: T) -> int | None:
    """The index of the first ``target`` in the sorted ``items``, or ``None`` if absent.

    Python idea: ``None`` as "no answer", checked by the caller with ``is None``, rather
    than a magic -1 that could be mistaken for a real index (``items[-1]`` is valid).

    >>> binary_search([1, 3, 3, 7], 7), binary_search([1, 3, 3, 7], 4)
    (3, None)
    """
    index = lower_bound(items, target)
    if index < len(items) and not target < items[index]:
        return index
    return None
