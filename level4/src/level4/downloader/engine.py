"""The downloader: one thread pool for every segment of every file.

Each file starts as one task: its first request decides the plan
(:mod:`.first_request`), the answer's body fills the first segment, and the file's
other segments are handed to the pool, one request each (:mod:`.fetch`). Every segment
writes into the file's preallocated ``NAME.part`` (:mod:`.job`); the thread that ends a
file's last segment settles it: verify, then rename to the final name, or keep the state
for a resume. A file larger than one minimum segment keeps ``NAME.part.json``
(:mod:`.state`) up to date, so Ctrl-C, a crash or SIGKILL lose at most the last half
second. The main thread only waits, shows progress, and on Ctrl-C stops the pool.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import Any

from level4.downloader.datatypes import (
    DownloadError,
    FileResult,
    Interrupted,
    Options,
    RunResult,
    Stopped,
    Target,
    target_name,
)
from level4.downloader.fetch import Fetcher, Opened
from level4.downloader.first_request import open_file
from level4.downloader.job import Job
from level4.downloader.perflog import PerfLog, SegmentRecord, summarise
from level4.downloader.state import Segment

__all__ = ["Downloader", "download"]


class Downloader:
    """Download many files at once with one thread pool; see the module docstring.

    >>> Downloader(Options(threads=8)).run([Target(url, Path("big.bin"))])  # doctest: +SKIP
    """

    def __init__(
        self, options: Options | None = None, log: Path | None = None, progress: bool = False
    ) -> None:
        self.options = options or Options()
        self.progress = progress
        self.run_id = datetime.now().isoformat(timespec="milliseconds")
        self.log = PerfLog(log, self.run_id)
        self.stop = threading.Event()
        self.fetcher = Fetcher(self.options, self.stop)
        self._lock = threading.Lock()
        self._changed = threading.Condition()  # notified whenever a file is settled
        self._records: list[SegmentRecord] = []
        self._t0 = 0.0
        self._pool: ThreadPoolExecutor | None = None

    # --- the run ------------------------------------------------------------------------

    def run(self, targets: Sequence[Target]) -> RunResult:
        """Download every target; raises :class:`Interrupted` on Ctrl-C (state saved)."""
        jobs = [Job(t, self.options.min_segment, self.options.save_every) for t in targets]
        self._t0 = time.perf_counter()
        pool = ThreadPoolExecutor(self.options.threads, thread_name_prefix="worker")
        self._pool = pool
        bar = self._progress_bar()
        try:
            for job in jobs:
                pool.submit(self._start_job, job)
            self._wait(jobs, bar)
        except KeyboardInterrupt:
            self._stop_all(jobs, pool)
            raise Interrupted(self._result(jobs)) from None
        finally:
            pool.shutdown(wait=True)
            if bar is not None:
                bar.close()
            self.fetcher.close()
        return self._result(jobs)

    def _wait(self, jobs: list[Job], bar: Any) -> None:
        """Wait until every file is settled, refreshing the progress bar meanwhile."""
        with self._changed:
            while not all(job.result for job in jobs):
                self._changed.wait(0.2)
                if bar is not None:
                    bar.total = sum(j.state.total for j in jobs if j.state) or None
                    bar.n = sum(j.state.done for j in jobs if j.state)
                    bar.refresh()

    def _stop_all(self, jobs: list[Job], pool: ThreadPoolExecutor) -> None:
        """Ctrl-C: stop every transfer, wait for the threads, settle every file."""
        self.stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        for job in jobs:  # segments cancelled before they started never settled their job
            if job.result is None:
                self._settle(job)

    def _progress_bar(self) -> Any:
        if not self.progress:
            return None
        from tqdm import tqdm

        return tqdm(unit="B", unit_scale=True, unit_divisor=1000, desc="download", leave=False)

    def _result(self, jobs: list[Job]) -> RunResult:
        files = [j.result or FileResult(j.target.url, j.target.path, "interrupted") for j in jobs]
        with self._lock:
            records = list(self._records)
        first_byte = self.fetcher.first_byte
        summary = summarise(
            records,
            files=len(files),
            done=sum(f.status == "done" for f in files),
            skipped=sum(f.status == "skipped" for f in files),
            failed=sum(f.status == "failed" for f in files),
            seconds=self._elapsed(),
            ttfb=None if first_byte is None else first_byte - self._t0,
            threads=self.options.threads,
        )
        self.log.summary(summary)
        return RunResult(files, summary, records)

    def _elapsed(self) -> float:
        return time.perf_counter() - self._t0

    # --- one file -----------------------------------------------------------------------

    def _start_job(self, job: Job) -> None:
        """Open the file, hand its other segments to the pool, then fetch the first one."""
        record = SegmentRecord(job.name, thread=threading.current_thread().name)
        record.began = self._elapsed()
        try:
            first = open_file(self.fetcher, job, record, self.options)
        except Stopped:
            first = None
        except (DownloadError, OSError, ValueError) as exc:
            job.fail(str(exc))
            first = None
        if first is None:  # nothing to fetch (already there, empty, all on disk), or failed
            self._settle(job)
            return
        segment, opened = first
        record.index, record.start, record.end = (
            segment.index,
            segment.start + segment.done,
            segment.end,
        )
        self._submit_others(job, segment)
        self._segment_task(job, segment, opened, record)

    def _submit_others(self, job: Job, first: Segment) -> None:
        assert job.state is not None
        others = [s for s in job.state.unfinished if s is not first]
        job.pending = 1 + len(others)
        for other in others:
            try:
                assert self._pool is not None
                self._pool.submit(self._segment_task, job, other, None, None)
            except RuntimeError:  # the pool is shutting down (Ctrl-C): it stays unfinished
                self._segment_ended(job)

    def _segment_task(
        self, job: Job, segment: Segment, first: Opened | None, record: SegmentRecord | None
    ) -> None:
        """Fetch one segment and log it, whatever happens; the last one settles the file."""
        if record is None:
            record = SegmentRecord(
                job.name, segment.index, segment.start + segment.done, segment.end
            )
            record.began = self._elapsed()
        record.thread = threading.current_thread().name
        try:
            self.fetcher.fetch(job, segment, record, first)
            record.status = "done"
        except Stopped:
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
            record.ended = self._elapsed()
            with self._lock:
                self._records.append(record)
            self.log.segment(record)
            self._segment_ended(job)

    def _segment_ended(self, job: Job) -> None:
        if job.segment_ended():
            self._settle(job)

    def _settle(self, job: Job) -> None:
        try:
            job.finish()
        finally:
            with self._changed:
                self._changed.notify_all()


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
