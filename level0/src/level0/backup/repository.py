"""The layout of a backup destination, and the rule for what counts as a snapshot.

::

    DEST/
      .lock                           held while a backup or prune runs
      2025-03-14T093000.123456Z/      a complete snapshot
        manifest.json
        files/...                     the source tree (unchanged files hard-linked)
      .partial-2025-03-14T...Z/       a snapshot being built, or left by a killed run
      .deleting-2025-01-01T...Z/      a snapshot being pruned

A snapshot is built under a ``.partial-`` name and renamed to its final name only
once every file and the manifest are on disk: ``rename`` is atomic, so a final
name always means a complete snapshot. Anything else is ignored by ``list`` and
removed by the next run, under the lock.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import filelock

from level0.backup.manifest import Manifest, ManifestError, shown

__all__ = [
    "BackupError",
    "InvalidRequest",
    "Snapshot",
    "destination_lock",
    "fsync_directory",
    "latest_snapshot",
    "list_snapshots",
    "new_snapshot_name",
    "remove_leftovers",
]

NAME_FORMAT = "%Y-%m-%dT%H%M%S.%fZ"
NAME_PATTERN = re.compile(r"\d{4}-\d{2}-\d{2}T\d{6}\.\d{6}Z")
PARTIAL = ".partial-"
DELETING = ".deleting-"
MANIFEST = "manifest.json"
FILES = "files"


class BackupError(Exception):
    """A backup, restore, verify or prune could not be carried out."""


class InvalidRequest(ValueError):
    """The arguments cannot work (destination inside the source, no retention rule...)."""


@dataclass
class Snapshot:
    """A complete snapshot found under a destination."""

    path: Path
    manifest: Manifest

    @property
    def name(self) -> str:
        return self.path.name

    @property
    def created(self) -> datetime:
        return datetime.strptime(self.name, NAME_FORMAT).replace(tzinfo=UTC)


def list_snapshots(
    dest: str | os.PathLike[str], warnings: list[str] | None = None
) -> list[Snapshot]:
    """Complete snapshots under ``dest``, oldest first.

    A directory with a snapshot's name but no readable manifest is skipped, and
    a line saying so is appended to ``warnings``.
    """
    folder = Path(dest)
    if not folder.is_dir():
        raise BackupError(f"{shown(folder)} is not a directory")
    found = []
    for child in sorted(folder.iterdir()):
        if not NAME_PATTERN.fullmatch(child.name) or not child.is_dir():
            continue
        try:
            found.append(Snapshot(child, Manifest.read(child / MANIFEST)))
        except ManifestError as exc:
            if warnings is not None:
                warnings.append(f"skipped {shown(child)}: {exc}")
    return found


def latest_snapshot(dest: Path) -> Snapshot | None:
    """The newest complete snapshot, reading only as many manifests as it takes."""
    if not dest.is_dir():
        return None
    names = sorted((p.name for p in dest.iterdir() if NAME_PATTERN.fullmatch(p.name)), reverse=True)
    for name in names:
        try:
            return Snapshot(dest / name, Manifest.read(dest / name / MANIFEST))
        except ManifestError:
            continue
    return None


def new_snapshot_name(dest: Path, now: datetime) -> str:
    """A name from the UTC time (microseconds), moved on until it is free."""
    moment = now.astimezone(UTC)
    while True:
        name = moment.strftime(NAME_FORMAT)
        if not any((dest / prefix).exists() for prefix in (name, PARTIAL + name)):
            return name
        moment += timedelta(microseconds=1)


@contextlib.contextmanager
def destination_lock(dest: Path) -> Iterator[None]:
    """Hold ``DEST/.lock``, or fail at once if another run holds it.

    The lock is an OS file lock, so the kernel drops it when its process dies,
    even by SIGKILL: a killed run never leaves the destination locked.
    """
    lock = filelock.FileLock(dest / ".lock", timeout=0)
    try:
        lock.acquire()
    except filelock.Timeout:
        raise BackupError(f"another backup or prune is running on {shown(dest)}") from None
    try:
        yield
    finally:
        lock.release()


def remove_leftovers(dest: Path) -> list[str]:
    """Delete ``.partial-`` and ``.deleting-`` folders left by killed runs (call under the lock)."""
    removed = []
    for child in sorted(dest.iterdir()):
        if child.name.startswith((PARTIAL, DELETING)) and child.is_dir():
            shutil.rmtree(child)
            removed.append(child.name)
    return removed


def fsync_directory(directory: Path) -> None:
    """Make renames and new entries in ``directory`` durable."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
