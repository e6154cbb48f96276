"""Read a performance log back: a per-thread table and a timeline of segments per thread.

The timeline is the picture that explains a download: one row per worker thread, one
bar per segment from its first request to its last byte. Gaps are idle threads (a
plan with fewer segments than threads, or the tail where one slow segment finishes
alone); a bar's colour is its file; a hatched bar needed retries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from level4.downloader.perflog import read_log

__all__ = ["RunLog", "ThreadRow", "format_report", "load_run", "plot_timeline", "thread_rows"]


@dataclass(frozen=True)
class RunLog:
    """The segment records and summary of one run of a log."""

    run: str
    segments: list[dict[str, Any]]
    summary: dict[str, Any] | None
    runs_in_file: int


@dataclass(frozen=True)
class ThreadRow:
    thread: str
    segments: int
    megabytes: float
    busy_seconds: float
    busy_share: float  # of the run's wall time
    mb_per_s: float  # while busy
    retries: int


def load_run(path: Path, run: str | None = None) -> RunLog:
    """The last run in the log at ``path`` (or the run named ``run``)."""
    records = read_log(path)
    runs = list(dict.fromkeys(str(r.get("run", "")) for r in records))
    if not runs:
        raise ValueError(f"{path} holds no download records")
    chosen = runs[-1] if run is None else run
    if chosen not in runs:
        raise ValueError(f"{path} has no run {chosen!r}; it has: {', '.join(runs)}")
    mine = [r for r in records if r.get("run") == chosen]
    segments = [r for r in mine if r["kind"] == "segment"]
    summaries = [r for r in mine if r["kind"] == "summary"]
    return RunLog(chosen, segments, summaries[-1] if summaries else None, len(runs))


def thread_rows(log: RunLog) -> list[ThreadRow]:
    """One row per worker thread: segments, MB, busy time and share, throughput, retries."""
    wall = _wall(log)
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for record in log.segments:
        grouped[str(record["thread"])].append(record)
    rows = []
    for thread in sorted(grouped, key=_thread_order):
        records = grouped[thread]
        busy = sum(float(r["seconds"]) for r in records)
        megabytes = sum(int(r["bytes"]) for r in records) / 1e6
        rows.append(
            ThreadRow(
                thread,
                len(records),
                megabytes,
                busy,
                busy / wall if wall > 0 else 0.0,
                megabytes / busy if busy > 0 else 0.0,
                sum(int(r["retries"]) for r in records),
            )
        )
    return rows


def _thread_order(name: str) -> tuple[int, str]:
    tail = name.rsplit("_", 1)[-1]
    return (int(tail), name) if tail.isdigit() else (10**9, name)


def _wall(log: RunLog) -> float:
    if log.summary is not None:
        return float(log.summary["seconds"])
    return max((float(r["ended"]) for r in log.segments), default=0.0)


def format_report(log: RunLog) -> str:
    """The per-thread table and the run's summary as text."""
    rows = thread_rows(log)
    header = ("thread", "segments", "MB", "busy s", "busy %", "MB/s busy", "retries")
    body = [
        (
            r.thread,
            str(r.segments),
            f"{r.megabytes:,.2f}",
            f"{r.busy_seconds:.2f}",
            f"{r.busy_share:.0%}",
            f"{r.mb_per_s:.2f}",
            str(r.retries),
        )
        for r in rows
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(line, widths, strict=True))
        )
        for line in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    lines.insert(
        0, f"run {log.run}" + (f" (last of {log.runs_in_file})" if log.runs_in_file > 1 else "")
    )
    summary = log.summary
    if summary is not None:
        ttfb = summary.get("ttfb")
        lines.append(
            f"\ntotal {int(summary['bytes']) / 1e6:,.2f} MB in {float(summary['seconds']):.2f} s = "
            f"{float(summary['mb_per_s']):.2f} MB/s; first byte after "
            f"{'-' if ttfb is None else f'{float(ttfb):.3f} s'}; {summary['segments']} segments, "
            f"{summary['retries']} retries; {summary['threads']} threads "
            f"{float(summary['utilisation']):.0%} busy"
        )
    else:
        lines.append("\nno summary line: the run was killed before it ended")
    return "\n".join(lines)


def report_json(log: RunLog) -> dict[str, Any]:
    return {
        "run": log.run,
        "threads": [asdict(r) for r in thread_rows(log)],
        "summary": log.summary,
    }


def plot_timeline(log: RunLog, png: Path) -> Path:
    """Draw segments per thread against time (PNG, written atomically)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.patches import Patch

    from level0.atomic import atomic_open

    threads = sorted({str(r["thread"]) for r in log.segments}, key=_thread_order)
    files = list(dict.fromkeys(str(r["file"]) for r in log.segments))
    palette = plt.get_cmap("tab10")
    colour = {name: palette(i % 10) for i, name in enumerate(files)}
    fig, ax = plt.subplots(figsize=(10, 1.2 + 0.45 * len(threads)))
    for record in log.segments:
        row = threads.index(str(record["thread"]))
        began, seconds = float(record["began"]), float(record["seconds"])
        ax.broken_barh(
            [(began, max(seconds, 1e-4))],
            (row - 0.4, 0.8),
            facecolors=colour[str(record["file"])],
            edgecolor="black",
            linewidth=0.4,
            hatch="//" if int(record["retries"]) else None,
        )
    ax.set_xlim(left=0)
    ax.set_yticks(range(len(threads)), threads)
    ax.invert_yaxis()
    ax.set_xlabel("time since the run started (s)")
    ax.set_ylabel("worker thread")
    summary = log.summary
    rate = f", {float(summary['mb_per_s']):.2f} MB/s" if summary else ""
    megabytes = sum(int(r["bytes"]) for r in log.segments) / 1e6
    ax.set_title(f"Download timeline: {len(log.segments)} segments, {megabytes:,.1f} MB{rate}")
    handles = [Patch(facecolor=colour[f], label=f) for f in files[:8]]
    if any(int(r["retries"]) for r in log.segments):
        handles.append(Patch(facecolor="white", edgecolor="black", hatch="//", label="retried"))
    if len(files) <= 8:
        ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8)
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    with atomic_open(png, "wb") as handle:
        fig.savefig(handle, format="png", dpi=110)
    plt.close(fig)
    return png
