"""The manifest: what a snapshot holds, one entry per path, written as JSON.

The manifest is the snapshot's source of truth. Restore takes modes and times
from it, not from the stored files: hard-linked files share one inode with older
snapshots, so their on-disk metadata belongs to whichever snapshot made them.
Verify re-hashes the stored files against it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from level0.atomic import atomic_write_text

__all__ = ["FORMAT", "SCHEMA_VERSION", "Entry", "Kind", "Manifest", "ManifestError", "shown"]

FORMAT = "level0.backup"
SCHEMA_VERSION = 1

Kind = Literal["file", "dir", "symlink"]


class ManifestError(ValueError):
    """A manifest is missing, unreadable or inconsistent."""


@dataclass(frozen=True)
class Entry:
    """One path of the source as it was backed up (``path`` is relative, with ``/``)."""

    path: str
    kind: Kind
    mode: int
    mtime_ns: int
    size: int = 0
    sha256: str | None = None  # files only
    target: str | None = None  # symlinks only


@dataclass
class Manifest:
    """Everything a snapshot records about itself."""

    name: str
    source: str
    created: str  # ISO 8601, UTC
    started_ns: int  # wall clock when the scan began; decides which mtimes can be trusted
    entries: list[Entry] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    bytes_copied: int = 0  # new data this snapshot stored (the rest is hard links)

    @property
    def files(self) -> list[Entry]:
        return [e for e in self.entries if e.kind == "file"]

    @property
    def total_bytes(self) -> int:
        return sum(e.size for e in self.files)

    def by_path(self) -> dict[str, Entry]:
        return {e.path: e for e in self.entries}

    def write(self, path: Path) -> None:
        """Write atomically, one entry per line (easy to grep and to diff).

        ``json.dumps`` escapes non-ASCII (``ensure_ascii``), which also keeps file
        names that are not valid UTF-8 (held as surrogates) intact.
        """
        fields = {"format": FORMAT, "schema_version": SCHEMA_VERSION, **vars(self)}
        entries = fields.pop("entries")
        lines = [f" {json.dumps(key)}: {json.dumps(value)}," for key, value in fields.items()]
        items = ",\n".join(f"  {json.dumps(vars(entry))}" for entry in entries)
        text = "\n".join(["{", *lines, ' "entries": [', items, " ]", "}"])
        atomic_write_text(path, text + "\n")

    @classmethod
    def read(cls, path: Path) -> Manifest:
        """Read and check a manifest; raise :class:`ManifestError` if it cannot be trusted."""
        try:
            data = json.loads(path.read_bytes())
        except FileNotFoundError:
            raise ManifestError(f"{shown(path)} does not exist: not a snapshot") from None
        except ValueError as exc:
            raise ManifestError(f"{shown(path)} is not valid JSON ({exc})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise ManifestError(f"{shown(path)} is not a backup manifest")
        if data.get("schema_version") != SCHEMA_VERSION:
            raise ManifestError(
                f"{shown(path)} has schema version {data.get('schema_version')!r}; "
                f"this tool reads version {SCHEMA_VERSION}"
            )
        try:
            entries = [Entry(**item) for item in data["entries"]]
            manifest = cls(
                name=data["name"],
                source=data["source"],
                created=data["created"],
                started_ns=int(data["started_ns"]),
                entries=entries,
                problems=list(data.get("problems", [])),
                bytes_copied=int(data.get("bytes_copied", 0)),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise ManifestError(
                f"{shown(path)} is malformed ({type(exc).__name__}: {exc})"
            ) from None
        check_entries(manifest.entries)
        return manifest


def check_entries(entries: list[Entry]) -> None:
    """Refuse paths that could escape a restore target or contradict each other.

    Every path must be relative and normalised (no ``..``, no ``.``, no empty part),
    appear once, and sit inside a directory that is itself an entry. Together these
    mean a restore only ever writes below its target and never through a symlink.
    """
    kinds: dict[str, str] = {}
    for entry in entries:
        parts = entry.path.split("/")
        if "\x00" in entry.path or any(part in {"", ".", ".."} for part in parts):
            raise ManifestError(f"unsafe path in manifest: {shown(entry.path)}")
        if entry.kind not in {"file", "dir", "symlink"}:
            raise ManifestError(f"unknown kind {entry.kind!r} for {shown(entry.path)}")
        if entry.path in kinds:
            raise ManifestError(f"path listed twice in manifest: {shown(entry.path)}")
        parent = "/".join(parts[:-1])
        if parent and kinds.get(parent) != "dir":
            raise ManifestError(f"{shown(entry.path)} is listed before its directory")
        kinds[entry.path] = entry.kind


def shown(path: str | os.PathLike[str]) -> str:
    """A path fit for a terminal line: undecodable bytes and control characters escaped."""
    text = os.fspath(path).encode("utf-8", "backslashreplace").decode("utf-8")
    return text if text.isprintable() else repr(text)
