"""The performance log: one JSON line per segment, one summary line per run.

A segment line says which file and byte range, how many bytes this run fetched, how
long it took, the throughput, the retries and which worker thread did it, with start
and end times relative to the run's start (that is what the timeline plot draws)::

    {"kind": "segment", "run": "2025-...", "file": "big.bin", "index": 3, "start": 25165824,
     "end": 33554432, "bytes": 8388608, "seconds": 4.21, "mb_per_s": 1.99, "retries": 1,
     "thread": "worker_3", "began": 0.01, "ended": 4.22, "ttfb": 0.002, "status": "done"}

The summary adds the run's totals: MB/s over the wall time, time to the first body byte
and thread utilisation (the share of threads x wall time spent on segments). Lines are
appended as segments end, so a crash keeps what was logged; a reader skips a torn
last line.
"""

from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

__all__ = ["PerfLog", "RunSummary", "SegmentRecord", "read_log", "summarise"]


@dataclass
class SegmentRecord:
    """What one segment cost in this run (bytes fetched now, not counting resumed bytes)."""

    file: str
    index: int = 0
    start: int = 0
    end: int = 0
    bytes: int = 0
    retries: int = 0
    thread: str = ""
    began: float = 0.0
    ended: float = 0.0
    ttfb: float | None = None
    status: str = "running"
    error: str = ""

    @property
    def seconds(self) -> float:
        return max(0.0, self.ended - self.began)

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self, run: str) -> dict[str, Any]:
        fields = asdict(self)
        fields.update(seconds=round(self.seconds, 6), mb_per_s=round(self.mb_per_s, 4))
        return {"kind": "segment", "run": run, **fields}


@dataclass(frozen=True)
class RunSummary:
    """The run's totals, as logged and printed."""

    files: int
    done: int
    skipped: int
    failed: int
    bytes: int
    seconds: float
    ttfb: float | None
    threads: int
    utilisation: float
    segments: int
    retries: int

    @property
    def mb_per_s(self) -> float:
        return self.bytes / 1e6 / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self, run: str = "") -> dict[str, Any]:
        return {"kind": "summary", "run": run, **asdict(self), "mb_per_s": round(self.mb_per_s, 4)}

    def line(self) -> str:
        first = f"first byte after {self.ttfb:.3f} s" if self.ttfb is not None else "no bytes"
        counts = f"{self.done} downloaded"
        counts += f", {self.skipped} already there" if self.skipped else ""
        counts += f", {self.failed} failed" if self.failed else ""
        return (
            f"{self.files} file{'s' if self.files != 1 else ''} ({counts}): "
            f"{self.bytes / 1e6:,.2f} MB in {self.seconds:.2f} s = {self.mb_per_s:.2f} MB/s, "
            f"{first}, {self.segments} segments, {self.retries} retries, "
            f"{self.threads} threads {self.utilisation:.0%} busy"
        )


def summarise(
    records: list[SegmentRecord],
    *,
    files: int,
    done: int,
    skipped: int,
    failed: int,
    seconds: float,
    ttfb: float | None,
    threads: int,
) -> RunSummary:
    busy = sum(r.seconds for r in records)
    return RunSummary(
        files=files,
        done=done,
        skipped=skipped,
        failed=failed,
        bytes=sum(r.bytes for r in records),
        seconds=seconds,
        ttfb=ttfb,
        threads=threads,
        utilisation=min(1.0, busy / (threads * seconds)) if seconds > 0 else 0.0,
        segments=len(records),
        retries=sum(r.retries for r in records),
    )


class PerfLog:
    """Append JSON lines to ``path`` (opened on the first line, so an idle run writes nothing)."""

    def __init__(self, path: Path | None, run: str) -> None:
        self.path = path
        self.run = run
        self._lock = threading.Lock()

    def segment(self, record: SegmentRecord) -> None:
        self._write(record.to_dict(self.run))

    def summary(self, summary: RunSummary) -> None:
        self._write(summary.to_dict(self.run))

    def _write(self, line: dict[str, Any]) -> None:
        if self.path is None:
            return
        text = json.dumps(line) + "\n"
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(text)


def read_log(path: Path) -> list[dict[str, Any]]:
    """Every record in a log; a torn last line (a crash mid-write) is skipped, anything else is an error."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise ValueError(f"{path} is not a downloader log (not UTF-8 text)") from None
    records = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            if number == len(lines):
                break
            raise ValueError(
                f"{path}: line {number} is not JSON; is this a downloader log?"
            ) from None
        if not isinstance(record, dict) or record.get("kind") not in ("segment", "summary"):
            raise ValueError(f"{path}: line {number} is not a downloader record")
        records.append(record)
    return records
