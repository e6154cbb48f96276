"""Tour step: a segmented download from the local server through injected faults, verified."""

from __future__ import annotations

import hashlib
import random
from pathlib import Path

from level0.atomic import atomic_write_bytes, atomic_write_text
from level0.tour import TourResult
from level4.downloader.datatypes import Options
from level4.downloader.engine import download
from level4.downloader.report import format_report, load_run, plot_timeline
from level4.downloader.server import Faults, LocalServer

SIZE = 8_000_000  # bytes of seeded random data: content does not matter, the bytes do
RATE = 2e6  # bytes/s per connection, the benchmark's cap
FAULTS = ["503", "drop", "reset", "short"]


def run(out: Path) -> TourResult:
    """Serve 8 MB capped at 2 MB/s per connection, fault the first requests, download with 8 threads."""
    served = out / "served"
    served.mkdir(exist_ok=True)
    data = random.Random(4).randbytes(SIZE)
    atomic_write_bytes(served / "big.bin", data)
    log = out / "perf.jsonl"
    log.unlink(missing_ok=True)
    faults = Faults(rate=RATE, schedule=FAULTS)
    options = Options(threads=8, segments=8, min_segment=256 * 1024, backoff=0.05)
    with LocalServer(served, faults) as server:
        result = download(
            [server.url("big.bin")],
            out / "downloads",
            options,
            sha256=hashlib.sha256(data).hexdigest(),
            log=log,
        )
    (outcome,) = result.files
    if outcome.status != "done":
        raise RuntimeError(f"the tour download failed: {outcome.message}")
    run_log = load_run(log)
    report = out / "report.txt"
    atomic_write_text(report, format_report(run_log) + "\n")
    png = plot_timeline(run_log, out / "timeline.png")
    summary = result.summary
    key = (
        f"local server, {SIZE / 1e6:.0f} MB capped at {RATE / 1e6:.0f} MB/s per connection, "
        f"faults {'/'.join(FAULTS)}: {summary.mb_per_s:.1f} MB/s with 8 threads "
        f"({summary.mb_per_s / (RATE / 1e6):.1f}x one connection's cap), {summary.retries} "
        f"retries, sha256 verified"
    )
    return TourResult(data="local server", key_result=key, files=[outcome.path, log, report, png])
