"""A small on-disk cache of JSON answers, each entry valid for a given age.

Asking twice for Lisbon's weather within ten minutes should not cost the service a
second request: forecasts change every 15 minutes at most, and a city's coordinates
practically never. One file per request, named by a hash of the request URL and its
parameters, holding ``{"key", "saved_at", "payload"}``. A file that is unreadable,
for another key or too old is treated as absent; writes are atomic, so two
processes never see half an entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import platformdirs

from level0.atomic import atomic_write_text

__all__ = ["CACHE_ENV", "ResponseCache", "default_cache_dir"]

CACHE_ENV = "MLROADMAP_WEATHER_CACHE"


def default_cache_dir() -> Path:
    """``$MLROADMAP_WEATHER_CACHE`` if set, else the platform's user cache folder (``.../mlroadmap/weather``)."""
    override = os.environ.get(CACHE_ENV)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("mlroadmap")) / "weather"


class ResponseCache:
    """JSON payloads on disk, keyed by request; ``get`` returns ``None`` when absent or expired."""

    def __init__(self, directory: str | os.PathLike[str], clock: Callable[[], float] = time.time):
        self.directory = Path(directory)
        self.clock = clock  # injectable, so tests can move time forward

    def get(self, key: str, max_age: float) -> Any | None:
        """The payload saved under ``key`` if it is younger than ``max_age`` seconds."""
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
            if entry["key"] != key:  # a hash collision, however unlikely
                return None
            age = self.clock() - float(entry["saved_at"])
            payload = entry["payload"]
        except (OSError, ValueError, KeyError, TypeError):
            return None  # absent, or not an entry we wrote: fetch again
        return payload if 0 <= age <= max_age else None

    def put(self, key: str, payload: Any) -> None:
        """Save ``payload`` (anything JSON can hold) under ``key``."""
        self.directory.mkdir(parents=True, exist_ok=True)
        entry = {"key": key, "saved_at": self.clock(), "payload": payload}
        atomic_write_text(self._path(key), json.dumps(entry, ensure_ascii=False))

    def _path(self, key: str) -> Path:
        return self.directory / f"{hashlib.sha256(key.encode()).hexdigest()[:32]}.json"
