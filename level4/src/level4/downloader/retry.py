"""When to try again, and how long to wait first.

Transient failures are retried: connection errors, timeouts, a body shorter than
promised, 429 and 5xx. Everything else (404, 403, a server that changed the file) is
final. The wait is exponential backoff with "full jitter": a uniform draw from
``[0, min(cap, base * 2**(n-1))]`` before the n-th retry, so threads that failed
together do not come back together. A ``Retry-After`` header from the server wins over
the draw: the server said when, so the client waits that long.
"""

from __future__ import annotations

import email.utils
import random
import time
from dataclasses import dataclass

__all__ = ["RETRY_STATUSES", "RetryPolicy", "Retryable", "parse_retry_after"]

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class Retryable(Exception):
    """A transient failure; ``retry_after`` is the server's requested wait in seconds, if any."""

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class RetryPolicy:
    """How many failures in a row to tolerate and how long to back off between them."""

    retries: int = 8  # failures in a row (without progress) before giving up
    base: float = 0.25  # seconds: the first backoff is drawn from [0, base]
    cap: float = 20.0  # seconds: no backoff draw exceeds this
    max_retry_after: float = 120.0  # a longer Retry-After is not waited for: give up instead

    def delay(
        self, failures: int, retry_after: float | None = None, rng: random.Random | None = None
    ) -> float:
        """Seconds to wait before retry number ``failures`` (1 for the first retry)."""
        if retry_after is not None:
            return retry_after
        ceiling = min(self.cap, self.base * 2 ** (failures - 1))
        return (rng or random).uniform(0.0, ceiling)

    def gives_up(self, failures: int, retry_after: float | None = None) -> bool:
        """True once ``failures`` in a row exceed the budget, or the server asks for too long a wait."""
        too_long = retry_after is not None and retry_after > self.max_retry_after
        return failures > self.retries or too_long


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """A ``Retry-After`` header as seconds from now: delta-seconds or an HTTP date; None if absent or unreadable."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    current = time.time() if now is None else now
    return max(0.0, when.timestamp() - current)
