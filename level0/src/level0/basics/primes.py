"""Prime numbers with the sieve of Eratosthenes."""

from __future__ import annotations

__all__ = ["primes_up_to"]


def primes_up_to(limit: int) -> list[int]:
    """Every prime p with 2 <= p <= ``limit``, in increasing order.

    Python idea: a list as a table of flags, and slice assignment. ``is_prime[p*p::p] =
    ...`` crosses out every multiple of ``p`` in one statement, which is both shorter and
    much faster than an inner ``for`` loop. Starting at ``p*p`` is enough: smaller
    multiples of ``p`` have a smaller prime factor and were crossed out already.

    >>> primes_up_to(20)
    [2, 3, 5, 7, 11, 13, 17, 19]
    """
    if limit < 2:
        return []
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    p = 2
    while p * p <= limit:
        if is_prime[p]:
            multiples = range(p * p, limit + 1, p)
            is_prime[p * p :: p] = [False] * len(multiples)
        p += 1
    return [n for n, prime in enumerate(is_prime) if prime]
