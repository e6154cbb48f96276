"""The segment plan of one file and the small JSON file that lets a download resume.

A file of ``total`` bytes is cut into contiguous half-open segments ``[start, end)``;
each remembers how many of its bytes (from its start) are safely on disk in
``NAME.part``. The state lives beside it in ``NAME.part.json``::

    {"version": 1, "url": "...", "total": 67108864, "etag": "\\"4000000-...\\"",
     "segments": [[0, 8388608, 8388608], [8388608, 16777216, 1245184], ...]}

It is written atomically (temporary file + rename) and only after the ``.part`` file
was flushed to disk, so it never claims bytes that a crash could have lost. A resume
fetches ``[start + done, end)`` of every unfinished segment and nothing else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from level0.atomic import atomic_write_text

__all__ = ["STATE_VERSION", "FileState", "Segment", "plan_segments"]

STATE_VERSION = 1


@dataclass
class Segment:
    """Bytes ``[start, end)`` of the file; ``done`` of them are written, counted from ``start``."""

    index: int
    start: int
    end: int
    done: int = 0

    @property
    def size(self) -> int:
        return self.end - self.start

    @property
    def remaining(self) -> int:
        return self.size - self.done

    @property
    def finished(self) -> bool:
        return self.done >= self.size


def plan_segments(total: int, segments: int, min_segment: int) -> list[Segment]:
    """Cut ``total`` bytes into at most ``segments`` near-equal parts of at least ``min_segment`` bytes.

    Always at least one segment (an empty file has one empty segment).
    """
    count = max(1, min(segments, total // max(1, min_segment)))
    bounds = [total * i // count for i in range(count + 1)]
    return [Segment(i, bounds[i], bounds[i + 1]) for i in range(count)]


@dataclass
class FileState:
    """The resumable state of one download: where it comes from and which bytes are done."""

    url: str
    total: int
    etag: str | None
    segments: list[Segment] = field(default_factory=list)

    @property
    def done(self) -> int:
        return sum(s.done for s in self.segments)

    @property
    def unfinished(self) -> list[Segment]:
        return [s for s in self.segments if not s.finished]

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": STATE_VERSION,
                "url": self.url,
                "total": self.total,
                "etag": self.etag,
                "segments": [[s.start, s.end, s.done] for s in self.segments],
            }
        )

    def save(self, path: Path) -> None:
        atomic_write_text(path, self.to_json() + "\n")

    @classmethod
    def load(cls, path: Path) -> FileState | None:
        """The state saved at ``path``; None when absent, unreadable or inconsistent (start over)."""
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
            if raw.get("version") != STATE_VERSION:
                return None
            segments = [
                Segment(i, int(a), int(b), int(d)) for i, (a, b, d) in enumerate(raw["segments"])
            ]
            state = cls(str(raw["url"]), int(raw["total"]), raw.get("etag"), segments)
        except (OSError, ValueError, TypeError, KeyError, AttributeError):
            return None
        return state if state.consistent() else None

    def consistent(self) -> bool:
        """Segments tile ``[0, total)`` in order and every ``done`` lies within its segment."""
        edge = 0
        for segment in self.segments:
            if segment.start != edge or segment.end < segment.start:
                return False
            if not 0 <= segment.done <= segment.size:
                return False
            edge = segment.end
        return bool(self.segments) and edge == self.total
