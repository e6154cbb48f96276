"""What a download is asked for (:class:`Options`, :class:`Target`) and how it ends.

Plain data, no network: :class:`FileResult` per file, :class:`RunResult` per run, and
the exceptions the engine raises or uses to stop its threads.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal
from urllib.parse import unquote, urlsplit

from level4.downloader.perflog import RunSummary, SegmentRecord
from level4.downloader.retry import RetryPolicy

__all__ = [
    "DownloadError",
    "FileResult",
    "Interrupted",
    "Options",
    "RunResult",
    "Status",
    "Stopped",
    "Target",
    "target_name",
]

Status = Literal["done", "skipped", "failed", "interrupted"]


class DownloadError(Exception):
    """A final failure for one file (HTTP 404, the file changed, retries exhausted, bad sha256)."""


class Stopped(Exception):
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


def target_name(url: str) -> str:
    """The file name a URL is saved under: the last path component, decoded."""
    name = unquote(urlsplit(url).path.rsplit("/", 1)[-1])
    if name in ("", ".", "..") or "/" in name or "\0" in name:
        raise ValueError(f"cannot tell a file name from {url!r}; it must end in a file name")
    return name


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
