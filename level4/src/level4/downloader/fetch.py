"""HTTP for the downloader: requests with a host slot, retries, and a segment's bytes to disk.

Each thread has its own ``requests.Session`` (keep-alive connections, no shared state),
and a semaphore per host bounds how many transfers run against one server at once: a
request holds a slot from the moment it is sent until its body is read or abandoned.
Failures are retried per request (:mod:`.retry`), counting failures in a row: a retry
that made progress starts the count again (never for a single stream, which restarts
from byte 0, so a server that always breaks off cannot keep it retrying for ever).
"""

from __future__ import annotations

import contextlib
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from typing import TypeVar
from urllib.parse import urlsplit

import requests
import urllib3

from level4.downloader.datatypes import DownloadError, Options, Stopped
from level4.downloader.job import Job
from level4.downloader.perflog import SegmentRecord
from level4.downloader.retry import RETRY_STATUSES, Retryable, parse_retry_after
from level4.downloader.state import Segment

__all__ = ["Fetcher", "Opened", "content_range"]

T = TypeVar("T")
Opened = tuple[requests.Response, ExitStack]  # an answer whose body is still to be read
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")


def content_range(response: requests.Response, url: str) -> tuple[int, int]:
    """(first byte, total size) from a 206 answer's Content-Range."""
    match = _CONTENT_RANGE.fullmatch(response.headers.get("Content-Range", "").strip())
    if match is None or match.group(3) == "*":
        raise DownloadError(f"{url}: a 206 answer without a usable Content-Range")
    return int(match.group(1)), int(match.group(3))


class Fetcher:
    """Everything the worker threads share to talk HTTP: sessions, host slots, retries."""

    def __init__(self, options: Options, stop: threading.Event) -> None:
        self.options = options
        self.policy = options.policy
        self.stop = stop
        self.first_byte: float | None = None  # perf_counter() of the run's first body byte
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()

    def close(self) -> None:
        for session in self._sessions:
            session.close()

    # --- requests -----------------------------------------------------------------------

    def request(self, url: str, span: str | None) -> Opened:
        """GET ``url`` (a ``Range`` of ``span``) holding a host slot; the stack releases both."""
        stack = ExitStack()
        stack.enter_context(self._slot(url))
        try:
            headers = {"Range": span} if span else {}
            timeout = self.options.timeout
            try:
                response = self._session().get(
                    url, headers=headers, stream=True, timeout=(timeout, timeout)
                )
            except (requests.ConnectionError, requests.Timeout) as exc:
                raise Retryable(f"connection failed ({exc})") from None
            except requests.RequestException as exc:
                raise DownloadError(f"{url}: {exc}") from None
            stack.callback(response.close)
            _check_status(url, response)
            return response, stack
        except BaseException:
            stack.close()
            raise

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["Accept-Encoding"] = "identity"  # byte ranges of the bytes on disk
            session.headers["User-Agent"] = "level4.downloader"
            self._local.session = session
            with self._lock:
                self._sessions.append(session)
        return session

    @contextlib.contextmanager
    def _slot(self, url: str) -> Iterator[None]:
        """Hold one of the ``per_host`` transfer slots of the URL's host."""
        host = urlsplit(url).netloc
        with self._lock:
            slot = self._slots.setdefault(host, threading.BoundedSemaphore(self.options.per_host))
        while not slot.acquire(timeout=0.2):
            if self.stop.is_set():
                raise Stopped
        try:
            yield
        finally:
            slot.release()

    def with_retries(self, job: Job, record: SegmentRecord, attempt: Callable[[], T]) -> T:
        """Call ``attempt`` until it succeeds, waiting between transient failures."""
        failures = 0
        while True:
            if self.stop.is_set() or job.error:
                raise Stopped
            before = record.bytes
            try:
                return attempt()
            except Retryable as exc:
                # A single stream starts again from byte 0, so what it read is no progress.
                progressed = record.bytes > before and not job.single
                failures = 1 if progressed else failures + 1
                record.retries += 1
                if self.policy.gives_up(failures, exc.retry_after):
                    raise DownloadError(
                        f"{job.target.url}: {exc}; gave up after {record.retries} retries"
                    ) from None
                if self.stop.wait(self.policy.delay(failures, exc.retry_after)):
                    raise Stopped from None

    # --- one segment --------------------------------------------------------------------

    def fetch(
        self, job: Job, segment: Segment, record: SegmentRecord, first: Opened | None
    ) -> None:
        """Fetch the rest of ``segment``, reading ``first`` if given, then new requests."""
        opened = first

        def attempt() -> None:
            nonlocal opened
            response, stack = opened if opened is not None else self._reopen(job, segment)
            opened = None
            with stack:
                self._stream(job, segment, response, record)

        self.with_retries(job, record, attempt)

    def _reopen(self, job: Job, segment: Segment) -> Opened:
        """A new request for what ``segment`` still misses (all of it, for a single stream)."""
        url = job.target.url
        if job.single:
            job.restart(segment)
            response, stack = self.request(url, None)
            length = response.headers.get("Content-Length", "")
            if job.length_known and length.isdigit():  # the earlier answer's length may be wrong
                job.resize(segment, int(length))
            return response, stack
        offset = segment.start + segment.done
        response, stack = self.request(url, f"bytes={offset}-{segment.end - 1}")
        try:
            assert job.state is not None
            if response.status_code != 206:
                raise DownloadError(f"{url}: the server stopped honouring Range requests")
            start, total = content_range(response, url)
            if start != offset or total != job.state.total:
                raise DownloadError(f"{url} changed on the server during the download")
        except BaseException:
            stack.close()
            raise
        return response, stack

    def _stream(
        self, job: Job, segment: Segment, response: requests.Response, record: SegmentRecord
    ) -> None:
        """Write the body into the segment's place; stop at its end, fail on a short body."""
        bounded = not job.single or job.length_known
        began = time.perf_counter()
        for chunk in self._chunks(job, response, record):
            if record.ttfb is None:
                record.ttfb = time.perf_counter() - began
                with self._lock:
                    if self.first_byte is None:
                        self.first_byte = time.perf_counter()
            if bounded:
                chunk = chunk[: segment.end - (segment.start + segment.done)]
            job.write(segment, chunk)
            record.bytes += len(chunk)
            job.save_state()
            if bounded and segment.finished:
                return
        if not bounded:  # the end of the body is the end of the file
            job.ends_with(segment)
        elif not segment.finished:
            raise Retryable(f"short read: the body ended {segment.remaining:,} bytes early")

    def _chunks(
        self, job: Job, response: requests.Response, record: SegmentRecord
    ) -> Iterator[bytes]:
        """The body in chunks; stops on Ctrl-C or a failed sibling, a lost connection is retryable."""
        chunks = response.iter_content(self.options.chunk)
        while True:
            if self.stop.is_set() or job.error:
                raise Stopped
            try:
                chunk = next(chunks)
            except StopIteration:
                return
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
                raise Retryable(f"connection lost after {record.bytes:,} bytes ({exc})") from None
            yield chunk


def _check_status(url: str, response: requests.Response) -> None:
    """Raise unless the answer is 200, 206 or 416; 429 and 5xx are worth a retry."""
    status = response.status_code
    if status in RETRY_STATUSES:
        wait = parse_retry_after(response.headers.get("Retry-After"))
        raise Retryable(f"HTTP {status}", retry_after=wait)
    if status >= 400 and status != 416:
        raise DownloadError(f"{url}: HTTP {status} {response.reason}")
    if status not in (200, 206, 416):
        raise DownloadError(f"{url}: unexpected HTTP {status}")
