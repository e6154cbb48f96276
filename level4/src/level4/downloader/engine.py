"""The downloader: a thread pool, Range segments written in place, resume, verify, rename.

For each file the first request asks for ``Range: bytes=0-``. Its answer decides the plan:

* **206** with a total: the file is cut into segments (:func:`.state.plan_segments`);
  the first request's body fills segment 0 and is then cut off, the other segments go
  to the pool, each one a request for its own range. Every worker writes with
  ``os.pwrite`` at its offset into ``NAME.part``, preallocated to the full size.
* **200** (Range ignored) or no length: one stream, written from the start; a retry
  starts over, since the server cannot send the middle.

A file larger than one minimum segment keeps ``NAME.part.json`` (:mod:`.state`) up to
date, so Ctrl-C, a crash or SIGKILL lose at most the last half second: the next run
asks only for the missing bytes of the unfinished segments. When every segment is in,
the ``.part`` file is flushed, checked against ``--sha256`` if given, and renamed to
its final name: the final name never holds a partial or unverified file.

Failures are retried per request (:mod:`.retry`); each thread has its own
``requests.Session`` (keep-alive connections, no shared state), and a semaphore per
host bounds how many transfers run against one server at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import unquote, urlsplit

import requests
import urllib3

from level0.atomic import atomic_write_text
from level4.downloader.perflog import PerfLog, RunSummary, SegmentRecord, summarise
from level4.downloader.retry import RETRY_STATUSES, Retryable, RetryPolicy, parse_retry_after
from level4.downloader.state import FileState, Segment, plan_segments

__all__ = [
    "DownloadError",
    "Downloader",
    "FileResult",
    "Interrupted",
    "Options",
    "RunResult",
    "Target",
    "download",
    "file_sha256",
    "target_name",
]

T = TypeVar("T")
Status = Literal["done", "skipped", "failed", "interrupted"]
_CONTENT_RANGE = re.compile(r"bytes (\d+)-(\d+)/(\d+|\*)")
_UNSATISFIED = re.compile(r"bytes \*/(\d+)")


class DownloadError(Exception):
    """A final failure for one file (HTTP 404, the file changed, retries exhausted, bad sha256)."""


class _Stopped(Exception):
    """Ctrl-C, or another segment of the same file failed: stop this one quietly."""


@dataclass(frozen=True)
class Options:
    """How hard to pull. Sizes in bytes, times in seconds."""

    threads: int = 8
    segments: int = 8  # at most this many segments per file
    min_segment: int = 1 << 20  # no segment smaller than this; smaller files are one stream
    per_host: int = 8  # at most this many transfers in flight to one host
    retries: int = 8
    backoff: float = 0.25
    max_backoff: float = 20.0
    timeout: float = 30.0  # connect and read timeout of each request
    chunk: int = 64 * 1024
    save_every: float = 0.5  # seconds between state saves
    force: bool = False  # replace a final file that is already there

    @property
    def policy(self) -> RetryPolicy:
        return RetryPolicy(self.retries, self.backoff, self.max_backoff)


@dataclass(frozen=True)
class Target:
    """One download: ``url`` to ``path``, optionally checked against a sha256 hex digest."""

    url: str
    path: Path
    sha256: str | None = None


@dataclass
class FileResult:
    """How one file ended: done, skipped (already there), failed or interrupted."""

    url: str
    path: Path
    status: Status
    total: int | None = None
    fetched: int = 0  # bytes fetched in this run
    resumed: int = 0  # bytes already on disk from an earlier run
    segments: int = 0
    message: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "path": str(self.path)}


@dataclass
class RunResult:
    """Every file's result plus the run's performance summary."""

    files: list[FileResult]
    summary: RunSummary
    records: list[SegmentRecord] = field(default_factory=list)

    @property
    def failed(self) -> list[FileResult]:
        return [f for f in self.files if f.status == "failed"]


class Interrupted(Exception):
    """Ctrl-C: every download stopped, and the state of the resumable ones was saved."""

    def __init__(self, result: RunResult) -> None:
        super().__init__("interrupted")
        self.result = result


def target_name(url: str) -> str:
    """The file name a URL is saved under: the last path component, decoded."""
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    if name in ("", ".", "..") or "/" in name or "\0" in name:
        raise ValueError(f"cannot tell a file name from {url!r}; it must end in a file name")
    return name


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _Job:
    """One file in flight: its plan, its open ``.part`` and how its segments are doing."""

    def __init__(self, target: Target, min_segment: int, save_every: float) -> None:
        self.target = target
        self.name = target.path.name
        self.part = target.path.with_name(self.name + ".part")
        self.state_path = target.path.with_name(self.name + ".part.json")
        self.min_segment = min_segment
        self.save_every = save_every
        self.state: FileState | None = None
        self.single = False  # one stream from the start (Range ignored or no length)
        self.length_known = True
        self.fd: int | None = None
        self.lock = threading.Lock()
        self.save_lock = threading.Lock()
        self.pending = 0
        self.error: str | None = None
        self.result: FileResult | None = None
        self.fetched = 0
        self.resumed = 0
        self.last_save = 0.0

    @property
    def resumable(self) -> bool:
        return self.state is not None and not self.single and self.state.total > self.min_segment

    def fail(self, message: str) -> None:
        with self.lock:
            self.error = self.error or message

    def open_part(self, size: int | None, fresh: bool) -> None:
        self.part.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | (os.O_TRUNC if fresh else 0)
        self.fd = os.open(self.part, flags, 0o644)
        if fresh and size:
            os.ftruncate(self.fd, size)
            with contextlib.suppress(OSError, AttributeError):
                os.posix_fallocate(self.fd, 0, size)  # reserve the blocks now: no ENOSPC later

    def save_state(self, *, force: bool = False) -> None:
        """Flush the ``.part`` file, then record progress (never more than is on disk)."""
        if not self.resumable or self.fd is None or self.state is None:
            return
        now = time.monotonic()
        if not force and now - self.last_save < self.save_every:
            return
        if not self.save_lock.acquire(blocking=force):
            return  # another thread is saving right now
        try:
            with self.lock:
                snapshot = self.state.to_json()  # counts only bytes already pwritten
            os.fsync(self.fd)
            atomic_write_text(self.state_path, snapshot + "\n")
            self.last_save = now
        finally:
            self.save_lock.release()

    def discard(self) -> None:
        for path in (self.part, self.state_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()


class Downloader:
    """Download many files at once with one thread pool; see the module docstring.

    >>> Downloader(Options(threads=8)).run([Target(url, Path("big.bin"))])  # doctest: +SKIP
    """

    def __init__(
        self, options: Options | None = None, log: Path | None = None, progress: bool = False
    ) -> None:
        self.options = options or Options()
        self.policy = self.options.policy
        self.progress = progress
        self.run_id = datetime.now().isoformat(timespec="milliseconds")
        self.log = PerfLog(log, self.run_id)
        self.stop = threading.Event()
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._slots: dict[str, threading.BoundedSemaphore] = {}
        self._lock = threading.Lock()
        self._changed = threading.Condition()
        self._records: list[SegmentRecord] = []
        self._first_byte: float | None = None
        self._t0 = 0.0
        self._pool: ThreadPoolExecutor | None = None

    # --- the run -------------------------------------------------------------------

    def run(self, targets: Sequence[Target]) -> RunResult:
        """Download every target; raises :class:`Interrupted` on Ctrl-C (state saved)."""
        jobs = [_Job(t, self.options.min_segment, self.options.save_every) for t in targets]
        self._t0 = time.perf_counter()
        pool = ThreadPoolExecutor(self.options.threads, thread_name_prefix="worker")
        self._pool = pool
        bar = self._progress_bar()
        try:
            for job in jobs:
                pool.submit(self._start_job, job)
            with self._changed:
                while not all(job.result for job in jobs):
                    self._changed.wait(0.2)
                    if bar is not None:
                        bar.total = sum(j.state.total for j in jobs if j.state) or None
                        bar.n = sum(j.state.done for j in jobs if j.state)
                        bar.refresh()
        except KeyboardInterrupt:
            self.stop.set()
            pool.shutdown(wait=True, cancel_futures=True)
            for job in jobs:  # segments cancelled before they started never settled their job
                if job.result is None:
                    self._settle(job)
            raise Interrupted(self._result(jobs)) from None
        finally:
            pool.shutdown(wait=True)
            if bar is not None:
                bar.close()
            for session in self._sessions:
                session.close()
        return self._result(jobs)

    def _progress_bar(self) -> Any:
        if not self.progress:
            return None
        from tqdm import tqdm

        return tqdm(unit="B", unit_scale=True, unit_divisor=1000, desc="download", leave=False)

    def _result(self, jobs: list[_Job]) -> RunResult:
        files = [j.result or FileResult(j.target.url, j.target.path, "interrupted") for j in jobs]
        with self._lock:
            records = list(self._records)
        summary = summarise(
            records,
            files=len(files),
            done=sum(f.status == "done" for f in files),
            skipped=sum(f.status == "skipped" for f in files),
            failed=sum(f.status == "failed" for f in files),
            seconds=time.perf_counter() - self._t0,
            ttfb=self._first_byte,
            threads=self.options.threads,
        )
        self.log.summary(summary)
        return RunResult(files, summary, records)

    # --- one file --------------------------------------------------------------------

    def _start_job(self, job: _Job) -> None:
        record = SegmentRecord(job.name, thread=threading.current_thread().name)
        record.began = time.perf_counter() - self._t0
        try:
            first = self._open_file(job, record)
        except _Stopped:
            self._settle(job)
            return
        except (DownloadError, OSError, ValueError) as exc:
            job.fail(str(exc))
            self._settle(job)
            return
        if first is None:  # nothing to fetch: already there, empty, or every byte on disk
            self._settle(job)
            return
        segment, response = first
        record.index, record.start, record.end = (
            segment.index,
            segment.start + segment.done,
            segment.end,
        )
        assert job.state is not None
        others = [s for s in job.state.unfinished if s is not segment]
        job.pending = 1 + len(others)
        for other in others:
            try:
                assert self._pool is not None
                self._pool.submit(self._segment_task, job, other, None, None)
            except RuntimeError:  # the pool is shutting down (Ctrl-C): it stays unfinished
                self._segment_ended(job)
        self._segment_task(job, segment, response, record)

    def _open_file(self, job: _Job, record: SegmentRecord) -> tuple[Segment, Any] | None:
        """Make the first request and plan the file; returns the first segment and its open answer."""
        target = job.target
        if target.path.exists() and not self.options.force:
            if target.sha256 and file_sha256(target.path) != target.sha256:
                raise DownloadError(
                    f"{target.path} is already there with another sha256; use --force to replace it"
                )
            job.result = FileResult(target.url, target.path, "skipped", target.path.stat().st_size)
            return None
        saved = FileState.load(job.state_path) if job.part.exists() else None
        if saved is not None and (
            saved.url != target.url or job.part.stat().st_size != saved.total
        ):
            saved = None
        if saved is not None and not saved.unfinished:  # every byte was on disk already
            job.state, job.resumed = saved, saved.total
            job.open_part(saved.total, fresh=False)
            return None
        wanted = saved.unfinished[0] if saved else None
        span = f"bytes={wanted.start + wanted.done}-{wanted.end - 1}" if wanted else "bytes=0-"
        response, stack = self._with_retries(job, record, lambda: self._request(target.url, span))
        try:
            return self._plan(job, saved, wanted, response, stack)
        except BaseException:
            stack.close()
            raise

    def _plan(
        self,
        job: _Job,
        saved: FileState | None,
        wanted: Segment | None,
        response: requests.Response,
        stack: ExitStack,
    ) -> tuple[Segment, Any] | None:
        url, etag = job.target.url, response.headers.get("ETag")
        if response.status_code == 416 and saved is None:
            empty = _UNSATISFIED.fullmatch(response.headers.get("Content-Range", ""))
            if empty is None or int(empty.group(1)) != 0:
                raise DownloadError(f"{url}: the server refused the range bytes=0- (HTTP 416)")
            stack.close()  # an empty file: nothing to fetch
            job.state = FileState(url, 0, etag, [Segment(0, 0, 0)])
            job.open_part(0, fresh=True)
            return None
        if response.status_code == 206:
            start, total = _content_range(response, url)
            if saved is not None and wanted is not None:
                offset = wanted.start + wanted.done
                moved = saved.etag is not None and etag != saved.etag
                if total != saved.total or start != offset or moved:
                    stack.close()
                    job.discard()
                    raise DownloadError(
                        f"{url} changed on the server since the partial download; the partial "
                        "file was removed, run again to start over"
                    )
                job.state, job.resumed = saved, saved.done
                job.open_part(saved.total, fresh=False)
                return wanted, (response, stack)
            if start != 0:
                raise DownloadError(f"{url}: asked for bytes=0- and got a range from {start}")
            segments = plan_segments(total, self.options.segments, self.options.min_segment)
            job.state = FileState(url, total, etag, segments)
            job.open_part(total, fresh=True)
            job.save_state(force=True)
            return segments[0], (response, stack)
        # 200: the server ignored Range, or a plain answer: one stream from byte 0
        length = response.headers.get("Content-Length")
        job.single, job.length_known = True, length is not None and length.isdigit()
        size = int(length) if job.length_known and length is not None else 0
        if saved is not None:
            job.discard()
        job.state = FileState(url, size, etag, [Segment(0, 0, size)])
        job.open_part(size, fresh=True)
        return job.state.segments[0], (response, stack)

    # --- one segment ------------------------------------------------------------------

    def _segment_task(
        self,
        job: _Job,
        segment: Segment,
        first: tuple[requests.Response, ExitStack] | None,
        record: SegmentRecord | None,
    ) -> None:
        if record is None:
            record = SegmentRecord(
                job.name, segment.index, segment.start + segment.done, segment.end
            )
            record.began = time.perf_counter() - self._t0
        record.thread = threading.current_thread().name
        try:
            self._fetch(job, segment, record, first)
            record.status = "done"
        except _Stopped:
            record.status = "stopped"
        except (DownloadError, OSError) as exc:
            record.status, record.error = "failed", str(exc)
            job.fail(str(exc))
        except Exception as exc:  # a bug must fail its file, not hang the run
            record.status, record.error = "failed", f"{type(exc).__name__}: {exc}"
            job.fail(record.error)
        finally:
            if first is not None:
                first[1].close()
            record.ended = time.perf_counter() - self._t0
            with self._lock:
                self._records.append(record)
            self.log.segment(record)
            self._segment_ended(job)

    def _fetch(
        self,
        job: _Job,
        segment: Segment,
        record: SegmentRecord,
        first: tuple[requests.Response, ExitStack] | None,
    ) -> None:
        opened = first

        def attempt() -> None:
            nonlocal opened
            response, stack = opened if opened is not None else self._reopen(job, segment)
            opened = None
            with stack:
                self._stream(job, segment, response, record)

        self._with_retries(job, record, attempt)

    def _reopen(self, job: _Job, segment: Segment) -> tuple[requests.Response, ExitStack]:
        """A new request for what ``segment`` still misses (all of it, for a single stream)."""
        url = job.target.url
        if job.single:
            with job.lock:
                job.fetched -= segment.done
                segment.done = 0
            return self._request(url, None)
        offset = segment.start + segment.done
        response, stack = self._request(url, f"bytes={offset}-{segment.end - 1}")
        try:
            assert job.state is not None
            if response.status_code != 206:
                raise DownloadError(f"{url}: the server stopped honouring Range requests")
            start, total = _content_range(response, url)
            if start != offset or total != job.state.total:
                raise DownloadError(f"{url} changed on the server during the download")
        except BaseException:
            stack.close()
            raise
        return response, stack

    def _stream(
        self, job: _Job, segment: Segment, response: requests.Response, record: SegmentRecord
    ) -> None:
        """Write the body into the segment's place; stop at its end, fail on a short body."""
        assert job.fd is not None
        bounded = not job.single or job.length_known
        chunks = response.iter_content(self.options.chunk)
        began = time.perf_counter()
        while True:
            if self.stop.is_set() or job.error:
                raise _Stopped
            try:
                chunk = next(chunks)
            except StopIteration:
                break
            except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as exc:
                raise Retryable(f"connection lost after {record.bytes:,} bytes ({exc})") from None
            if record.ttfb is None:
                record.ttfb = time.perf_counter() - began
                with self._lock:
                    if self._first_byte is None:
                        self._first_byte = time.perf_counter() - self._t0
            offset = segment.start + segment.done
            if bounded:
                chunk = chunk[: segment.end - offset]
            os.pwrite(job.fd, chunk, offset)
            with job.lock:
                segment.done += len(chunk)
                job.fetched += len(chunk)
            record.bytes += len(chunk)
            job.save_state()
            if bounded and segment.finished:
                return
        if not bounded:  # the end of the body is the end of the file
            with job.lock:
                segment.end = segment.done
                assert job.state is not None
                job.state.total = segment.done
            return
        if not segment.finished:
            raise Retryable(f"short read: the body ended {segment.remaining:,} bytes early")

    def _with_retries(self, job: _Job, record: SegmentRecord, attempt: Callable[[], T]) -> T:
        failures = 0
        while True:
            if self.stop.is_set() or job.error:
                raise _Stopped
            before = record.bytes
            try:
                return attempt()
            except Retryable as exc:
                failures = 1 if record.bytes > before else failures + 1
                record.retries += 1
                if self.policy.gives_up(failures, exc.retry_after):
                    raise DownloadError(
                        f"{job.target.url}: {exc}; gave up after {record.retries} retries"
                    ) from None
                if self.stop.wait(self.policy.delay(failures, exc.retry_after)):
                    raise _Stopped from None

    # --- requests ----------------------------------------------------------------------

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
                raise _Stopped
        try:
            yield
        finally:
            slot.release()

    def _request(self, url: str, span: str | None) -> tuple[requests.Response, ExitStack]:
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
            status = response.status_code
            if status in RETRY_STATUSES:
                wait = parse_retry_after(response.headers.get("Retry-After"))
                raise Retryable(f"HTTP {status}", retry_after=wait)
            if status >= 400 and status != 416:
                raise DownloadError(f"{url}: HTTP {status} {response.reason}")
            if status not in (200, 206, 416):
                raise DownloadError(f"{url}: unexpected HTTP {status}")
            return response, stack
        except BaseException:
            stack.close()
            raise

    # --- the end of a file ---------------------------------------------------------------

    def _segment_ended(self, job: _Job) -> None:
        with job.lock:
            job.pending -= 1
            last = job.pending == 0
        if last:
            self._settle(job)

    def _settle(self, job: _Job) -> None:
        """Finish a file: rename a complete verified one, else save its state or clean up."""
        try:
            if job.result is None:
                job.result = self._conclude(job)
        except OSError as exc:
            job.result = self._file_result(job, "failed", str(exc))
        finally:
            if job.fd is not None:
                os.close(job.fd)
                job.fd = None
            with self._changed:
                self._changed.notify_all()

    def _conclude(self, job: _Job) -> FileResult:
        state = job.state
        complete = state is not None and job.fd is not None and not state.unfinished
        if job.error or not complete:
            status: Status = "failed" if job.error else "interrupted"
            hint = ""
            if job.resumable:
                job.save_state(force=True)
                hint = f"; {state.done if state else 0:,} bytes kept, run again to resume"
            elif state is not None:  # a .part this run began but cannot resume: remove it
                job.discard()
            return self._file_result(job, status, (job.error or "interrupted") + hint)
        assert job.fd is not None
        assert state is not None
        if job.single and not job.length_known:
            os.ftruncate(job.fd, state.total)
        os.fsync(job.fd)
        expected = job.target.sha256
        if expected:
            actual = file_sha256(job.part)
            if actual != expected.lower():
                job.discard()
                return self._file_result(
                    job,
                    "failed",
                    f"{job.name}: sha256 mismatch (expected {expected[:16]}…, got "
                    f"{actual[:16]}…); the download was discarded and no file was written",
                )
        os.replace(job.part, job.target.path)
        with contextlib.suppress(FileNotFoundError):
            job.state_path.unlink()
        return self._file_result(job, "done")

    def _file_result(self, job: _Job, status: Status, message: str = "") -> FileResult:
        state = job.state
        return FileResult(
            job.target.url,
            job.target.path,
            status,
            state.total if state else None,
            job.fetched,
            job.resumed,
            len(state.segments) if state else 0,
            message,
        )


def _content_range(response: requests.Response, url: str) -> tuple[int, int]:
    """(first byte, total size) from a 206 answer's Content-Range."""
    match = _CONTENT_RANGE.fullmatch(response.headers.get("Content-Range", "").strip())
    if match is None or match.group(3) == "*":
        raise DownloadError(f"{url}: a 206 answer without a usable Content-Range")
    return int(match.group(1)), int(match.group(3))


def download(
    urls: Sequence[str],
    out_dir: Path,
    options: Options | None = None,
    *,
    sha256: str | None = None,
    log: Path | None = None,
    progress: bool = False,
) -> RunResult:
    """Download ``urls`` into ``out_dir`` (named after the URL); ``sha256`` needs one URL."""
    if sha256 and len(urls) != 1:
        raise ValueError("a sha256 checks one file: give one URL with it")
    names = [target_name(url) for url in urls]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise ValueError(f"several URLs would be saved as {', '.join(repeated)}")
    targets = [Target(u, out_dir / n, sha256) for u, n in zip(urls, names, strict=True)]
    return Downloader(options, log, progress).run(targets)
