"""A polite HTTP fetcher: a clear user agent, a rate limit, timeouts, retries with backoff.

Politeness and robustness are the same few lines of code:

* **user agent**: the site can see who is crawling and how to reach them;
* **rate limit**: at least ``delay`` seconds between the starts of two requests
  (raised to the site's ``Crawl-delay`` when robots.txt asks for more);
* **timeout**: a silent server cannot hang the crawl;
* **retries with exponential backoff** on 429 and 5xx, timeouts and dropped
  connections: wait ``backoff * 2**(n-1)`` seconds before retry ``n`` (or the
  server's ``Retry-After``, whichever is longer), at most ``max_backoff``.
  A 404 or 403 is not retried: asking again will not change the answer.

The retry loop is written out here (level0.weather mounts urllib3's ``Retry``
instead) so that each step is visible and counted. ``clock`` and ``sleep`` can
be replaced, so tests check the waits without waiting.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

import requests

__all__ = ["MAX_PAGE_BYTES", "RETRY_STATUSES", "USER_AGENT", "FetchResult", "Fetcher"]

USER_AGENT = (
    "mlroadmap-scraper/0.1 (learning project; polite crawler: obeys robots.txt, 1 request/s)"
)
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# A page's budget: books.toscrape.com's pages are 5-50 KB; a server that sends more than
# this is refused after reading this much, so it cannot fill the crawler's memory.
MAX_PAGE_BYTES = 10 * 2**20
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


@dataclass
class FetchResult:
    """The outcome of one URL after all attempts: the body, or why there is none."""

    url: str
    status: int | None  # None: no HTTP answer at all (timeout, refused)
    content: bytes
    encoding: str | None  # the charset the server declared, if any
    attempts: int
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class Fetcher:
    """GET pages one at a time, politely; never raises for HTTP or network failures.

    >>> fetcher = Fetcher(delay=1.0, timeout=10, retries=3)
    >>> result = fetcher.get("https://books.toscrape.com/")  # doctest: +SKIP
    >>> result.ok, result.status, result.attempts  # doctest: +SKIP
    (True, 200, 1)
    """

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        delay: float = 1.0,
        timeout: float = 10.0,
        retries: int = 3,
        backoff: float = 0.5,
        max_backoff: float = 30.0,
        max_bytes: int = MAX_PAGE_BYTES,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if delay < 0 or timeout <= 0 or retries < 0 or backoff < 0:
            raise ValueError(
                "delay and backoff must be >= 0, timeout > 0 and retries >= 0 "
                f"(got delay={delay}, timeout={timeout}, retries={retries}, backoff={backoff})"
            )
        self.user_agent = user_agent
        self.delay = delay
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_bytes = max_bytes
        self.clock = clock
        self.sleep = sleep
        self.requests_sent = 0
        self.retries_used = 0
        self._last_start: float | None = None
        self.session = requests.Session()
        self.session.headers["User-Agent"] = user_agent

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        self.session.close()

    def get(self, url: str) -> FetchResult:
        """Fetch ``url``: 200 is success; 429/5xx/timeouts are retried; anything else fails."""
        attempts = self.retries + 1
        status: int | None = None
        for attempt in range(1, attempts + 1):
            self._wait_turn()
            retry_after = None
            try:
                with self.session.get(url, timeout=self.timeout, stream=True) as response:
                    status = response.status_code
                    content = _read(response, self.max_bytes) if status == 200 else b""
            except requests.Timeout:
                status, error = None, f"no answer within {self.timeout:g} s"
            except requests.RequestException as exc:
                status, error = None, f"cannot connect: {_short(exc)}"
            else:
                if status == 200 and content is None:
                    error = f"page larger than {self.max_bytes:,} bytes; not read"
                    return FetchResult(url, status, b"", None, attempt, error)
                if status == 200 and content is not None:
                    return FetchResult(url, 200, content, _charset(response), attempt)
                error = f"HTTP {status}"
                if status not in RETRY_STATUSES:
                    return FetchResult(url, status, b"", None, attempt, error)
                retry_after = _retry_after(response.headers.get("Retry-After"))
            if attempt == attempts:
                break
            self.retries_used += 1
            self.sleep(self.pause(attempt, retry_after))
        return FetchResult(url, status, b"", None, attempts, f"{error} after {attempts} attempt(s)")

    def pause(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1, 2, ...): exponential, capped."""
        wait = self.backoff * 2.0 ** (attempt - 1)
        if retry_after is not None:
            wait = max(wait, retry_after)
        return min(wait, self.max_backoff)

    def _wait_turn(self) -> None:
        """Sleep until ``delay`` seconds have passed since the previous request started."""
        now = self.clock()
        if self._last_start is not None:
            wait = self._last_start + self.delay - now
            if wait > 0:
                self.sleep(wait)
                now += wait
        self._last_start = now
        self.requests_sent += 1


def _read(response: requests.Response, limit: int) -> bytes | None:
    """The body, or None as soon as it is longer than ``limit`` bytes."""
    declared = response.headers.get("Content-Length", "")
    if declared.isascii() and declared.isdigit() and (len(declared) > 15 or int(declared) > limit):
        return None
    body = bytearray()
    for chunk in response.iter_content(chunk_size=64 * 1024):
        body += chunk
        if len(body) > limit:
            return None
    return bytes(body)


def _charset(response: requests.Response) -> str | None:
    """The charset in Content-Type, or None. (requests' ``.encoding`` would say ISO-8859-1
    for any text/html without one, which turns "£" into "Â£".)"""
    match = _CHARSET.search(response.headers.get("Content-Type", ""))
    return match.group(1) if match else None


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date."""
    if value is None:
        return None
    value = value.strip()
    if value.isascii() and value.isdigit():  # "²".isdigit() is true, float("²") fails
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _short(exc: Exception) -> str:
    """The readable end of a nested urllib3 error, e.g. "Connection refused"."""
    match = re.search(r"\[Errno -?\d+\] ([^'\")]+)", str(exc))
    return match.group(1).strip() if match else type(exc).__name__
