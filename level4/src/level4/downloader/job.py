"""One file in flight: its ``.part`` file, its segments, its resume state and its ending.

Every segment of a file writes into the same preallocated ``NAME.part`` with
``os.pwrite`` at its own offset, so threads never share a file position. Progress is
counted under the job's lock, and ``NAME.part.json`` is written only after the ``.part``
file was flushed. When the last segment ends, :meth:`Job.finish` settles the file once:
a complete file is flushed, checked against its sha256 and renamed to its final name;
anything else keeps its state for a resume, or is removed if a resume could not use it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import threading
import time
from pathlib import Path

from level0.atomic import atomic_write_text
from level4.downloader.datatypes import FileResult, Status, Target
from level4.downloader.state import FileState, Segment

__all__ = ["Job", "file_sha256"]


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class Job:
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
        self.pending = 0  # segments not yet ended; the last one to end settles the file
        self.error: str | None = None
        self.result: FileResult | None = None
        self.fetched = 0
        self.resumed = 0
        self.last_save = 0.0

    @property
    def resumable(self) -> bool:
        return self.state is not None and not self.single and self.state.total > self.min_segment

    def fail(self, message: str) -> None:
        """Record the file's first error; the other segments see it and stop."""
        with self.lock:
            self.error = self.error or message

    # --- the plan and the .part file ----------------------------------------------------

    def saved_state(self) -> FileState | None:
        """An earlier run's state, if it belongs to this URL and to the ``.part`` on disk."""
        if not self.part.exists():
            return None
        saved = FileState.load(self.state_path)
        if saved is not None and (
            saved.url != self.target.url or self.part.stat().st_size != saved.total
        ):
            return None
        return saved

    def begin(self, state: FileState) -> None:
        """Start the file afresh with this plan: an empty ``.part`` of the full size."""
        self.state = state
        self.open_part(state.total, fresh=True)

    def resume(self, saved: FileState, resumed: int) -> None:
        """Carry on from an earlier run's state and ``.part``."""
        self.state, self.resumed = saved, resumed
        self.open_part(saved.total, fresh=False)

    def open_part(self, size: int | None, fresh: bool) -> None:
        self.part.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | (os.O_TRUNC if fresh else 0)
        self.fd = os.open(self.part, flags, 0o644)
        if fresh and size:
            os.ftruncate(self.fd, size)
            with contextlib.suppress(OSError, AttributeError):
                os.posix_fallocate(self.fd, 0, size)  # reserve the blocks now: no ENOSPC later

    def discard(self) -> None:
        for path in (self.part, self.state_path):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()

    # --- progress -----------------------------------------------------------------------

    def write(self, segment: Segment, chunk: bytes) -> None:
        """Write ``chunk`` where ``segment`` continues, then count it as done."""
        assert self.fd is not None
        os.pwrite(self.fd, chunk, segment.start + segment.done)
        with self.lock:
            segment.done += len(chunk)
            self.fetched += len(chunk)

    def restart(self, segment: Segment) -> None:
        """Forget the bytes of ``segment`` (a single stream's retry starts from byte 0)."""
        with self.lock:
            self.fetched -= segment.done
            segment.done = 0

    def resize(self, segment: Segment, size: int) -> None:
        """A single stream's new answer declares ``size`` bytes: the file is that long."""
        with self.lock:
            segment.end = size
            assert self.state is not None
            self.state.total = size

    def ends_with(self, segment: Segment) -> None:
        """A body without a length has ended: the file is as long as what arrived."""
        with self.lock:
            segment.end = segment.done
            assert self.state is not None
            self.state.total = segment.done

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

    # --- the end of the file ------------------------------------------------------------

    def segment_ended(self) -> bool:
        """Count one segment as over; True for the last one, whose thread settles the file."""
        with self.lock:
            self.pending -= 1
            return self.pending == 0

    def finish(self) -> None:
        """Settle the file once: rename a complete verified one, else save its state or clean up."""
        try:
            if self.result is None:
                self.result = self._conclude()
        except OSError as exc:
            self.result = self._file_result("failed", str(exc))
        finally:
            if self.fd is not None:
                os.close(self.fd)
                self.fd = None

    def _conclude(self) -> FileResult:
        state = self.state
        if self.error or state is None or self.fd is None or state.unfinished:
            return self._incomplete()
        if self.single:  # its length came from the last answer (or the end of the body)
            os.ftruncate(self.fd, state.total)
        os.fsync(self.fd)
        mismatch = self._sha256_mismatch()
        if mismatch:
            self.discard()
            return self._file_result("failed", mismatch)
        os.replace(self.part, self.target.path)
        with contextlib.suppress(FileNotFoundError):
            self.state_path.unlink()
        return self._file_result("done")

    def _incomplete(self) -> FileResult:
        """Failed or interrupted: keep what a resume can use, remove what it cannot."""
        status: Status = "failed" if self.error else "interrupted"
        hint = ""
        if self.resumable:
            self.save_state(force=True)
            hint = f"; {self.state.done if self.state else 0:,} bytes kept, run again to resume"
        elif self.state is not None:  # a .part this run began but cannot resume: remove it
            self.discard()
        return self._file_result(status, (self.error or "interrupted") + hint)

    def _sha256_mismatch(self) -> str | None:
        """The error message if the ``.part`` file is not what ``--sha256`` promised."""
        expected = self.target.sha256
        if not expected:
            return None
        actual = file_sha256(self.part)
        if actual == expected.lower():
            return None
        return (
            f"{self.name}: sha256 mismatch (expected {expected[:16]}…, got "
            f"{actual[:16]}…); the download was discarded and no file was written"
        )

    def _file_result(self, status: Status, message: str = "") -> FileResult:
        state = self.state
        return FileResult(
            self.target.url,
            self.target.path,
            status,
            state.total if state else None,
            self.fetched,
            self.resumed,
            len(state.segments) if state else 0,
            message,
        )
