"""Multithreaded downloader: Range segments in parallel, resume after a crash, a performance log.

Read in this order: :mod:`.server` (the local server and the faults it injects),
:mod:`.state` (segments and the resume file), :mod:`.retry` (backoff and jitter),
:mod:`.datatypes` (options, targets, results, errors), :mod:`.job` (one file's
``.part``, progress, verify and rename), :mod:`.fetch` (requests, host slots, retries,
a segment's bytes to disk), :mod:`.first_request` (the answer that decides the plan),
:mod:`.engine` (the thread pool), :mod:`.perflog` and :mod:`.report` (what a run cost,
as JSON lines, a table and a timeline), and :mod:`.pooch_hook` (the same engine behind
pooch's ``downloader=`` hook).

>>> with LocalServer(folder, Faults(rate=2e6, schedule=["503", "drop"])) as server:  # doctest: +SKIP
...     result = download([server.url("big.bin")], Path("out"), Options(threads=8))
>>> result.summary.line()                                                        # doctest: +SKIP
'1 file (1 downloaded): 64.00 MB in 4.31 s = 14.85 MB/s, ...'
"""

from typing import TYPE_CHECKING

from level0.lazy import lazy_exports

if TYPE_CHECKING:  # imported on first use, so the CLI starts without requests
    from level4.downloader.datatypes import (
        DownloadError,
        FileResult,
        Interrupted,
        Options,
        RunResult,
        Target,
        target_name,
    )
    from level4.downloader.engine import Downloader, download
    from level4.downloader.job import file_sha256
    from level4.downloader.perflog import RunSummary, SegmentRecord, read_log
    from level4.downloader.pooch_hook import SegmentedDownloader
    from level4.downloader.report import format_report, load_run, plot_timeline
    from level4.downloader.retry import RetryPolicy, parse_retry_after
    from level4.downloader.server import FAULTS, Faults, LocalServer
    from level4.downloader.state import FileState, Segment, plan_segments

__all__ = [
    "FAULTS",
    "DownloadError",
    "Downloader",
    "Faults",
    "FileResult",
    "FileState",
    "Interrupted",
    "LocalServer",
    "Options",
    "RetryPolicy",
    "RunResult",
    "RunSummary",
    "Segment",
    "SegmentRecord",
    "SegmentedDownloader",
    "Target",
    "download",
    "file_sha256",
    "format_report",
    "load_run",
    "parse_retry_after",
    "plan_segments",
    "plot_timeline",
    "read_log",
    "target_name",
]
__getattr__, __dir__ = lazy_exports(__name__, __file__, __all__)
