"""The first request of a file, and how its answer decides the plan.

A fresh download asks for ``Range: bytes=0-``; a resume asks for the missing bytes of
the first unfinished segment. The answer decides:

* **206** with a total: the file is cut into segments (:func:`.state.plan_segments`);
  the first answer's body fills segment 0 (or the resumed segment) and the other
  segments get a request each. A resume whose answer shows another file (size, offset
  or ``ETag``) removes the partial file instead of stitching onto it.
* **200** (Range ignored) or no length: one stream, written from the start.
* **416** with a total of 0: an empty file, nothing to fetch.

So a small file costs one request, not a HEAD plus a GET.
"""

from __future__ import annotations

import re

from level4.downloader.datatypes import DownloadError, FileResult, Options
from level4.downloader.fetch import Fetcher, Opened, content_range
from level4.downloader.job import Job, file_sha256
from level4.downloader.perflog import SegmentRecord
from level4.downloader.state import FileState, Segment, plan_segments

__all__ = ["open_file"]

_UNSATISFIED = re.compile(r"bytes \*/(\d+)")


def open_file(
    fetcher: Fetcher, job: Job, record: SegmentRecord, options: Options
) -> tuple[Segment, Opened] | None:
    """Make the first request and plan the file; returns the first segment and its open answer.

    ``None`` when there is nothing to fetch: the file is already there, empty, or every
    byte of it is on disk from an earlier run.
    """
    if _already_there(job, options.force):
        return None
    saved = job.saved_state()
    if saved is not None and not saved.unfinished:  # every byte was on disk already
        job.resume(saved, saved.total)
        return None
    wanted = saved.unfinished[0] if saved else None
    span = f"bytes={wanted.start + wanted.done}-{wanted.end - 1}" if wanted else "bytes=0-"
    url = job.target.url
    opened = fetcher.with_retries(job, record, lambda: fetcher.request(url, span))
    try:
        return _plan(job, saved, wanted, opened, options)
    except BaseException:
        opened[1].close()
        raise


def _already_there(job: Job, force: bool) -> bool:
    """Skip a final file that exists (unless ``force``); one with another sha256 is an error."""
    target = job.target
    if not target.path.exists() or force:
        return False
    if target.sha256 and file_sha256(target.path) != target.sha256:
        raise DownloadError(
            f"{target.path} is already there with another sha256; use --force to replace it"
        )
    job.result = FileResult(target.url, target.path, "skipped", target.path.stat().st_size)
    return True


def _plan(
    job: Job,
    saved: FileState | None,
    wanted: Segment | None,
    opened: Opened,
    options: Options,
) -> tuple[Segment, Opened] | None:
    response, stack = opened
    url, etag = job.target.url, response.headers.get("ETag")
    if response.status_code == 416 and saved is None:
        empty = _UNSATISFIED.fullmatch(response.headers.get("Content-Range", ""))
        if empty is None or int(empty.group(1)) != 0:
            raise DownloadError(f"{url}: the server refused the range bytes=0- (HTTP 416)")
        stack.close()  # an empty file: nothing to fetch
        job.begin(FileState(url, 0, etag, [Segment(0, 0, 0)]))
        return None
    if response.status_code == 206:
        start, total = content_range(response, url)
        if saved is not None and wanted is not None:
            _check_resume(job, saved, wanted, opened, start, total)
            job.resume(saved, saved.done)
            return wanted, opened
        if start != 0:
            raise DownloadError(f"{url}: asked for bytes=0- and got a range from {start}")
        segments = plan_segments(total, options.segments, options.min_segment)
        job.begin(FileState(url, total, etag, segments))
        job.save_state(force=True)
        return segments[0], opened
    # 200: the server ignored Range, or a plain answer: one stream from byte 0
    length = response.headers.get("Content-Length")
    job.single, job.length_known = True, length is not None and length.isdigit()
    size = int(length) if job.length_known and length is not None else 0
    if saved is not None:
        job.discard()
    state = FileState(url, size, etag, [Segment(0, 0, size)])
    job.begin(state)
    return state.segments[0], opened


def _check_resume(
    job: Job, saved: FileState, wanted: Segment, opened: Opened, start: int, total: int
) -> None:
    """A resumed answer must continue the same file; else the partial file is removed."""
    response, stack = opened
    moved = saved.etag is not None and response.headers.get("ETag") != saved.etag
    if total != saved.total or start != wanted.start + wanted.done or moved:
        stack.close()
        job.discard()
        raise DownloadError(
            f"{job.target.url} changed on the server since the partial download; the partial "
            "file was removed, run again to start over"
        )
